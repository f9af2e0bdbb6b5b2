"""Counts per resource and the data revision: what a dashboard shows and polls."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Actor, Document, Event, Figure, Statement
from ..models.revisions import revision_state


def stats(session: Session) -> dict:
    revision, changed_at = revision_state(session)
    counts = {name: session.scalar(select(func.count()).select_from(model)) or 0
              for name, model in (("documents", Document), ("actors", Actor), ("statements", Statement),
                                  ("figures", Figure), ("events", Event))}
    return {"revision": revision, "changed_at": changed_at, "counts": counts}
