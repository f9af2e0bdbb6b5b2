"""What relates facts across documents, on invented rows: which statements are one remark, which
figures one quantity, and when claims disagree."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace as Row

import pytest

from api.ingest import claims, clusters, threads

DAY = date(2030, 3, 10)


def statement(id, document, text, published=DAY, cluster_id=None):
    return Row(id=id, document_id=document, text=text, published=published, cluster_id=cluster_id,
               said_on=None, publisher=None)


SAME_REMARK = [
    # (a, b, same remark?)
    ("We will never abandon the harbour treaty, whatever the pressure from abroad.",
     "We will never abandon the harbour treaty whatever pressure comes from abroad", True),
    ("the ministry would send engineers to rebuild the northern bridge",
     "The ministry would send engineers to rebuild the northern bridge next spring", True),
    ("the talks on fishing quotas were productive",
     "the new tariffs would hurt farmers in the south", False),
    ("heroes.", "all of them are heroes of the nation", False),      # a one-word quote is in too much
]


@pytest.mark.parametrize("a, b, same", SAME_REMARK)
def test_same_remark_by_overlapping_words(a, b, same):
    assert clusters.same_remark(statement(1, "d1", a), statement(2, "d2", b)) is same


def test_one_document_or_months_apart_is_not_one_remark():
    a = "We will never abandon the harbour treaty, whatever the pressure from abroad."
    assert not clusters.same_remark(statement(1, "d1", a), statement(2, "d1", a))
    assert not clusters.same_remark(statement(1, "d1", a), statement(2, "d2", a, date(2030, 9, 1)))
    assert clusters.same_remark(statement(1, "d1", a), statement(2, "d2", a, None))


def test_clusters_are_connected_components_and_stale_ones_split():
    a = "the ministry would send engineers to rebuild the northern bridge"
    b = "The ministry would send engineers to rebuild the northern bridge next spring"
    c = "the talks on fishing quotas were productive"
    rows = [statement(1, "d1", a), statement(2, "d2", b), statement(3, "d3", c), statement(4, "d4", a)]
    groups = clusters.regroup(rows, clusters.edges(rows, rows), set())
    assert sorted(sorted(r.id for r in g) for g in groups) == [[1, 2, 4], [3]]
    # A new statement joins the stored cluster it repeats; the others of that cluster come along.
    stored = [statement(2, "d2", b, cluster_id=2), statement(4, "d4", a, cluster_id=2)]
    new = [statement(5, "d5", a)]
    groups = clusters.regroup(new + stored, clusters.edges(new, stored[1:]), set())
    assert sorted(sorted(r.id for r in g) for g in groups) == [[2, 4, 5]]
    # Stored as one cluster, but statement 1 was the bridge between 2 and 5: without it they part.
    kept = [statement(2, "d2", b, cluster_id=1), statement(5, "d5", c, cluster_id=1)]
    groups = clusters.regroup(kept, [], stale={1})
    assert sorted(sorted(r.id for r in g) for g in groups) == [[2], [5]]


def figure(id, value, qualifier="exact", as_of=None, published=DAY, document="d1"):
    return Row(id=id, value=value, qualifier=qualifier, as_of=as_of, published=published,
               document_id=document, start_char=id)


def test_figures_group_by_compatible_dates_anchored_on_the_earliest():
    rows = [figure(1, 100, as_of="2030-03"), figure(2, 120, published=date(2030, 3, 20)),
            figure(3, 150, as_of="2030-09-01"), figure(4, 90, published=None)]
    groups = claims.groups(rows)
    assert [[r.id for r in g] for g in groups] == [[1, 2], [3], [4]]


@pytest.mark.parametrize("a, b, disagree", [
    ((10_000, "approximately"), (11_000, "approximately"), False),   # within 10% of each other
    ((10_000, "approximately"), (15_000, "approximately"), True),
    ((2_000, "at_least"), (4_700, "exact"), False),
    ((2_000, "at_most"), (4_700, "exact"), True),
    ((3_000, "exact"), (3_000, "exact"), False),
])
def test_claims_disagree_when_no_value_satisfies_every_qualifier(a, b, disagree):
    assert claims.disagree([figure(1, *a), figure(2, *b)]) is disagree


def test_a_replaced_document_leaves_no_stale_group(app, runner, corpus_copy):
    """Changed text re-extracts a document: clusters it stood on shrink or go, as from scratch."""
    from sqlalchemy import select

    from api.extensions import db
    from api.ingest.relate import relate_everything
    from api.models import Statement, StatementCluster, bump_revision

    assert runner.invoke(args=["ingest", str(corpus_copy)]).exit_code == 0
    with app.app_context():
        largest = select(StatementCluster.id).order_by(StatementCluster.statements.desc(),
                                                       StatementCluster.id)
        biggest = db.session.scalars(select(Statement).where(
            Statement.cluster_id == largest.limit(1).scalar_subquery())).all()
        victim = biggest[-1].document_id
        removed = {s.evidence_text for s in biggest if s.document_id == victim}
    path = corpus_copy / f"{victim}.txt"
    text = path.read_text(encoding="utf-8")
    for words in removed:
        text = text.replace(words, "")
    path.write_text(text, encoding="utf-8")
    assert runner.invoke(args=["ingest", str(corpus_copy)]).exit_code == 0

    def groups():
        return sorted((c.speaker_id, c.statements, c.documents, tuple(sorted(
            (s.document_id, s.start_char) for s in db.session.scalars(
                select(Statement).where(Statement.cluster_id == c.id)))))
            for c in db.session.scalars(select(StatementCluster)))

    with app.app_context():
        incremental = groups()
        assert all(n == len(members) for _, n, _, members in incremental)
        clustered = db.session.scalars(select(Statement.evidence_text)
                                       .where(Statement.cluster_id.is_not(None)))
        assert not removed & set(clustered)
        relate_everything(db.session, bump_revision(db.session))
        db.session.commit()
        assert groups() == incremental


def stage(id, *names, who=("ruritania", "borduria"), date=None):
    return threads.Stage(id, names, date, frozenset(who))


THREADS = [
    # (stages, the threads they form: names and stage ids)
    ("one name, spelt two ways",
     [stage(1, "Harbour Treaty"), stage(2, "the harbour treaty", who=("ruritania",))],
     [("Harbour Treaty", [1, 2])]),
    ("a shorter name of the same agreement, the same parties",
     [stage(1, "fisheries treaty"), stage(2, "Northern Grand Fisheries Treaty"),
      stage(3, "Grand Fisheries Treaty")],
     [("Northern Grand Fisheries Treaty", [1, 2, 3])]),
    ("the same words with another agreement noun",
     [stage(1, "Grand Fisheries Treaty", who=()), stage(2, "Grand Fisheries Agreement", who=())],
     [("Grand Fisheries Agreement", [1, 2])]),
    ("a treaty is not a truce",
     [stage(1, "fisheries treaty"), stage(2, "fisheries truce")], []),
    ("a shorter name with no participant in common",
     [stage(1, "fisheries treaty", who=("gondor",)), stage(2, "Grand Fisheries Treaty")], []),
    ("names by parties only join the named agreement of those parties",
     [stage(1, "agreement between Borduria and Ruritania"), stage(2, "Grand Fisheries Treaty"),
      stage(3, "Grand Fisheries Treaty")],
     [("Grand Fisheries Treaty", [1, 2, 3])]),
    ("a nameless stage joins the one agreement of its participants",
     [stage(1, "Grand Fisheries Treaty"), stage(2, "Grand Fisheries Treaty"), stage(3, who=("borduria",))],
     [("Grand Fisheries Treaty", [1, 2, 3])]),
    ("a nameless stage fitting two agreements joins neither",
     [stage(1, "Grand Fisheries Treaty"), stage(2, "Grand Fisheries Treaty"),
      stage(3, "Mountain Pass Accord", who=("borduria", "gondor")),
      stage(4, "Mountain Pass Accord", who=("gondor",)), stage(5, who=("borduria",))],
     [("Grand Fisheries Treaty", [1, 2]), ("Mountain Pass Accord", [3, 4])]),
    ("a short name that fits two agreements joins neither",
     [stage(1, "peace treaty", who=("ruritania",)),
      stage(2, "Ruritania Borduria peace treaty"), stage(3, "Ruritania Borduria peace treaty"),
      stage(4, "Ruritania Gondor peace treaty", who=("ruritania", "gondor")),
      stage(5, "Ruritania Gondor peace treaty", who=("ruritania", "gondor"))],
     [("Ruritania Borduria peace treaty", [2, 3]), ("Ruritania Gondor peace treaty", [4, 5])]),
    ("nameless stages alone are no thread",
     [stage(1), stage(2)], []),
]


@pytest.mark.parametrize("stages, expected", [t[1:] for t in THREADS], ids=[t[0] for t in THREADS])
def test_stages_of_one_agreement_form_one_thread(stages, expected):
    got = [(name, [s.id for s in members]) for name, members in threads.threads(stages)]
    assert got == expected
    # the same threads whatever order the stages come in
    assert [(n, [s.id for s in m]) for n, m in threads.threads(stages[::-1])] == expected
