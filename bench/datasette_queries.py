"""The URLs the read benchmark asks, and Datasette canned queries that answer the same rows.

Each canned query returns what the newsfacts URL beside it returns (the same rows, the same
fields, related actors and evidence included), in the SQL a careful Datasette user would write
against the same indexes: the comparison is of the servers, not of the SQL.
"""
from __future__ import annotations

from dataclasses import dataclass

ACTOR_FIGURES = """
select f.id, f.value, f.unit, f.metric, f.qualifier,
  f.subject_id, s.name as subject_name, f.source_id, so.name as source_name, f.as_of, f.statement_id,
  f.document_id, f.start_char, f.end_char, f.evidence_text, f.revision
from figures f
left join actors s on s.id = f.subject_id
left join actors so on so.id = f.source_id
where f.id in (
  select id from (select id from figures where subject_id = :actor order by id limit cast(:limit as integer))
  union
  select id from (select id from figures where source_id = :actor order by id limit cast(:limit as integer))
  order by id limit cast(:limit as integer))
order by f.id
"""

SPEAKER_STATEMENTS = """
select s.id, s.speaker_id, a.name as speaker_name, s.kind, s.text, s.said_on,
  (select json_group_array(json_object('id', b.id, 'name', b.name)) from statement_about sa
   join actors b on b.id = sa.actor_id where sa.statement_id = s.id) as about,
  s.document_id, s.start_char, s.end_char, s.evidence_text, s.revision
from statements s join actors a on a.id = s.speaker_id
where s.speaker_id = :speaker order by s.id limit 50
"""

# An event dated 2024-06 overlaps [from, to] when it is that year or month, or lies inside the range.
EVENTS_WINDOW = """
select e.id, e.kind, e.title, e.date, e.precision, e.location, e.series, e.conflict, e.revision,
  (select json_group_array(json_object('id', a.id, 'name', a.name)) from event_actors ea
   join actors a on a.id = ea.actor_id where ea.event_id = e.id) as actors,
  (select json_group_array(json_object('document', m.document_id, 'start', m.start_char,
                                       'end', m.end_char, 'text', m.evidence_text))
   from event_mentions m where m.event_id = e.id) as mentions
from events e
where (e.date in (substr(:from, 1, 4), substr(:from, 1, 7)) or e.date >= :from) and e.date <= :to
order by e.id limit 50
"""


def metadata(database: str) -> dict:
    queries = {"actor_figures": ACTOR_FIGURES, "speaker_statements": SPEAKER_STATEMENTS,
               "events_window": EVENTS_WINDOW}
    return {"databases": {database: {"queries": {name: {"sql": sql} for name, sql in queries.items()}}}}


@dataclass(frozen=True)
class Urls:
    actor: str
    heaviest: str
    database: str
    month: tuple[str, str] = ("2024-06-01", "2024-06-30")

    @property
    def figures(self) -> str:
        return f"/v1/actors/{self.actor}/figures?per_page=50"

    @property
    def ds_figures(self) -> str:
        return f"/{self.database}/actor_figures.json?actor={self.actor}&limit=50&_shape=array"

    @property
    def walk(self) -> str:
        return f"/v1/actors/{self.heaviest}/figures?per_page=50"

    def pairs(self) -> list[tuple[str, str, str]]:
        """(scenario, newsfacts path, Datasette path)."""
        start, end = self.month
        return [
            ("heaviest actor figures, 50", f"/v1/actors/{self.heaviest}/figures?per_page=50",
             f"/{self.database}/actor_figures.json?actor={self.heaviest}&limit=50&_shape=array"),
            ("events, one month", f"/v1/events?from={start}&to={end}",
             f"/{self.database}/events_window.json?from={start}&to={end}&_shape=array"),
            ("statements by speaker", f"/v1/statements?speaker={self.actor}",
             f"/{self.database}/speaker_statements.json?speaker={self.actor}&_shape=array"),
            ("actor figures CSV, 500", f"/v1/actors/{self.actor}/figures?format=csv&per_page=500",
             f"/{self.database}/actor_figures.csv?actor={self.actor}&limit=500"),
        ]

    def ours_only(self) -> list[tuple[str, str]]:
        from synthetic_db import COMMON, MEDIUM, RARE
        return [(f"search {label} word", f"/v1/search?q={word}")
                for label, word in (("rare", RARE), ("medium", MEDIUM), ("common", COMMON))]

    def cold_totals(self) -> list[str]:
        """The actor's page under a new filter each time: no total is known yet for any of them."""
        return [f"/v1/actors/{self.actor}/figures?per_page=50&min_value={n}" for n in range(1, 20_000)]

    def postgres(self) -> list[tuple[str, str]]:
        start, end = self.month
        from synthetic_db import MEDIUM
        return [("events, one month", f"/v1/events?from={start}&to={end}"),
                ("statements by speaker", f"/v1/statements?speaker={self.actor}"),
                ("search medium word", f"/v1/search?q={MEDIUM}")]
