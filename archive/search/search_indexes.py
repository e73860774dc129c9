"""The search index of utterances, as haystack sees it: the fields that filter, facet and sort."""

from haystack import indexes

from archive.models import Utterance
from archive.search import documents


class UtteranceIndex(indexes.SearchIndex, indexes.Indexable):
    """One document per utterance, built by archive.search.documents for every engine."""

    # The turn's original paragraphs, then the other text fields a search box searches, each
    # with its weight (archive.search.documents.TEXT_FIELDS).
    text = indexes.CharField(document=True)
    via_interpreter = indexes.CharField()
    names = indexes.CharField(boost=0.3)
    title = indexes.CharField(boost=0.1)
    speaker = indexes.FacetCharField()
    event = indexes.FacetCharField()
    day = indexes.IntegerField()
    year = indexes.FacetCharField()
    kind = indexes.FacetCharField()
    country = indexes.FacetCharField()
    interpreted = indexes.BooleanField()
    original = indexes.BooleanField()
    attribution = indexes.FacetCharField()
    # A hash of the fields above, which check_index compares with the database's.
    digest = indexes.IntegerField(indexed=False)

    def get_model(self):
        return Utterance

    def index_queryset(self, using=None):
        """Return every utterance with what its document needs, loaded in a few queries."""
        related = Utterance.objects.select_related("event", "speaker")
        return related.prefetch_related("speaker__labels").defer("event__source_text")

    def read_queryset(self, using=None):
        """Return the utterances that search results display, unordered: the engine ranks them."""
        return Utterance.objects.for_display().order_by()

    def full_prepare(self, obj):
        """Return the document archive.search.documents builds, for engines haystack writes."""
        self.prepared_data = documents.of_utterance(obj)
        return self.prepared_data
