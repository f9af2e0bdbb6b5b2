"""Re-extraction speed next to ingest's, on the same articles, one core, side by side.

    python bench/reextract_speed.py [--articles 60] [--words 500]

Builds the corpus bench/ingest_speed.py builds, loads it into a fresh SQLite database (ingest),
then re-extracts every document (`reextract --all`): the same extraction, plus matching each
document's stored facts with the new ones. The facts come out the same, so nothing is written;
the ratio says what re-extracting a stored corpus costs compared with loading it.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest_speed import build_corpus  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--words", type=int, default=500)
    args = ap.parse_args()
    import logging
    logging.disable(logging.WARNING)

    from flask_migrate import upgrade

    from api import create_app
    from api.extensions import db
    from api.extract.nlp import get_nlp
    from api.ingest.load import load_corpus, reextract
    from api.models import current_revision

    get_nlp()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        texts = build_corpus(folder, args.articles, args.words)
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.sqlite"})
        with app.app_context():
            upgrade()
            start = time.perf_counter()
            report = load_corpus(db.session, folder, max_chars=10**6, workers=1)
            ingest = time.perf_counter() - start
            assert not report.problems, report.problems
            revision = current_revision(db.session)
            start = time.perf_counter()
            again, _ = reextract(db.session, everything=True, workers=1)
            redo = time.perf_counter() - start
            assert not again.problems and len(again.unchanged) == len(texts), again.reextract_summary()
            assert current_revision(db.session) == revision
            db.engine.dispose()
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words} words, one core")
    print(f"{'ingest into an empty database':40} {ingest:7.1f} s")
    print(f"{'reextract --all (facts unchanged)':40} {redo:7.1f} s  {redo / ingest:5.2f}x ingest")
    return 0


if __name__ == "__main__":
    sys.exit(main())
