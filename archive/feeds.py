"""Atom feeds: the newest events, a speaker's newest quotes, and quotes matching a search."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import urlencode
from django.utils.text import Truncator

from archive.models import Event, Speaker, Utterance

FEED_LENGTH = 30
MAX_QUERY_LENGTH = 200


def event_datetime(event):
    """Return midnight UTC of an event's date, the time feeds publish it at."""
    return datetime.datetime.combine(event.date, datetime.time.min, tzinfo=datetime.UTC)


def matching_utterances(query, limit=FEED_LENGTH):
    """Return the utterances the search index finds for a query, best first."""
    from haystack.exceptions import SearchBackendError
    from haystack.query import SearchQuerySet

    try:
        results = SearchQuerySet().models(Utterance).auto_query(query)[:limit]
        pks = [int(result.pk) for result in results]
    except (SearchBackendError, ValueError):
        return []
    found = Utterance.objects.for_display().defer("event__source_text").in_bulk(pks)
    return [found[pk] for pk in pks if pk in found]


class UtteranceFeedMixin:
    """How a feed of utterances presents each one."""

    feed_type = Atom1Feed

    def item_title(self, item):
        return f"{item.speaker.name} at {item.event.title}"

    def item_description(self, item):
        return Truncator(item.text).words(80)

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
        return f"{item.get_kind_display()}, {item.date_label}" + (f", {place}" if place else "")

    def item_pubdate(self, item):
        return event_datetime(item)

    def item_updateddate(self, item):
        return item.updated


class SpeakerFeed(UtteranceFeedMixin, Feed):
    """A speaker's newest utterances."""

    def get_object(self, request, slug):
        return get_object_or_404(Speaker, slug=slug)

    def title(self, obj):
        return f"Diplomatic Statements Archive: {obj.name}"

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        utterances = Utterance.objects.by_speaker(obj).for_display()
        return utterances.defer("event__source_text")[:FEED_LENGTH]


class SearchFeed(UtteranceFeedMixin, Feed):
    """The quotes that best match a search query given as `?q=`."""

    def get_object(self, request):
        query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
        if not query:
            raise Http404("A search feed needs a query.")
        return query

    def title(self, obj):
        return f"Diplomatic Statements Archive: quotes matching “{obj}”"

    def link(self, obj):
        return f"{reverse('archive:search')}?{urlencode({'q': obj})}"

    def items(self, obj):
        return matching_utterances(obj)
