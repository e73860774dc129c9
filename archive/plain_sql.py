"""Insert and look up rows by one plain statement each, without the ORM's per-query work.

The import's hot path and its index queue: at 27 turns an event, compiling ORM queries and
making and preparing model instances cost several times what the database spent (an ORM query
cost ~0.5 ms of CPU here).
Values of fields the driver cannot take as they are pass through the field's `get_db_prep_save`
(JSON through json.dumps), and the insert SQL comes from the backend's own operations.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import chain
from typing import NamedTuple

from django.db import connections, router
from django.db.models.constants import OnConflict

# The database drivers take these columns' values as they are when they are plain str and int
# (or their subclasses, such as TextChoices members), which is all the import passes; converting
# each value through its field cost more than the insert itself. Other fields (JSON, dates) do.
AS_IS = {
    "CharField",
    "TextField",
    "SlugField",
    "IntegerField",
    "PositiveIntegerField",
    "ForeignKey",
}
# Below every backend's limit on parameters in one statement (SQLite's is 999).
IN_LIMIT = 500
BATCH = 1000


class Plan(NamedTuple):
    """What inserting into some columns of a table needs, worked out once per process."""

    fields: list
    converters: list
    head: str
    tail: str


@cache
def plan(alias: str, model, names: tuple[str, ...], skip_existing: bool, returning: bool) -> Plan:
    """Return the fields, value converters and SQL around the VALUES of an insert."""
    ops = connections[alias].ops
    fields = [model._meta.get_field(name) for name in names]
    conflict = OnConflict.IGNORE if skip_existing else None
    head = (
        f"{ops.insert_statement(on_conflict=conflict)} {ops.quote_name(model._meta.db_table)} "
        f"({', '.join(ops.quote_name(field.column) for field in fields)})"
    )
    tail = ops.on_conflict_suffix_sql(fields, conflict, None, None) if skip_existing else ""
    if returning:
        tail = f"{tail} {ops.return_insert_columns([model._meta.pk])[0]}"
    return Plan(fields, [converter(field) for field in fields], head, tail)


def converter(field):
    """Return what prepares a field's values for the driver, or None when they go as they are."""
    kind = field.get_internal_type()
    if kind in AS_IS:
        return None
    if kind == "JSONField" and field.encoder is None:
        return dump_json
    return field.get_db_prep_save


def dump_json(value, connection) -> str | None:
    """Return a value as the JSON text JSONField would send; None stays SQL NULL."""
    # JSONField's own path (get_db_prep_save down to adapt_json_value) took 9 µs a value here
    # against 3 µs for json.dumps alone, and the import writes two JSON values a turn. SQLite's
    # backend sends json.dumps text itself, and PostgreSQL reads quoted JSON text as jsonb.
    return None if value is None else json.dumps(value)


def insert(
    model,
    names: Sequence[str],
    rows: Sequence[tuple],
    *,
    returning: bool = False,
    skip_existing: bool = False,
) -> list[int]:
    """Insert rows given as tuples in `names` order, skipping existing ones if asked; return ids."""
    # `skip_existing` is Django's `ignore_conflicts`: on SQLite it also skips rows that break a NOT
    # NULL or CHECK constraint, on PostgreSQL only rows whose key exists.
    if returning and skip_existing:
        raise ValueError("skipped rows return no id, so ids cannot be matched to rows")
    alias = router.db_for_write(model)
    # Resolved once: every use of the `connection` proxy costs a thread-local lookup.
    db = connections[alias]
    if returning and not db.features.can_return_rows_from_bulk_insert:
        raise NotImplementedError(f"{db.vendor} cannot return the ids of inserted rows")
    fields, converters, head, tail = plan(alias, model, tuple(names), skip_existing, returning)
    prepared = [
        [
            v if convert is None else convert(v, db)
            for convert, v in zip(converters, row, strict=True)
        ]
        for row in rows
    ]
    # PostgreSQL's backend puts no bound on a batch; bulk_create's usual 1,000 rows is kept.
    size = max(1, min(BATCH, db.ops.bulk_batch_size(fields, prepared)))
    ids = []
    with db.cursor() as cursor:
        for start in range(0, len(prepared), size):
            batch = prepared[start : start + size]
            values = db.ops.bulk_insert_sql(fields, [["%s"] * len(fields)] * len(batch))
            cursor.execute(f"{head} {values} {tail}", list(chain.from_iterable(batch)))
            if returning:
                ids.extend(row[0] for row in db.ops.fetch_returned_insert_rows(cursor))
    return ids


def create(model, **values):
    """Insert one row and return its instance, holding the values given and the new id."""
    # Nothing of save() runs, no override and no signal: Event, the one model made this way, has no
    # override, and its save signals act on changed rows only. Values are not read back.
    instance = model(**values)
    # pre_save fills what save() would: defaults given at __init__, auto_now dates.
    given = {
        f.attname: f.pre_save(instance, add=True)
        for f in model._meta.concrete_fields
        if not f.primary_key
    }
    [pk] = insert(model, list(given), [tuple(given.values())], returning=True)
    given[model._meta.pk.attname] = pk
    names = [f.attname for f in model._meta.concrete_fields]
    return model.from_db(router.db_for_write(model), names, [given[name] for name in names])


def select_in(model, names: Sequence[str], key: str, values: Iterable) -> list[tuple]:
    """Return the `names` columns, as the driver gives them, of rows whose `key` is in `values`."""
    db = connections[router.db_for_read(model)]
    quote = db.ops.quote_name
    values = list(values)
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in names)
    where = quote(model._meta.get_field(key).column)
    found = []
    with db.cursor() as cursor:
        for start in range(0, len(values), IN_LIMIT):
            chunk = values[start : start + IN_LIMIT]
            cursor.execute(
                f"SELECT {columns} FROM {quote(model._meta.db_table)} "
                f"WHERE {where} IN ({', '.join(['%s'] * len(chunk))})",
                chunk,
            )
            found.extend(cursor.fetchall())
    return found


def select_prefix(model, names: Sequence[str], key: str, prefix: str, limit: int) -> list[tuple]:
    """Return the `names` columns of at most `limit` rows whose `key` starts with `prefix`."""
    db = connections[router.db_for_read(model)]
    quote = db.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in names)
    where = quote(model._meta.get_field(key).column)
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    with db.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM {quote(model._meta.db_table)} "
            f"WHERE {where} LIKE %s ESCAPE '\\' LIMIT {int(limit)}",
            [escaped + "%"],
        )
        return cursor.fetchall()
