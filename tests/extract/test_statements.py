"""Statements: quotes (any marks), split quotes, block quotes, headlines, reported speech, speakers."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from api.extract import extract_document

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _check_evidence(text, ex):
    for s in ex.statements:
        assert text[s.evidence.start:s.evidence.end] == s.evidence.text == s.text


def _pairs(ex):
    names = {a.key: a.name for a in ex.actors}
    return {(names[s.speaker], s.kind, s.text) for s in ex.statements}


@pytest.mark.parametrize("body,speaker,kind,quote", [
    # a direct quote is the words inside the marks, with the punctuation that stands inside them
    ("“We will not retreat,” Foreign Minister Lena Park said.", "Lena Park", "direct",
     "We will not retreat,"),
    ('"We will not retreat," Foreign Minister Lena Park said.', "Lena Park", "direct",
     "We will not retreat,"),
    ("Lena Park, the foreign minister, told reporters: “We will not retreat.”", "Lena Park", "direct",
     "We will not retreat."),
    ("Moscow said that it would expel two diplomats.", "Russia", "indirect", "it would expel two diplomats"),
    ("Health Minister Omar Haddad stressed that the clinics must stay open.", "Omar Haddad", "indirect",
     "the clinics must stay open"),
    ("The port will reopen next month, according to Mayor Ines Falk.", "Ines Falk", "indirect",
     "The port will reopen next month"),
    # the told clause the parser hangs on the reporting verb as a first subject is the content
    ("Bordurian air strikes killed at least 40 people in Tarsk overnight, the Ruritanian Interior Ministry "
     "said on Tuesday.", "Ruritanian Interior Ministry", "indirect",
     "Bordurian air strikes killed at least 40 people in Tarsk overnight"),
    pytest.param("Mayor Ines Falk warned the flood barriers were failing, Reuters reported.", "Ines Falk",
                 "indirect", "the flood barriers were failing",
                 marks=pytest.mark.xfail(reason="same ORG mislabel; the relay then goes to Reuters")),
])
def test_rule_table(extract, body, speaker, kind, quote):
    text = f"City news\n{body}\n"
    ex = extract(text)
    _check_evidence(text, ex)
    assert (speaker, kind, quote) in _pairs(ex)


@pytest.mark.parametrize("body,speaker,clause", [
    ("Health Minister Omar Haddad told senators in a televised hearing that the clinics must stay open.",
     "Omar Haddad", "the clinics must stay open"),
    ("Moscow informed the envoys on Friday that it would expel two diplomats.", "Russia",
     "it would expel two diplomats"),
])
def test_the_listener_is_not_part_of_the_reported_clause(extract, body, speaker, clause):
    ex = extract(f"City news\n{body}\n")
    assert (speaker, "indirect", clause) in _pairs(ex)


def test_telling_someone_nothing_is_no_statement(extract):
    text = "City news\nHealth Minister Omar Haddad told reporters after the hearing.\n"
    assert not extract(text).statements


def test_split_quote_gives_two_statements(extract):
    text = "Budget\n“The deficit is shrinking,” Treasury chief Paul Ngata said, “and growth is back.”\n"
    ex = extract(text)
    _check_evidence(text, ex)
    quotes = {s.text for s in ex.statements if s.kind == "direct"}
    assert {"The deficit is shrinking,", "and growth is back."} <= quotes


def test_stray_quote_mark_is_bounded_by_its_paragraph(extract):
    text = ("Floods\nGovernor Rita Moss said the levee held “for now.\n"
            "Rescue teams reached the valley on Sunday.\nGovernor Rita Moss said more rain was due.\n")
    ex = extract(text)
    _check_evidence(text, ex)
    assert all("Rescue teams" not in s.text for s in ex.statements)


def test_block_quote_after_said_colon(extract):
    text = ("Energy\nEnergy Minister Karl Brandt said on Monday:\n"
            "We have secured supplies for the winter and we will keep prices stable.\n")
    ex = extract(text)
    _check_evidence(text, ex)
    hit = [s for s in ex.statements if s.text.startswith("We have secured")]
    assert hit and hit[0].kind == "direct"
    assert {a.key: a.name for a in ex.actors}[hit[0].speaker] == "Karl Brandt"
    assert hit[0].said_on == "2025-03-10"


def test_pronoun_and_descriptor_speakers(extract):
    text = ("Visit\nRussian President Vladimir Putin arrived in Lisbon. He said that ties were strong. "
            "Later the Russian president stated that trade would grow.\n")
    ex = extract(text)
    names = {a.key: a.name for a in ex.actors}
    assert {names[s.speaker] for s in ex.statements} == {"Vladimir Putin"}
    assert len(ex.statements) == 2


def test_headline_attribution(extract):
    text = "Kremlin Says Talks With Kyiv Have Stalled\nThe talks began in May.\n"
    ex = extract(text)
    assert ("Kremlin", "indirect", "Talks With Kyiv Have Stalled") in _pairs(ex)


def test_negated_reporting_is_not_a_statement(extract):
    ex = extract("Talks\nMoscow has not confirmed the report, and Beijing refrained from commenting.\n")
    assert ex.statements == ()


def test_said_on_from_weekday(extract):
    ex = extract("Talks\nThe Kremlin said on Monday that talks would resume.\n", date(2025, 4, 28))
    assert ex.statements[0].said_on == "2025-04-28"
    ex = extract("Talks\nThe Kremlin said that talks would resume.\n", date(2025, 4, 28))
    assert ex.statements[0].said_on is None


def test_corpus_end_to_end(nlp):
    manifest = {m["file"]: m for m in json.loads((CORPUS / "manifest.json").read_text())}
    total = 0
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        pub = manifest.get(path.name, {}).get("published")
        ex = extract_document(text, date.fromisoformat(pub) if pub else None)
        _check_evidence(text, ex)
        keys = {a.key for a in ex.actors}
        assert len(keys) == len(ex.actors)
        assert all(s.speaker in keys and set(s.about) <= keys for s in ex.statements)
        assert 5 <= len(ex.statements) <= 30
        assert 5 <= len(ex.actors) <= 25
        total += len(ex.statements)
    assert 40 <= total <= 90


@pytest.mark.parametrize("body,speaker,kind,quote", [
    # where/how it was said is not what was said
    ('Deputy Minister Lee Min-ho said in a message relayed by the embassy that the talks had failed.',
     "Lee Min-ho", "indirect", "the talks had failed"),
    ("Trade Minister Omar Haddad said on Monday in Geneva that tariffs would rise.", "Omar Haddad",
     "indirect", "tariffs would rise"),
    # a quoted fragment after the speaker's own words is part of an indirect statement
    ('Analyst Sophie Brandt said the numbers were "plausible but not yet proven".', "Sophie Brandt",
     "indirect", 'the numbers were "plausible but not yet proven"'),
    ("Spokesman Lin Jian said he was “not aware of the situation”.", "Lin Jian", "indirect",
     "he was “not aware of the situation”"),
    # "she" is the person last named as a subject, not the earlier speaker
    ("Mayor Ines Falk said the port was open. Deputy Mayor Vera Holm sent a letter to Peter Lund. "
     "She said in the letter that the budget was short.", "Vera Holm", "indirect", "the budget was short"),
])
def test_clause_and_speaker_rules(extract, body, speaker, kind, quote):
    text = f"City news\n{body}\n"
    ex = extract(text)
    _check_evidence(text, ex)
    assert (speaker, kind, quote) in _pairs(ex)


@pytest.mark.parametrize("body,absent", [
    ("“The port is open,” spokesman Lee Min-ho said in a regular briefing.", "a regular briefing"),
    ("“The port is open,” spokesman Lee Min-ho said in a regular briefing.", "in a regular briefing"),
    ("In the message, Mayor Ines Falk said:", "In the message"),
])
def test_circumstances_are_no_statement(extract, body, absent):
    ex = extract(f"City news\n{body}\n")
    assert absent not in {s.text for s in ex.statements}


def test_multi_paragraph_quote_after_colon(extract):
    text = ("Letter\nIn the message, Prime Minister Anna Kovacs said:\n"
            "“The port will reopen in May and the ferries will run again.\n"
            "Our city will always stand by the fishermen.”\n"
            "The message stressed that the budget was short.\n")
    ex = extract(text)
    _check_evidence(text, ex)
    got = _pairs(ex)
    assert ("Anna Kovacs", "direct", "The port will reopen in May and the ferries will run again.") in got
    assert ("Anna Kovacs", "direct", "Our city will always stand by the fishermen.") in got
    assert not any(s.text.startswith("The message") for s in ex.statements)


@pytest.mark.parametrize("body,speaker,quote", [
    # a modal reporting verb inside the clause is not a second statement
    ('Spokesman Lee Min-ho added that Seoul would respond "sternly" to any provocation.', "Lee Min-ho",
     'Seoul would respond "sternly" to any provocation'),
    # an unnamed relay at the end is cut off the clause
    ("Prime Minister Anna Kovacs thanked the rescuers for their courage, her office said in an email.",
     "Anna Kovacs", "the rescuers for their courage"),
])
def test_one_statement_with_the_right_clause(extract, body, speaker, quote):
    text = f"City news\n{body}\n"
    ex = extract(text)
    _check_evidence(text, ex)
    assert [(s, q) for s, k, q in _pairs(ex)] == [(speaker, quote)]


# --------------------------------------------------------------------------- rule families
# Each row: an invented article body, then (speaker, kind, quote) that must be among the statements.

@pytest.mark.parametrize("body,speaker,kind,quote", [
    # object-phrase contents: the object with what follows it, the verb left out
    ("Interior Minister Omar Haddad accused the smugglers of bribing border guards.", "Omar Haddad",
     "indirect", "the smugglers of bribing border guards"),
    ("Health Minister Omar Haddad thanked the volunteers for their help during the floods.", "Omar Haddad",
     "indirect",
     "the volunteers for their help during the floods"),
    ("Defence Minister Karl Brandt confirmed the presence of foreign instructors near the border.",
     "Karl Brandt", "indirect", "the presence of foreign instructors near the border"),
    ("Governor Rita Moss pointed to the new levee as proof of the plan's success.", "Rita Moss", "indirect",
     "the new levee as proof of the plan's success"),
    ("Senator Paul Ngata called for an inquiry into the contract.", "Paul Ngata", "indirect",
     "an inquiry into the contract"),
    ("Prime Minister Anna Kovacs promised to rebuild the bridge within a year.", "Anna Kovacs", "indirect",
     "to rebuild the bridge within a year"),
    # a that-clause after a noun of attitude is what was said
    ("Prime Minister Anna Kovacs voiced hope that the talks would resume in spring.", "Anna Kovacs",
     "indirect", "the talks would resume in spring"),
    # trailing attribution: the clause before it, without the sentence's fronted framing
    ("During the hearing, the mine had been closed for safety checks, Governor Rita Moss said.", "Rita Moss",
     "indirect", "the mine had been closed for safety checks"),
    # the quoted words hold what is said: direct, with the punctuation inside the marks
    ("Health Minister Omar Haddad called the decision “a betrayal.”", "Omar Haddad", "direct", "a betrayal."),
    ("Health Minister Omar Haddad praised the rescuers for their “tireless courage”.", "Omar Haddad",
     "direct",
     "tireless courage"),
    ("Senator Paul Ngata warned of “a lost decade” for the region.", "Paul Ngata", "direct", "a lost decade"),
    # quoted words inside a paraphrase stay in one indirect entry
    ("Health Minister Omar Haddad described the plan as offering “real relief,” to residents.",
     "Omar Haddad", "indirect",
     "the plan as offering “real relief,” to residents"),
    # relative clause and participle attributions
    ("The plant is run by Norvik Energy, which confirmed that output had fallen by a third.", "Norvik Energy",
     "indirect", "output had fallen by a third"),
    ("Health Minister Omar Haddad opened the bridge, calling it a symbol of the city's recovery.",
     "Omar Haddad",
     "indirect", "it a symbol of the city's recovery"),
    # passives with a named speaker
    ("Health Minister Omar Haddad was quoted as saying that the port would reopen.", "Omar Haddad",
     "indirect",
     "the port would reopen"),
    # a relay speaks: the quoter, not the one quoted without a name
    ("Interfax quoted the governing coalition as saying the vote had been fair.", "Interfax",
     "indirect", "the vote had been fair"),
    # a speech noun names its owner
    ("Envoy Lena Park read out Prime Minister Anna Kovacs's message that said the treaty stood.",
     "Anna Kovacs", "indirect", "the treaty stood"),
    # unnamed groups with a nationality speak for their country
    ("Chilean officials said the border would stay closed.", "Chile", "indirect",
     "the border would stay closed"),
    # pronoun "it" takes the institution that spoke last
    ("NATO said the drills had ended. It added that the ships would return in May.", "NATO",
     "indirect", "the ships would return in May"),
])
def test_rule_families(extract, body, speaker, kind, quote):
    text = f"City news\n{body}\n"
    ex = extract(text)
    _check_evidence(text, ex)
    assert (speaker, kind, quote) in _pairs(ex)


def test_two_verbs_with_their_own_contents_are_two_statements(extract):
    text = ("City news\nHealth Minister Omar Haddad said the port was open and warned that storms were "
            "coming.\n")
    got = _pairs(extract(text))
    assert ("Omar Haddad", "indirect", "the port was open") in got
    assert ("Omar Haddad", "indirect", "storms were coming") in got


def test_coordinated_speakers_give_one_statement(extract):
    text = "City news\nHealth Minister Omar Haddad and Governor Rita Moss said the levee would hold.\n"
    ex = extract(text)
    assert [(s, q) for s, k, q in _pairs(ex)] == [("Omar Haddad", "the levee would hold")]


@pytest.mark.parametrize("body", [
    "Mayor Ines Falk declined to say whether the port would reopen.",
    "Norvik Energy has neither confirmed nor denied the closure of the mine.",
    "Governor Rita Moss refrained from commenting on the closure.",
    "The mine is said to be the oldest in the region.",
    "Officials said the port would reopen in May.",
    "Experts note that the levee is old.",
    "Mayor Ines Falk opened the bridge, suggesting that the city had recovered.",
    "Norvik Energy reported the information to the regulator.",
    "Mayor Ines Falk informed the council.",
])
def test_no_statement(extract, body):
    assert extract(f"City news\n{body}\n").statements == ()


def test_headline_restating_the_body_is_no_statement(extract):
    text = ("Haddad Says Port Will Reopen In May\n"
            "Health Minister Omar Haddad said on Monday that the port would reopen in May after repairs.\n")
    ex = extract(text)
    expected = [("Omar Haddad", "the port would reopen in May after repairs")]
    assert [(s, q) for s, k, q in _pairs(ex)] == expected


@pytest.mark.parametrize("body,speaker,kind,quote", [
    # the subject of a reporting verb in a clause opened by "after"
    ("After Health Minister Omar Haddad accused the importers of hoarding fuel, prices fell.", "Omar Haddad",
     "indirect", "the importers of hoarding fuel"),
    # a speech noun whose owner names itself right before it
    ("NATO held drills. The vote came amid NATO claims that the drills were defensive.", "NATO", "indirect",
     "the drills were defensive"),
    # a description takes the person whose role it names
    ("Governor Rita Moss visited the dam. The governor said the spillway had held.", "Rita Moss", "indirect",
     "the spillway had held"),
    # a clause whose subject the parser took for the verb's object
    ("Health Minister Omar Haddad indicated additional funding is the council's decision.", "Omar Haddad",
     "indirect", "additional funding is the council's decision"),
    # a quote followed by what the speaker did is direct, without the participle
    ("NATO said, “The drills are over,” citing the calm weather.", "NATO", "direct", "The drills are over,"),
    # quoted words that leave the clause's subject outside are reported speech
    ("Senator Paul Ngata told reporters that the new budget “has not been agreed yet” in the committee.",
     "Paul Ngata", "indirect", "the new budget “has not been agreed yet” in the committee"),
    # the narrator's gloss after the clause is left out
    ("Health Minister Omar Haddad said the clinic would reopen in Dorset, which was flooded in May.",
     "Omar Haddad", "indirect", "the clinic would reopen in Dorset"),
])
def test_parse_robust_rules(extract, body, speaker, kind, quote):
    text = f"City news\n{body}\n"
    ex = extract(text)
    _check_evidence(text, ex)
    assert (speaker, kind, quote) in _pairs(ex)


@pytest.mark.parametrize("body", [
    # a description with its own specifier is someone not named, not the last governor
    "Governor Rita Moss spoke in the capital. The governor of the coastal province said the roads were open.",
    "Governor Rita Moss spoke in the capital. Floods hit the north, its governor said.",
])
def test_unnamed_official_is_not_the_last_named_one(extract, body):
    ex = extract(f"City news\n{body}\n")
    assert not any("roads" in s.text or "Floods" in s.text for s in ex.statements)


@pytest.mark.parametrize("body,speaker,quote", [
    # a time phrase right after the verb dates the telling, not the content
    ("NATO said on Tuesday it had moved two ships to the Baltic.", "NATO",
     "it had moved two ships to the Baltic"),
    # an infinitive content runs on over the clause that qualifies it
    ("NATO vowed to keep its ships in the Baltic until the talks resume.", "NATO",
     "to keep its ships in the Baltic until the talks resume"),
    # "called on X to ...": the addressee and what is asked of them
    ("NATO called on both sides to return to the talks.", "NATO", "both sides to return to the talks"),
    # unnamed staff of a named institution speak for it
    ("A spokesman for NATO said the ships had left port.", "NATO", "the ships had left port"),
])
def test_content_and_staff_rules(extract, body, speaker, quote):
    text = f"City news\n{body}\n"
    ex = extract(text)
    _check_evidence(text, ex)
    assert (speaker, "indirect", quote) in _pairs(ex)


@pytest.mark.parametrize("body,speaker,kind,quote", [
    # where and in what form it was said is not what was said
    ("NATO called for a truce in a joint statement after the summit.", "NATO", "indirect", "a truce"),
    # an estimate is an assessment with its object as content
    ("NATO estimated the cost of the repairs at $2 billion.", "NATO", "indirect",
     "the cost of the repairs at $2 billion"),
    # a block quote after "X said:" keeps its full stop
    ("Health Minister Omar Haddad said:\nWe will reopen every clinic. No one will be left behind.",
     "Omar Haddad", "direct", "We will reopen every clinic. No one will be left behind."),
])
def test_more_content_rules(extract, body, speaker, kind, quote):
    text = f"City news\n{body}\n"
    ex = extract(text)
    _check_evidence(text, ex)
    assert (speaker, kind, quote) in _pairs(ex)


def test_it_is_the_speaker_not_a_country_named_in_its_words(extract):
    text = ("City news\nNATO said French and German jets were scrambled over the Baltic. "
            "The jets were recalled after an hour, it added.\n")
    got = _pairs(extract(text))
    assert ("NATO", "indirect", "The jets were recalled after an hour") in got


@pytest.mark.parametrize("text,speaker,kind,quote", [
    # single quotation marks, the house style of many outlets
    ("City news\n‘We will not retreat,’ Health Minister Omar Haddad said.\n", "Omar Haddad", "direct",
     "We will not retreat,"),
    # "the group", "the ministry": the last actor of that kind that spoke or acted
    ("City news\nHamas fighters attacked the post. The group said it had captured two soldiers.\n", "Hamas",
     "indirect", "it had captured two soldiers"),
    # a relayed report of a named speaker's words is that speaker's
    ("City news\nNATO condemned the launch as reckless, Interfax reported.\n", "NATO", "indirect",
     "the launch as reckless"),
])
def test_marks_and_references(extract, text, speaker, kind, quote):
    ex = extract(text)
    _check_evidence(text, ex)
    assert (speaker, kind, quote) in _pairs(ex)


def test_quote_attributed_to_someone_unnamed_is_not_the_last_speaker(extract):
    text = ("City news\nNATO said the drills were over. “We were not involved,” a spokesperson told "
            "reporters.\n")
    assert not any(s.kind == "direct" for s in extract(text).statements)


def test_headline_restating_the_body_in_other_words_is_no_statement(extract):
    text = ("NATO Warns Of Long Standoff\n"
            "NATO said on Monday that the dispute over the strait could last for years.\n")
    assert [s.text for s in extract(text).statements] == ["the dispute over the strait could last for years"]


@pytest.mark.parametrize("text,speaker,quote", [
    # a person's office speaks for the person, not for the last institution named
    ("City news\nNATO said the drills were over. Prime Minister Anna Kovacs's office said in an email "
     "that the border would reopen.\n", "Anna Kovacs", "the border would reopen"),
    # a narrative paragraph without names after a statement is not that speaker's block quote
    ("City news\nNATO said the drills were over.\nThe ships sailed home the next morning.\n", None, None),
])
def test_speaker_scope(extract, text, speaker, quote):
    got = _pairs(extract(text))
    if speaker is None:
        assert not any("ships sailed" in q for _, _, q in got)
    else:
        assert (speaker, "indirect", quote) in got


def test_quote_of_several_sentences_takes_its_own_attribution(extract):
    text = ("City news\nNATO said the drills were over. “We will not retreat. We will fight on,” "
            "Health Minister Omar Haddad said.\n")
    got = _pairs(extract(text))
    assert ("Omar Haddad", "direct", "We will not retreat. We will fight on,") in got
    assert not any(s == "NATO" and k == "direct" for s, k, _ in got)


@pytest.mark.parametrize("text,speaker,quote", [
    # "the communique" is the words of whoever spoke "in a communique"
    ("City news\nNATO said in a communique that the drills were over. The communique added that the ships "
     "would return.\n", "NATO", "the ships would return"),
    # "its spokesman": the institution's unnamed staff
    ("City news\nNATO held drills in the Baltic. Its spokesman said the ships would return.\n", "NATO",
     "the ships would return"),
])
def test_possessive_and_document_references(extract, text, speaker, quote):
    assert (speaker, "indirect", quote) in _pairs(extract(text))


def test_its_official_of_a_place_is_nobody_named(extract):
    text = ("City news\nNATO said the drills were over. "
            "Rockets were shot down over the province of Tarsk, its governor said.\n")
    assert not any(s == "NATO" and "shot down" in q for s, _, q in _pairs(extract(text)))


def test_anonymous_lead_is_the_person_named_next(extract):
    text = ("City news\nThe dam will be rebuilt by spring, an engineer said Friday.\n"
            "Health Minister Omar Haddad, who toured the site, confirmed the timetable.\n")
    assert ("Omar Haddad", "indirect", "The dam will be rebuilt by spring") in _pairs(extract(text))


def test_anonymous_speaker_with_no_one_named_next_is_nobody(extract):
    text = ("City news\nNATO held drills. The dam will be rebuilt by spring, an engineer said Friday.\n"
            "The work began in May.\n")
    assert not any("dam" in q for _, _, q in _pairs(extract(text)))


@pytest.mark.parametrize("body", [
    "Health Minister Omar Haddad called Senator Paul Ngata on Tuesday.",     # a phone call, not speech
    "NATO urged Chile.",                                                     # only the one addressed
])
def test_an_addressee_alone_is_no_content(extract, body):
    assert extract(f"City news\n{body}\n").statements == ()


def test_a_run_of_remarks_takes_the_day_given_at_its_end(extract):
    text = ("City news\nHealth Minister Omar Haddad said the clinics were open. "
            "Haddad wrote on Facebook late on Sunday evening:\n"
            "We will keep every clinic open through the winter.\n")
    ex = extract(text, date(2025, 3, 12))
    assert {s.said_on for s in ex.statements} == {"2025-03-09"}


def test_participle_after_a_clause_is_the_speakers_second_act(extract):
    text = ("City news\nHealth Minister Omar Haddad stressed that the nurses were “the heroes of this "
            "winter,” promising a new hospital in the capital.\n")
    got = _pairs(extract(text))
    assert ("Omar Haddad", "indirect", "the nurses were “the heroes of this winter,”") in got
    assert ("Omar Haddad", "indirect", "a new hospital in the capital") in got


def test_a_referring_speaker_is_not_the_actor_of_its_own_reported_clause(extract):
    """"X fired ..., according to the army": the army is an actor named before, never X."""
    ex = extract("Raids\nHamas fired 25 rockets at southern Ruritania on Monday, "
                 "the Ruritanian military said. "
                 "The Ruritanian Air Force said its air defences intercepted 18 of the rockets. "
                 "Hezbollah launched about 30 drones at northern Ruritania, according to the army.\n")
    pairs = _pairs(ex)
    assert ("Ruritanian Air Force", "indirect",
            "Hezbollah launched about 30 drones at northern Ruritania") in pairs
    assert not any(speaker in ("Hamas", "Hezbollah") for speaker, _, _ in pairs)
