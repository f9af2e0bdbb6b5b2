"""Run extraction over many documents: in this process, or over every core in a process pool.

Extraction is pure (text in, frozen dataclasses out), so workers need nothing but the text.
Each worker takes a batch at a time, so the model runs over several articles at once; batches
shrink towards the end, so the workers finish together (no one left on a full batch alone).
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from itertools import islice

from ..extract import Extraction, extract_documents, warm

Job = tuple[str, str, date | None]                   # (document id, text, published)
Result = tuple[str, Extraction | None, str | None]   # (document id, extraction, error)
BATCH = 8
PR_SET_PDEATHSIG = 1   # linux/prctl.h


def _extract_batch(jobs: list[Job]) -> list[Result]:
    out = []
    for (doc_id, _, _), got in zip(jobs, extract_documents((t, p) for _, t, p in jobs), strict=True):
        if isinstance(got, Exception):
            out.append((doc_id, None, f"extraction failed: {type(got).__name__}: {got}"))
        else:
            out.append((doc_id, got, None))
    return out


def _warm() -> None:
    warm()


def _die_with_parent(parent: int) -> None:
    """Linux: the kernel kills this process when its parent dies, however it dies (even SIGKILL),
    so no orphan keeps its memory. Elsewhere the pool's own shutdown is all there is."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:   # the parent died before the line above took effect
        os._exit(1)


def _worker_start(parent: int) -> None:
    _die_with_parent(parent)
    # Ctrl-C reaches the whole process group: the parent decides, workers do not print tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _warm()


def worker_count(requested: int, jobs: int) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(requested or cores, jobs))


def _batches(jobs: list[Job], size: int, workers: int = 1) -> Iterator[list[Job]]:
    """Batches of `size`, the last ones smaller (a share of what is left per worker), so no worker
    is still on a full batch while the others wait (one process: all of `size`)."""
    it, left = iter(jobs), len(jobs)
    while batch := list(islice(it, size if workers == 1 else max(1, min(size, -(-left // (3 * workers)))))):
        left -= len(batch)
        yield batch


def _died(batch: list[Job]) -> list[Result]:
    return [(doc_id, None, "extraction failed: its process died (killed, or out of memory)")
            for doc_id, _, _ in batch]


def extract_all(jobs: Iterable[Job], workers: int) -> Iterator[Result]:
    """Results in the order of `jobs`, so writes (and cross-document merges) are deterministic."""
    jobs = list(jobs)
    n = worker_count(workers, len(jobs))
    size = max(1, min(BATCH, len(jobs) // (2 * n)))
    batches = list(_batches(jobs, size, n))
    if n == 1:
        for batch in batches:
            yield from _extract_batch(batch)
        return
    # Load the model before forking: the workers share it copy-on-write instead of each loading it.
    _warm()
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods()
                                          else None)
    done = 0
    while done < len(batches):
        pool = ProcessPoolExecutor(max_workers=n, mp_context=context, initializer=_worker_start,
                                   initargs=(os.getpid(),))
        clean = False
        try:
            futures = [pool.submit(_extract_batch, batch) for batch in batches[done:]]
            for future in futures:
                try:
                    results = future.result()
                except BrokenProcessPool:
                    # A worker died (the kernel's OOM killer, a signal): its batch is reported and
                    # the rest go on in a fresh pool.
                    results = _died(batches[done])
                    done += 1
                    yield from results
                    break
                done += 1
                yield from results
            else:
                clean = True
        finally:
            if not clean:   # broken, or the caller stopped (an error, Ctrl-C): no worker lingers
                for process in list((getattr(pool, "_processes", None) or {}).values()):
                    process.kill()
            pool.shutdown(wait=clean, cancel_futures=True)
