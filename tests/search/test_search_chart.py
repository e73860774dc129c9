"""The search page's chart by year: its bars labelled with their counts, one year readable."""

import re

import pytest
from django.http import QueryDict
from django.urls import reverse

from archive.search.present import CHART_WIDTH, year_chart

pytestmark = pytest.mark.django_db


def page(client, **params):
    response = client.get(reverse("archive:search"), params)
    assert response.status_code == 200
    return response.content.decode()


def svg(html):
    return html.split('<figure class="year-chart">', 1)[1].split("</figure>", 1)[0]


def bars(chart):
    """Return each bar's (year, count label, x, width) as the SVG draws them."""
    found = re.findall(
        r'<rect class="bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="[\d.]+">'
        r"<title>(\d+): (\d+)</title></rect><text class=\"bar-count\"[^>]*>([^<]*)</text>",
        chart,
    )
    return [(int(year), label, float(x), float(w)) for x, w, year, _, label in found]


def axis_years(chart):
    return re.findall(r'<text class="axis"[^>]*>(\d+)</text>', chart)


def test_each_bar_is_labelled_with_its_count(client, archive):
    chart = svg(page(client, q="market"))
    assert [(year, label) for year, label, _, _ in bars(chart)] == [
        (2017, "2"),
        (2021, "1"),
        (2022, "1"),
    ]


def test_one_year_is_one_labelled_bar_in_the_middle_not_a_block(client, archive):
    chart = svg(page(client, q="demand"))
    [(year, label, x, width)] = bars(chart)
    assert (year, label) == (2017, "2")
    assert width <= CHART_WIDTH / 8
    assert abs((x + width / 2) - CHART_WIDTH / 2) < 2
    assert axis_years(chart) == ["2017"]
    assert "Matches in 2017: 2" in chart


def test_a_few_years_each_get_their_year_under_the_bar(client, archive):
    assert axis_years(svg(page(client, q="market"))) == [str(y) for y in range(2017, 2023)]


def chart_of(counts):
    return year_chart([{"value": str(y), "count": n} for y, n in counts.items()], QueryDict())


def test_twenty_years_keep_readable_counts_and_first_and_last_year():
    chart = chart_of({year: 999 if year == 2010 else 35 for year in range(2001, 2021)})
    drawn = bars(str(chart["svg_bars"]))
    assert [label for _, label, _, _ in drawn] == ["35"] * 9 + ["999"] + ["35"] * 10
    assert set(re.findall(r'font-size="([\d.]+)"', str(chart["svg_bars"]))) == {"12"}
    assert all(x >= 0 and x + width <= CHART_WIDTH for _, _, x, width in drawn)
    assert axis_years(str(chart["svg_years"])) == ["2001", "2020"]


def test_counts_too_wide_across_their_bars_stand_upright_above_them():
    """The UN's General Debate goes back to 1946: eighty years of narrow bars."""
    chart = chart_of({year: 12345 if year == 2000 else 7 for year in range(1946, 2027)})
    svg_bars = str(chart["svg_bars"])
    drawn = bars(svg_bars)
    assert len(drawn) == 81 and [label for year, label, _, _ in drawn if year == 2000] == ["12,345"]
    assert svg_bars.count('transform="rotate(-90 ') == 81
    assert all(float(size) >= 7 for size in re.findall(r'font-size="([\d.]+)"', svg_bars))
    assert all(x >= 0 and x + width <= CHART_WIDTH for _, _, x, width in drawn)
    # The tallest bar leaves room above it for its upright count.
    tallest = re.search(r'<rect class="bar" x="[\d.]+" y="([\d.]+)"[^>]*><title>2000:', svg_bars)
    assert float(tallest.group(1)) >= 9 * 0.62 * 6


def test_counts_of_bars_too_narrow_for_any_label_are_left_to_the_tooltips():
    chart = chart_of(dict.fromkeys(range(1800, 2027), 7))
    drawn = bars(str(chart["svg_bars"]))
    assert len(drawn) == 227 and all(label == "" for _, label, _, _ in drawn)
    assert "<title>1900: 7</title>" in str(chart["svg_bars"])
