"""Statements, figures and events, each pinned to the characters of a document."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Column, Date, Double, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from .actors import Actor
from .base import Base, Created, Tracked
from .documents import Document


class Evidence:
    """Document + [start, end) in code points + the quoted text, checked equal at load time."""

    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    evidence_text: Mapped[str] = mapped_column(Text)
    extractor_version: Mapped[str] = mapped_column(String(40))

    @property
    def evidence(self) -> Evidence:
        """The row itself: EvidenceSchema reads document_id, start_char, end_char, evidence_text."""
        return self

    @declared_attr
    def document_id(cls) -> Mapped[str]:
        return mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)

    @declared_attr
    def document(cls) -> Mapped[Document]:
        return relationship(Document, lazy="raise")


# List indexes end with the id the list is ordered by, so a filtered page is read in order from
# the index and stops after one page, however many rows match (migration 0007).
statement_about = Table(
    "statement_about", Base.metadata,
    Column("statement_id", ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_statement_about_actor_id_statement_id", "actor_id", "statement_id"),
)

event_actors = Table(
    "event_actors", Base.metadata,
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_event_actors_actor_id_event_id", "actor_id", "event_id"),
)


# Ids are what clients store: a deleted fact's id must never name another. PostgreSQL's sequences
# never go back; SQLite reuses the highest id unless the table says AUTOINCREMENT (migration 0009).
NEVER_REUSE_IDS = {"sqlite_autoincrement": True}


class Statement(Evidence, Created, Tracked, Base):
    __tablename__ = "statements"
    __table_args__ = (Index("ix_statements_speaker_id_id", "speaker_id", "id"),
                      Index("ix_statements_kind_id", "kind", "id"), NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    speaker_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    said_on: Mapped[date | None] = mapped_column(Date, index=True)
    # Room for one utterance reported by several outlets: statements sharing a cluster.
    cluster_id: Mapped[int | None] = mapped_column(Integer, index=True)   # statement_clusters.id

    speaker: Mapped[Actor] = relationship(foreign_keys=[speaker_id], lazy="joined")
    about: Mapped[list[Actor]] = relationship(secondary=statement_about, lazy="selectin",
                                              order_by=Actor.id)


class Figure(Evidence, Created, Tracked, Base):
    __tablename__ = "figures"
    __table_args__ = (*(Index(f"ix_figures_{column}_id", column, "id")
                        for column in ("subject_id", "source_id", "metric", "unit", "qualifier", "value")),
                      # A summary's groups (counts, smallest, largest and latest value) from the index
                      # alone (0010).
                      Index("ix_figures_subject_summary", "subject_id", "as_of", "value"),
                      Index("ix_figures_source_summary", "source_id", "as_of", "value", "subject_id"),
                      Index("ix_figures_metric_summary", "metric", "as_of", "value"),
                      Index("ix_figures_unit_summary", "unit", "as_of", "value"),
                      Index("ix_figures_document_summary", "document_id", "as_of", "value"),
                      Index("ix_figures_as_of_summary", "as_of", "value"),
                      NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[float] = mapped_column(Double)
    unit: Mapped[str] = mapped_column(String(40))
    metric: Mapped[str] = mapped_column(String(60))
    qualifier: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[str | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"))
    source_id: Mapped[str | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"))
    as_of: Mapped[str | None] = mapped_column(String(10))
    statement_id: Mapped[int | None] = mapped_column(ForeignKey("statements.id", ondelete="SET NULL"),
                                                     index=True)
    claim_id: Mapped[int | None] = mapped_column(Integer, index=True)     # claim_groups.id

    subject: Mapped[Actor | None] = relationship(foreign_keys=[subject_id], lazy="joined")
    source: Mapped[Actor | None] = relationship(foreign_keys=[source_id], lazy="joined")


class Event(Created, Tracked, Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_kind_id", "kind", "id"), Index("ix_events_date_id", "date", "id"),
                      NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10))   # YYYY, YYYY-MM or YYYY-MM-DD
    precision: Mapped[str | None] = mapped_column(String(10))
    location: Mapped[str | None] = mapped_column(String(300))
    # Stages of one thing (a treaty signed, ratified, in force) share a series.
    series: Mapped[str | None] = mapped_column(String(200), index=True)
    thread_id: Mapped[int | None] = mapped_column(Integer, index=True)    # threads.id
    # Where reporting documents disagree (a date, a count), what differs and where.
    conflict: Mapped[str | None] = mapped_column(Text)
    extractor_version: Mapped[str] = mapped_column(String(40))

    actors: Mapped[list[Actor]] = relationship(secondary=event_actors, lazy="selectin", order_by=Actor.id)
    mentions: Mapped[list[EventMention]] = relationship(
        back_populates="event", cascade="all, delete-orphan", lazy="selectin",
        order_by="(EventMention.document_id, EventMention.start_char)")


class EventMention(Evidence, Tracked, Base):
    __tablename__ = "event_mentions"
    __table_args__ = (UniqueConstraint("event_id", "document_id", "start_char", "end_char"),
                      Index("ix_event_mentions_document_id_event_id", "document_id", "event_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    # What this document says the date is; the event shows the date most mentions support.
    reported_date: Mapped[str | None] = mapped_column(String(10))
    reported_precision: Mapped[str | None] = mapped_column(String(10))
    # What this document says of the event, so that events can be re-formed from their mentions
    # whatever the order documents arrive in (api/ingest/event_rows.py).
    reported_kind: Mapped[str | None] = mapped_column(String(40))
    frame: Mapped[str | None] = mapped_column(String(40), index=True)
    reported_title: Mapped[str | None] = mapped_column(Text)
    reported_location: Mapped[str | None] = mapped_column(String(300))
    reported_series: Mapped[str | None] = mapped_column(String(200))
    reported_actors: Mapped[str | None] = mapped_column(Text)    # JSON list of actor ids, agents first
    agent_count: Mapped[int | None] = mapped_column(Integer)

    event: Mapped[Event] = relationship(back_populates="mentions")
