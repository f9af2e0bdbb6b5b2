"""Peak memory and time of extracting ONE long article, by its length in characters.

    python bench/document_memory.py [--chars 50000 100000 200000]

Each size runs in a fresh process (peak RSS is per process): the article is the corpus's
paragraphs repeated up to that many characters; the model is loaded first, so "model" is the
baseline and "peak" what the one article adds on top. Sets NEWSFACTS_MAX_DOCUMENT_CHARS' default.
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def article(chars: int) -> str:
    paragraphs = [p for path in sorted((ROOT / "corpus").glob("*.txt"))
                  for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    out, n = [], 0
    while n < chars:
        p = paragraphs[len(out) % len(paragraphs)]
        out.append(p)
        n += len(p) + 1
    return "\n".join(out)[:chars]


def measure(chars: int) -> None:
    sys.path.insert(0, str(ROOT))
    from api.extract import extract_document
    from api.extract.nlp import get_nlp
    get_nlp()
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    text = article(chars)
    start = time.perf_counter()
    extract_document(text)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    added = peak - base   # kB
    print(f"{chars:>9,} chars  model {base / 1024:6.0f} MB  peak {peak / 1024:6.0f} MB  "
          f"(+{added / 1024:5.0f} MB, {added * 1024 / chars:5.0f} bytes/char)  {seconds:6.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chars", type=int, nargs="+", default=[50_000, 100_000, 200_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        measure(args.one)
        return
    for chars in args.chars:
        subprocess.run([sys.executable, __file__, "--one", str(chars)], check=True)


if __name__ == "__main__":
    main()
