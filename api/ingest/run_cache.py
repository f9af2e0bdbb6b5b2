"""What one ingest run has written and committed, kept for its next documents.

Merging across documents reads, for every document, every stored event mention of the frames the
document touches: work that grows with the corpus, and all of it (but the document's own
mentions) was read or written by this run already. The cache keeps those rows as the run last
committed them, so a document reads only its own.

It is trusted only while nothing else wrote: each document's transaction bumps the data revision,
and when that bump is not the one right after the run's last commit, another writer came in
between and the cache is dropped (and refilled from the database). A transaction that rolls back
drops it too. One run, one process: nothing outlives the run.
"""
from __future__ import annotations

from typing import NamedTuple


class MentionRow(NamedTuple):
    """An event mention as regrouping reads it (with its document's publication day)."""
    id: int
    event_id: int
    document_id: str
    start_char: int
    end_char: int
    reported_kind: str | None
    frame: str | None
    reported_date: str | None
    reported_precision: str | None
    reported_title: str | None
    reported_location: str | None
    reported_series: str | None
    reported_actors: str | None
    agent_count: int | None
    extractor_version: str
    published: object


class RunCache:
    def __init__(self) -> None:
        self.revision: int | None = None            # the run's last commit, when the cache holds it
        self.frames: dict[str, list[MentionRow]] = {}   # a frame's mentions as last committed
        self._staged: dict[str, list[MentionRow]] = {}
        self.mentions: dict[int, object] = {}       # a mention row's merge.Mention, by its id
        self.trace = None                            # the frames' last clustering (merge.Trace)
        self._trace = None

    def begin(self, revision: int) -> bool:
        """A document's transaction starts at `revision` (just bumped). True: the last write was
        this run's, so what the run left behind (groups settled, the cache) is what is stored."""
        continuous = self.revision is not None and revision == self.revision + 1
        if not continuous:
            self.frames.clear()
            self.mentions.clear()
            self.trace = None
        self._staged, self._trace = {}, None
        return continuous

    def known(self, frames: set[str]) -> dict[str, list[MentionRow]]:
        return {f: self.frames[f] for f in frames if f in self.frames}

    def stage(self, frame: str, rows: list[MentionRow]) -> None:
        """A frame's mentions as this transaction leaves them (kept once it commits)."""
        self._staged[frame] = rows

    def stage_trace(self, trace) -> None:
        """How the frames regrouped in this transaction were clustered (merge.cluster_traced)."""
        self._trace = trace

    def committed(self, revision: int) -> None:
        self.frames.update(self._staged)
        if self._trace is not None:
            if self.trace is None or self.trace.affiliation != self._trace.affiliation:
                self.trace = self._trace      # other frames' traces assumed other affiliations
            else:
                self.trace.frames.update(self._trace.frames)
        self._staged, self._trace = {}, None
        self.revision = revision

    def drop(self) -> None:
        """The transaction rolled back (or the state is unknown): trust nothing."""
        self.frames.clear()
        self.mentions.clear()
        self.trace = self._trace = None
        self._staged = {}
        self.revision = None


# Threads are formed from agreement stages (events with a series or of a treaty kind, their names,
# dates and participants with their countries). A transaction notes when it may have changed any of
# that; one that did not leaves the threads as the last write formed them.
_THREADS_INPUT = "newsfacts.threads_input_changed"


def watch_threads_input(session) -> None:
    session.info[_THREADS_INPUT] = False


def threads_input_changed(session) -> None:
    session.info[_THREADS_INPUT] = True


def threads_input_unchanged(session) -> bool:
    """True only where watch_threads_input was called in this transaction and nothing was noted."""
    return session.info.get(_THREADS_INPUT) is False
