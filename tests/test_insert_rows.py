"""New facts are written in one INSERT batch per table; each gets back the id of its own row."""
from __future__ import annotations

import random

from sqlalchemy import delete, select

from api.extensions import db
from api.ingest.matching import insert_rows
from api.models import Tombstone


def _insert(names: list[str]) -> dict[int, str]:
    """Insert one row per name in one batch: returned id -> the name given for that position."""
    ids = insert_rows(db.session, Tombstone, [{"resource": "statements", "item_id": n, "revision": 1}
                                              for n in names])
    assert len(ids) == len(set(ids)) == len(names)
    return dict(zip(ids, names, strict=True))


def _stored() -> dict[int, str]:
    return dict(db.session.execute(select(Tombstone.id, Tombstone.item_id)).all())


def test_a_batch_of_new_rows_gets_each_row_its_own_id(app):
    """Also after the newest rows were deleted, when new ids start below ones handed out before."""
    names = [f"row-{i}" for i in range(60)]
    random.Random(3).shuffle(names)
    with app.app_context():
        first = _insert(names[:40])
        assert _stored() == first
        newest = sorted(first)[-10:]
        db.session.execute(delete(Tombstone).where(Tombstone.id.in_(newest)))
        second = _insert(names[40:])
        db.session.commit()
        assert _stored() == {**{i: n for i, n in first.items() if i not in newest}, **second}
