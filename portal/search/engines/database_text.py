"""The database engine's text matching: the parsed query rendered into the database's own full-text syntax.

SQLite gets an FTS5 expression in which every word is a quoted string (a `"` inside is doubled, so no word can be
read as an operator, a column filter or a wildcard); PostgreSQL gets a tsquery built from plainto_tsquery and
phraseto_tsquery calls whose words travel as bound parameters. Terms are ANDed, a term's alternatives ORed. Plain
words are matched as Danish stems (snowball, the same stems each entry stores in its `stems` field), phrases as the
words themselves on SQLite and as stems in order on PostgreSQL.
"""

from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.query import And, Or, Phrase, PlainText

from portal.search.models import SearchEntry
from portal.search.parsing import Alternative, ParsedQuery, Term
from portal.search.text import stem


@dataclass
class TextMatch:
    ids: object  # a subquery (or list) of matching SearchEntry ids
    relevance: object  # an expression to annotate matching entries with, higher is better


def _stems(alternative: Alternative) -> list[str]:
    return [stem(word) for word in alternative.words]


def _entry_ids(index_entries):
    """A subquery of SearchEntry ids from Wagtail's index entries (whose object ids are text)."""
    return index_entries.annotate(entry_id=Cast("object_id", IntegerField())).values("entry_id")


def _index_entries():
    return IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(SearchEntry))


def title_relevance(query: ParsedQuery):
    """Relevance where the database does not rank: one point for each term of which the title holds every stem of
    an alternative."""
    points = []
    for term in query.terms:
        condition = reduce(
            or_, (reduce(and_, (Q(title__icontains=s) for s in _stems(alt))) for alt in term.alternatives)
        )
        points.append(Case(When(condition, then=1), default=0))
    return sum(points, Value(0))


def typed_relevance(query: ParsedQuery, matching_ids):
    """One point for each widened term (synonyms, compound parts, corrections) whose words as typed the entry holds,
    so that the word itself ranks above its parts and its synonyms (`jobparate` above "job" + "parate").
    `matching_ids(query)` is the ids of the entries matching a query. One more text match per widened term."""
    points = [
        Case(When(pk__in=matching_ids(ParsedQuery((Term((term.typed,)),))), then=1), default=0)
        for term in query.terms
        if len(term.alternatives) > 1
    ]
    return sum(points, Value(0))


# SQLite FTS5


def fts5_string(text: str) -> str:
    """A quoted FTS5 string: whatever it holds is searched as words, never read as syntax."""
    return '"' + text.replace('"', '""') + '"'


def fts5_expression(query: ParsedQuery, columns: str = "{title body}") -> str:
    def alternative(alt: Alternative) -> str:
        if alt.phrase:
            return fts5_string(" ".join(alt.words))
        return "(" + " AND ".join(fts5_string(s) for s in _stems(alt)) + ")"

    terms = ["(" + " OR ".join(alternative(alt) for alt in term.alternatives) + ")" for term in query.terms]
    return f"{columns} : (" + " AND ".join(terms) + ")"


def fts5_prefix_expression(words: list[str]) -> str:
    """Titles holding every word, the last one as the beginning of a word (for suggestions while typing)."""
    parts = [fts5_string(word) for word in words[:-1]] + [fts5_string(words[-1]) + " *"]
    return "{autocomplete} : (" + " AND ".join(parts) + ")"


def _fts5_entries(expression: str):
    from wagtail.search.models import SQLiteFTSIndexEntry  # inside: the model exists only where SQLite has FTS5

    table = SQLiteFTSIndexEntry._meta.db_table
    rowids = RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [expression])  # noqa: S608
    return _index_entries().filter(id__in=rowids)


def match_sqlite(query: ParsedQuery) -> TextMatch:
    """Wagtail's SQLite backend joins its FTS5 table so that SQLite scans every index entry and runs the MATCH once
    per entry, then ranks with a correlated FTS query per row (1.5 to 8 s for one word at 10,000 stories). Asking the
    FTS5 table first, as a subquery, gives the same matches from the same index in milliseconds."""

    def ids(q: ParsedQuery):
        return _entry_ids(_fts5_entries(fts5_expression(q)))

    return TextMatch(ids=ids(query), relevance=typed_relevance(query, ids) + title_relevance(query))


