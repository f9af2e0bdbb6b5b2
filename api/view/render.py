"""The article as HTML: every character escaped, every fact's characters inside the pieces that
name it (see spans.py), a focusable type label where each fact begins."""
from __future__ import annotations

from markupsafe import Markup, escape

from .facts import Fact
from .spans import pieces


def _tag(fact: Fact) -> str:
    return (f'<a class="tag k-{fact.kind.name}" id="tag-{escape(fact.key)}" href="{escape(fact.href)}" '
            f'data-key="{escape(fact.key)}" data-letter="{fact.kind.letter}" '
            f'aria-label="{escape(fact.summary)}" aria-describedby="{escape(fact.card)}"></a>')


def article_html(text: str, facts: list[Fact]) -> Markup:
    """Unmarked text as is; each covered piece a <mark> whose classes say what covers it:
    bg-<kind> the innermost fact that is not an actor, `named` an actor mention, `over` two or
    more such facts at once. data-facts lists every covering fact, innermost first."""
    by_key = {f.key: f for f in facts}
    out = []
    for piece in pieces(len(text), [f.span for f in facts]):
        chunk = str(escape(text[piece.start:piece.end]))
        if not piece.covering:
            out.append(chunk)
            continue
        facts_here = [by_key[s.key] for s in piece.covering]
        shaded = [f for f in facts_here if f.kind.name != "actor"]
        classes = ["hl", f"bg-{shaded[0].kind.name}" if shaded else "bg-none"]
        if len(shaded) < len(facts_here):
            classes.append("named")
        if len(shaded) > 1:
            classes.append("over")
        tags = "".join(_tag(by_key[s.key]) for s in piece.opening)
        keys = " ".join(f.key for f in facts_here)
        out.append(f'<mark class="{" ".join(classes)}" data-facts="{escape(keys)}">{tags}{chunk}</mark>')
    return Markup("".join(out))
