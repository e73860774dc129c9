"""The search page (haystack's class-based SearchView with the archive's form, facets and
chart) and the quote check's page."""

from django.views.generic import TemplateView
from haystack.generic_views import SearchView

from archive.search import service
from archive.search.alignment import CLOSE, EXACT
from archive.search.forms import ArchiveSearchForm, QuoteCheckForm
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


class QuoteCheckView(TemplateView):
    """Did they say it? A quote as remembered against the archive's real words."""

    template_name = "archive/quote_check.html"
    shown, nearest = 5, 3  # matches shown; when none is close, the nearest that are not

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = QuoteCheckForm(self.request.GET if "q" in self.request.GET else None)
        context["form"] = form
        if form.is_valid():
            answer, shown = service.check_quote(form, self.request.build_absolute_uri)
            found = [s for s in shown if s.match.verdict in {EXACT, CLOSE}]
            context.update(
                answer=answer,
                found=found[: self.shown],
                nearest=[] if found else shown[: self.nearest],
                speaker_filter=form.speaker_obj,
            )
        return context