# PostgreSQL


def tsquery(query: ParsedQuery, config: str | None):
    def alternative(alt: Alternative):
        if alt.phrase:
            return SearchQuery(" ".join(_stems(alt)), search_type="phrase", config=config)
        return reduce(and_, (SearchQuery(s, search_type="plain", config=config) for s in _stems(alt)))

    return reduce(and_, (reduce(or_, map(alternative, term.alternatives)) for term in query.terms))


def tsquery_prefix(words: list[str]) -> str:
    """A raw tsquery for suggestions: every word, the last as a prefix. Words are letters and digits only; the
    quoting is kept all the same, so that a lexeme can never be read as an operator."""

    def lexeme(word: str) -> str:
        return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"

    return " & ".join([lexeme(word) for word in words[:-1]] + [lexeme(words[-1]) + ":*"])


def match_postgres(query: ParsedQuery) -> TextMatch:
    """Wagtail's PostgreSQL index (tsvectors in its `danish` configuration), matched once on the body vector, which
    has a GIN index and holds every word of the entry as a stem in order (the `stems` field), so the stemmed query
    finds words and phrases from the title too. The page is then ranked with ts_rank in SQL."""
    ts = tsquery(query, settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG"))
    entries = _index_entries()
    rank = entries.filter(object_id=Cast(OuterRef("pk"), CharField())).annotate(rank=SearchRank(F("body"), ts))
    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG")

    def ids(q: ParsedQuery):
        return _entry_ids(entries.filter(body=tsquery(q, config)))

    return TextMatch(
        ids=_entry_ids(entries.filter(body=ts)),
        relevance=ExpressionWrapper(
            typed_relevance(query, ids) + Subquery(rank.values("rank")[:1], output_field=FloatField()),
            output_field=FloatField(),
        ),
    )


# Any other database (or SQLite without FTS5): Wagtail's search backend as it is


def wagtail_query(query: ParsedQuery):
    def alternative(alt: Alternative):
        return Phrase(" ".join(alt.words)) if alt.phrase else PlainText(" ".join(_stems(alt)), operator="and")

    terms = [Or([alternative(alt) for alt in term.alternatives]) for term in query.terms]
    return And(terms)


def match_backend(query: ParsedQuery) -> TextMatch:
    ids = [e.pk for e in get_search_backend().search(wagtail_query(query), SearchEntry.objects.only("pk"))]
    return TextMatch(ids=ids, relevance=title_relevance(query))


def _has_fts5() -> bool:
    if connection.vendor != "sqlite" or not apps.is_installed("wagtail.search"):
        return False
    try:
        from wagtail.search.models import SQLiteFTSIndexEntry  # noqa: F401  (the model exists only with FTS5)
    except ImportError:
        return False
    return True


def text_match(query: ParsedQuery) -> TextMatch | None:
    if not query:
        return None
    if connection.vendor == "postgresql":
        return match_postgres(query)
    if _has_fts5():
        return match_sqlite(query)
    return match_backend(query)


def suggestions(words: list[str], limit: int) -> list[str]:
    """Titles whose words begin with what was typed, newest first."""
    if not words:
        return []
    entries = SearchEntry.objects.order_by(F("published_at").desc(nulls_last=True), "-pk")
    if connection.vendor == "postgresql":
        prefix = SearchQuery(tsquery_prefix(words), search_type="raw", config="simple")
        entries = entries.filter(pk__in=_entry_ids(_index_entries().filter(autocomplete=prefix)))
    elif _has_fts5():
        entries = entries.filter(pk__in=_entry_ids(_fts5_entries(fts5_prefix_expression(words))))
    else:
        return [
            e.title for e in get_search_backend().autocomplete(" ".join(words), entries.only("pk", "title"))[:limit]
        ]
    return list(entries.values_list("title", flat=True)[:limit])
