"""Slugs for new rows that no row of the model has yet."""

from __future__ import annotations

from itertools import count

from django.db import connections, router
from django.utils.text import slugify

# Letters that Unicode does not decompose, which slugify would drop ("Bjørgaas" -> "bjrgaas").
UNDECOMPOSED = str.maketrans("øØđĐłŁðÐı", "oOdDlLdDi") | str.maketrans(
    {"æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "þ": "th", "Þ": "Th"}
)


def unique_slug(model, text: str, fallback: str, *, also=()) -> str:
    """Return slugify(text), cut to 100 characters and numbered (-2, -3…) past taken slugs."""
    # `also` names (model, field) pairs whose values count as taken: a merged speaker's old
    # slug still leads to the speaker kept, so no new speaker may have it.
    base = slugify(text.translate(UNDECOMPOSED))[:100].rstrip("-") or fallback
    taken = slugs_like(model, base)
    for other, field in also:
        taken |= slugs_like(other, base, field)
    if base not in taken:
        return base
    return next(slug for n in count(2) if (slug := f"{base}-{n}") not in taken)


def slugs_like(model, base: str, field: str = "slug") -> set[str]:
    """Return the model's slugs that are `base` or start with `base-`, in one indexed query."""
    # Copies of one title, or a first name that many questioners share, take dozens of numbers;
    # asking for candidates in rounds cost a query per round and a parameter per candidate.
    db = connections[router.db_for_write(model)]
    table = db.ops.quote_name(model._meta.db_table)
    column = db.ops.quote_name(model._meta.get_field(field).column)
    if db.vendor == "sqlite":
        # BINARY collation orders by bytes: every "base-…" lies between "base-" and "base.".
        where = f"{column} = %s OR ({column} > %s AND {column} < %s)"
        params = [base, f"{base}-", f"{base}."]
    else:
        # PostgreSQL answers a LIKE prefix from the varchar_pattern_ops index Django adds to
        # unique slug columns, whatever the database's collation.
        where = f"{column} = %s OR {column} LIKE %s"
        params = [base, f"{db.ops.prep_for_like_query(base)}-%"]
    with db.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE {where}", params)
        return {slug for (slug,) in cursor.fetchall()}
