"""Declarative base with named constraints, and the columns every row carries."""
from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import BigInteger, DateTime, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints: batch migrations on SQLite and downgrades on PostgreSQL need names.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _revision_of_insert(context) -> int:
    return context.get_current_parameters()["revision"]


class Tracked:
    """When a row was created and changed, and the data revision that last wrote it."""

    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    revision: Mapped[int] = mapped_column(BigInteger, index=True)


class Created:
    """Rows served as resources also keep the revision that created them: the change feed tells
    `created` (created at its current revision) from `updated`, and only rows that existed before a
    transaction leave a tombstone when it deletes them."""

    created_revision: Mapped[int] = mapped_column(BigInteger, default=_revision_of_insert)
