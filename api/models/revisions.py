"""The data revision: one counter that every write bumps, so clients can ask what changed since N."""
from __future__ import annotations

from sqlalchemy import BigInteger, Integer, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from .base import Base


class DataRevision(Base):
    __tablename__ = "data_revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


def current_revision(session: Session) -> int:
    return session.scalar(select(DataRevision.value).where(DataRevision.id == 1)) or 0


def bump_revision(session: Session) -> int:
    """Next revision, inside the caller's transaction; the row lock serialises concurrent writers."""
    new = session.execute(
        update(DataRevision).where(DataRevision.id == 1)
        .values(value=DataRevision.value + 1).returning(DataRevision.value)
    ).scalar()
    if new is None:
        session.add(DataRevision(id=1, value=1))
        session.flush()
        new = 1
    return new
