"""Paragraphs, sentences and the role of each line (headline, byline, boilerplate, body).

Roles keep page furniture from yielding facts: bylines ("Ian Smith for TROIB News"),
"Also read" lines, subheadings, and repeats (a teaser that the body repeats, a headline
printed twice). A repeated complete sentence counts at its first occurrence; a teaser
sentence cut off with "..." counts only when nothing later completes it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import parse_repair
from .nlp import get_nlp
from .types import Span

BOILERPLATE = re.compile(r"^(also read|others are reading now|read more|related|recommended|"
                         r"advertisement|share this|follow us|subscribe|click here|watch)\b", re.I)
BYLINE = re.compile(r"^(?:by\s+)?[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
                    r"(?: for | \| | - )[A-Z][\w .&'’-]+$|^[Bb]y\s+[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}$")
ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*$")
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class Sentence:
    span: Span
    paragraph: int
    role: str    # headline | subheading | byline | boilerplate | teaser | duplicate | body


@dataclass
class ParsedText:
    text: str
    published: date | None
    doc: Any                              # the spaCy Doc over the whole text
    paragraphs: list[Span]
    sentences: list[Sentence]
    notes: tuple[str, ...] = field(default=())
    roles: list[str] = field(default_factory=list)    # one per paragraph


def paragraphs(text: str) -> list[Span]:
    out, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            out.append(Span(start, start + len(stripped), stripped))
        pos += len(line) + 1
    return out


def line_role(index: int, para: Span) -> str:
    """What a paragraph is, from its shape alone."""
    words = len(para.text.split())
    if BOILERPLATE.match(para.text) and words <= 6:
        return "boilerplate"
    if BYLINE.match(para.text) and (words <= 8 or not para.text.endswith((".", "!", "?", "”", '"'))):
        return "byline"   # "Ian Smith for TROIB News", not "The Observatory for Human Rights said ..."
    if index == 0 and words <= 25 and not re.search(r"[.!?]\s+[A-Z]", para.text):
        return "headline"
    if ELLIPSIS.search(para.text):
        return "teaser"
    if words <= 10 and not re.search(r"[.!?:”\"]$", para.text):
        return "subheading"
    return "body"


def _norm(s: str) -> str:
    return _WS.sub(" ", ELLIPSIS.sub("", s)).strip().lower()


def mark_repeats(sentences: list[Sentence], text: str) -> list[Sentence]:
    """Role "duplicate" for later copies of a complete sentence and for cut-off teaser sentences."""
    seen: set[str] = set()
    norm_all = _norm(text)
    out = []
    for s in sentences:
        key = _norm(s.span.text)
        role = s.role
        if role not in ("byline", "boilerplate") and len(key) > 15:
            if key in seen:
                role = "duplicate"
            elif ELLIPSIS.search(s.span.text) and norm_all.count(key) > 1:
                role = "duplicate"
            seen.add(key)
        out.append(s if role == s.role else Sentence(s.span, s.paragraph, role))
    return out


def parse(text: str, published: date | None = None, doc=None) -> ParsedText:
    """`doc`: the pipeline's Doc of `text` when the caller already ran it (nlp.pipe in batches)."""
    nlp, blank = get_nlp()
    doc = nlp(text) if doc is None else doc
    parse_repair.repair(doc)
    paras = paragraphs(text)
    roles = [line_role(i, p) for i, p in enumerate(paras)]
    sentences: list[Sentence] = []
    for i, para in enumerate(paras):
        for sent in doc.char_span(para.start, para.end, alignment_mode="expand").sents:
            s, e = max(sent.start_char, para.start), min(sent.end_char, para.end)
            if text[s:e].strip():
                sentences.append(Sentence(Span.of(text, s, e), i, roles[i]))
    sentences = mark_repeats(sentences, text)
    notes = ("blank pipeline: spaCy model not installed",) if blank else ()
    return ParsedText(text, published, doc, paras, sentences, notes, roles)
