from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Created, Tracked


class Actor(Created, Tracked, Base):
    __tablename__ = "actors"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)      # readable slug
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(40), index=True)
    role: Mapped[str | None] = mapped_column(String(300))
    affiliation_id: Mapped[str | None] = mapped_column(
        ForeignKey("actors.id", ondelete="SET NULL"), index=True)
    # Its Wikidata item ("Q159"), from the gazetteer, for joining with other datasets.
    wikidata: Mapped[str | None] = mapped_column(String(20), index=True)

    affiliation: Mapped[Actor | None] = relationship(remote_side=[id], lazy="joined", join_depth=1)
    aliases: Mapped[list[ActorAlias]] = relationship(
        back_populates="actor", cascade="all, delete-orphan", order_by="ActorAlias.id", lazy="selectin")


class ActorAlias(Tracked, Base):
    """Another name the corpus uses for an actor; `key` is its spelling-insensitive form."""
    __tablename__ = "actor_aliases"
    __table_args__ = (UniqueConstraint("actor_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), index=True)

    actor: Mapped[Actor] = relationship(back_populates="aliases")


class ActorMention(Tracked, Base):
    """Where a document names an actor: what "actors of this document" and fact counts read."""
    __tablename__ = "actor_mentions"
    __table_args__ = (UniqueConstraint("document_id", "start_char", "end_char", "actor_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
