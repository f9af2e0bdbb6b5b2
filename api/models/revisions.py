"""The data revision: one counter that every write bumps, so clients can ask what changed since N."""
from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import BigInteger, Connection, DateTime, Integer, bindparam, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..queries import driver  # the read path's statements, straight to the database driver
from .base import Base, utcnow


class DataRevision(Base):
    __tablename__ = "data_revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)
    # When the current value was reached: the API's Last-Modified. Null before the first bump.
    changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


def current_revision(session: Session) -> int:
    return session.scalar(select(DataRevision.value).where(DataRevision.id == 1)) or 0


# Read on every request (the ETag): a Core statement built once, run on the session's connection.
_STATE = (select(DataRevision.__table__.c.value, DataRevision.__table__.c.changed_at)
          .where(DataRevision.__table__.c.id == 1))


def revision_value(connection: Connection) -> int:
    """The revision alone, read on a connection."""
    row = driver.first(connection, _STATE, {})
    return (row[0] if row else 0) or 0


def revision_state(session: Session) -> tuple[int, datetime | None]:
    """(revision, when it was reached) in one read."""
    row = driver.first(session.connection(), _STATE, {})
    if not row:
        return 0, None
    changed_at = row[1]
    if changed_at is not None and changed_at.tzinfo is None:   # SQLite keeps no zone; we wrote UTC
        changed_at = changed_at.replace(tzinfo=UTC)
    return row[0] or 0, changed_at


# Run once per written document: a Core statement (no ORM objects to synchronise), built once.
_BUMP = (update(DataRevision.__table__).where(DataRevision.__table__.c.id == 1)
         .values(value=DataRevision.__table__.c.value + 1, changed_at=bindparam("now"))
         .returning(DataRevision.__table__.c.value))


def bump_revision(session: Session) -> int:
    """Next revision, inside the caller's transaction; the row lock serialises concurrent writers."""
    new = session.execute(_BUMP, {"now": utcnow()}).scalar()
    if new is None:
        session.add(DataRevision(id=1, value=1, changed_at=utcnow()))
        session.flush()
        new = 1
    return new
