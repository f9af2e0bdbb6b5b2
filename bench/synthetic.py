"""A large synthetic database for the read-side benches: documents, actors and about as many
statements, figures and events (each with a mention) as asked, inserted set-based on SQLite.

    python bench/synthetic.py PATH.sqlite --facts 1000000
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BATCH = 20_000
WORDS = ("troops deployed border assistance treaty agreement weapons support operation region forces "
         "talks ceasefire drones missiles attack defence security partnership leaders minister").split()


def build(path: Path, facts: int, seed: int = 7) -> None:
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import create_engine, insert, update

    from api import create_app
    from api.models import (
        Actor,
        Document,
        Event,
        EventMention,
        Figure,
        Statement,
        event_actors,
        statement_about,
    )
    from api.models.revisions import DataRevision

    path.unlink(missing_ok=True)
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    with app.app_context():
        from flask_migrate import upgrade
        upgrade()
    rng = random.Random(seed)
    now = datetime.now(UTC)
    tracked = {"created_at": now, "updated_at": now, "revision": 1}
    n_docs, n_actors = max(10, facts // 1000), max(10, facts // 5000)
    engine = create_engine(f"sqlite:///{path}")
    text = " ".join(rng.choice(WORDS) for _ in range(400))
    day0 = date(2024, 1, 1)
    with engine.begin() as conn:
        conn.execute(update(DataRevision).values(value=1, changed_at=now))
        conn.execute(insert(Actor), [{"id": f"actor-{i}", "name": f"Actor {i}", "kind": "person", **tracked}
                                     for i in range(n_actors)])
        conn.execute(insert(Document), [
            {"id": f"doc-{i:06d}", "title": f"Document {i}", "publisher": f"Outlet {i % 40}",
             "published": day0 + timedelta(days=i % 700), "text": text, "sha256": f"{i:064x}",
             "extractor_version": "bench", "ingested_at": now, **tracked} for i in range(n_docs)])

    def evidence(i):
        start = rng.randrange(0, len(text) - 60)
        return {"document_id": f"doc-{i % n_docs:06d}", "start_char": start, "end_char": start + 60,
                "evidence_text": text[start:start + 60], "extractor_version": "bench", **tracked}

    per = facts // 3
    with engine.begin() as conn:
        for lo in range(0, per, BATCH):
            ids = range(lo + 1, min(per, lo + BATCH) + 1)
            conn.execute(insert(Statement), [
                {"id": i, "speaker_id": f"actor-{rng.randrange(n_actors)}",
                 "kind": rng.choice(("direct", "indirect")),
                 "text": " ".join(rng.choice(WORDS) for _ in range(12)),
                 "said_on": day0 + timedelta(days=rng.randrange(700)) if i % 3 else None, **evidence(i)}
                for i in ids])
            conn.execute(insert(statement_about), [{"statement_id": i, "actor_id": f"actor-{i % n_actors}"}
                                                   for i in ids])
            conn.execute(insert(Figure), [
                {"id": i, "value": float(rng.randrange(1, 100_000)), "unit": "people",
                 "metric": rng.choice(("troops_deployed", "killed", "wounded", "casualties")),
                 "qualifier": rng.choice(("exact", "approximately", "at_least", "at_most")),
                 "subject_id": f"actor-{rng.randrange(n_actors)}",
                 "source_id": f"actor-{rng.randrange(n_actors)}",
                 "as_of": None, **evidence(i)} for i in ids])
            conn.execute(insert(Event), [
                {"id": i, "kind": rng.choice(("summit", "deployment", "offensive", "pledge")),
                 "title": f"Event {i}", "date": (day0 + timedelta(days=rng.randrange(700))).isoformat(),
                 "precision": "day", "extractor_version": "bench", **tracked} for i in ids])
            conn.execute(insert(EventMention), [{"id": i, "event_id": i, **evidence(i)} for i in ids])
            conn.execute(insert(event_actors), [{"event_id": i, "actor_id": f"actor-{i % n_actors}"}
                                                for i in ids])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--facts", type=int, default=1_000_000)
    args = parser.parse_args()
    started = time.perf_counter()
    build(args.path, args.facts)
    print(f"built {args.facts:,} facts in {time.perf_counter() - started:.0f} s: {args.path}")
