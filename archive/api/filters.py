"""The filters of the API's lists as forms: a bad value is a 400 naming its field, not ignored."""

from __future__ import annotations

import datetime

from django import forms

from archive.models import EventKind, Speaker, SpeakerKind
from archive.search.forms import refuse_reversed_dates


class ListFilters(forms.Form):
    """Filters from a query string; apply() narrows a queryset by those given."""

    def applied(self) -> dict:
        """Return the filters given as JSON values: a speaker as their slug, a date as ISO."""
        return {name: json_value(value) for name, value in self.cleaned_data.items() if value}

    def apply(self, queryset):
        raise NotImplementedError


def json_value(value):
    """Return a cleaned filter value as JSON can carry it."""
    if isinstance(value, Speaker):
        return value.slug
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


class EventFilters(ListFilters):
    """Events a speaker took part in (by slug, old slugs too), of one kind, or within dates."""

    speaker = forms.SlugField(required=False)
    kind = forms.ChoiceField(required=False, choices=EventKind.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "from" is a Python keyword, so no class attribute can declare it.
        self.fields["from"] = forms.DateField(required=False)
        self.fields["to"] = forms.DateField(required=False)

    def clean_speaker(self):
        slug = self.cleaned_data["speaker"]
        if not slug:
            return None
        speaker = Speaker.objects.find(slug)
        if speaker is None:
            raise forms.ValidationError(f"No speaker “{slug}” is in the archive.")
        return speaker

    def clean(self):
        cleaned = super().clean()
        refuse_reversed_dates(cleaned)
        return cleaned

    def apply(self, events):
        data = self.cleaned_data
        if data["speaker"]:
            events = events.featuring(data["speaker"])
        if data["kind"]:
            events = events.filter(kind=data["kind"])
        return events.between(data["from"], data["to"])


class SpeakerFilters(ListFilters):
    """Speakers by name (as the speakers page's box finds them), country (as the archive spells
    it) or kind."""

    q = forms.CharField(required=False, max_length=Speaker._meta.get_field("name").max_length)
    country = forms.CharField(required=False)
    kind = forms.ChoiceField(required=False, choices=SpeakerKind.choices)

    def clean_country(self):
        country = self.cleaned_data["country"]
        if country and not Speaker.objects.filter(country=country).exists():
            raise forms.ValidationError(f"No speaker from “{country}” is in the archive.")
        return country

    def apply(self, speakers):
        data = self.cleaned_data
        if data["q"]:
            speakers = speakers.named_like(data["q"])
        if data["country"]:
            speakers = speakers.filter(country=data["country"])
        if data["kind"]:
            speakers = speakers.filter(kind=data["kind"])
        return speakers
