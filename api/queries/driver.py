"""The read path's hot statements, compiled once and run on the database driver's own cursor.

SQLAlchemy's execution of a cached Core statement costs more than the database's work for a page
(the cache key walked again, the result's metadata and Row objects built every time): about a
quarter of a list page. Statements built once (module constants, or once per shape, see facts.py)
are compiled here once per dialect; each run binds its values in the compiled order, runs on the
request's connection (inside its snapshot) and converts each column as SQLAlchemy would have (the
type's own bind and result processors: dates on SQLite, for instance), so the rows are the same
tuples SQLAlchemy would give. Statements with an expanding IN are compiled per number of values.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Executable
from sqlalchemy.engine import Dialect

KEPT = 4096   # compiled statements (shapes x dialects x IN sizes)


@dataclass(frozen=True)
class Compiled:
    sql: str
    names: tuple[str, ...] | None     # parameter order (positional drivers); None: by name
    defaults: dict[str, Any]          # values the statement binds itself (OFFSET 0...)
    binds: tuple[tuple[str, Callable], ...]   # parameters whose type converts them
    columns: tuple                    # the statement's columns (their types convert results)
    expanding: frozenset[str]         # IN parameters (a list of values each)
    # The columns' conversions: known once the driver has said what types it returns.
    results: list = field(default_factory=list)


_kept: OrderedDict = OrderedDict()
_lock = threading.Lock()


def _compile(stmt: Executable, dialect: Dialect, sizes: tuple) -> Compiled:
    compiled = stmt.compile(dialect=dialect)
    expanding = frozenset(name for name, param in compiled.binds.items() if param.expanding)
    sql, order = compiled.string, compiled.positiontup
    if expanding:   # IN (?, ?, ...): as many parameters as values, named name_1 ... name_n
        dummies = {name: None for name in compiled.binds} | {name: [0] * n for name, n in sizes}
        state = compiled.construct_expanded_state(dummies)
        sql, order = state.statement, state.positiontup
    binds = tuple((name, process) for name, param in compiled.binds.items()
                  if (process := param.type.dialect_impl(dialect).bind_processor(dialect)) is not None)
    positional = dialect.paramstyle in ("qmark", "numeric", "format")
    defaults = {name: param.effective_value for name, param in compiled.binds.items() if not param.required}
    return Compiled(sql, tuple(order) if positional else None, defaults, binds, tuple(stmt.selected_columns),
                    expanding)


def _conversions(compiled: Compiled, dialect: Dialect, description) -> tuple[tuple[int, Callable], ...]:
    """(position, result processor) of each column that has one, given the type codes the driver
    reported (PostgreSQL's numeric processor depends on them)."""
    processors = (column.type.dialect_impl(dialect).result_processor(dialect, described[1])
                  for column, described in zip(compiled.columns, description, strict=True))
    return tuple((i, process) for i, process in enumerate(processors) if process is not None)


def compiled_for(stmt: Executable, dialect: Dialect, sizes: tuple = ()) -> Compiled:
    """`stmt` compiled for `dialect` (and for these sizes of its IN lists), once."""
    key = (stmt, dialect.name, sizes)
    with _lock:
        found = _kept.get(key)
        if found is not None:
            _kept.move_to_end(key)
            return found
    found = _compile(stmt, dialect, sizes)
    with _lock:
        _kept[key] = found
        if len(_kept) > KEPT:
            _kept.popitem(last=False)
    return found


def rows(connection: Connection, stmt: Executable, params: dict[str, Any]) -> list[tuple]:
    """Every row of `stmt` with `params` (a list for an IN parameter), as tuples, read on
    `connection`, in its transaction."""
    sizes = tuple(sorted((name, len(value)) for name, value in params.items() if isinstance(value, list)))
    compiled = compiled_for(stmt, connection.dialect, sizes)
    values = {**compiled.defaults, **params}
    for name, process in compiled.binds:
        value = values.get(name)
        if value is not None:
            values[name] = [process(v) for v in value] if name in compiled.expanding else process(value)
    if compiled.expanding:
        values = _flat(values)
    args: Sequence | dict = tuple(values[n] for n in compiled.names) if compiled.names is not None else values
    cursor = connection.connection.dbapi_connection.cursor()
    try:
        # Listeners of SQLAlchemy's cursor events (query counters, plan tests) see these too.
        for listen in connection.dispatch.before_cursor_execute:
            listen(connection, cursor, compiled.sql, args, None, False)
        cursor.execute(compiled.sql, args)
        found = cursor.fetchall()
        if not compiled.results:
            compiled.results.append(_conversions(compiled, connection.dialect, cursor.description))
    finally:
        cursor.close()
    conversions = compiled.results[0]
    if not conversions:
        return found
    converted = []
    for row in found:
        row = list(row)
        for i, process in conversions:
            row[i] = process(row[i])
        converted.append(tuple(row))
    return converted


def first(connection: Connection, stmt: Executable, params: dict[str, Any]) -> tuple | None:
    found = rows(connection, stmt, params)
    return found[0] if found else None


def _flat(params: dict[str, Any]) -> dict[str, Any]:
    """Lists as the numbered parameters of the expanded statement."""
    flat = {}
    for name, value in params.items():
        if isinstance(value, (list, tuple)):
            flat.update({f"{name}_{i + 1}": item for i, item in enumerate(value)})
        else:
            flat[name] = value
    return flat
