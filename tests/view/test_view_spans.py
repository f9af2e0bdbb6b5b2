"""Overlapping evidence rendered flat: every fact's highlight is exactly its characters, however
spans nest, cross, coincide or touch (invented spans and text)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from api.view.context import in_context
from api.view.facts import KINDS, Fact
from api.view.render import article_html
from api.view.spans import Span, pieces

from .reading import Page, highlight_mismatches


def covering(length, spans):
    return [(p.start, p.end, [s.key for s in p.covering]) for p in pieces(length, spans)]


@pytest.mark.parametrize("spans, expected", [
    ([Span("a", "quote", 0, 10), Span("b", "figure", 2, 5)],            # nested: innermost first
     [(0, 2, ["a"]), (2, 5, ["b", "a"]), (5, 10, ["a"])]),
    ([Span("a", "quote", 0, 6), Span("b", "event", 3, 9)],              # crossing
     [(0, 3, ["a"]), (3, 6, ["a", "b"]), (6, 9, ["b"]), (9, 10, [])]),
    ([Span("a", "event", 2, 5), Span("b", "reported", 2, 5)],          # the same words twice
     [(0, 2, []), (2, 5, ["a", "b"]), (5, 10, [])]),
    ([Span("a", "actor", 0, 3), Span("b", "actor", 3, 6)],             # touching, not overlapping
     [(0, 3, ["a"]), (3, 6, ["b"]), (6, 10, [])]),
    ([Span("a", "figure", 4, 4), Span("b", "figure", 8, 12)],          # empty or past the end: ignored
     [(0, 10, [])]),
])
def test_text_is_cut_at_every_boundary(spans, expected):
    assert covering(10, spans) == expected


def test_a_fact_opens_once_where_it_starts_outermost_first():
    spans = [Span("inner", "actor", 0, 3), Span("outer", "reported", 0, 9), Span("late", "figure", 4, 6)]
    opened = {p.start: [s.key for s in p.opening] for p in pieces(9, spans)}
    assert opened == {0: ["outer", "inner"], 3: [], 4: ["late"], 6: []}


span_lists = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 15)), max_size=12)


@given(span_lists)
def test_any_spans_are_highlighted_exactly(raw):
    text = "".join(chr(0x61 + i % 26) for i in range(40)).replace("e", "<").replace("k", "&")
    facts = [Fact(f"figure-{i}", KINDS["figure"], f"/view/figures/{i}", "F", "F", start=s, end=min(s + n, 40))
             for i, (s, n) in enumerate(raw) if s < 40]
    page = Page(f'<div id="text">{article_html(text, facts)}</div>')
    assert page.text == text
    expected = {f.key: (f.start, text[f.start:f.end]) for f in facts}
    assert highlight_mismatches(page.pieces, expected) == []


def test_overlaps_are_marked_and_actor_names_underlined():
    text = "Officials said 300 soldiers of Ostland crossed."
    facts = [Fact("statement-1", KINDS["reported"], "/s", "S", "S", start=10, end=46),
             Fact("figure-2", KINDS["figure"], "/f", "F", "F", start=15, end=27),
             Fact("actor-ostland-31-38", KINDS["actor"], "/a", "A", "A", start=31, end=38)]
    html = str(article_html(text, facts))
    # The figure's words: its colour (the innermost), marked as an overlap.
    assert '<mark class="hl bg-figure over" data-facts="figure-2 statement-1"' in html
    assert '<mark class="hl bg-reported named"' in html            # Ostland: an actor inside a statement
    assert html.count('class="tag') == 3


@pytest.mark.parametrize("text, span, before, after", [
    ("First one. The envoy said 40 ships left. Last one.", "40 ships", "The envoy said ", " left."),
    ("Line one\nNobody came “today,” she said.\nNext", "today", "Nobody came “", ",” she said."),
    ("He said: stop. Then left.", "He said: stop.", "", ""),
    ("A question? Yes, 12 of them. No.", "12", "Yes, ", " of them."),
])
def test_context_is_the_sentence_around_the_evidence(text, span, before, after):
    start = text.index(span)
    ctx = in_context(text, start, start + len(span))
    assert (ctx.before, ctx.match, ctx.after) == (before, span, after)
    assert not ctx.cut_before and not ctx.cut_after


def test_context_of_a_very_long_sentence_is_cut_and_says_so():
    text = "word " * 300 + "TARGET " + "word " * 300
    start = text.index("TARGET")
    ctx = in_context(text, start, start + 6)
    assert ctx.cut_before and ctx.cut_after and len(ctx.before) <= 400 and len(ctx.after) <= 400
