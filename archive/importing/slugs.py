"""Slugs for new rows that no row of the model has yet."""

from __future__ import annotations

from django.utils.text import slugify

from archive import rows

FIRST_ROUND = 10


def unique_slug(model, text: str, fallback: str) -> str:
    """Return slugify(text), cut to 100 characters and numbered (-2, -3…) past taken slugs."""
    base = slugify(text)[:100].rstrip("-") or fallback
    start, size = 1, FIRST_ROUND
    while True:
        # Exact lookups use the unique index; a prefix scan would read every similar slug.
        # Rounds grow tenfold: most slugs are free at once, and each parameter has a cost.
        candidates = [base if n == 1 else f"{base}-{n}" for n in range(start, start + size)]
        taken = {slug for (slug,) in rows.select_in(model, ["slug"], "slug", candidates)}
        free = [slug for slug in candidates if slug not in taken]
        if free:
            return free[0]
        start, size = start + size, size * 10
