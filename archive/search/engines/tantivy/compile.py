"""Compile the query's node tree (archive.search.engines.tantivy.query) into a tantivy query.

Only the text scores: filters (terms, ranges) are constant-score clauses of zero, so a filter
never changes the ranking. Words for haystack's "content" match in any text field, each field's
score weighed by its boost. A query of exclusions alone gets an all-documents clause, which
tantivy needs for must-not clauses to mean anything.
"""

from __future__ import annotations

import tantivy

from archive.search.analysis import TYPED_INITIALISM, join_initialisms
from archive.search.engines.tantivy import schema
from archive.search.engines.tantivy.query import Bool, Range, Syntax, Term, Terms, Words

Occur = tantivy.Occur
TRUE_WORDS = {"true", "1", "yes", "on"}


class Compiler:
    """Turns nodes into tantivy queries against one schema and the text analyzer."""

    def __init__(self, index_schema: tantivy.Schema, analyzer: tantivy.TextAnalyzer, boosts: dict):
        self.schema = index_schema
        self.analyzer = analyzer
        self.words_analyzer = schema.text_analyzer(stem=False)
        self.boosts = boosts  # of each text field that "content" searches

    def compile(self, node) -> tantivy.Query:
        """Return the tantivy query of a node, its negation included."""
        if isinstance(node, Bool) and node.negated:
            return _without(self.positive(node))
        return self.positive(node)

    def positive(self, node) -> tantivy.Query:
        """Return the tantivy query of a node, ignoring whether it is negated."""
        if isinstance(node, Bool):
            return self.boolean(node)
        if isinstance(node, Words):
            return self.words(node)
        if isinstance(node, Syntax):
            return self.syntax(node)
        return tantivy.Query.const_score_query(self.filter(node), 0.0)

    def boolean(self, node: Bool) -> tantivy.Query:
        if not node.children:
            return tantivy.Query.all_query()
        clauses = []
        for child in node.children:
            if node.connector == "AND" and isinstance(child, Bool) and child.negated:
                clauses.append((Occur.MustNot, self.positive(child)))
            else:
                occur = Occur.Must if node.connector == "AND" else Occur.Should
                clauses.append((occur, self.compile(child)))
        if all(occur == Occur.MustNot for occur, _ in clauses):
            clauses.append((Occur.Must, tantivy.Query.all_query()))
        if len(clauses) == 1:
            return clauses[0][1]
        return tantivy.Query.boolean_query(clauses)

    def words(self, node: Words) -> tantivy.Query:
        if node.field == schema.CONTENT:
            fields = self.boosts
        else:
            fields = {node.field: self.boosts.get(node.field, 1.0)}
        analyzer = self.words_analyzer if node.field == schema.WORDS else self.analyzer
        terms = analyzer.analyze(join_initialisms(node.text, TYPED_INITIALISM))
        if not terms:
            return tantivy.Query.empty_query()
        if node.phrase and len(terms) > 1:
            phrase = tantivy.Query.phrase_query
            return self.any_field(fields, lambda f: phrase(self.schema, f, terms, node.gaps))
        # Every word, each in any of the fields.
        required = [
            self.any_field(fields, lambda f, t=term: tantivy.Query.term_query(self.schema, f, t))
            for term in terms
        ]
        if len(required) == 1:
            return required[0]
        return tantivy.Query.boolean_query([(Occur.Must, query) for query in required])

    @staticmethod
    def any_field(fields: dict[str, float], query_in) -> tantivy.Query:
        """Return the query matching in any of the fields, each one's score times its boost."""
        weighed = [
            query_in(f) if boost == 1 else tantivy.Query.boost_query(query_in(f), boost)
            for f, boost in fields.items()
        ]
        if len(weighed) == 1:
            return weighed[0]
        return tantivy.Query.boolean_query([(Occur.Should, query) for query in weighed])

    def syntax(self, node: Syntax) -> tantivy.Query:
        """Return a query in tantivy's syntax over the text; what it cannot read is left out."""
        index = tantivy.Index(self.schema)
        schema.register(index)
        query, _errors = index.parse_query_lenient(
            node.text, list(self.boosts), field_boosts=self.boosts
        )
        return query

    def filter(self, node) -> tantivy.Query:
        if isinstance(node, Term):
            return tantivy.Query.term_query(self.schema, node.field, self.value(node))
        if isinstance(node, Terms):
            values = [self.value(Term(node.field, v)) for v in node.values]
            return tantivy.Query.term_set_query(self.schema, node.field, values)
        if isinstance(node, Range):
            return tantivy.Query.range_query(
                self.schema,
                node.field,
                tantivy.FieldType.Integer,
                lower_bound=None if node.low is None else int(node.low),
                upper_bound=None if node.high is None else int(node.high),
                include_lower=node.include_low,
                include_upper=node.include_high,
            )
        raise TypeError(f"not a query node: {node!r}")

    @staticmethod
    def value(node: Term):
        """Return a filter's value as its field's type: tantivy matches nothing otherwise."""
        if node.field in schema.INTEGERS:
            return int(node.value)
        if node.field in schema.BOOLEANS:
            if isinstance(node.value, str):
                return node.value.strip().lower() in TRUE_WORDS
            return bool(node.value)
        return str(node.value)


def _without(query: tantivy.Query) -> tantivy.Query:
    """Return every document the query does not match."""
    return tantivy.Query.boolean_query(
        [(Occur.Must, tantivy.Query.all_query()), (Occur.MustNot, query)]
    )
