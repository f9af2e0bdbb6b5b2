"""Run extraction over many documents: in this process, or over every core in a process pool.

Extraction is pure (text in, frozen dataclasses out), so workers need nothing but the text.
Each worker takes a batch at a time, so the model runs over several articles at once.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from itertools import islice

from ..extract import Extraction, extract_documents

Job = tuple[str, str, date | None]                   # (document id, text, published)
Result = tuple[str, Extraction | None, str | None]   # (document id, extraction, error)
BATCH = 8


def _extract_batch(jobs: list[Job]) -> list[Result]:
    out = []
    for (doc_id, _, _), got in zip(jobs, extract_documents((t, p) for _, t, p in jobs), strict=True):
        if isinstance(got, Exception):
            out.append((doc_id, None, f"extraction failed: {type(got).__name__}: {got}"))
        else:
            out.append((doc_id, got, None))
    return out


def _warm() -> None:
    from ..extract.nlp import get_nlp
    get_nlp()


def worker_count(requested: int, jobs: int) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(requested or cores, jobs))


def _batches(jobs: list[Job], size: int) -> Iterator[list[Job]]:
    it = iter(jobs)
    while batch := list(islice(it, size)):
        yield batch


def extract_all(jobs: Iterable[Job], workers: int) -> Iterator[Result]:
    """Results in the order of `jobs`, so writes (and cross-document merges) are deterministic."""
    jobs = list(jobs)
    n = worker_count(workers, len(jobs))
    size = max(1, min(BATCH, len(jobs) // (2 * n)))
    if n == 1:
        for batch in _batches(jobs, size):
            yield from _extract_batch(batch)
        return
    # Load the model before forking: the workers share it copy-on-write instead of each loading it.
    _warm()
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods()
                                          else None)
    with ProcessPoolExecutor(max_workers=n, mp_context=context, initializer=_warm) as pool:
        for results in pool.map(_extract_batch, _batches(jobs, size)):
            yield from results
