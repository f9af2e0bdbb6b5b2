from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, defer

from ..models import Document
from .paging import Page, keyset_page


def list_documents(session: Session, *, cursor: str | None, limit: int,
                   updated_since: int | None = None) -> Page:
    stmt = select(Document).options(defer(Document.text))
    count = select(func.count()).select_from(Document)
    if updated_since is not None:
        stmt = stmt.where(Document.revision > updated_since)
        count = count.where(Document.revision > updated_since)
    page = keyset_page(session, stmt, [Document.id], cursor, limit, lambda d: (d.id,))
    return Page(page.items, page.next_cursor, session.scalar(count))


def get_document(session: Session, document_id: str) -> Document | None:
    return session.get(Document, document_id)
