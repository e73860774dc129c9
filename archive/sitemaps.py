"""The sitemap: the browse pages, every event, speaker and quote permalink."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from archive.models import Event, Speaker, Utterance


class PagesSitemap(Sitemap):
    """The fixed browse pages."""

    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["archive:home", "archive:speaker-list", "archive:date-index"]

    def location(self, item):
        return reverse(item)


class EventSitemap(Sitemap):
    """One entry per event, with the time it was last read."""

    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Event.objects.without_source().order_by("pk")

    def lastmod(self, item):
        return item.updated


class SpeakerSitemap(Sitemap):
    """One entry per identified speaker."""

    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Speaker.objects.identified().order_by("pk")


class UtteranceSitemap(Sitemap):
    """One entry per quote permalink."""

    changefreq = "yearly"
    priority = 0.4
    limit = 10000

    def items(self):
        return Utterance.objects.order_by("pk").only("pk")


SITEMAPS = {
    "pages": PagesSitemap,
    "events": EventSitemap,
    "speakers": SpeakerSitemap,
    "quotes": UtteranceSitemap,
}
