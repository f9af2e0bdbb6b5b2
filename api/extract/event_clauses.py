"""Event clauses read from the dependency parse: which predicate reports a happening, and of what kind.

A clause is an event when its predicate (a verb, or a noun naming a happening) is in the
lexicon (data/event_verbs.tsv, data/event_nouns.tsv) and the parse says it happened: not
negated, not under a modal, not the content of a plan, threat or expectation, not a hedged
noun ("a potential meeting"). Light verbs take their kind from their object ("launched an
incursion", "held talks", "began building"). A decision or a promise of support is a pledge,
and the clause it governs is its content, not a second event.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .onsets import start_date, state_sense

DATA = Path(__file__).with_name("data")
QUOTE_CHARS = "“”\"«»"


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True)
class Sense:
    kind: str          # a contract kind, or "-" (decided by the object)
    frame: str         # what sort of happening: meeting, attack, agreement ...
    light: bool = False
    alone: bool = True
    needs: str = ""
    takes: frozenset = frozenset()   # a light verb's object frames ("held talks", not "held an agreement")


@lru_cache(maxsize=1)
def lexicon() -> tuple[dict[str, Sense], dict[str, Sense], dict[str, frozenset[str]]]:
    verbs = {}
    for row in _rows("event_verbs.tsv"):
        forms, k, fr, light = row[:4]
        takes = frozenset(row[4].split(",")) if len(row) > 4 and row[4].strip() else frozenset()
        for f in forms.split(","):
            verbs[f] = Sense(k, fr, light == "yes", takes=takes)
    nouns = {}
    for row in _rows("event_nouns.tsv"):
        forms, k, fr, alone = row[:4]
        needs = row[4].strip() if len(row) > 4 else ""
        for f in forms.split(","):
            nouns[f] = Sense(k, fr, alone=alone == "yes", needs=needs)
    context = {cls: frozenset(words.split(",")) for cls, words in _rows("event_context.tsv")}
    return verbs, nouns, context


@dataclass
class Clause:
    """One predicate that reports a happening, before dates and merging."""
    anchor: object                 # the predicate's token
    kind: str
    frame: str
    sentence: int
    source: object | None = None   # the event noun that gave a light verb its kind
    date: object | None = None     # dates.DateMention
    weak: bool = False             # a date inferred from the lead's tense, not said
    extra: set = field(default_factory=set)   # token indices that belong to the clause
    apart: set = field(default_factory=set)   # anchors of clauses told as other happenings
    onset: object | None = None    # the date token that tells when an ongoing happening began


SUBJECTS = ("nsubj", "nsubjpass", "csubj")
OBJECTS = ("dobj", "attr", "oprd", "acomp")
OBJECT_PREPS = ("to", "into", "on", "for", "of", "in", "from")


def _is_verb(tok) -> bool:
    return tok.tag_.startswith("VB")


def _is_noun(tok) -> bool:
    return tok.tag_.startswith("NN")


def _kids(tok, *deps):
    return [c for c in tok.children if c.dep_ in deps]


def _event_object(tok, nouns, verbs):
    """The word that gives a light verb its kind: its object, an xcomp verb, a prepositional
    object, or (for "took place") its subject, looked through "stage of the X"."""
    bare_participle = tok.tag_ == "VBN" and not _kids(tok, "aux", "auxpass")
    for c in _kids(tok, *OBJECTS, "nsubjpass", *(("nsubj",) if bare_participle else ())):
        hit = _noun_sense(c, nouns)   # "saw hostages released": the participle's subject is its object
        if hit:
            return c, hit
    if _head_is_object(tok) and tok.head.lower_ in nouns:   # "the pact (that) they signed"
        return tok.head, nouns[tok.head.lower_]
    for c in _kids(tok, "xcomp", "pcomp"):
        if c.lower_ in verbs and verbs[c.lower_].kind != "-":
            return c, verbs[c.lower_]
    for p in _kids(tok, "prep", "prt", "dative"):
        if p.lower_ not in OBJECT_PREPS:
            continue   # "characterized the troops as forces": not what the verb does
        for c in _kids(p, "pobj"):
            hit = _noun_sense(c, nouns)
            if hit:
                return c, hit
    return None, None


def _freed_people(tok, is_person):
    """The people a release verb frees ("freed four soldiers", "released 90 Ruritanians", "Ana Ruiz
    was released"): a noun the figure lexicon counts as people, a group named by nationality, or a
    named person."""
    from .figure_frames import noun_info
    for c in _kids(tok, "dobj", *(("nsubjpass",) if _kids(tok, "auxpass") else ())):
        info = noun_info(c)
        if (info is not None and info.cls in ("military", "person", "captive")) or c.ent_type_ == "NORP" \
                or is_person(c):
            return c, Sense("other", "exchange")
    return None, None


def _head_is_object(tok) -> bool:
    """"the pact they signed", "the accord, signed by both": the noun is the verb's object;
    "the troops that entered": it is the subject."""
    if tok.dep_ == "acl":
        return tok.tag_ == "VBN"
    if tok.dep_ != "relcl":
        return False
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subj) and subj[0].lower_ not in ("that", "which", "who") or tok.tag_ == "VBN" and not subj


def _noun_sense(tok, nouns):
    sense = nouns.get(tok.lower_)
    if sense is None and tok.dep_ in OBJECTS + ("nsubjpass",):
        # "the second phase of the swap": the happening is named after "of"
        for p in _kids(tok, "prep"):
            if p.lower_ == "of":
                for c in _kids(p, "pobj"):
                    if c.lower_ in nouns:
                        return nouns[c.lower_]
    if sense and sense.needs and not any(n in tok.sent.text.lower() for n in sense.needs.split("|")):
        return None   # "signed the law": a ratification only where the sentence speaks of one
    return sense


def _subject_event(tok, nouns):
    for c in _kids(tok, *SUBJECTS):
        if c.lower_ in nouns:
            return c, nouns[c.lower_]
        for p in _kids(c, "prep"):
            for g in _kids(p, "pobj"):
                if g.lower_ in nouns and nouns[g.lower_].alone:
                    return g, nouns[g.lower_]
    return None, None


def reality(tok, context) -> str:
    """'real', 'unreal' (negated, modal, planned, conditional) or 'content' (what a pledge
    or decision governs). Climbs through infinitival complements: "began to build" is real."""
    cur = tok
    for _ in range(6):
        if any(c.dep_ == "neg" or c.lower_ in context["negator"] for c in cur.children):
            return "unreal"
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in context["modal"] for c in cur.children):
            return "unreal"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether", "until") for c in cur.children):
            return "unreal"
        infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in cur.children)
        governor = cur.head.head if cur.dep_ == "pcomp" else cur.head
        if cur.dep_ in ("xcomp", "pcomp", "ccomp") and governor.lower_ in context["negative"]:
            return "unreal"                  # "refrained from confirming", "denied that it had struck"
        if cur.dep_ == "xcomp" or (cur.dep_ in ("acl", "advcl", "relcl", "pcomp") and infinitive):
            head = cur.head
            if head.lower_ in context["pledge"]:
                return "content"
            if head.lower_ in context["factive"]:
                cur = head
                continue
            return "unreal"
        if cur.dep_ in ("conj",) and _is_verb(cur.head):
            cur = cur.head   # "will meet and sign": the first verb's modal covers both
            continue
        return "real"
    return "real"


def _noun_reality(tok, context, hops: int = 3) -> str:
    """A noun's happening is unreal when hedged ("a potential meeting"), planned ("no plans for
    a meeting", "a new round of talks") or governed by an unreal verb ("will meet ... for talks"),
    except in a time phrase, which names a past event ("will meet days after the summit")."""
    if any(c.dep_ in ("amod", "compound") and c.lower_ in context["unreal"] for c in tok.children):
        return "unreal"
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return "unreal"
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.lower_ in context["liable"]:
        return "unreal"                      # "prone to floods": what may happen, not what did
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        if head.lower_ in context["after"] | context["before"] | {"during", "amid", "amidst"}:
            return "real"
        head = head.head
    if _is_noun(head) and head.i != tok.i and hops > 0 and head.lower_ not in context["plannoun"]:
        if _noun_reality(head, context, hops - 1) == "unreal":
            return "unreal"
    if _is_noun(head) and head.i != tok.i and (head.lower_ in context["plannoun"] or any(
            (c.dep_ == "det" and c.lower_ == "no") or (c.dep_ == "amod" and c.lower_ in context["plannoun"])
            for c in head.children)):
        return "unreal"                      # "no plans for a meeting", "in the event of an attack"
    if _is_verb(head) and head.i != tok.i and head.lower_ in context["demand"]:
        return "unreal"                      # "demanded early elections": asked for, not held
    if _is_verb(head) and head.i != tok.i:
        return reality(head, context)
    return "real"


def quotations(text: str, para_start: int, para_end: int, doc) -> list[tuple[int, int]]:
    """Stretches of a paragraph inside quotation marks that quote someone: a quoted phrase with
    no clause of its own is narration with scare quotes (the "mission to rescue X")."""
    out, opened, start = [], False, 0
    for i in range(para_start, para_end):
        ch = text[i]
        if ch in "“«" or (ch == '"' and not opened):
            opened, start = True, i
        elif opened and (ch in "”»" or ch == '"'):
            opened = False
            out.append((start, i + 1))
    if opened:
        out.append((start, para_end))
    quoted = []
    for a, b in out:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or b - a > 120 or any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in span):
            quoted.append((a, b))
    return quoted


def _person_object(tok, is_person) -> bool:
    for c in _kids(tok, "dobj", "dative"):
        if is_person(c):
            return True
    for p in _kids(tok, "prep"):
        if p.lower_ == "to" and any(is_person(c) for c in _kids(p, "pobj")):
            return True
    return False


def _visit_by_presence(tok, context) -> bool:
    """"The envoys are in Lisbon", "has stayed in the capital since Monday": a visit."""
    if tok.lower_ not in ("is", "are", "was", "were", "been") or tok.dep_ not in ("ROOT", "ccomp", "conj"):
        return False
    subj = _kids(tok, "nsubj")
    if not subj or not (subj[0].ent_type_ in ("PERSON", "NORP") or subj[0].lower_ in (
            "delegation", "delegations", "minister", "president", "leader", "envoy")):
        return False
    for p in _kids(tok, "prep"):
        if p.lower_ == "in":
            for c in _kids(p, "pobj"):
                if c.ent_type_ in ("GPE", "LOC") or c.lower_ in ("city", "capital"):
                    return True
    return False


def body_sentences(parsed):
    """(index, sentence, its Doc span) of every article-body sentence the parse can address."""
    for i, sent in enumerate(parsed.sentences):
        if sent.role != "body":
            continue
        span = parsed.doc.char_span(sent.span.start, sent.span.end, alignment_mode="expand")
        if span is not None:
            yield i, sent, span


def find_clauses(parsed, is_person) -> list[Clause]:
    """Every event predicate of the body, in text order, with its kind and frame."""
    verbs, nouns, context = lexicon()
    text, doc = parsed.text, parsed.doc
    found: list[Clause] = []
    quotes: dict[int, list[tuple[int, int]]] = {}
    for si, sent, span in body_sentences(parsed):
        used: set[int] = set()
        here: list[Clause] = []
        if sent.paragraph not in quotes:
            p = parsed.paragraphs[sent.paragraph]
            quotes[sent.paragraph] = quotations(text, p.start, p.end, doc)
        marks = quotes[sent.paragraph]

        def quoted(tok, marks=marks) -> bool:
            return any(a <= tok.idx < b for a, b in marks)

        for tok in span:
            if quoted(tok):
                continue
            clause = _verb_clause(tok, verbs, nouns, context, is_person, si)
            if clause:
                here.append(clause)
                if clause.source is not None:
                    used.add(clause.source.i)
        here = [c for c in here if not _manner_of(c, here)]
        for tok in span:
            if tok.i in used or not _is_noun(tok) or quoted(tok):
                continue
            clause = _noun_clause(tok, nouns, context, here, si, is_person)
            if clause:
                clause.onset = start_date(tok)
                if clause.onset is not None and clause.frame == "attack":
                    clause.frame = "conflict"   # strikes going on since a date: no one strike
                here.append(clause)
        here.sort(key=lambda c: c.anchor.i)
        found.extend(here)
    return found


def _manner_of(c: Clause, clauses: list[Clause]) -> bool:
    """"launched a raid, sending special units": a participle that tells how another event
    went is part of it (a pledge or confirmation is never only a manner)."""
    a = c.anchor
    if a.dep_ != "advcl" or a.tag_ != "VBG" or c.kind in ("pledge", "confirmation"):
        return False
    if any(ch.dep_ in ("nsubj", "mark") for ch in a.children):
        return False
    return any(o.anchor.i == a.head.i for o in clauses)


def _verb_clause(tok, verbs, nouns, context, is_person, si) -> Clause | None:
    if not _is_verb(tok) or tok.dep_ in ("amod", "aux", "auxpass"):
        return None
    sense = verbs.get(tok.lower_)
    if sense is None:
        if _visit_by_presence(tok, context) and reality(tok, context) == "real":
            return Clause(tok, "other", "visit", si)
        if _modal_support(tok, context) and not _agreement_speaks(tok) and _modal_promise(tok, context):
            return Clause(tok, "pledge", "pledge", si)
        return None
    kind, frame, source = sense.kind, sense.frame, None
    if sense.light or kind == "-":
        obj, hit = _event_object(tok, nouns, verbs)
        if hit and hit.kind == "-":          # "took place": the subject names the happening
            obj, hit = _subject_event(tok, nouns)
        if hit and sense.takes and hit.frame not in sense.takes:
            obj, hit = None, None
        if hit is None and frame == "exchange":
            # "freed four soldiers": people set free are an exchange
            obj, hit = _freed_people(tok, is_person)
        if hit is None and tok.lower_ in context["factive"] and _agreement_subject(tok):
            kind, frame = "treaty_in_force", "in_force"   # "the truce, which began on Friday"
            return _checked(tok, kind, frame, si, context, nouns, verbs, is_person, None)
        if hit and hit.kind != "-":
            kind, frame, source = hit.kind, hit.frame, obj
        elif kind == "-":
            return None
    if frame == "capture" and source is not None and source.lower_ in context["places"]:
        kind, frame = "offensive", "offensive"   # "seized several hamlets": an advance
    elif frame == "capture" and source is not None:
        kind, frame, source = "other", "capture", None
    if frame == "capture" and source is None:
        obj = [c for c in tok.children if c.dep_ == "dobj"] + ([tok.head] if _head_is_object(tok) else [])
        if obj and obj[0].lower_ in context["places"]:
            kind, frame = "offensive", "offensive"
    if frame == "invasion" and _invades_region(tok, context):
        kind, frame = "incursion", "incursion"
    if frame in ("incursion", "invasion") and _unarmed_mover(tok):
        return None   # "the captives crossed into Egypt", "rockets crossed from Lebanon": no force moved in
    return _checked(tok, kind, frame, si, context, nouns, verbs, is_person, source)


def _unarmed_mover(tok) -> bool:
    """The subject of a crossing is people or weapons, not a force: civilians, captives, rockets."""
    from .figure_frames import noun_info
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if tok.dep_ == "relcl" and (not subj or subj[0].lower_ in ("which", "that", "who")):
        subj = [tok.head]
    if not subj:
        return False
    counted = [o for p in _kids(subj[0], "prep") if p.lower_ == "of" for o in _kids(p, "pobj")]
    info = noun_info(subj[0]) or (noun_info(counted[0]) if counted else None)   # "thousands of refugees"
    return info is not None and info.cls in ("person", "captive", "weapon")


def _agreement_subject(tok) -> bool:
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if tok.dep_ == "relcl" and (not subj or subj[0].lower_ in ("which", "that")):
        subj = [tok.head]
    return bool(subj) and subj[0].lower_ in ("truce", "ceasefire", "armistice", "agreement", "deal", "treaty")


def _checked(tok, kind, frame, si, context, nouns, verbs, is_person, source) -> Clause | None:
    """The kind refined by the clause's words, then the checks that it happened."""
    if frame == "agreement" and _into_law(tok):
        kind, frame = "treaty_ratified", "ratification"   # "signed the accord into law"
    if frame == "ratification" and source is not None and source.lower_ in ("law", "decree", "bill") \
            or (frame == "ratification" and _into_law(tok)):
        frame = "ratification_law"   # the head of state's signature is a step of its own
    if frame == "attack" and _cross_border(tok, source, context):
        kind, frame = "incursion", "incursion"
    if frame == "report" and not (_person_object(tok, is_person)
                                  or (source is not None and _person_object(source, is_person))):
        return None                          # "the agency reported": speech, not a report to a leader
    real = reality(tok, context)
    if real == "unreal" and kind != "pledge":
        if _modal_support(tok, context):
            return Clause(tok, "pledge", "pledge", si)
        return None
    if real == "content":
        return None                          # the pledge or decision above carries it
    if kind == "pledge" and _agreement_speaks(tok):
        return None                          # "the treaty promises that ...": what a text says
    if kind == "pledge" and frame == "pledge" and not _support_content(tok, context, nouns):
        return None                          # "promising to build a statue": not support of a party
    if kind == "confirmation" and not _has_content(tok):
        return None
    if kind == "casualties" and _inside_attack(tok, nouns, verbs):
        return None                          # "raids that killed 9": the toll of that attack
    return Clause(tok, kind, frame, si, source=source)


def _inside_attack(tok, nouns, verbs) -> bool:
    """A toll told in a clause about an attack ("in strikes that killed", "when ... were killed")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:   # "raids that missed ... and killed 9"
        tok = tok.head
    if tok.dep_ not in ("relcl", "advcl", "acl"):
        return False
    head = tok.head
    subj = [c for c in head.children if c.dep_ == "nsubj"]
    if _is_verb(head) and subj:   # "the use of the rocket was ... when four were killed"
        head = subj[0]
    sense = nouns.get(head.lower_) or verbs.get(head.lower_)
    return bool(sense and sense.frame == "attack")


def _invades_region(tok, context) -> bool:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "into")
             for o in p.children if o.dep_ == "pobj"]
    if tok.dep_ == "relcl":
        objs.append(tok.head)
    return any(o.lower_ in context["regions"] for o in objs)


def _into_region(tok, context) -> bool:
    return any(p.dep_ == "prep" and p.lower_ == "into"
               and any(o.lower_ in context["regions"] for o in p.children)
               for p in tok.children)


def _agreement_speaks(tok) -> bool:
    """"The treaty promises that both will provide ...": the words of a text, not an act."""
    if tok.dep_ == "ccomp" and tok.head.i != tok.i and _agreement_speaks(tok.head):
        return True
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if subj and subj[0].lower_ in ("which", "that") and tok.dep_ == "relcl":
        subj = [tok.head]
    return bool(subj) and subj[0].lower_ in AGREEMENTS


AGREEMENTS = ("treaty", "agreement", "pact", "accord", "deal", "charter", "document", "law", "clause")


def _into_law(tok) -> bool:
    return any(p.lower_ == "into" and any(o.lower_ == "law" for o in p.children) for p in _kids(tok, "prep"))


def _cross_border(tok, source, context) -> bool:
    mods = "".join(c.lower_ for t in (tok, source) if t is not None for c in t.lefts
                   if c.dep_ in ("amod", "compound"))
    return any(w in mods for w in context["crossborder"])


def _modal_promise(tok, context) -> bool:
    """"Borduria could send aid": a modal of ability or will, not a condition ("if ...")."""
    aux = [c.lower_ for c in tok.children if c.dep_ == "aux"]
    if not any(a in ("could", "would", "will", "can", "'ll") for a in aux):
        return False
    return not any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children)


def _modal_support(tok, context) -> bool:
    """"Borduria could send military aid": a promise of support, a pledge."""
    if tok.lower_ not in context["support"] or any(c.dep_ == "neg" for c in tok.children):
        return False
    subj = _kids(tok, "nsubj")
    return bool(subj) and subj[0].lower_ not in ("treaty", "agreement", "pact", "accord", "which", "other")


def _support_content(tok, context, nouns) -> bool:
    """A pledge needs support for another party; a decision or order needs an action."""
    if tok.lower_ in context["pledge"] and tok.lower_.startswith(("decid", "order")):
        return True
    words = {t.lower_ for t in tok.subtree}
    return bool(words & (context["support"] | {"support", "assistance", "aid", "help", "backing"}))


def _has_content(tok) -> bool:
    return any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in tok.children)


def _noun_clause(tok, nouns, context, verb_clauses, si, is_person) -> Clause | None:
    sense = nouns.get(tok.lower_)
    if sense is None:
        state = state_sense(tok.lower_)     # "at war since April": a state whose start is told
        if state and start_date(tok) is not None and _noun_reality(tok, context) != "unreal":
            return Clause(tok, state[0], state[1], si)
        return None
    if sense.frame == "agreement" and _onset_of(tok, context) and _noun_reality(tok, context) != "unreal":
        return Clause(tok, "treaty_in_force", "in_force", si)   # "on the first day of the truce"
    if not sense.alone or sense.kind == "-":
        return None
    if sense.needs and not any(n in tok.sent.text.lower() for n in sense.needs.split("|")):
        return None   # "the use of missiles" is a strike; "the use of force" in general is not
    head = tok.head
    argument = tok.dep_ in SUBJECTS + ("dobj",)
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in OBJECT_PREPS:
        head, argument = head.head, True     # "agreed to an exchange", "met for a summit"
    started = start_date(tok) is not None   # "killed in the offensive since Oct. 7": a happening of its own
    h = next((c for c in verb_clauses if c.anchor.i == head.i), None) if argument and not started else None
    if h is not None and h.frame not in ("confirmation", "report", "pledge"):
        if h.frame == sense.frame and h.kind == "other":
            h.kind = sense.kind              # "met for a summit": the noun is the more specific
        return None                          # "the attacks killed two": the verb tells the happening
    if sense.frame == "report" and not _person_object(tok, is_person):
        return None                          # a report to a leader, not any report
    if tok.dep_ in ("attr", "compound"):
        return None                          # "the posting is Borduria's choice", "ratification papers"
    if _idiom(tok, context):
        return None                          # "in exchange for", "in response to": no happening
    if _noun_reality(tok, context) == "unreal":
        return None
    confirmed = tok.dep_ == "dobj" and tok.head.lower_ in VERBS_OF_CONFIRMING()
    if _anaphoric(tok) and not started and not confirmed:
        return None   # a bare "the attack" points back; "confirmed the deployment" names what it confirms
    if sense.kind == "pledge" and tok.lower_ in ("intent", "intention", "readiness", "pledge", "promise") \
            and not any(c.dep_ in ("acl", "prep") for c in tok.children):
        return None
    if sense.frame == "exchange":   # "exchanges of fire": what is exchanged tells the happening
        traded = [nouns.get(o.lower_) for p in _kids(tok, "prep") if p.lower_ == "of"
                  for o in _kids(p, "pobj")]
        if traded and traded[0] is not None and traded[0].frame == "attack":
            sense = traded[0]
    if sense.frame == "attack" and _cross_border(tok, None, context):
        return Clause(tok, "incursion", "incursion", si)
    if sense.frame in ("offensive", "invasion") and _into_region(tok, context):
        return Clause(tok, "incursion", "incursion", si)   # "the push of X's units into the frontier zone"
    return Clause(tok, sense.kind, sense.frame, si)


def _onset_of(tok, context) -> bool:
    """"the first day of the truce", "at the start of the ceasefire": the noun's happening began then."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    onset = tok.head.head
    if not (onset.lower_ in context["onset"] or onset.lower_ == "day" and any(
            c.dep_ == "amod" and c.lower_ == "first" for c in onset.children)):
        return False
    # it times a clause ("freed them on the first day of"), not a topic ("talks on the start of")
    timed = onset.head.head if onset.dep_ == "pobj" else onset.head
    return onset.dep_ in ("pobj", "npadvmod") and _is_verb(timed)


def VERBS_OF_CONFIRMING() -> frozenset[str]:
    verbs, _, _ = lexicon()
    return frozenset(f for f, sense in verbs.items() if sense.kind == "confirmation")


def _idiom(tok, context) -> bool:
    """A bare connective noun between two prepositions ("in exchange for X") names no happening."""
    if tok.lower_ not in context["connective"] or tok.dep_ != "pobj" or any(
            c.dep_ in ("det", "poss", "amod", "compound") for c in tok.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("for", "to", "with") for c in tok.children)


def _anaphoric(tok) -> bool:
    """"the attack", "its offensive": a bare definite noun points back at a known event."""
    kids = list(tok.children)
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in (
        "the", "this", "that", "these", "those", "its", "their", "his", "her") for c in kids)
    described = any(c.dep_ in ("prep", "compound", "nummod", "acl", "relcl", "npadvmod", "nmod")
                    or (c.dep_ == "amod" and c.lower_ not in ("continued", "ongoing", "latest", "recent"))
                    or (c.dep_ == "poss" and c.tag_ != "PRP$") for c in kids)
    return definite and not described


def pledge_anchors(parsed, found: list[Clause]) -> list[Clause]:
    """"is ready to provide assistance": the adjective that carries the promise is the anchor."""
    _, _, context = lexicon()
    doc, out = parsed.doc, []
    have = {c.anchor.i for c in found}
    for sent_i, sent, span in body_sentences(parsed):
        for tok in span:
            if tok.lower_ not in ("ready", "willing", "readiness") or tok.i in have:
                continue
            p = parsed.paragraphs[sent.paragraph]
            if any(a <= tok.idx < b for a, b in quotations(parsed.text, p.start, p.end, doc)):
                continue
            inner = [c for c in tok.children if c.dep_ in ("xcomp", "acl") and c.lower_ in context["support"]]
            if not inner:
                continue
            head = tok.head if tok.dep_ in ("acomp", "attr") else tok
            if tok.dep_ in ("acomp", "attr") and reality(head, context) == "unreal" and not any(
                    c.lower_ in ("would", "will") for c in head.children):
                continue
            out.append(Clause(tok, "pledge", "pledge", sent_i))
    return out
