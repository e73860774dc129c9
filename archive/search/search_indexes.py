"""The search index of utterances: the text plus the fields that filter, facet and sort."""

from haystack import indexes

from archive.models import Utterance


class UtteranceIndex(indexes.SearchIndex, indexes.Indexable):
    """One document per utterance; keyword fields are FacetCharFields, kept whole by engines."""

    text = indexes.CharField(document=True)
    speaker = indexes.FacetCharField(model_attr="speaker__slug")
    speaker_id = indexes.IntegerField(model_attr="speaker_id", indexed=False)
    speaker_name = indexes.CharField(model_attr="speaker__name", indexed=False)
    event = indexes.FacetCharField(model_attr="event__slug")
    event_id = indexes.IntegerField(model_attr="event_id", indexed=False)
    day = indexes.IntegerField()
    year = indexes.FacetCharField()
    kind = indexes.FacetCharField(model_attr="event__kind")
    country = indexes.FacetCharField()
    interpreted = indexes.BooleanField(model_attr="interpreted")
    attribution = indexes.FacetCharField(model_attr="attribution")

    def get_model(self):
        return Utterance

    def index_queryset(self, using=None):
        """Return every utterance with what its document needs, loaded in a few queries."""
        related = Utterance.objects.select_related("event", "speaker")
        return related.prefetch_related("speaker__labels").defer("event__source_text")

    def read_queryset(self, using=None):
        """Return the utterances that search results display, unordered: the engine ranks them."""
        related = Utterance.objects.select_related("event", "speaker").order_by()
        return related.defer("event__source_text")

    def prepare_text(self, obj):
        """Return the searchable text: words, speaker's name and labels, label, event title."""
        labels = [label.label for label in obj.speaker.labels.all()]
        return "\n".join([obj.text, obj.speaker.name, obj.label, *labels, obj.event.title])

    def prepare_day(self, obj):
        """Index the date as the integer yyyymmdd, whose range filter is fast."""
        date = obj.event.date
        return date.year * 10000 + date.month * 100 + date.day

    def prepare_year(self, obj):
        return str(obj.event.date.year)

    def prepare_country(self, obj):
        return obj.speaker.country or None
