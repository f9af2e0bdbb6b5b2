from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, defer

from ..models import Document
from .paging import Page, Sort, keyset_page

DOCUMENT_SORT = Sort("id", (Document.id,), (str,))


def list_documents(session: Session, *, cursor: str | None, limit: int,
                   updated_since: int | None = None) -> Page:
    where = [] if updated_since is None else [Document.revision > updated_since]
    stmt = select(Document).options(defer(Document.text)).where(*where)
    page = keyset_page(session, stmt, DOCUMENT_SORT, cursor, limit)
    return Page(page.items, page.next_cursor,
                count=lambda: session.scalar(select(func.count()).select_from(Document).where(*where)) or 0)


def get_document(session: Session, document_id: str) -> Document | None:
    return session.get(Document, document_id)
