"""What a page of results shows: escaped snippets with marks, facet lists and the chart by year."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from whoosh.highlight import ContextFragmenter, Formatter, get_text, highlight

from archive.models import Appearance, EventKind, Speaker
from archive.search.backend import text_analyzer

SNIPPET_CHARS = 320
CHART_WIDTH, CHART_HEIGHT = 600, 120


class MarkFormatter(Formatter):
    """Escape every piece of the transcript first; only our own <mark> tags stay HTML."""

    between = " … "

    def _text(self, text):
        return escape(text)

    def format_token(self, text, token, replace=False):
        return f"<mark>{escape(get_text(text, token, replace))}</mark>"


def snippet(text: str, words: list[str]) -> SafeString:
    """Return the passages of `text` around the query's words, escaped, with matches marked."""
    analyzer = text_analyzer()
    terms = {token.text for token in analyzer(" ".join(words))}
    fragmenter = ContextFragmenter(maxchars=SNIPPET_CHARS, surround=90)
    marked = highlight(text, terms, analyzer, fragmenter, MarkFormatter(), top=2) if terms else ""
    if not marked:
        return escape(Truncator(text).chars(SNIPPET_CHARS))
    # Safe: MarkFormatter escaped every piece of the transcript; only its <mark> tags are HTML.
    return mark_safe(marked)


@dataclass
class Row:
    """One result: the utterance, its snippet and the speaker's role at that event."""

    utterance: object
    snippet: SafeString
    role: str


def result_rows(results, words: list[str]) -> list[Row]:
    """Return the rows of a page of results, roles loaded in one query."""
    utterances = [result.object for result in results if result.object is not None]
    pairs = {(u.event_id, u.speaker_id) for u in utterances}
    roles = {}
    if pairs:
        found = Appearance.objects.filter(
            event_id__in={e for e, _ in pairs}, speaker_id__in={s for _, s in pairs}
        ).values_list("event_id", "speaker_id", "role")
        roles = {(e, s): role for e, s, role in found}
    return [
        Row(u, snippet(u.text, words), roles.get((u.event_id, u.speaker_id)) or u.speaker.role)
        for u in utterances
    ]


def facet_lists(counts: dict, limit: int = 10) -> dict[str, list[dict]]:
    """Return speaker, kind and year facets as [{value, label, count}], labels filled in."""
    fields = (counts or {}).get("fields", {})
    speakers = [(v, n) for v, n in fields.get("speaker", []) if v][:limit]
    names = dict(
        Speaker.objects.filter(slug__in=[v for v, _ in speakers]).values_list("slug", "name")
    )
    kinds = dict(EventKind.choices)
    return {
        "speaker": [{"value": v, "label": names.get(v, v), "count": n} for v, n in speakers],
        "kind": [
            {"value": v, "label": kinds.get(v, v), "count": n}
            for v, n in fields.get("kind", [])
            if v
        ],
        "year": sorted(
            ({"value": v, "label": v, "count": n} for v, n in fields.get("year", []) if v),
            key=lambda item: item["value"],
        ),
    }


def year_chart(years: list[dict]) -> dict | None:
    """Return the geometry of an SVG bar chart of matches per year, gaps as empty years."""
    counts = {int(item["value"]): item["count"] for item in years if item["value"].isdigit()}
    if not counts:
        return None
    first, last = min(counts), max(counts)
    span, peak = last - first + 1, max(counts.values())
    step = CHART_WIDTH / span
    bars = []
    for offset, year in enumerate(range(first, last + 1)):
        count = counts.get(year, 0)
        height = round(CHART_HEIGHT * count / peak, 1)
        bars.append(
            {
                "year": year,
                "count": count,
                "x": round(offset * step, 1),
                "y": round(CHART_HEIGHT - height, 1),
                "width": round(max(step - 1, 1), 1),
                "height": height,
                "start": f"{year}-01-01",
                "end": f"{year}-12-31",
            }
        )
    return {
        "bars": bars,
        "first": first,
        "last": last,
        "peak": peak,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
    }
