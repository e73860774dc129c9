"""Slugs for new rows that no row of the model has yet."""

from __future__ import annotations

from django.utils.text import slugify


def unique_slug(model, text: str, fallback: str) -> str:
    """Return slugify(text), cut to 100 characters and numbered (-2, -3…) past taken slugs."""
    base = slugify(text)[:100].rstrip("-") or fallback
    if not model.objects.filter(slug=base).exists():
        return base
    taken = set(model.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug
