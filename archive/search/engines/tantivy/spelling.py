""" "Did you mean": the index's words, looked up by edit distance, ranked by how many use them.

The word list is a small index of its own (one document per word) beside the documents, filled
by the rebuild from the documents' unstemmed words and added to by every incremental write, so
a word imported a minute ago can be suggested. A word is proposed only while some document
still holds it (its document frequency in the main index), most frequent first.
"""

from __future__ import annotations

from collections.abc import Iterable

import tantivy

from archive.search.documents import TEXT_FIELDS
from archive.search.engines.tantivy import schema

CANDIDATES = 50


def missing_words(words_index: tantivy.Index, words: Iterable[str]) -> list[str]:
    """Return those of the words that the word list does not hold yet."""
    words_index.reload()
    searcher = words_index.searcher()
    return sorted(word for word in set(words) if not searcher.doc_freq("word", word))


def add_words(writer: tantivy.IndexWriter, words: Iterable[str]) -> None:
    """Add words to the word list through an open writer (the caller checked they are new)."""
    for word in words:
        writer.add_document(tantivy.Document(word=word))


def all_words(utterances: tantivy.Index) -> list[str]:
    """Return every unstemmed word of the documents."""
    utterances.reload()
    return [word for word, _ in utterances.searcher().terms_with_prefix(schema.WORDS, "")]


def suggest(word: str, utterances: tantivy.Index, words_index: tantivy.Index, analyzer) -> str:
    """Return the most used indexed word within two edits of `word`, or `word` itself."""
    main = utterances.searcher()
    stems = analyzer.analyze(word)
    if stems and all(any(main.doc_freq(f, stem) for f in TEXT_FIELDS) for stem in stems):
        return word  # a form of a word the index has: nothing to correct
    folded = " ".join(analyzer_words(word))
    if not folded or " " in folded:
        return word
    searcher = words_index.searcher()
    words_schema = words_index.schema
    for distance in (1, 2):
        query = tantivy.Query.fuzzy_term_query(
            words_schema, "word", folded, distance=distance, transposition_cost_one=True
        )
        hits = searcher.search(query, CANDIDATES, count=False).hits
        found = [searcher.doc(address)["word"][0] for _, address in hits]
        ranked = sorted(
            ((main.doc_freq(schema.WORDS, w), w) for w in found if w != folded),
            key=lambda item: (-item[0], item[1]),
        )
        if ranked and ranked[0][0]:
            return ranked[0][1]
    return word


_WORDS = schema.text_analyzer(stem=False)


def analyzer_words(text: str) -> list[str]:
    """Return the text's words as the word list holds them: lower-cased and folded."""
    return _WORDS.analyze(text)
