"""Who speaks: the actor a speech act's subject names, with a small rule-based coreference.

A subject names its speaker directly (a mention of the actor), through an apposition ("the chief of
the agency, Ana Ruiz"), through its owner when it is a speech noun ("the king's message", "a statement
from the ministry"), or through the country of an unnamed group ("Bordurian officials").
Pronouns and descriptions take the actor last named in that role: "he"/"she" the latest person
referred to as a subject or speaker, "it" the latest institution or country, "the agency"/"the air
force" the latest actor whose name has those words, "the Ruritanian president" the latest person
whose role has them.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from importlib import resources

from . import gazetteer as gz
from .aliases import slug
from .attribution import nouns
from .types import Actor

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_THING_PRONOUNS = frozenset({"it", "they"})
_OWNER_PREPS = frozenset({"from", "by", "of"})
_STAFF_PREPS = frozenset({"from", "in", "within", "at", "of", "inside", "for"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_LOOKBACK = 400          # mentions looked at when searching back for an antecedent


@lru_cache(maxsize=1)
def _referring() -> dict[str, frozenset[str]]:
    """data/referring_nouns.tsv: "the group" -> the kinds of actor it can refer back to."""
    text = resources.files(__package__).joinpath("data/referring_nouns.tsv").read_text(encoding="utf-8")
    rows = (ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    return {r[0]: frozenset(r[1].split()) for r in rows if len(r) > 1}


class MentionIndex:
    """Actor mentions in document order, for lookups by offset and by recency."""

    def __init__(self, actors: tuple[Actor, ...]):
        self.by_key = {a.key: a for a in actors}
        ms = sorted((m.span.start, m.span.end, m.actor) for a in actors for m in a.mentions)
        self.starts = [m[0] for m in ms]
        self.items = ms

    def at(self, start: int, end: int) -> list[str]:
        """Keys of actors mentioned inside [start, end)."""
        i = bisect_right(self.starts, start - 1)
        out = []
        while i < len(self.items) and self.items[i][0] < end:
            if self.items[i][1] <= end and self.items[i][2] not in out:
                out.append(self.items[i][2])
            i += 1
        return out

    def covering(self, pos: int) -> str | None:
        i = bisect_right(self.starts, pos) - 1
        while i >= 0 and self.items[i][0] <= pos:
            if self.items[i][1] > pos:
                return self.items[i][2]
            i -= 1
        return None

    def before(self, pos: int):
        """(start, end, key) of mentions ending before pos, latest first."""
        i = bisect_right(self.starts, pos) - 1
        stop = max(-1, i - _LOOKBACK)
        while i > stop:
            if self.items[i][1] <= pos:
                yield self.items[i]
            i -= 1


def _is_person(actor: Actor | None) -> bool:
    return actor is not None and actor.kind == "person"


class Speakers:
    """Resolves speech-act subjects to actor keys over one document, remembering who spoke."""

    def __init__(self, doc, actors: tuple[Actor, ...]):
        self.doc = doc
        self.index = MentionIndex(actors)
        self.refs: list[tuple[int, str | None, bool]] = []     # (offset, key or None, is a person)
        self.last_owner: str | None = None                    # whose words "the message" holds
        self.contents: list[tuple[int, int]] = []             # reported words, latest last
        self._subject_cache: dict[int, bool] = {}
        self._described = {k: self._only_described(a) for k, a in self.index.by_key.items()}

    # -- what the rest of the package asks

    def note(self, pos: int, key: str | None, person: bool) -> None:
        """Someone was referred to as a speaker at pos (None: a person the text does not name)."""
        self.refs.append((pos, key, person))

    def reported(self, start: int, end: int) -> None:
        """[start, end) is someone's reported words: who is named there is not who speaks next."""
        self.contents.append((start, end))

    def parent(self, key: str | None) -> str | None:
        """What an actor belongs to: a ministry's spokesperson -> the ministry."""
        a = self.index.by_key.get(key) if key else None
        if a is not None and a.affiliation:
            return a.affiliation
        entry = gz.entries().get(key) if key else None
        return slug(entry.affiliation) if entry is not None and entry.affiliation else None

    def family(self, key: str | None) -> set[str]:
        """The actor and what it belongs to: a spokesperson -> {spokesperson, ministry, country}."""
        out: set[str] = set()
        while key and key not in out:
            out.add(key)
            a = self.index.by_key.get(key)
            nxt = a.affiliation if a else None
            if nxt is None and key in gz.entries() and gz.entries()[key].affiliation:
                nxt = slug(gz.entries()[key].affiliation)
            key = nxt
        return out

    def resolve(self, tok) -> str | None:
        """The actor the phrase headed by `tok` names, or None."""
        if tok is None:
            return None
        key = self._resolve(tok)
        if key is None and tok.lower_ not in _PERSON_PRONOUNS | _THING_PRONOUNS:
            for k in self.index.at(tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)):
                if _is_person(self.index.by_key.get(k)):
                    key = k                              # a mangled parse: the person named in the subject
                    break
        if key is None:
            for conj in tok.conjuncts:                  # "officials and Ukraine's army": the first naming one
                if conj.i > tok.i:
                    key = self._resolve(conj)
                    if key:
                        break
        return key

    def person_like(self, tok) -> bool:
        """Whether a subject refers to one person ("its governor", "an activist", "she")."""
        if tok is None:
            return False
        return tok.lower_ in _PERSON_PRONOUNS or tok.tag_ == "NN" and (
            tok.lower_ in gz.words("titles.txt") or tok.lower_ in gz.words("private_people.txt"))

    # -- the rules

    def _resolve(self, tok) -> str | None:
        low = tok.lower_
        if low in _PERSON_PRONOUNS:
            return self._antecedent(tok.idx, person=True)
        if low in _THING_PRONOUNS:
            if self._a_text_before(tok):
                return None                 # "The resolution passed. It calls for ...": the text says it
            return self._antecedent(tok.idx, person=False)
        for c in tok.children:                          # "The chief of the bureau, Ana Ruiz,"
            if c.dep_ == "appos":                        # "The agency he leads, OCHA,"
                k = self.index.covering(c.idx)
                if _is_person(self.index.by_key.get(k)) or k and tok.tag_ in ("NN", "NNS"):
                    return k
        named = self._closing_apposition(tok)
        if named is not None:
            return named                                # "The UN agency for refugees, UNRWA, said"
        key = self.index.covering(tok.idx)
        if key is not None:
            return self._named_or_country(key, tok)
        if tok.tag_ == "NNP":
            key = self._by_name(tok)
            if key is not None:
                return key                              # a surname the actor list missed here
        if low in nouns():
            return self._owner(tok)
        if tok.tag_ in ("NN", "NNS") and low in gz.words("private_people.txt"):
            return None                                 # "analysts in Lima": no one's voice
        if tok.tag_ in ("NN", "NNS", "NNP", "NNPS"):
            inside = self._person_inside(tok)           # "The chief of the Harbour Board Ana Ruiz"
            if inside:
                return inside
            named = self._named_modifier(tok)
            if named:
                return named                            # "the state-run Tanjug news agency"
            country = self._demonym_country(tok)
            if country:
                return country                          # "Bordurian officials", "the Ruritanian president"?
            member = self._member_of(tok)
            if member:
                return member                           # "Sources in the Bordurian police"
            return self._described_actor(tok)
        return None

    def _closing_apposition(self, tok) -> str | None:
        """A body's name set off by commas at the end of a described subject ("The United Nations
        agency for Palestinian refugees, UNRWA, said"): the parser hangs it on the nearest noun."""
        if tok.tag_ not in ("NN", "NNS"):
            return None
        last = tok.right_edge
        while last.is_punct and last.i > tok.i:
            last = tok.doc[last.i - 1]
        for c in tok.subtree:
            if c.dep_ == "appos" and c.head.i != tok.i and c.right_edge.i == last.i:
                k = self.index.covering(c.idx)
                if k is not None and not _is_person(self.index.by_key.get(k)):
                    return k
        return None

    def _a_text_before(self, pron) -> bool:
        """The pronoun opens its sentence and the sentence before is about a text (its subject a
        resolution, a report, a law: data/text_nouns.txt) that no actor's name covers."""
        sent = pron.sent
        if sent.start == 0 or any(t.dep_ in ("nsubj", "nsubjpass") for t in pron.doc[sent.start:pron.i]):
            return False
        root = pron.doc[sent.start - 1].sent.root
        subj = root if root.tag_.startswith("NN") else \
            next((t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")), None)   # or a verbless one
        return subj is not None and subj.lower_ in gz.words("text_nouns.txt") \
            and self.index.covering(subj.idx) is None

    def _by_name(self, tok) -> str | None:
        """The latest person whose name or alias has this word (the last word of a name)."""
        if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].tag_ == "NNP":
            return None
        return self._last(tok.idx, lambda a: _is_person(a) and any(
            tok.text == n.split()[-1] for n in (a.name, *a.aliases)))

    def _named_or_country(self, key: str, tok) -> str:
        """An institution the text only describes ("South Korean intelligence") is its country."""
        if self._described.get(key):
            for c in tok.subtree:
                country = gz.demonyms().get(c.text)
                if country and country in self.index.by_key:
                    return country
        return key

    def _only_described(self, actor: Actor) -> bool:
        if actor.kind in ("person", "country") or not actor.mentions:
            return False
        return all(m.span.text.split()[-1][:1].islower() for m in actor.mentions)

    def _owner(self, noun) -> str | None:
        """Whose words a speech noun holds: its owner, else the owner of the last such noun."""
        for c in noun.children:
            if c.dep_ in ("poss", "compound") or c.dep_ == "prep" and c.lower_ in _OWNER_PREPS:
                target = next((p for p in c.children if p.dep_ == "pobj"), None) if c.dep_ == "prep" else c
                k = self.resolve(target) if target is not None else None
                if k:
                    self.last_owner = k
                    return k
        before = noun.doc[noun.i - 1] if noun.i > 0 else None
        k = self.index.covering(before.idx) if before is not None and before.tag_.startswith("NNP") else None
        if k:                                   # "amid palace claims that": the parser split the owner off
            self.last_owner = k
            return k
        if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
            return self.last_owner
        return None

    def _person_inside(self, head) -> str | None:
        titles = gz.words("titles.txt")
        if head.lower_ not in titles:
            if head.tag_ == "NNS" and head.lower_[:-1] in titles:
                return self._state_of_office(head)      # "the governors of the A and B regions"
            return None
        for k in self.index.at(head.left_edge.idx, head.right_edge.idx + len(head.right_edge)):
            if _is_person(self.index.by_key.get(k)):
                return k
        staff = self._member_of(head)
        if staff:
            return staff                # "a spokesman for the ministry": unnamed staff speak for it
        state = self._state_of_office(head)
        if state:
            return state                # "the governor of the Tarsk region": an official of its state
        if any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in _STAFF_PREPS for c in head.children):
            return None                 # "its governor", "the governor of the region": someone not named
        return self._descriptor(head)

    def _state_of_office(self, head) -> str | None:
        """An unnamed office-holder of a place ("the governor of the Tarsk region", "the mayors of
        A and B", "..., its governor said") speaks for the state the place is a division of
        (data/place_countries.tsv), where the text names that state."""
        places = gz.place_countries()
        words: list = []
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                words += [t for t in c.subtree if t.tag_ == "NNP"]
            elif c.dep_ == "poss" and c.lower_ == "its":      # the place named last before it
                words += [t for t in reversed(head.doc[head.sent.start:c.i]) if t.tag_ == "NNP"][:1]
        for t in words:
            state = places.get(t.lower_)
            if state in self.index.by_key and self.index.by_key[state].kind == "country":
                return state
        return None

    def _named_modifier(self, head) -> str | None:
        for c in head.children:
            if c.dep_ in ("compound", "amod") and c.i < head.i:
                k = self.index.covering(c.idx)
                if k and self.index.by_key[k].kind not in ("country", "person"):
                    return k
        return None

    def _demonym_country(self, head) -> str | None:
        for c in head.children:
            if c.dep_ in ("amod", "compound", "poss") and c.i < head.i:
                country = gz.demonyms().get(c.text) or self.index.covering(c.idx)
                if country in self.index.by_key and self.index.by_key[country].kind == "country":
                    return country
        return None

    def _member_of(self, head) -> str | None:
        """ "Sources in the Bordurian police", "a spokesman for the ministry", "the ministry's spokesman"."""
        for c in head.children:
            target = None
            if c.dep_ == "prep" and c.lower_ in _STAFF_PREPS:
                target = next((p for p in c.children if p.dep_ == "pobj"), None)
            elif c.dep_ == "poss" and c.tag_ == "PRP$":
                if c.lower_ in ("its", "their"):          # "its spokesman": the institution's
                    return self._possessor(c)
                continue
            elif c.dep_ == "poss":
                target = c
            k = self._institution(target) if target is not None else None
            if k:
                return k
        return None

    def _possessor(self, pron) -> str | None:
        """Whose "its": the last noun before it in its sentence ("... over the province of Tarsk, its
        governor said": the region's), else the last institution that spoke or acted."""
        for t in reversed(pron.doc[pron.sent.start:pron.i]):
            if t.tag_ in ("NN", "NNS", "NNP", "NNPS") and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
                k = self.index.covering(t.idx)
                return k if k and not _is_person(self.index.by_key[k]) else None
        return self._antecedent(pron.idx, person=False)

    def _institution(self, tok) -> str | None:
        """The institution a noun phrase names: itself, its apposition ("the force, UNIFIL"), or a
        name modifying it ("the UN peacekeeping force")."""
        for t in (tok, *(c for c in tok.children if c.dep_ == "appos")):
            k = self.index.covering(t.idx)
            if k and self.index.by_key[k].kind != "person":
                return k
        return self._named_modifier(tok)

    def _descriptor(self, head) -> str | None:
        """"the Russian president" -> the latest person whose role has "president" (and the demonym)."""
        mods = {c.text for c in head.children if c.dep_ in ("amod", "compound")}
        word = head.lower_

        def fits(a: Actor) -> bool:
            role = (a.role or "").lower()
            spokes = word.startswith("spokes") and "spokes" in role
            if a.kind != "person" or word not in role and not spokes:
                return False
            entry = gz.entries().get(a.key)
            affs = {a.affiliation, slug(entry.affiliation) if entry and entry.affiliation else None} - {None}
            return all(m.lower() in role or m in gz.demonyms() and gz.demonyms()[m] in affs for m in mods)
        return self._last(head.idx, fits)

    def _described_actor(self, head) -> str | None:
        """"the agency", "the air force": the latest institution whose name has those words."""
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if poss is not None:                     # "Netanyahu's office", "her office": the person's
            k = self._resolve(poss)
            return k if _is_person(self.index.by_key.get(k)) else None
        if not any(c.dep_ == "det" for c in head.children):
            return None
        words = {head.lower_} | {c.lower_ for c in head.children if c.dep_ == "compound"}

        def fits(a: Actor) -> bool:
            if a.kind == "person":
                return False
            names = {w.lower() for n in (a.name, *a.aliases) for w in n.split()}
            return words <= names
        named = self._last(head.idx, fits)
        kinds = _referring().get(head.lower_)
        if named is not None or not kinds or len(words) > 1:
            return named
        return self._antecedent_of_kind(head.idx, kinds)

    def _antecedent_of_kind(self, pos: int, kinds: frozenset[str]) -> str | None:
        """"the group": the latest actor of that kind referred to as a speaker or subject."""
        ref = next(((p, k) for p, k, _ in reversed(self.refs)
                    if p < pos and k and self.index.by_key[k].kind in kinds), None)
        for s, e, key in self.index.before(pos):
            if ref is not None and s < ref[0]:
                break
            if self.index.by_key[key].kind in kinds and self._is_subject(s, e) and not any(
                    cs <= s < ce for cs, ce in self.contents[-8:]):
                return key
        return ref[1] if ref is not None else None

    def _last(self, pos: int, test) -> str | None:
        for _, _, key in self.index.before(pos):
            if test(self.index.by_key[key]):
                return key
        return None

    def _is_subject(self, start: int, end: int) -> bool:
        hit = self._subject_cache.get(start)
        if hit is None:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            root = span.root if span is not None else None
            while root is not None and root.dep_ in ("compound", "amod", "poss", "nmod") \
                    and root.head.i != root.i:
                root = root.head                 # "Hamas fighters attacked": Hamas heads no phrase of its own
            hit = span is not None and (root.dep_ in _SUBJECT_DEPS or span.root.dep_ == "pobj"
                                        and span.root.head.lower_ == "to" and span.root.head.i > 0
                                        and self.doc[span.root.head.i - 1].lower_ == "according")
            self._subject_cache[start] = hit
        return hit

    def _antecedent(self, pos: int, person: bool) -> str | None:
        """The latest actor of that sort referred to as a subject or a speaker before pos."""
        ref = next(((p, k) for p, k, is_p in reversed(self.refs) if p < pos and is_p == person), None)
        for s, e, key in self.index.before(pos):
            if ref is not None and s < ref[0]:
                break
            if _is_person(self.index.by_key[key]) == person and self._is_subject(s, e) and not any(
                    cs <= s < ce for cs, ce in self.contents[-8:]):
                return key
        if ref is not None:
            return ref[1]
        return self._last(pos, lambda a: _is_person(a) == person)
