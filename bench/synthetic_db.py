"""A deterministic synthetic corpus in the project's own schema, for the read-API benchmark.

    python bench/synthetic_db.py [--scale 1.0] [--database-url URL]

At scale 1: 100,000 documents, 2,000 actors, 300,000 statements, 1,000,000 figures, 100,000
events (half of them reported by two documents). The schema is built by the migrations; the rows
are bulk-inserted through the models' tables, so every constraint and the search index (the
triggers of migration 0002 on SQLite, the GIN indexes on PostgreSQL) hold as they would after
ingest. Every fact's evidence is exactly the characters of its document at its offsets.

Actors are drawn with a Zipf law (a few actors carry most facts, as in news), so the benchmark has
a heavy actor and typical ones. Three search words have fixed rates in statements, figure
evidence and event titles: COMMON in 30% of them, MEDIUM in 1%, RARE in 0.01%.
The same scale always gives the same rows; an SQLite build is cached under bench/out/ by schema
head, scale and generator version, so reruns start at once.
"""
from __future__ import annotations

import argparse
import bisect
import itertools
import random
import shutil
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.extract.types import ACTOR_KINDS, EVENT_KINDS, METRICS, QUALIFIERS  # noqa: E402

GENERATOR_VERSION = 1
CACHE = ROOT / "bench" / "out" / "api-db"
SEED = 20261202
ACTORS = 2000
PER_SCALE = {"documents": 100_000, "statements": 300_000, "figures": 1_000_000, "events": 100_000}
COMMON, MEDIUM, RARE = "troops", "ceasefire", "referendum"
TERM_RATES = ((COMMON, 0.30), (MEDIUM, 0.01), (RARE, 0.0001))
WHEN = datetime(2026, 1, 1, tzinfo=UTC)
VERSION = "bench-synthetic"
CHUNK_DOCUMENTS = 2000
UNITS = ("people", "USD", "fraction", "count", "tanks", "km")
DAY_ZERO = date(2022, 1, 1)


def counts(scale: float) -> dict[str, int]:
    return {name: max(1, round(n * scale)) for name, n in PER_SCALE.items()}


# --- words and names ----------------------------------------------------------------------------

