"""The change feed: every item created, updated or deleted after a revision, in revision order.

Each served row is listed once, at the revision that last wrote it (`created` when that revision
created it, else `updated`); each tombstone is a `deleted`. A row written again moves to its new
revision, so a poller walking the feed in order never misses the latest state of anything, and
applying it from revision 0 gives exactly the ids the database holds. Keyset-paged on
(revision, resource, id, action); each branch is cut at the cursor's revision, so a page reads
the revision indexes, not the whole history.
"""
from __future__ import annotations

from sqlalchemy import String, case, cast, func, literal, select, union_all
from sqlalchemy.orm import Session

from ..models import RESOURCES, Tombstone
from .paging import Page, Sort, decode_cursor, keyset_page

ACTIONS = ("created", "updated", "deleted")
TEXT_IDS = ("documents", "actors")          # the others' ids are integers


def _text(value: str):
    return cast(literal(value), String)


def _feed(since: int, resource: str | None):
    parts = []
    for name, model in RESOURCES.items():
        if resource in (None, name):
            parts.append(select(
                model.revision.label("revision"), _text(name).label("resource"),
                cast(model.id, String).label("id"),
                case((model.created_revision == model.revision, _text("created")), else_=_text("updated"))
                .label("action"),
                model.updated_at.label("at")).where(model.revision > since))
    where = [Tombstone.revision > since] + ([Tombstone.resource == resource] if resource else [])
    parts.append(select(Tombstone.revision, Tombstone.resource, Tombstone.item_id, _text("deleted"),
                        Tombstone.deleted_at).where(*where))
    return union_all(*parts).subquery("changes")


def _sort(feed) -> Sort:
    return Sort("revision", (feed.c.revision, feed.c.resource, feed.c.id, feed.c.action),
                (int, str, str, str))


def list_changes(session: Session, *, since: int = 0, resource: str | None = None, cursor: str | None = None,
                 limit: int = 50) -> Page:
    start = since
    if cursor:   # nothing before the cursor's revision can be on this page
        start = max(since, decode_cursor(cursor, _sort(_feed(0, None)))[0] - 1)
    feed = _feed(start, resource)
    page = keyset_page(session, select(feed), _sort(feed), cursor, limit)
    items = [{"revision": revision, "resource": name, "id": item if name in TEXT_IDS else int(item),
              "action": action, "at": at} for revision, name, item, action, at in page.items]
    total = session.scalar(select(func.count()).select_from(_feed(since, resource)))
    return Page(items, page.next_cursor, total)
