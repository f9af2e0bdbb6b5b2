"""Paragraphs, sentences and the role of each line (headline, byline, boilerplate, body)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .nlp import get_nlp
from .types import Span

BOILERPLATE = re.compile(r"^(also read|others are reading now|read more|related)\b", re.I)
BYLINE = re.compile(r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3} for [A-Z][\w ]+$")


@dataclass(frozen=True)
class Sentence:
    span: Span
    paragraph: int
    role: str            # "headline" | "byline" | "boilerplate" | "teaser" | "body"


@dataclass
class ParsedText:
    text: str
    published: date | None
    doc: Any                              # the spaCy Doc over the whole text
    paragraphs: list[Span]
    sentences: list[Sentence]
    notes: tuple[str, ...] = field(default=())


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
    if BOILERPLATE.match(para.text):
        return "boilerplate"
    if BYLINE.match(para.text):
        return "byline"
    if index == 0:
        return "headline"
    return "body"


def parse(text: str, published: date | None = None) -> ParsedText:
    nlp, blank = get_nlp()
    doc = nlp(text)
    paras = paragraphs(text)
    sentences: list[Sentence] = []
    for i, para in enumerate(paras):
        role = line_role(i, para)
        for sent in doc.char_span(para.start, para.end, alignment_mode="expand").sents:
            s, e = max(sent.start_char, para.start), min(sent.end_char, para.end)
            if text[s:e].strip():
                sentences.append(Sentence(Span.of(text, s, e), i, role))
    notes = ("blank pipeline: spaCy model not installed",) if blank else ()
    return ParsedText(text, published, doc, paras, sentences, notes)