SYLLABLES = ("ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "re", "po", "la", "ne", "zu", "fa", "ti")


def _words(rng: random.Random, n: int) -> list[str]:
    seen, out = set(), []
    while len(out) < n:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            out.append(word)
    return out


class Vocabulary:
    """Filler words with Zipf frequencies, plus the three search terms at fixed rates."""

    def __init__(self, rng: random.Random, size: int = 20_000):
        self.words = _words(rng, size)
        self.cum = list(itertools.accumulate(1 / (rank + 1) for rank in range(size)))

    def phrase(self, rng: random.Random, n: int) -> str:
        words = rng.choices(self.words, cum_weights=self.cum, k=n)
        for term, rate in TERM_RATES:
            if rng.random() < rate:
                words[rng.randrange(n)] = term
        return " ".join(words)


class Actors:
    """2,000 actors with readable ids; `pick` draws one with a Zipf law (rank 1 the heaviest)."""

    def __init__(self, rng: random.Random):
        names = _words(rng, ACTORS * 2)
        self.rows, self.aliases = [], []
        for i in range(ACTORS):
            first, last = names[2 * i].title(), names[2 * i + 1].title()
            kind = ACTOR_KINDS[i % len(ACTOR_KINDS)]
            self.rows.append({"id": f"{first}-{last}-{i}".lower(), "name": f"{first} {last}", "kind": kind,
                              "role": "minister" if kind == "person" else None, "affiliation_id": None})
        for i, row in enumerate(self.rows):
            if row["kind"] == "person":   # people belong to a country actor (index 1, 7, 13...)
                row["affiliation_id"] = self.rows[(i // 6) * 6 + 1]["id"]
            for n, name in enumerate((row["name"], f"{row['name'].split()[1]} of {i}")):
                self.aliases.append({"id": 2 * i + n + 1, "actor_id": row["id"], "name": name,
                                     "key": name.lower()})
        self.ids = [row["id"] for row in self.rows]
        self.names = {row["id"]: row["name"] for row in self.rows}
        self.cum = list(itertools.accumulate(1 / (rank + 1) for rank in range(ACTORS)))

    def pick(self, rng: random.Random) -> str:
        return self.ids[bisect.bisect(self.cum, rng.random() * self.cum[-1])]


# --- documents and facts ------------------------------------------------------------------------

def tracked(row: dict) -> dict:
    row.update(created_at=WHEN, updated_at=WHEN, revision=1)
    return row


class DocumentText:
    """A document's text, built sentence by sentence; each fact keeps its sentence's offsets."""

    def __init__(self, headline: str):
        self.parts = [headline, "\n"]
        self.length = len(headline) + 1

    def add(self, sentence: str) -> tuple[int, int, str]:
        start = self.length
        self.parts.append(sentence + " ")
        self.length += len(sentence) + 1
        return start, start + len(sentence), sentence

    def text(self) -> str:
        return "".join(self.parts)


def event_date(rng: random.Random) -> tuple[str | None, str | None]:
    day = DAY_ZERO + timedelta(days=rng.randrange(4 * 365))
    roll = rng.random()
    if roll < 0.05:
        return None, None
    if roll < 0.15:
        return day.isoformat()[:4], "year"
    if roll < 0.40:
        return day.isoformat()[:7], "month"
    return day.isoformat(), "day"


def make_events(n_events: int, n_documents: int, actors: Actors, vocab: Vocabulary) -> list[dict]:
    """Events with their actors; mentions (which need documents' text) are placed later."""
    rng = random.Random(SEED + 1)
    events = []
    for e in range(1, n_events + 1):
        when, precision = event_date(rng)
        kind = EVENT_KINDS[rng.randrange(len(EVENT_KINDS))]
        members = sorted({actors.pick(rng) for _ in range(rng.randint(1, 3))})
        title = f"{actors.names[members[0]]} {kind.replace('_', ' ')} {vocab.phrase(rng, 4)}"
        # First mention in document e (mod the documents), a second one for every other event.
        docs = [(e - 1) % n_documents] + ([(e * 7 + 3) % n_documents] if e % 2 == 0 else [])
        events.append({"row": tracked({"id": e, "kind": kind, "title": title, "date": when,
                                       "precision": precision, "location": None, "series": None,
                                       "conflict": None, "extractor_version": VERSION}),
                       "actors": members, "documents": sorted(set(docs))})
    return events


class Builder:
    def __init__(self, scale: float):
        self.n = counts(scale)
        rng = random.Random(SEED)
        self.actors = Actors(rng)
        self.vocab = Vocabulary(rng)
        self.events = make_events(self.n["events"], self.n["documents"], self.actors, self.vocab)
        self.events_of_document: dict[int, list[dict]] = {}
        for event in self.events:
            for d in event["documents"]:
                self.events_of_document.setdefault(d, []).append(event)

    def _share(self, total: int, d: int) -> range:
        """The ids (from 1) of `total` facts that fall to document d, spread evenly."""
        per = total / self.n["documents"]
        return range(round(d * per) + 1, round((d + 1) * per) + 1)

    def chunk(self, first: int, last: int) -> dict[str, list[dict]]:
        """Rows for documents first..last-1: documents, statements (+about, mentions), figures,
        event mentions."""
        rng = random.Random(SEED * 31 + first)
        out = {k: [] for k in ("documents", "statements", "statement_about", "actor_mentions", "figures",
                               "event_mentions")}
        for d in range(first, last):
            doc_id = f"doc_{d:06d}"
            text = DocumentText(f"Bench report {d}: {self.vocab.phrase(rng, 6)}")
            statement_ids = list(self._share(self.n["statements"], d))
            for sid in statement_ids:
                speaker = self.actors.pick(rng)
                name = self.actors.names[speaker]
                words = self.vocab.phrase(rng, 12)
                kind = "direct" if rng.random() < 0.5 else "indirect"
                sentence = f'{name} said "{words}".' if kind == "direct" else f"{name} said that {words}."
                start, end, evidence = text.add(sentence)
                out["statements"].append(tracked({
                    "id": sid, "speaker_id": speaker, "kind": kind, "text": words,
                    "said_on": DAY_ZERO + timedelta(days=rng.randrange(4 * 365)) if rng.random() < 0.7
                    else None, "cluster_id": None, "start_char": start, "end_char": end,
                    "evidence_text": evidence, "extractor_version": VERSION, "document_id": doc_id}))
                out["actor_mentions"].append(tracked({"actor_id": speaker, "document_id": doc_id,
                                                      "start_char": start, "end_char": start + len(name)}))
                for about in sorted({self.actors.pick(rng) for _ in range(rng.randint(0, 2))}):
                    out["statement_about"].append({"statement_id": sid, "actor_id": about})
            for fid in self._share(self.n["figures"], d):
                value = float(rng.randrange(1, 200_000))
                sentence = f"About {value:,.0f} {self.vocab.phrase(rng, 8)} were counted."
                start, end, evidence = text.add(sentence)
                out["figures"].append(tracked({
                    "id": fid, "value": value, "unit": UNITS[rng.randrange(len(UNITS))],
                    "metric": METRICS[rng.randrange(len(METRICS))],
                    "qualifier": QUALIFIERS[rng.randrange(len(QUALIFIERS))],
                    "subject_id": self.actors.pick(rng) if rng.random() < 0.9 else None,
                    "source_id": self.actors.pick(rng) if rng.random() < 0.7 else None,
                    "as_of": None,
                    "statement_id": rng.choice(statement_ids) if statement_ids and rng.random() < 0.3
                    else None,
                    "start_char": start, "end_char": end, "evidence_text": evidence,
                    "extractor_version": VERSION, "document_id": doc_id}))
            for event in self.events_of_document.get(d, []):
                row = event["row"]
                start, end, evidence = text.add(f"{row['title']} was reported.")
                out["event_mentions"].append(tracked({
                    "event_id": row["id"], "document_id": doc_id, "start_char": start, "end_char": end,
                    "evidence_text": evidence, "extractor_version": VERSION,
                    "reported_date": row["date"], "reported_precision": row["precision"],
                    "reported_kind": row["kind"], "frame": None, "reported_title": row["title"],
                    "reported_location": None, "reported_series": None, "reported_actors": None,
                    "agent_count": len(event["actors"])}))
            body = text.text()
            out["documents"].append(tracked({
                "id": doc_id, "title": f"Bench report {d}", "publisher": "Bench Wire",
                "url": f"https://example.org/{d}", "published": DAY_ZERO + timedelta(days=d % 1460),
                "text": body, "sha256": f"{d:064x}", "extractor_version": VERSION, "source": None,
                "ingested_at": WHEN}))
        return out


def fill(engine, scale: float, progress=print) -> dict[str, int]:
    """Insert the synthetic corpus into a migrated, empty database; returns row counts."""
    from sqlalchemy import update

    from api.models import (
        Actor,
        ActorAlias,
        ActorMention,
        DataRevision,
        Document,
        Event,
        EventMention,
        Figure,
        Statement,
        event_actors,
        statement_about,
    )

    builder = Builder(scale)
    tables = {"documents": Document.__table__, "statements": Statement.__table__,
              "statement_about": statement_about, "actor_mentions": ActorMention.__table__,
              "figures": Figure.__table__, "event_mentions": EventMention.__table__}
    written = dict.fromkeys(["actors", "events", *tables], 0)
    with engine.begin() as conn:
        # Those others belong to first, so the foreign key holds row by row.
        ordered = sorted(builder.actors.rows, key=lambda r: r["affiliation_id"] is not None)
        conn.execute(Actor.__table__.insert(), [tracked(dict(r)) for r in ordered])
        conn.execute(ActorAlias.__table__.insert(), [tracked(dict(r)) for r in builder.actors.aliases])
        written["actors"] = len(builder.actors.rows)
        conn.execute(Event.__table__.insert(), [e["row"] for e in builder.events])
        links = [{"event_id": e["row"]["id"], "actor_id": a} for e in builder.events for a in e["actors"]]
        conn.execute(event_actors.insert(), links)
        written["events"] = len(builder.events)
        for first in range(0, builder.n["documents"], CHUNK_DOCUMENTS):
            rows = builder.chunk(first, min(first + CHUNK_DOCUMENTS, builder.n["documents"]))
            for name, table in tables.items():
                if rows[name]:
                    conn.execute(table.insert(), rows[name])
                    written[name] += len(rows[name])
            done = min(first + CHUNK_DOCUMENTS, builder.n["documents"])
            if done % 20_000 == 0 or done == builder.n["documents"]:
                progress(f"  {done:>7} / {builder.n['documents']} documents")
        conn.execute(update(DataRevision).where(DataRevision.id == 1).values(value=1, changed_at=WHEN))
    if engine.dialect.name == "postgresql":   # what autovacuum would do soon after a load
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    return written


def migrated_app(url: str):
    from flask_migrate import upgrade

    from api import create_app
    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade()
    return app


def schema_head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    config = Config()
    config.set_main_option("script_location", str(ROOT / "migrations"))
    return "+".join(sorted(ScriptDirectory.from_config(config).get_heads()))


def sqlite_database(scale: float, progress=print) -> Path:
    """The cached SQLite file for this scale and schema, built when missing."""
    # No dot in the stem: Datasette names the database after it, and a dot would need escaping in URLs.
    scaled = f"scale{scale:g}".replace(".", "p")
    path = CACHE / f"v{GENERATOR_VERSION}-{schema_head()}-{scaled}.sqlite"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    same_rows = f"v{GENERATOR_VERSION}-*-{path.name.split('-')[-1]}"
    older = sorted(CACHE.glob(same_rows), key=lambda p: p.stat().st_mtime)
    if older:   # the same rows under an older schema: the migrations bring a copy to head
        progress(f"migrating a copy of {older[-1].name} to {path.name}")
        shutil.copyfile(older[-1], partial)
        app = migrated_app(f"sqlite:///{partial}")
    else:
        progress(f"building {path.name} (once; cached under bench/out/)")
        app = migrated_app(f"sqlite:///{partial}")
    with app.app_context():
        from api.extensions import db
        if not older:
            fill(db.engine, scale, progress)
        with db.engine.connect() as conn:   # everything in the one file, so it can be renamed
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.engine.dispose()
    partial.rename(path)
    return path


def postgres_database(url: str, scale: float, progress=print) -> None:
    """Fill the (empty) PostgreSQL database at `url`, after migrating it; skipped when it already
    holds this scale's rows."""
    from sqlalchemy import func, select

    from api.models import Figure
    app = migrated_app(url)
    with app.app_context():
        from api.extensions import db
        with db.engine.connect() as conn:
            have = conn.scalar(select(func.count()).select_from(Figure.__table__))
        if have == counts(scale)["figures"]:
            return
        if have:
            raise SystemExit(f"{url} holds other data ({have} figures): give an empty database")
        progress("filling PostgreSQL (once)")
        fill(db.engine, scale, progress)
        db.engine.dispose()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--database-url", help="a PostgreSQL database to fill (default: the cached SQLite file)")
    args = ap.parse_args()
    import logging
    logging.disable(logging.INFO)   # alembic's per-migration lines
    if args.database_url:
        postgres_database(args.database_url, args.scale)
    else:
        print(sqlite_database(args.scale))
    return 0


if __name__ == "__main__":
    sys.exit(main())
