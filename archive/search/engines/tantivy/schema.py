"""The tantivy schema of utterance documents and the analyzers its text fields need.

Keyword fields (speaker, event, kind, ...) are raw text with a fast column, so filters are whole
terms and facets whole values; the date is the integer yyyymmdd, whose range filter and sort use
its column. Only the ids and the digest are stored: results are read from the database.
"""

from __future__ import annotations

import tantivy

from archive.search.documents import TEXT_FIELDS

TEXT = "text"
# What haystack's "content" means here: every text field, each weighed by its boost in the
# haystack index (archive.search.search_indexes), as Whoosh weighs them.
CONTENT = "content"
WORDS = "words"  # the text fields' words unstemmed: what "did you mean" proposes and counts
ANALYZER, WORDS_ANALYZER = "archive", "archive_words"
KEYWORDS = ("speaker", "event", "year", "kind", "country", "attribution", "django_ct")
INTEGERS = ("django_id", "day", "digest")
BOOLEANS = ("interpreted", "original")
STORED = frozenset({"django_ct", "django_id", "digest"})


def text_analyzer(stem: bool = True) -> tantivy.TextAnalyzer:
    """Return the analyzer of the text: runs of letters and digits, lower-cased, folded, stemmed."""
    # Folded before stemming, so "Sanchez" finds Sánchez and "cafe" café, as readers type them.
    # The simple tokenizer splits "U.S." into "u" and "s", and a search for U.S. is the phrase
    # of both; a regular expression tokenizer cost 2.3 times as much CPU in a rebuild.
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    builder = builder.filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.ascii_fold())
    if stem:
        builder = builder.filter(tantivy.Filter.stemmer("english"))
    return builder.build()


def build() -> tantivy.Schema:
    """Return the schema of the utterance index."""
    builder = tantivy.SchemaBuilder()
    for name in TEXT_FIELDS:
        builder.add_text_field(name, tokenizer_name=ANALYZER, index_option="position")
    builder.add_text_field(WORDS, tokenizer_name=WORDS_ANALYZER, index_option="basic")
    for name in KEYWORDS:
        builder.add_text_field(name, stored=name in STORED, tokenizer_name="raw", fast=True)
    for name in INTEGERS:
        builder.add_integer_field(name, stored=name in STORED, indexed=True, fast=True)
    for name in BOOLEANS:
        builder.add_boolean_field(name, indexed=True, fast=True)
    return builder.build()


def register(index: tantivy.Index) -> tantivy.Index:
    """Register the analyzers on an opened index: tantivy does not store them with it."""
    index.register_tokenizer(ANALYZER, text_analyzer())
    index.register_tokenizer(WORDS_ANALYZER, text_analyzer(stem=False))
    return index


def words_schema() -> tantivy.Schema:
    """Return the schema of the word list "did you mean" searches: one document per word."""
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("word", stored=True, tokenizer_name="raw")
    return builder.build()
