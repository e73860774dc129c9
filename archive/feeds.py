"""Atom feeds: the newest events, a speaker's newest quotes, and quotes matching a search."""

import datetime
import logging

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator

from archive.models import Event, Speaker, Utterance
from archive.quotation_marks import quoted
from archive.search.forms import ArchiveSearchForm

log = logging.getLogger(__name__)
FEED_LENGTH = 30
UNAVAILABLE = "The search could not be run just now; the feed will be back shortly.\n"


def event_datetime(event):
    """Return midnight UTC of an event's date, the time feeds publish it at."""
    return datetime.datetime.combine(event.date, datetime.time.min, tzinfo=datetime.UTC)


class SearchUnavailable(Exception):
    """The search engine failed: the feed says so (503) rather than answer an empty feed."""


def matching_utterances(form, limit=FEED_LENGTH):
    """Return the first utterances the search page finds for a bound search form, in its order."""
    try:
        pks = [int(result.pk) for result in form.search()[:limit]]
    except Exception as error:
        # An empty feed would tell a feed reader "no quotes match" when the engine is broken.
        log.exception("Search feed failed for %r", form.cleaned_data.get("q"))
        raise SearchUnavailable from error
    found = Utterance.objects.for_display().in_bulk(pks)
    return [found[pk] for pk in pks if pk in found]


class UtteranceFeedMixin:
    """How a feed of utterances presents each one."""

    feed_type = Atom1Feed

    def item_title(self, item):
        return f"{item.speaker.name} at {item.event.title}"

    def item_description(self, item):
        # Atom summaries are HTML: a transcript's "<b>" must reach a feed reader as text.
        return escape(Truncator(item.text).words(80))

    def item_pubdate(self, item):
        return event_datetime(item.event)

    def item_author_name(self, item):
        return item.speaker.name


class LatestEventsFeed(Feed):
    """The newest events."""

    feed_type = Atom1Feed
    title = "Diplomatic Statements Archive: newest events"
    subtitle = "Press availabilities, briefings, press conferences, interviews and speeches."
    link = reverse_lazy("archive:home")

    def items(self):
        return Event.objects.newest().without_source()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        place = ", ".join(part for part in (item.venue, item.city) if part)
        return escape(
            f"{item.get_kind_display()}, {item.date_label}" + (f", {place}" if place else "")
        )

    def item_pubdate(self, item):
        return event_datetime(item)

    def item_updateddate(self, item):
        return item.updated


class SpeakerFeed(UtteranceFeedMixin, Feed):
    """A speaker's newest utterances."""

    def get_object(self, request, slug):
        speaker = Speaker.objects.find(slug)
        if speaker is None:
            raise Http404("No such speaker.")
        return speaker

    def title(self, obj):
        return f"Diplomatic Statements Archive: {obj.name}"

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        utterances = Utterance.objects.by_speaker(obj).for_display()
        return utterances[:FEED_LENGTH]


class SearchFeed(UtteranceFeedMixin, Feed):
    """The first quotes the search page finds for the same query, filters and order."""

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except SearchUnavailable:
            response = HttpResponse(UNAVAILABLE, status=503, content_type="text/plain")
            response["Retry-After"] = "60"
            return response

    def get_object(self, request):
        form = ArchiveSearchForm(request.GET)
        if not form.searchable:
            raise Http404("A search feed needs a query the search page can run.")
        return form

    def title(self, obj):
        return f"Diplomatic Statements Archive: quotes matching {quoted(obj.cleaned_data['q'])}"

    def link(self, obj):
        return f"{reverse('archive:search')}?{self._query_string(obj)}"

    def feed_url(self, obj):
        return f"{reverse('archive:search-feed')}?{self._query_string(obj)}"

    @staticmethod
    def _query_string(form) -> str:
        """Return the form's parameters without the page, which a feed does not have."""
        given = form.data.copy()
        given.pop("page", None)
        return given.urlencode()

    def items(self, obj):
        return matching_utterances(obj)
