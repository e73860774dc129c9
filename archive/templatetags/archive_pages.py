"""Template helpers for pagination links that keep the page's other query parameters."""

from django import template

register = template.Library()


@register.simple_tag
def page_query(query, param, number):
    """Return `?query` with `param` set to page `number`, the other parameters kept."""
    params = query.copy()
    params[param] = number
    return f"?{params.urlencode()}"
