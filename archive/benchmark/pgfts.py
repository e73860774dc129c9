"""The benchmark's queries through PostgreSQL full-text search, for comparison with the engines.

As djangoproject.com's documentation search does, the words are a stored tsvector column (here
generated from the text) with a GIN index, so ranking a hit reads its vector rather than
computing it again. Both are added to the scratch database only: the product searches through
haystack, and the column would cost every import a tsvector per utterance for nothing.
"""

from __future__ import annotations

import datetime

from django.db import connection

CONFIG = "english"
PAGE = 20
COLUMN = "benchmark_fts"


def create_index() -> None:
    """Add the generated tsvector column and its GIN index to the utterance table."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"ALTER TABLE archive_utterance ADD COLUMN {COLUMN} tsvector "
            f"GENERATED ALWAYS AS (to_tsvector('{CONFIG}', text)) STORED"
        )
        cursor.execute(f"CREATE INDEX {COLUMN}_gin ON archive_utterance USING gin ({COLUMN})")
        cursor.execute("ANALYZE archive_utterance")


def _where(params: dict) -> tuple[str, list]:
    """Return the conditions of a search and their parameters (u: utterance, e: event)."""
    conditions = [f"u.{COLUMN} @@ websearch_to_tsquery('{CONFIG}', %s)"]
    values: list = [params["q"]]
    if params.get("speaker"):
        conditions.append("u.speaker_id = (SELECT id FROM archive_speaker WHERE slug = %s)")
        values.append(params["speaker"])
    if params.get("from"):
        conditions.append("e.date BETWEEN %s AND %s")
        values += [datetime.date.fromisoformat(params[k]) for k in ("from", "to")]
    return " AND ".join(conditions), values


def search(params: dict) -> int:
    """Run what the search page runs: count, three facets, a ranked page with headlines."""
    where, values = _where(params)
    hits = (
        "FROM archive_utterance u JOIN archive_event e ON e.id = u.event_id "
        f"JOIN archive_speaker s ON s.id = u.speaker_id WHERE {where}"
    )
    found = 0
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) {hits}", values)
        found += cursor.fetchone()[0]
        for key in ("s.slug", "e.kind"):
            cursor.execute(
                f"SELECT {key}, count(*) AS n {hits} GROUP BY {key} ORDER BY n DESC LIMIT 10",
                values,
            )
            cursor.fetchall()
        cursor.execute(f"SELECT extract(year FROM e.date) AS y, count(*) {hits} GROUP BY y", values)
        cursor.fetchall()
        cursor.execute(
            f"SELECT u.id, ts_headline('{CONFIG}', u.text, websearch_to_tsquery('{CONFIG}', %s), "
            "'StartSel=<mark>, StopSel=</mark>') FROM ("
            f"SELECT u.id, u.text, ts_rank(u.{COLUMN}, websearch_to_tsquery('{CONFIG}', %s)) AS r "
            f"{hits} ORDER BY r DESC, u.id LIMIT {PAGE}) AS u",
            [params["q"], params["q"], *values],
        )
        found += len(cursor.fetchall())
    return found


def explain(params: dict) -> str:
    """Return PostgreSQL's plan of the hit count, to show whether the GIN index is used."""
    where, values = _where(params)
    with connection.cursor() as cursor:
        cursor.execute(
            "EXPLAIN SELECT count(*) FROM archive_utterance u "
            f"JOIN archive_event e ON e.id = u.event_id WHERE {where}",
            values,
        )
        return "\n".join(row[0] for row in cursor.fetchall())
