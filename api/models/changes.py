"""Tombstones: what was deleted, and at which revision, so a poller of the change feed learns it."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Integer, String, UniqueConstraint, insert, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from .actors import Actor
from .base import Base, utcnow
from .documents import Document
from .facts import Event, Figure, Statement
from .relations import ClaimGroup, StatementCluster, Thread

# The change feed's resources: the name is the list's path (/v1/<name>/<id>).
RESOURCES = {"documents": Document, "actors": Actor, "statements": Statement, "figures": Figure,
             "events": Event, "statement-clusters": StatementCluster, "claims": ClaimGroup, "threads": Thread}
RESOURCE_OF = {model: name for name, model in RESOURCES.items()}


class Tombstone(Base):
    """One deleted item: its resource and id, the revision that deleted it, and when."""
    __tablename__ = "tombstones"
    __table_args__ = (UniqueConstraint("resource", "item_id", "revision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    resource: Mapped[str] = mapped_column(String(20))
    item_id: Mapped[str] = mapped_column(String(200))      # actor slugs; other ids as decimal text
    revision: Mapped[int] = mapped_column(BigInteger, index=True)
    deleted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def bury(session: Session, revision: int, model, ids: Iterable) -> None:
    """Tombstones for the rows of `model` about to be deleted. A row created by this same
    transaction was never seen by anyone and leaves none."""
    ids = sorted(set(ids))
    if not ids:
        return
    seen = session.scalars(select(model.id).where(model.id.in_(ids), model.created_revision < revision)
                           .order_by(model.id)).all()
    if seen:
        now = utcnow()
        session.execute(insert(Tombstone), [
            {"resource": RESOURCE_OF[model], "item_id": str(i), "revision": revision, "deleted_at": now}
            for i in seen])
