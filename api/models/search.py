"""Full-text search objects live in the database, not in the models: SQLite FTS5 tables kept by
triggers, PostgreSQL GIN expression indexes (migration 0002). Their names start with `search_`;
autogenerate must not see them (migrations/env.py and the migration test use this filter).
"""
from __future__ import annotations

SEARCH_PREFIX = "search_"


def include_name(name: str | None, type_: str, parent_names: dict) -> bool:
    return not (type_ in ("table", "index") and name and name.startswith(SEARCH_PREFIX))
