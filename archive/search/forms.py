"""The search form: the query, its filters and the sort order, shared by the page and the API."""

from __future__ import annotations

import re
import unicodedata

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from haystack.forms import SearchForm
from haystack.inputs import Exact
from haystack.query import EmptySearchQuerySet

from archive.models import Event, EventKind, Speaker
from archive.search import people, syntax

FACETS = ("speaker", "year", "kind")
SORTS = {"relevance": None, "newest": "-day", "oldest": "day"}
WORDS = [
    ("", "All words"),
    ("original", "Original words only"),
    ("interpreted", "Interpreted only"),
]
# Where the words of a search are sought, by the words chosen: the paragraphs of that kind (the
# speaker's names and the event's title still count); all words: every text field.
SCOPES = {
    "": ("content",),
    "original": ("text", "names", "title"),
    "interpreted": ("via_interpreter", "names", "title"),
}
FILTERS = ("speaker", "event", "kind", "country", "from", "to", "words")
MAX_QUOTE = 1000
SLUG = re.compile(r"[-a-z0-9_]+")


def clean_text(text: str) -> str:
    """Return the text composed (NFC), controls and non-characters as spaces, collapsed."""
    # Composed, as the index's accent folding expects: "u" + U+0308 is "ü", which folds to "u".
    # A control character between words ("we\x00are") separates them rather than joining them.
    kept = "".join(" " if _unwanted(ch) else ch for ch in unicodedata.normalize("NFC", text))
    return " ".join(kept.split())


def _unwanted(ch: str) -> bool:
    # Spaces stay for split() to collapse. XML 1.0 cannot hold the other controls, lone
    # surrogates, U+FFFE or U+FFFF (the feed's title holds the query); no text holds any
    # non-character (U+FDD0-U+FDEF, the last two of every plane).
    if ch.isspace():
        return False
    code = ord(ch)
    if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
        return True
    return unicodedata.category(ch) in {"Cc", "Cs"}


def refuse_reversed_dates(cleaned: dict) -> None:
    """Refuse a "from" date after the "to" date of a form's cleaned data."""
    start, end = cleaned.get("from"), cleaned.get("to")
    if start and end and start > end:
        raise forms.ValidationError("The “from” date must not come after the “to” date.")


class QueryField(forms.CharField):
    """The search box: what the page, the API and the feed show and search is clean text."""

    def to_python(self, value):
        # Before the validators: a NUL dropped here is no "Null characters are not allowed".
        return syntax.straight_quotes(clean_text(super().to_python(value)))

    def bound_data(self, data, initial):
        """Return the typed text as the search box shows it again: cleaned too."""
        return self.to_python(data) if isinstance(data, str) else data


