"""What a page of results shows: rows with snippets, facet lists with links, the chart by year."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from archive.models import Appearance, EventKind, Speaker
from archive.reading import PARAGRAPH_BREAK
from archive.search.analysis import Analyzer
from archive.search.snippets import passages

CHART_WIDTH, CHART_HEIGHT, AXIS_SPACE = 600, 120, 18
# A bar's widest slot: one year is a bar with its count, not a block across the chart.
WIDEST_STEP = 64
# Count labels: the largest size, the smallest read across a bar, a digit's width in ems.
COUNT_FONT, LEAST_ACROSS, DIGIT_EM = 12, 8, 0.62
BAR = (
    '<a href="{}"><rect class="bar" x="{}" y="{}" width="{}" height="{}">'
    '<title>{}: {}</title></rect><text class="bar-count" x="{}" y="{}" text-anchor="{}"'
    ' font-size="{}"{}>{}</text></a>'
)
YEAR = '<text class="axis" x="{}" y="{}" text-anchor="{}">{}</text>'


@dataclass
class Row:
    """One result: the utterance, its snippet and the speaker's role at that event.

    `words` says whose words the snippet shows: "original", "interpreted" or "both".
    `marked_url` is the quote's page with the query's words marked.
    """

    utterance: object
    snippet: SafeString
    role: str
    url: str
    speaker_url: str
    event_url: str
    words: str = "original"
    marked_url: str = ""


def result_rows(results, words: list, analyzer: Analyzer, scope: str = "", query="") -> list[Row]:
    """Return the rows of a page of results, roles loaded in one query.

    `scope` ("original", "interpreted" or "" for all) is the paragraphs the snippet shows;
    `query` is the search as typed, for the links that mark its words on the quote's page.
    """
    utterances = [result.object for result in results if result.object is not None]
    roles = roles_of(utterances)
    urls = {}  # one reverse() per speaker and event on the page, not three per row
    marking = f"?{urlencode({'q': query})}" if query else ""
    rows = []
    for u in utterances:
        shown, whose = scoped_snippet(u, words, analyzer, scope)
        url = u.get_absolute_url()
        rows.append(
            Row(
                u,
                shown,
                roles.get((u.event_id, u.speaker_id)) or u.speaker.role,
                url,
                _url(urls, u.speaker),
                _url(urls, u.event),
                whose,
                url + marking,
            )
        )
    return rows


def roles_of(utterances) -> dict[tuple[int, int], str]:
    """Return each speaker's role at each event of the utterances, by (event id, speaker id)."""
    pairs = {(u.event_id, u.speaker_id) for u in utterances}
    if not pairs:
        return {}
    found = Appearance.objects.filter(
        event_id__in={e for e, _ in pairs}, speaker_id__in={s for _, s in pairs}
    ).values_list("event_id", "speaker_id", "role")
    return {(e, s): role for e, s, role in found if (e, s) in pairs}


def scoped_snippet(utterance, words: list, analyzer: Analyzer, scope: str) -> tuple:
    """Return the snippet of the paragraphs in scope, and whose words it shows."""
    paragraphs = utterance.paragraphs
    if scope:
        wanted = scope == "interpreted"
        paragraphs = [p for p in paragraphs if p["interpreted"] == wanted] or paragraphs
    text = PARAGRAPH_BREAK.join(p["text"] for p in paragraphs)
    shown, spans = passages(text, words, analyzer)
    # Which paragraphs the passages shown lie in: each paragraph's end in the joined text.
    kinds, end = set(), -len(PARAGRAPH_BREAK)
    for paragraph in paragraphs:
        start, end = end + len(PARAGRAPH_BREAK), end + len(PARAGRAPH_BREAK) + len(paragraph["text"])
        if any(a < end and b > start for a, b in spans):
            kinds.add(paragraph["interpreted"])
    whose = {frozenset({True}): "interpreted", frozenset({True, False}): "both"}
    return shown, whose.get(frozenset(kinds), "original")


def _url(urls: dict, obj) -> str:
    key = (type(obj), obj.pk)
    if key not in urls:
        urls[key] = obj.get_absolute_url()
    return urls[key]


def query_link(query, **changes) -> str:
    """Return the query string {% querystring %} writes for the request's query and changes."""
    params = dict(query.lists())
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = [value]
    if not params and not query:
        return ""
    return "?" + urlencode([(key, value) for key, values in params.items() for value in values])


