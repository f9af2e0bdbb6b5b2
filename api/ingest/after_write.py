"""The one step that runs after a document's facts are written or replaced.

Called inside the document's transaction, with its revision, whenever its facts change: first
load, changed text, re-extraction. Whatever is derived from facts (clusters, summaries, ...)
recomputes here what depends on this document, so it never lags behind the facts it reads.

Write only what differs, with the given revision: a re-extraction that finds the same facts is
rolled back as "unchanged" when no table's `revision` column and no tombstone carries the new
revision (load.wrote_at), so a step that rewrites rows regardless would make every run a change.
A derived row deleted here that clients can fetch by id leaves a tombstone (models.bury).
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from .relate import relate_document


def after_document_written(session: Session, revision: int, document_id: str, settled: bool = False) -> None:
    """Refresh what is derived from `document_id`'s facts: the statement clusters, claim groups and
    threads it takes part in (and any that lost a member when it was replaced). `settled`: no
    group can have lost a member (nothing was deleted since they were last formed)."""
    relate_document(session, revision, document_id, settled)