class QuickSelect(forms.Select):
    """A select written in Python: Django's template include per option costs ~70 µs each."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], flatatt(option["attrs"]), option["label"])
                for _, group, _ in widget["optgroups"]
                for option in group
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(widget["attrs"]), options
        )


def speaker_by_slug(slug: str) -> Speaker:
    """Return the speaker with this slug (or merged into it); a ValidationError if none."""
    speaker = Speaker.objects.find(slug)
    if speaker is None:
        raise forms.ValidationError(f"No speaker “{slug}” is in the archive.")
    return speaker


def day_number(date) -> int:
    """Return a date as the integer yyyymmdd the index filters on."""
    return date.year * 10000 + date.month * 100 + date.day


class ArchiveSearchForm(SearchForm):
    """Query plus filters: speaker and event by slug, kind, country, dates, interpreted words."""

    q = QueryField(required=False, widget=forms.TextInput(attrs={"type": "search"}))
    speaker = forms.SlugField(required=False, label="Speaker")
    event = forms.SlugField(required=False, label="Event")
    kind = forms.ChoiceField(required=False, label="Kind of event", widget=QuickSelect)
    country = forms.ChoiceField(required=False, label="Speaker's country", widget=QuickSelect)
    words = forms.ChoiceField(required=False, label="Words", choices=WORDS, widget=QuickSelect)
    sort = forms.ChoiceField(
        required=False,
        label="Sort by",
        widget=QuickSelect,
        choices=[
            ("relevance", "Relevance"),
            ("newest", "Newest first"),
            ("oldest", "Oldest first"),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].label = "Search for"
        self.fields["kind"].choices = [("", "Any kind"), *EventKind.choices]
        choices = [(c, c) for c in Speaker.objects.countries()]
        self.fields["country"].choices = [("", "Any country"), *choices]
        date_widget = forms.DateInput(attrs={"type": "date"})
        self.fields["from"] = forms.DateField(required=False, label="From", widget=date_widget)
        self.fields["to"] = forms.DateField(required=False, label="To", widget=date_widget)
        self.parsed = syntax.parse("")
        self.speaker_obj = self.event_obj = None

    def clean_speaker(self):
        slug = self.cleaned_data["speaker"]
        if slug:
            self.speaker_obj = speaker_by_slug(slug)
            # A merged speaker's old slug searches the speaker it was merged into.
            slug = self.speaker_obj.slug
        return slug

    def clean_event(self):
        slug = self.cleaned_data["event"]
        if slug:
            self.event_obj = Event.objects.without_source().filter(slug=slug).first()
            if self.event_obj is None:
                raise forms.ValidationError(f"No event “{slug}” is in the archive.")
        return slug

    def clean(self):
        cleaned = super().clean()
        refuse_reversed_dates(cleaned)
        self.parsed = syntax.parse(cleaned.get("q") or "")
        return cleaned

    @property
    def filtered(self) -> bool:
        """Return whether a valid form has any filter (which lists without a search word)."""
        return self.is_valid() and any(self.cleaned_data.get(name) for name in FILTERS)

    @property
    def searchable(self) -> bool:
        """Return whether there is something to search for or list: words, or a filter."""
        return self.is_valid() and (not self.parsed.is_empty or self.filtered)

    @property
    def scope(self) -> str:
        """Return the words searched: "" (all), "original" or "interpreted"."""
        return (self.cleaned_data.get("words") or "") if self.is_valid() else ""

    def search(self):
        """Return the SearchQuerySet of the query with filters, facets and order applied.

        With filters and no words it lists what the filters let through, newest first.
        """
        if not self.searchable:
            return EmptySearchQuerySet()
        sqs = self.parsed.apply(self.searchqueryset.all(), SCOPES[self.scope])
        for narrow in self.narrow_queries(sqs.query):
            sqs = sqs.narrow(narrow)
        for name in FACETS:
            sqs = sqs.facet(name)
        order = SORTS.get(self.cleaned_data.get("sort") or "relevance")
        if order is None and self.parsed.is_empty:
            order = SORTS["newest"]  # nothing to rank by
        if order:
            sqs = sqs.order_by(order)
        return sqs.load_all() if self.load_all else sqs

    def narrow_queries(self, query) -> list[str]:
        """Return the filters as queries in the engine's own syntax."""
        data, fragments = self.cleaned_data, []
        for name in ("speaker", "event", "kind", "country"):
            if data.get(name):
                fragments.append(query.build_query_fragment(name, "exact", Exact(data[name])))
        if data.get("from"):
            fragments.append(query.build_query_fragment("day", "gte", day_number(data["from"])))
        if data.get("to"):
            fragments.append(query.build_query_fragment("day", "lte", day_number(data["to"])))
        if data.get("words"):
            # Turns with paragraphs of that kind, also where only a name or the title matched.
            # "content" gives interpreted:(true); "exact" would quote it, and Whoosh has no
            # phrase search on a boolean field.
            fragments.append(query.build_query_fragment(data["words"], "content", True))
        return fragments


class QuoteCheckForm(forms.Form):
    """A quote as remembered; optionally who said it (a name or a slug) and when."""

    q = forms.CharField(
        label="The quote as you remember it",
        max_length=MAX_QUOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    speaker = forms.CharField(required=False, max_length=200, label="Who said it (optional)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        date_widget = forms.DateInput(attrs={"type": "date"})
        self.fields["from"] = forms.DateField(required=False, label="From", widget=date_widget)
        self.fields["to"] = forms.DateField(required=False, label="To", widget=date_widget)
        self.speaker_obj = None

    def clean_q(self):
        quote = clean_text(self.cleaned_data["q"])
        if not syntax.PLAIN_WORD.search(quote):
            raise forms.ValidationError("Give the words of the quote: letters or numbers.")
        return quote

    def clean_speaker(self):
        """Return the speaker's slug: given as a slug, or as a name the archive knows."""
        given = clean_text(self.cleaned_data["speaker"])
        if not given:
            return ""
        if SLUG.fullmatch(given) and Speaker.objects.find(given):
            self.speaker_obj = Speaker.objects.find(given)
        else:
            named = people.speakers_named(given, limit=1)
            if not named:
                raise forms.ValidationError(f"No speaker named “{given}” is in the archive.")
            self.speaker_obj = named[0]
        return self.speaker_obj.slug

    def clean(self):
        cleaned = super().clean()
        refuse_reversed_dates(cleaned)
        return cleaned
