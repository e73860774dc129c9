"""Template filters for text on the archive's pages."""

from django import template

from archive.quotation_marks import quoted as quote_text

register = template.Library()


@register.filter
def quoted(text, length=None):
    """Return text in curly quotes, never doubled: {{ query|quoted:60 }} (60 characters)."""
    return quote_text(str(text), None if length is None else int(length))
