"""The search page: haystack's class-based SearchView with the archive's form, facets and chart."""

from haystack.generic_views import SearchView

from archive.search import service
from archive.search.forms import ArchiveSearchForm
from archive.search.present import facet_links, year_chart

HELP = (
    "Words are matched in all their forms (market, markets). "
    'Put "an exact phrase" in double quotes, write OR between alternatives, '
    "and put a minus before a word to leave it out: -tariff."
)


class ArchiveSearchView(SearchView):
    """Full-text search of utterances with filters, facets, sorting and a chart by year."""

    template_name = "archive/search.html"
    form_class = ArchiveSearchForm
    paginate_by = service.PAGE_SIZE

    def form_valid(self, form):
        return self.render_search(form)

    def form_invalid(self, form):
        return self.render_search(form)

    def render_search(self, form):
        """Render the page for a bound form, valid or not."""
        outcome = service.run(form, self.request.GET.get("page"))
        query = self.request.GET
        context = {
            "form": form,
            "query": form.cleaned_data.get("q", "") if hasattr(form, "cleaned_data") else "",
            "outcome": outcome,
            "page_obj": outcome.page,
            "chart": year_chart(outcome.facets.get("year", []), query),
            "facet_links": facet_links(outcome.facets, query),
            "help_text": HELP,
            "speaker_filter": form.speaker_obj,
            "event_filter": form.event_obj,
        }
        return self.render_to_response(context)
