"""SQLAlchemy 2 models. Plain SQLAlchemy: no Flask here, so ingest and migrations use them directly."""
from .actors import Actor, ActorAlias, ActorMention
from .base import Base
from .changes import RESOURCES, Tombstone, bury
from .documents import Document
from .facts import Event, EventMention, Figure, Statement, event_actors, statement_about
from .relations import ClaimGroup, StatementCluster, Thread
from .revisions import DataRevision, bump_revision, current_revision

__all__ = [
    "Actor", "ActorAlias", "ActorMention", "Base", "ClaimGroup", "DataRevision", "Document", "Event",
    "EventMention", "Figure", "RESOURCES", "Statement", "StatementCluster", "Thread", "Tombstone",
    "bump_revision", "bury", "current_revision",
    "event_actors", "statement_about",
]
