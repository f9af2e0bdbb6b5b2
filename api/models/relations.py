"""What relates facts across documents, computed at ingest (api/ingest/relate.py) and stored:
statements reporting the same remark (clusters), figures about the same quantity (claim groups)
and stages of one agreement or operation (threads).

A group's id is the smallest id among its members, so it is a function of the members alone.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Double, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .actors import Actor
from .base import Base, Created, Tracked


class StatementCluster(Created, Tracked, Base):
    """Statements of one speaker, in two or more documents, whose words overlap: one remark."""
    __tablename__ = "statement_clusters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    speaker_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    statements: Mapped[int] = mapped_column(Integer)
    documents: Mapped[int] = mapped_column(Integer)
    # Distinct publishers (a document without one counts as its own outlet).
    outlets: Mapped[int] = mapped_column(Integer, index=True)
    first_said: Mapped[date | None] = mapped_column(Date)

    speaker: Mapped[Actor] = relationship(lazy="joined")


class ClaimGroup(Created, Tracked, Base):
    """Figures with the same subject, metric and unit and compatible dates: one quantity, several
    claims about it."""
    __tablename__ = "claim_groups"
    __table_args__ = (Index("ix_claim_groups_subject_metric", "subject_id", "metric", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    subject_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"))
    metric: Mapped[str] = mapped_column(String(60), index=True)
    unit: Mapped[str] = mapped_column(String(40))
    as_of_from: Mapped[str | None] = mapped_column(String(10))
    as_of_to: Mapped[str | None] = mapped_column(String(10))
    figures: Mapped[int] = mapped_column(Integer)
    documents: Mapped[int] = mapped_column(Integer)
    min_value: Mapped[float] = mapped_column(Double)
    max_value: Mapped[float] = mapped_column(Double)
    disagree: Mapped[bool] = mapped_column(Boolean, index=True)

    subject: Mapped[Actor] = relationship(lazy="joined")


class Thread(Created, Tracked, Base):
    """Events sharing a series: the stages of one agreement or operation, named as reported."""
    __tablename__ = "threads"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(Text)
    events: Mapped[int] = mapped_column(Integer)
    first_date: Mapped[str | None] = mapped_column(String(10))
    last_date: Mapped[str | None] = mapped_column(String(10))
