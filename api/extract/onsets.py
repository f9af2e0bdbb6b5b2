"""The start of an ongoing happening, where the text tells it.

"Israel's offensive in Gaza since Oct. 7", "the exchanges of fire, which began on Oct. 8", "the
RSF has been at war with the army since April": the date is when the offensive, the exchanges
or the war began, so it dates that happening (a war or a siege is an event only where the text
dates its start: data/onsets.tsv). A toll over the period ("have killed 1,100 since June") is
still no dated event (events.py: tally frames).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "onsets.tsv"


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, str]]]:
    words: dict[str, frozenset[str]] = {}
    states: dict[str, tuple[str, str]] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] == "state":
            states[cells[1]] = (cells[2], cells[3])
        else:
            words[cells[0]] = frozenset(cells[1].split(","))
    return words, states


def state_sense(word: str) -> tuple[str, str] | None:
    """(kind, frame) of a state that is an event only with its start told ("war")."""
    return _table()[1].get(word)


def _date_after(prep):
    """The date a preposition takes: "since Oct. 7" -> the token "Oct.", else None."""
    return next((o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ == "DATE"), None)


def _since(tok):
    return next((d for p in tok.children if p.dep_ == "prep" and p.lower_ == "since"
                 for d in [_date_after(p)] if d is not None), None)


def start_date(noun):
    """The token of the date a happening noun started on, or None: "since X" on the noun, a
    clause on it that tells its start ("which began on X", "launched in X"), or "since X" on the
    clause it surrounds ("killed in the offensive since X", "has been at war since X"). Repeated
    happenings ("in strikes since Dec. 30") are a tally: only a clause telling their start dates them."""
    words, states = _table()
    repeated = noun.tag_ == "NNS" and noun.lower_ not in states   # "strikes since Dec. 30": a tally
    found = _since(noun) if not repeated else None
    if found is not None:
        return found
    # "the siege of Tarsk, which began in June": the parse hangs the clause on the place
    places = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj" and o.tag_ in ("NNP", "NNPS")]
    for c in [c for h in (noun, *places) for c in h.children]:
        if c.dep_ in ("relcl", "acl") and c.lower_ in words["start_verbs"]:
            for p in c.children:
                d = _date_after(p) if p.dep_ == "prep" else \
                    p if p.dep_ == "npadvmod" and p.ent_type_ == "DATE" else None
                if d is not None:
                    return d
    prep = noun.head
    if not repeated and noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in words["around"] \
            and prep.head.tag_[:2] == "VB":
        return _since(prep.head)
    return None
