"""Run extraction over many documents: in this process, or over every core in a process pool.

Extraction is pure (text in, frozen dataclasses out), so workers need nothing but the text.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date

from ..extract import Extraction, extract_document

Job = tuple[str, str, date | None]            # (document id, text, published)
Result = tuple[str, Extraction | None, str | None]   # (document id, extraction, error)


def _extract(job: Job) -> Result:
    doc_id, text, published = job
    try:
        return doc_id, extract_document(text, published), None
    except Exception as exc:  # one bad document must not stop the others
        return doc_id, None, f"extraction failed: {type(exc).__name__}: {exc}"


def _warm() -> None:
    from ..extract.nlp import get_nlp
    get_nlp()


def worker_count(requested: int, jobs: int) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(requested or cores, jobs))


def extract_all(jobs: Iterable[Job], workers: int) -> Iterator[Result]:
    """Results in the order of `jobs`, so writes (and cross-document merges) are deterministic."""
    jobs = list(jobs)
    n = worker_count(workers, len(jobs))
    if n == 1:
        yield from map(_extract, jobs)
        return
    # Load the model before forking: the workers share it copy-on-write instead of each loading it.
    _warm()
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods()
                                          else None)
    with ProcessPoolExecutor(max_workers=n, mp_context=context, initializer=_warm) as pool:
        yield from pool.map(_extract, jobs, chunksize=max(1, min(8, len(jobs) // (4 * n))))
