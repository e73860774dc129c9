"""haystack's query tree as a tree of plain nodes, which the tantivy backend compiles to queries.

haystack's own SearchQuery joins strings in the engine's syntax; here each filter of the tree
becomes a node (words, a phrase, a term, a range), so no input is ever parsed as syntax and an
exclusion is a real must-not clause (tantivy reads haystack's `x AND NOT (y)` as "nothing").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from haystack.backends import BaseSearchQuery
from haystack.constants import DJANGO_CT, DJANGO_ID
from haystack.inputs import AutoQuery, BaseInput, Exact, Not, Raw

AUTO_PHRASE = re.compile(r'"([^"]*)"')


@dataclass(frozen=True)
class Words:
    """Text to match in an analysed field: all its words, or the exact phrase."""

    field: str
    text: str
    phrase: bool = False
    gaps: int = 0  # of a phrase: how many other words may stand between its words

    def __str__(self):
        if self.phrase:
            return f'{self.field}:"{self.text}"' + (f"~{self.gaps}" if self.gaps else "")
        return f"{self.field}:({self.text})"


@dataclass(frozen=True)
class Term:
    """One whole value of a keyword, number or boolean field."""

    field: str
    value: object

    def __str__(self):
        return f"{self.field}={self.value!r}"


@dataclass(frozen=True)
class Terms:
    """Any of several whole values of a field."""

    field: str
    values: tuple

    def __str__(self):
        return f"{self.field} in {list(self.values)!r}"


@dataclass(frozen=True)
class Range:
    """Values of a numeric field between bounds; None is open."""

    field: str
    low: object = None
    high: object = None
    include_low: bool = True
    include_high: bool = True

    def __str__(self):
        left, right = "[" if self.include_low else "{", "]" if self.include_high else "}"
        return f"{self.field}:{left}{self.low} TO {self.high}{right}"


@dataclass(frozen=True)
class Syntax:
    """A query in tantivy's own syntax (haystack's Raw input): parsed leniently."""

    text: str

    def __str__(self):
        return f"raw({self.text!r})"


@dataclass(frozen=True)
class Bool:
    """Children joined by AND or OR; a negated node matches what its children do not."""

    connector: str
    children: tuple
    negated: bool = False

    def __str__(self):
        inner = f" {self.connector} ".join(map(str, self.children))
        return f"NOT ({inner})" if self.negated else f"({inner})"


MATCH_ALL = Bool("AND", ())
RANGES = {"gt": (False, None), "gte": (True, None), "lt": (None, False), "lte": (None, True)}


class TantivySearchQuery(BaseSearchQuery):
    """Builds a tree of nodes from haystack's filters; the backend turns it into a tantivy query."""

    def build_query(self):
        """Return the node of the whole query (every document when there is no filter)."""
        return self._node(self.query_filter)

    def _node(self, sq) -> Bool:
        children = []
        for child in sq.children:
            if hasattr(child, "children"):
                children.append(self._node(child))
            else:
                expression, value = child
                field, filter_type = sq.split_expression(expression)
                children.append(self.build_query_fragment(field, filter_type, value))
        return Bool(sq.connector, tuple(children), sq.negated)

    def matching_all_fragment(self):
        return MATCH_ALL

    def clean(self, query_fragment):
        # Nothing is parsed as syntax, so nothing needs escaping.
        return query_fragment

    def build_query_fragment(self, field, filter_type, value):
        """Return the node of one filter: `field__filter_type=value`."""
        name = self._field_name(field)
        if isinstance(value, Raw):
            return Syntax(str(value))
        if isinstance(value, AutoQuery):
            return self._auto(name, str(value))
        if isinstance(value, Not):
            return Bool("AND", (Words(name, str(value)),), negated=True)
        gaps = getattr(value, "gaps", 0)
        if isinstance(value, BaseInput):
            phrase, value = isinstance(value, Exact), value.query_string
        else:
            phrase, value = False, list(value) if hasattr(value, "values_list") else value
        if filter_type in RANGES:
            low, high = RANGES[filter_type]
            bounds = {"low": value, "include_low": low} if high is None else {}
            bounds = bounds or {"high": value, "include_high": high}
            return Range(name, **bounds)
        if filter_type == "range":
            return Range(name, value[0], value[1])
        if filter_type == "in":
            return Terms(name, tuple(value))
        if filter_type in {"content", "contains", "exact"}:
            return self._value(name, value, phrase or filter_type == "exact", gaps)
        raise NotImplementedError(f"The tantivy backend has no {filter_type!r} filter.")

    def _field_name(self, field: str) -> str:
        if field == "content":
            return self.backend.content_field_name
        if field in {"django_ct", "django_id"}:
            return {"django_ct": DJANGO_CT, "django_id": DJANGO_ID}[field]
        return self.backend.unified_index().get_index_fieldname(field)

    def _value(self, name: str, value, phrase: bool, gaps: int = 0):
        if name in self.backend.analysed_fields:
            return Words(name, str(value), phrase=phrase, gaps=gaps if phrase else 0)
        return Term(name, value)

    def _auto(self, name: str, text: str) -> Bool:
        """Return haystack's AutoQuery: "phrases" exact, -words excluded, other words required."""
        children = [Words(name, phrase, phrase=True) for phrase in AUTO_PHRASE.findall(text)]
        for word in AUTO_PHRASE.sub(" ", text).split():
            if word.startswith("-") and len(word) > 1:
                children.append(Bool("AND", (Words(name, word[1:]),), negated=True))
            elif word != "-":
                children.append(Words(name, word))
        return Bool("AND", tuple(children))
