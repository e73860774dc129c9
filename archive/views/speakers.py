"""The speakers: an A–Z index with filters, and one page per speaker."""

import string

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import ListView, RedirectView
from django.views.generic.detail import SingleObjectMixin

from archive.models import Appearance, Speaker, SpeakerKind, SpeakerRedirect, Utterance
from archive.registry.models import Person

LETTERS = list(string.ascii_uppercase)
OTHER_LETTER = "#"
FILTER_KINDS = [
    (SpeakerKind.OFFICIAL, "Officials"),
    (SpeakerKind.JOURNALIST, "Journalists"),
    (SpeakerKind.MODERATOR, "Moderators and spokespeople"),
]
ROLES_SHOWN = 12
NAME_LENGTH = Speaker._meta.get_field("name").max_length


class SpeakerListView(ListView):
    """An A–Z index by family name of the people who speak, found by name, country, kind and
    initial."""

    template_name = "archive/speaker_list.html"
    context_object_name = "speakers"
    paginate_by = 60

    def get_filters(self):
        """Return the valid filters of the query string; unknown values are ignored."""
        get = self.request.GET
        kinds = {value for value, _ in FILTER_KINDS} | {SpeakerKind.ROLE}
        letter = get.get("letter", "").upper()
        return {
            "kind": get.get("kind") if get.get("kind") in kinds else "",
            "country": get.get("country", "").strip(),
            "letter": letter if letter in LETTERS or letter == OTHER_LETTER else "",
            "q": " ".join(get.get("q", "").split())[:NAME_LENGTH],
        }

    def get_queryset(self):
        self.filters = self.get_filters()
        kind, country, letter, q = (self.filters[key] for key in ("kind", "country", "letter", "q"))
        speakers = Speaker.objects.filter(kind=kind) if kind else Speaker.objects.identified()
        if country:
            speakers = speakers.filter(country=country)
        # The letters offered are those of the speakers the other filters leave.
        self.unlettered = speakers.named_like(q)
        speakers = self.unlettered.with_initial(letter) if letter else self.unlettered
        return speakers.with_subquery_counts().a_to_z()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        initials = self.unlettered.initials()
        context["letters"] = [(letter, letter in initials) for letter in LETTERS]
        context["other_initials"] = bool(initials - set(LETTERS))
        context["countries"] = Speaker.objects.countries()
        context["kinds"] = FILTER_KINDS
        context["filters"] = self.filters
        if self.filters["kind"] != SpeakerKind.ROLE and not self.filters["q"]:
            # Of the country asked for: a UN speech's speaker is "Representative of Ghana".
            roles = Speaker.objects.roles()
            if self.filters["country"]:
                roles = roles.filter(country=self.filters["country"])
            context["role_speakers"] = roles.most_quoted()[:ROLES_SHOWN]
        return context


class SpeakerDetailView(SingleObjectMixin, ListView):
    """One speaker: roles over time, events spoken at, and their utterances paginated."""

    template_name = "archive/speaker_detail.html"
    paginate_by = 20
    events_per_page = 20

    def get(self, request, *args, **kwargs):
        try:
            self.object = self.get_object(queryset=Speaker.objects.all())
        except Http404:
            merged = get_object_or_404(SpeakerRedirect, old_slug=kwargs["slug"])
            return redirect(merged.speaker, permanent=True)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return Utterance.objects.by_speaker(self.object).for_display()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["utterances"] = context["page_obj"].object_list
        context["roles"] = Appearance.objects.roles_of(self.object)
        paginator = Paginator(Appearance.objects.of_speaker(self.object), self.events_per_page)
        context["events_page"] = paginator.get_page(self.request.GET.get("events"))
        return context


class PersonRedirectView(RedirectView):
    """A registry person's address leads to the page of the speaker they are in transcripts."""

    permanent = False

    def get_redirect_url(self, *args, **kwargs):
        person = get_object_or_404(Person.objects.select_related("speaker"), slug=kwargs["slug"])
        if not hasattr(person, "speaker"):
            raise Http404("Nobody of that name speaks in the archive's transcripts yet.")
        return person.speaker.get_absolute_url()
