"""URLs of the archive's public pages."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, register_converter
from django.views.generic import TemplateView

from archive import converters, feeds, views
from archive.search.views import ArchiveSearchView, QuoteCheckView
from archive.sitemaps import SITEMAPS

register_converter(converters.YearConverter, "yyyy")
register_converter(converters.MonthConverter, "mm")
register_converter(converters.DayConverter, "dd")

app_name = "archive"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("events/<slug:slug>/source/", views.EventSourceView.as_view(), name="event-source"),
    path(
        "events/<slug:slug>/source/text/",
        views.EventSourceTextView.as_view(),
        name="event-source-text",
    ),
    path("speakers/", views.SpeakerListView.as_view(), name="speaker-list"),
    path("speakers/<slug:slug>/", views.SpeakerDetailView.as_view(), name="speaker-detail"),
    path("speakers/<slug:slug>/feed/", feeds.SpeakerFeed(), name="speaker-feed"),
    path("people/<slug:slug>/", views.PersonRedirectView.as_view(), name="person-detail"),
    path("utterances/<int:pk>/", views.UtteranceDetailView.as_view(), name="utterance-detail"),
    path("dates/", views.DateIndexView.as_view(), name="date-index"),
    path("dates/<yyyy:year>/", views.DateYearView.as_view(), name="date-year"),
    path("dates/<yyyy:year>/<mm:month>/", views.DateMonthView.as_view(), name="date-month"),
    path("dates/<yyyy:year>/<mm:month>/<dd:day>/", views.DateDayView.as_view(), name="date-day"),
    path("search/", ArchiveSearchView.as_view(), name="search"),
    path("check/", QuoteCheckView.as_view(), name="quote-check"),
    path("api/", include("archive.api.urls")),
    path("feeds/events/", feeds.LatestEventsFeed(), name="events-feed"),
    path("feeds/search/", feeds.SearchFeed(), name="search-feed"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "archive:sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
]
