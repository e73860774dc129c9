"""Slugs for new rows that no row of the model has yet."""

from __future__ import annotations

from django.utils.text import slugify

ROUND = 100


def unique_slug(model, text: str, fallback: str) -> str:
    """Return slugify(text), cut to 100 characters and numbered (-2, -3…) past taken slugs."""
    base = slugify(text)[:100].rstrip("-") or fallback
    start = 1
    while True:
        # Exact lookups use the unique index; a prefix scan would read every similar slug.
        candidates = [base if n == 1 else f"{base}-{n}" for n in range(start, start + ROUND)]
        taken = set(model.objects.filter(slug__in=candidates).values_list("slug", flat=True))
        free = [slug for slug in candidates if slug not in taken]
        if free:
            return free[0]
        start += ROUND
