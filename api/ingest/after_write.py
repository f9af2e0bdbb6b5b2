"""The one step that runs after a document's facts are written or replaced.

Called inside the document's transaction, with its revision, whenever its facts change: first
load, changed text, re-extraction. Whatever is derived from facts (clusters, summaries, ...)
recomputes here what depends on this document, so it never lags behind the facts it reads.
"""
from __future__ import annotations

from sqlalchemy.orm import Session


def after_document_written(session: Session, revision: int, document_id: str) -> None:
    """Refresh what is derived from `document_id`'s facts (nothing yet: add steps here)."""
