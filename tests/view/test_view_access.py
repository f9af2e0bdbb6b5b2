"""Accessibility the viewer promises: WCAG AA contrast for every colour pair its stylesheet uses,
a label that names each kind (colour is never the only cue), and labelled controls."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from api.view.facts import KINDS

from .reading import Page

CSS = (Path(__file__).resolve().parents[2] / "api" / "view" / "static" / "view.css").read_text()


def palette() -> dict[str, str]:
    root = CSS[CSS.index(":root"):].split("}")[0]
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", root))


def luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


BACKGROUNDS = [*KINDS, "match", "paper"]


def pairs():
    """(foreground, background, minimum): text 4.5:1; lines and outlines (non-text) 3:1."""
    out = [("ink", bg, 4.5) for bg in BACKGROUNDS]                   # article text on each highlight
    out += [("paper", f"{k}-label", 4.5) for k in KINDS]             # the letter on its label
    out += [("link", "paper", 4.5), ("muted", "paper", 4.5), ("ink", "paper", 4.5)]
    out += [(line, bg, 3) for line in ("actor-label", "overlap", "focus") for bg in BACKGROUNDS]
    out += [("rule", "paper", 3)]
    return out


@pytest.mark.parametrize("fg, bg, minimum", pairs())
def test_every_colour_pair_passes_wcag_aa(fg, bg, minimum):
    colours = palette()
    ratio = contrast(colours[fg], colours[bg])
    assert ratio >= minimum, (fg, bg, round(ratio, 2))


def test_every_kind_has_a_colour_a_label_colour_and_a_distinct_letter():
    colours = palette()
    assert all(k in colours and f"{k}-label" in colours for k in KINDS)
    assert len({k.letter for k in KINDS.values()}) == len(KINDS)
    assert len({colours[k] for k in KINDS}) == len(KINDS)
    for kind in KINDS:   # the stylesheet really uses them
        assert f".bg-{kind} {{ background: var(--{kind}); }}" in CSS
        assert f"background: var(--{kind}-label)" in CSS


def test_document_page_has_a_legend_labels_and_landmarks(client):
    doc = client.get("/v1/documents?per_page=1").get_json()["data"][0]["id"]
    body = client.get(f"/view/documents/{doc}").get_data(as_text=True)
    page = Page(body)
    assert ('html', {'lang': 'en'}) in page.tags
    legend = body[body.index('class="legend"'):body.index("</section>", body.index('class="legend"'))]
    for kind in KINDS.values():   # the legend says what each colour and letter means
        assert f'class="swatch bg-{kind.name}"' in legend and f">{kind.letter}</span> {kind.title}" in legend
    names = {t for t, _ in page.tags}
    assert {"main", "header", "nav", "article", "aside", "h1", "h2"} <= names
    titles = tuple(k.title for k in KINDS.values())
    assert page.labels and all(a["aria-label"].startswith(titles) for a in page.labels.values())
    # Every form control has a label.
    controls = [a["id"] for t, a in page.tags if t in ("input", "select")]
    labelled = {a.get("for") for t, a in page.tags if t == "label"}
    assert controls and set(controls) <= labelled
    assert body.index('class="skip"') < body.index('id="main"')
