"""Reading a viewer page back: the article's text pieces with the facts covering each, every tag
and attribute, and the check that each fact's highlight is exactly its evidence."""
from __future__ import annotations

from html.parser import HTMLParser


class Page(HTMLParser):
    """pieces: (keys covering, text) in document order inside #text; tags: every start tag."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.pieces: list[tuple[tuple[str, ...], str]] = []
        self.tags: list[tuple[str, dict]] = []
        self.labels: dict[str, dict] = {}      # fact key -> attributes of its focusable label
        self.ids: list[str] = []
        self._depth = 0       # inside #text: element depth
        self._marks: list[tuple[str, ...]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if self._depth:
            self._depth += 1
            if tag == "mark":
                self._marks.append(tuple((attrs.get("data-facts") or "").split()))
            if "tag" in (attrs.get("class") or "").split():
                self.labels[attrs["data-key"]] = attrs
        elif attrs.get("id") == "text":
            self._depth = 1

    def handle_endtag(self, tag):
        if self._depth:
            self._depth -= 1
            if tag == "mark":
                self._marks.pop()

    def handle_data(self, data):
        if self._depth:
            self.pieces.append((self._marks[-1] if self._marks else (), data))

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.pieces)


def highlight_mismatches(pieces, expected: dict[str, tuple[int, str]]) -> list[str]:
    """Each expected key (start, evidence text) against the run of pieces that name it: one run,
    starting at `start` (code points), whose text is the evidence. Also: no highlight unexpected."""
    runs: dict[str, list[tuple[int, int]]] = {}
    offset = 0
    for keys, text in pieces:
        for key in keys:
            spans = runs.setdefault(key, [])
            if spans and spans[-1][1] == offset:
                spans[-1] = (spans[-1][0], offset + len(text))
            else:
                spans.append((offset, offset + len(text)))
        offset += len(text)
    whole = "".join(text for _, text in pieces)
    problems = [f"{key}: highlighted but not a fact" for key in sorted(set(runs) - set(expected))]
    for key, (start, evidence) in sorted(expected.items()):
        spans = runs.get(key)
        if not spans:
            problems.append(f"{key}: not highlighted")
        elif len(spans) != 1:
            problems.append(f"{key}: highlighted in {len(spans)} separate places")
        elif spans[0][0] != start or whole[spans[0][0]:spans[0][1]] != evidence:
            problems.append(f"{key}: highlights {whole[spans[0][0]:spans[0][1]]!r} at {spans[0][0]}, "
                            f"evidence is {evidence!r} at {start}")
    return problems


def expected_spans(client, document_id: str, actor_mentions) -> dict[str, tuple[int, str]]:
    """What the API says one document's evidence is, keyed as the viewer names it; actor mentions
    (not in the JSON) from the database, their text taken from the document."""
    facts = client.get(f"/v1/documents/{document_id}/facts").get_json()
    text = client.get(f"/v1/documents/{document_id}").get_json()["text"]
    out = {}
    for kind in ("statement", "figure"):
        for fact in facts[kind + "s"]:
            ev = fact["evidence"]
            assert ev["document"] == document_id
            out[f"{kind}-{fact['id']}"] = (ev["start"], ev["text"])
    for event in facts["events"]:
        for ev in event["mentions"]:
            if ev["document"] == document_id:
                out[f"event-{event['id']}-{ev['start']}-{ev['end']}"] = (ev["start"], ev["text"])
    for actor_id, start, end in actor_mentions:
        out[f"actor-{actor_id}-{start}-{end}"] = (start, text[start:end])
    return out


def actor_mentions_of(app, document_id: str) -> list[tuple[str, int, int]]:
    from sqlalchemy import select

    from api.extensions import db
    from api.models import ActorMention
    with app.app_context():
        return [tuple(r) for r in db.session.execute(
            select(ActorMention.actor_id, ActorMention.start_char, ActorMention.end_char)
            .where(ActorMention.document_id == document_id))]
