"""The date archive: years, months and days of events, on Django's generic date views."""

from django.db.models import Count
from django.db.models.functions import Trunc
from django.views.generic.dates import (
    ArchiveIndexView,
    DayArchiveView,
    MonthArchiveView,
    YearArchiveView,
)

from archive.models import Event


class EventDateMixin:
    """Events by date, paginated, with each listed period's number of events."""

    queryset = Event.objects.without_source()
    date_field = "date"
    allow_future = True
    paginate_by = 25
    month_format = "%m"
    day_format = "%d"

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        """Return the periods that have events as dicts of `date` and `count`."""
        date_type = date_type or self.get_date_list_period()
        if date_type != "year":
            # A speech dated by its year alone is stored on 1 January, which it was not given on.
            queryset = queryset.dated_to_the_day()
        rows = (
            queryset.order_by()
            .annotate(period=Trunc(self.get_date_field(), date_type))
            .values("period")
            .annotate(count=Count("pk"))
            .order_by("-period" if ordering == "DESC" else "period")
        )
        return [{"date": row["period"], "count": row["count"]} for row in rows]


class DateIndexView(EventDateMixin, ArchiveIndexView):
    """All years with their number of events, and the newest events."""

    allow_empty = True
    ordering = ("-date", "title")


class DateYearView(EventDateMixin, YearArchiveView):
    """One year: its months with their number of events, and its events."""

    make_object_list = True
    ordering = ("date", "title")


class DateMonthView(EventDateMixin, MonthArchiveView):
    """One month: its days with their number of events, and its events dated to the day."""

    queryset = Event.objects.without_source().dated_to_the_day()
    ordering = ("date", "title")


class DateDayView(EventDateMixin, DayArchiveView):
    """One day's events, leaving out those dated by their year alone."""

    queryset = Event.objects.without_source().dated_to_the_day()
    ordering = ("title",)