def facet_links(facets: dict, query) -> dict[str, list[dict]]:
    """Return the facets with each item's link: keep that value, or remove it when chosen."""
    linked = {}
    for name in ("speaker", "kind"):
        chosen = query.get(name)
        linked[name] = [
            {
                **item,
                "chosen": item["value"] == chosen,
                "url": query_link(
                    query, page=None, **{name: None if item["value"] == chosen else item["value"]}
                ),
            }
            for item in facets.get(name, [])
        ]
    linked["year"] = [
        {**item, "url": _year_link(query, item["value"])} for item in facets.get("year", [])
    ]
    return linked


def _year_link(query, year) -> str:
    return query_link(query, **{"from": f"{year}-01-01", "to": f"{year}-12-31", "page": None})


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


def year_chart(years: list[dict], query) -> dict | None:
    """Return an SVG bar chart of matches per year, gaps as empty years, bars with their counts."""
    counts = {int(item["value"]): item["count"] for item in years if item["value"].isdigit()}
    if not counts:
        return None
    first, last = min(counts), max(counts)
    span, peak = last - first + 1, max(counts.values())
    step = min(CHART_WIDTH / span, WIDEST_STEP)
    left = (CHART_WIDTH - step * span) / 2  # few years: the bars stand in the middle
    labels = count_labels(step, max(len(f"{n:,}") for n in counts.values()))
    bars = []
    for offset, year in enumerate(range(first, last + 1)):
        count = counts.get(year, 0)
        height = round(CHART_HEIGHT * count / peak, 1)
        bars.append(
            {
                "year": year,
                "count": count,
                "x": round(left + offset * step, 1),
                "y": round(labels["space"] + CHART_HEIGHT - height, 1),
                "width": round(max(step - 2, 1), 1),
                "height": height,
                "center": round(left + (offset + 0.5) * step, 1),
                "url": _year_link(query, year) if count else "",
            }
        )
    drawn = (_bar_args(bar, labels) for bar in bars if bar["count"])
    return {
        "bars": bars,
        # Written here, not in the template: twenty bars of seven variables took 5 ms there.
        "svg_bars": format_html_join("", BAR, drawn),
        "svg_years": format_html_join("", YEAR, _year_labels(bars, step, labels["space"])),
        "first": first,
        "last": last,
        "peak": peak,
        "width": CHART_WIDTH,
        "height": labels["space"] + CHART_HEIGHT + AXIS_SPACE,
    }


def count_labels(step: float, longest: int) -> dict:
    """Return how counts fit over bars `step` wide: across, else upright, else not at all."""
    across = min(COUNT_FONT, round(step / (DIGIT_EM * longest), 1))
    if across >= LEAST_ACROSS:
        return {"font": across, "upright": False, "space": COUNT_FONT + 4}
    # Upright, a digit's height (about 0.7 em) must fit the bar's slot.
    upright = min(COUNT_FONT - 1, round(step / 0.75, 1))
    if upright < LEAST_ACROSS - 1:
        return {"font": 0, "upright": False, "space": 4}  # the bars' tooltips tell the counts
    return {"font": upright, "upright": True, "space": round(upright * DIGIT_EM * longest) + 6}


def _bar_args(bar: dict, labels: dict) -> tuple:
    x, y = bar["center"], round(bar["y"] - 3, 1)
    upright = format_html(' transform="rotate(-90 {} {})" dominant-baseline="middle"', x, y)
    return (
        *(bar[key] for key in ("url", "x", "y", "width", "height", "year", "count")),
        x,
        y,
        "start" if labels["upright"] else "middle",
        labels["font"],
        upright if labels["upright"] else "",
        f"{bar['count']:,}" if labels["font"] else "",
    )


def _year_labels(bars: list[dict], step: float, top: float) -> list[tuple]:
    """Return each year under its bar when the years fit, else the first and the last."""
    baseline = top + CHART_HEIGHT + 14
    if step >= 36 or len(bars) == 1:
        return [(bar["center"], baseline, "middle", bar["year"]) for bar in bars]
    return [
        (bars[0]["x"], baseline, "start", bars[0]["year"]),
        (bars[-1]["x"] + bars[-1]["width"], baseline, "end", bars[-1]["year"]),
    ]
