"""Line roles: headline, byline, boilerplate, subheading, teaser, and repeats."""
from __future__ import annotations

import pytest

from api.extract.text import line_role, mark_repeats, paragraphs, parse
from api.extract.types import Span


@pytest.mark.parametrize("index,line,role", [
    (0, "Minister Says Budget Will Be Balanced by 2027", "headline"),
    (3, "Jane Doe for Example Daily", "byline"),
    (3, "By Jane Doe", "byline"),
    # a sentence that begins like one is article text
    (3, "The Ruritanian Observatory for Human Rights said 12 fighters were killed in the raid on Monday.",
     "body"),
    (2, "Also read", "boilerplate"),
    (2, "Others are reading now", "boilerplate"),
    (4, "A turning point for the coalition", "subheading"),
    (1, "The mayor said the bridge would reopen, adding that repairs...", "teaser"),
    (5, "The mayor said the bridge would reopen next week after repairs.", "body"),
])
def test_line_role(index, line, role):
    assert line_role(index, Span(0, len(line), line)) == role


def test_paragraph_offsets_quote_the_text():
    text = "Title\n\n  First para.  \nSecond para."
    for p in paragraphs(text):
        assert text[p.start:p.end] == p.text


def test_repeated_sentences_count_once(nlp):
    text = ("Port Strike Ends\nUnions agreed to a deal on Friday, the ministry said. Talks had lasted...\n"
            "Port Strike Ends\nUnions agreed to a deal on Friday, the ministry said.\n"
            "Talks had lasted nine days, according to the union.\n")
    parsed = parse(text)
    roles = [(s.role, s.span.text) for s in parsed.sentences]
    dup = [t for r, t in roles if r == "duplicate"]
    assert "Port Strike Ends" in dup
    assert "Unions agreed to a deal on Friday, the ministry said." in dup
    assert any(t.startswith("Talks had lasted...") for t in dup)
    assert mark_repeats([], text) == []
