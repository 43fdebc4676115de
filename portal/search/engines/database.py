"""The embedded engine: Wagtail's database search backend for the text, the ORM for filters and facet counts.

SQLite FTS5 has no Danish stemmer, so every entry also carries the Danish stems of its text and the query's plain
words are stemmed the same way; on PostgreSQL the backend's `danish` configuration stems as well.
"""

import re
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import (
    Case,
    CharField,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Phrase, PlainText

from portal.search.documents import FACETS, SearchDocument
from portal.search.models import SearchEntry, SearchFacetValue
from portal.search.query import Hit, SearchParams, SearchResults
from portal.search.text import highlight, stems, words

PHRASE = re.compile(r'"([^"]+)"')


def batched(iterable, size):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def parse(q: str):
    """A Wagtail search query: quoted phrases as phrases, the remaining words stemmed, every part required."""
    phrases = [p.strip() for p in PHRASE.findall(q) if p.strip()]
    rest = PHRASE.sub(" ", q)
    parts = [Phrase(p) for p in phrases]
    stemmed = stems(rest)
    if stemmed:
        parts.append(PlainText(" ".join(stemmed), operator="and"))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def stemmed_query(q: str) -> str:
    """The query with every word replaced by its Danish stem, phrases kept in quotes: it then meets the entries'
    `stems` field on equal terms, whatever the database's own stemmer does to a stem."""
    parts = []
    for i, segment in enumerate(PHRASE.split(q)):
        stemmed = " ".join(stems(segment))
        if stemmed:
            parts.append(f'"{stemmed}"' if i % 2 else stemmed)
    return " ".join(parts)


def _entry_ids(index_entries):
    """A subquery of SearchEntry ids from Wagtail's index entries (whose object ids are text)."""
    return index_entries.annotate(entry_id=Cast("object_id", IntegerField())).values("entry_id")


def _title_hits(q: str):
    """Relevance where the database does not rank: entries whose title holds the query's words come first."""
    return sum((Case(When(title__icontains=stem, then=1), default=0) for stem in stems(q)), Value(0))


@dataclass
class TextMatch:
    ids: object  # a subquery (or list) of matching SearchEntry ids
    relevance: object  # an expression to annotate matching entries with, higher is better


def match_sqlite(q: str) -> TextMatch:
    """Wagtail's SQLite backend joins its FTS5 table so that SQLite scans every index entry and runs the MATCH once
    per entry, then ranks with a correlated FTS query per row (1.5 to 8 s for one word at 10,000 stories). Asking the
    FTS5 table first, as a subquery, gives the same matches from the same index in milliseconds."""
    from wagtail.search.models import IndexEntry, SQLiteFTSIndexEntry

    table = SQLiteFTSIndexEntry._meta.db_table
    phrases = [" ".join(words(p)) for p in PHRASE.findall(q)]
    terms = [f'"{term}"' for term in stems(PHRASE.sub(" ", q))] + [f'"{p}"' for p in phrases if p]
    expression = "{title body} : (" + " AND ".join(terms) + ")"
    rowids = RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [expression])  # noqa: S608
    entries = IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(SearchEntry), id__in=rowids)
    return TextMatch(ids=_entry_ids(entries), relevance=_title_hits(q))


def match_postgres(q: str) -> TextMatch:
    """Wagtail's PostgreSQL index (tsvectors in its `danish` configuration), matched once on the body vector, which
    has a GIN index and holds every word of the entry as a stem in order (the `stems` field), so the stemmed query
    finds words and phrases from the title too. The ids then travel as one array parameter, and the page is ranked
    with ts_rank in SQL."""
    from django.contrib.postgres.search import SearchQuery, SearchRank
    from wagtail.search.models import IndexEntry

    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG")
    query = SearchQuery(stemmed_query(q), search_type="websearch", config=config)
    entries = IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(SearchEntry))
    ids = _entry_ids(entries.filter(body=query))
    rank = entries.filter(object_id=Cast(OuterRef("pk"), CharField())).annotate(rank=SearchRank(F("body"), query))
    return TextMatch(
        ids=ids,
        relevance=Subquery(rank.values("rank")[:1], output_field=FloatField()),
    )


def match_backend(q: str) -> TextMatch:
    """Any other database: Wagtail's search backend as it is."""
    ids = [e.pk for e in get_search_backend().search(parse(q), SearchEntry.objects.only("pk"), operator="and")]
    return TextMatch(ids=ids, relevance=_title_hits(q))


def text_match(q: str) -> TextMatch | None:
    if not words(q):
        return None
    if connection.vendor == "postgresql":
        return match_postgres(q)
    if connection.vendor == "sqlite" and apps.is_installed("wagtail.search"):
        try:
            from wagtail.search.models import SQLiteFTSIndexEntry  # noqa: F401  (only where SQLite has FTS5)
        except ImportError:
            return match_backend(q)
        return match_sqlite(q)
    return match_backend(q)


class DatabaseEngine:
    name = "database"

    # Indexing

    def index_documents(self, documents: list[SearchDocument]) -> None:
        with transaction.atomic():
            for doc in documents:
                entry, _ = SearchEntry.objects.update_or_create(page_id=doc.page_id, defaults=self._fields(doc))
                get_search_backend().add(entry)  # now, inside this task, not in yet another queued task
                entry.facet_values.all().delete()
                SearchFacetValue.objects.bulk_create(self._facet_values(entry, doc))

    def delete_pages(self, page_ids) -> None:
        SearchEntry.objects.filter(page_id__in=list(page_ids)).delete()

    def indexed_ids(self) -> set[int]:
        return set(SearchEntry.objects.values_list("page_id", flat=True))

    def rebuild(self, documents, progress=None) -> int:
        """Replace the whole index in bulk, inside one transaction (searches see the old or the new index)."""
        backend = get_search_backend()
        count = 0
        with transaction.atomic():
            self._empty()
            for batch in batched(documents, 500):
                entries = SearchEntry.objects.bulk_create(self._entry(doc) for doc in batch)
                SearchFacetValue.objects.bulk_create(
                    value for entry, doc in zip(entries, batch, strict=True) for value in self._facet_values(entry, doc)
                )
                backend.add_bulk(SearchEntry, entries)
                count += len(batch)
                progress and progress(len(batch))
        self._analyze()
        return count

    @staticmethod
    def _empty():
        """Empty the index with three DELETE statements, as modelsearch's own backends do. `QuerySet.delete()`
        loaded every entry and facet value into memory to send the search backend's delete signals: a rebuild of
        50,000 pages peaked at 1.26 GB, 10,000 at 350 MB."""
        from wagtail.search.models import IndexEntry

        using = connection.alias
        IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(SearchEntry))._raw_delete(using)
        SearchFacetValue.objects.all()._raw_delete(using)
        SearchEntry.objects.all()._raw_delete(using)

    @staticmethod
    def _analyze():
        """Tidy up after a bulk load. The rebuild leaves every old row dead and the planner's statistics stale, so
        PostgreSQL would read the whole index entry table for a text match instead of using its GIN index (16 ms
        instead of 4 ms at 10,000 stories) and wade through the dead rows. VACUUM cannot run inside a transaction
        (a test's, say): there, and on SQLite, refreshing the statistics is enough."""
        from wagtail.search.models import IndexEntry

        tables = [SearchEntry._meta.db_table, SearchFacetValue._meta.db_table, IndexEntry._meta.db_table]
        command = "ANALYZE"
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            command = "VACUUM ANALYZE"
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"{command} {connection.ops.quote_name(table)}")

    @staticmethod
    def _fields(doc: SearchDocument) -> dict:
        return {
            "type": doc.type,
            "title": doc.title,
            "summary": doc.summary,
            "body": doc.body,
            "stems": doc.stems,
            "url": doc.url or "",
            "published_at": doc.published_at,
            "display": doc.display,
        }

    def _entry(self, doc: SearchDocument) -> SearchEntry:
        return SearchEntry(page_id=doc.page_id, **self._fields(doc))

    @staticmethod
    def _facet_values(entry: SearchEntry, doc: SearchDocument):
        for facet, values in doc.facets.items():
            for value in values:
                yield SearchFacetValue(entry=entry, facet=facet, value=value)

    # Searching

    @staticmethod
    def _facets(base, params: SearchParams) -> dict[str, dict[str, int]]:
        """Disjunctive facet counts in one SQL query over the matches' facet values (`base` None: every entry).

        Each match gets one flag per chosen facet (does it have one of the chosen values?), and a value counts for
        a match when every chosen facet other than its own is satisfied: a choice narrows the other facets and
        leaves its own facet's counts as they would be if it were widened. Plain SQL that SQLite and PostgreSQL both
        run, because the ORM cannot join a grouped subquery back to its rows."""
        table = connection.ops.quote_name(SearchFacetValue._meta.db_table)
        matched, params_sql = f"SELECT entry_id, facet, value FROM {table}", []  # noqa: S608
        if base is not None:
            base_sql, base_params = base.values("pk").query.sql_with_params()
            matched, params_sql = f"{matched} WHERE entry_id IN ({base_sql})", list(base_params)
        sql = f"WITH matched AS ({matched})"
        chosen = list(params.filters.items())
        if chosen:
            flags, wanted, conditions = [], [], []
            for i, (_facet, values) in enumerate(chosen):
                flags.append(f"MAX(CASE WHEN facet = %s THEN 1 ELSE 0 END) AS f{i}")
                wanted.append(f"(facet = %s AND value IN ({', '.join(['%s'] * len(values))}))")
                conditions.append(f"(COALESCE(flags.f{i}, 0) = 1 OR v.facet = %s)")
            sql += (
                f", flags AS (SELECT entry_id, {', '.join(flags)} FROM matched WHERE {' OR '.join(wanted)}"
                " GROUP BY entry_id)"
                " SELECT v.facet, v.value, COUNT(*) FROM matched v LEFT JOIN flags ON flags.entry_id = v.entry_id"
                f" WHERE {' AND '.join(conditions)} GROUP BY v.facet, v.value"
            )
            params_sql += [facet for facet, _ in chosen]
            params_sql += [item for facet, values in chosen for item in (facet, *values)]
            params_sql += [facet for facet, _ in chosen]
        else:
            sql += " SELECT facet, value, COUNT(*) FROM matched GROUP BY facet, value"
        facets = {facet: {} for facet in FACETS}
        with connection.cursor() as cursor:
            cursor.execute(sql, params_sql)
            for facet, value, count in cursor.fetchall():
                facets.setdefault(facet, {})[value] = count
        return facets

    @staticmethod
    def _narrowed(queryset, params: SearchParams, skip: str | None = None):
        for facet, values in params.filters.items():
            if facet != skip:
                chosen = SearchFacetValue.objects.filter(facet=facet, value__in=values).values("entry_id")
                queryset = queryset.filter(pk__in=chosen)
        return queryset

    def search(self, params: SearchParams) -> SearchResults:
        text = text_match(params.q) if params.q else None
        base = SearchEntry.objects.all() if text is None else SearchEntry.objects.filter(pk__in=text.ids)
        matching = self._narrowed(base, params)
        ordering = [F("published_at").desc(nulls_last=True), "-pk"]
        if text is not None and params.sort == "relevans":
            matching = matching.annotate(relevance=text.relevance)
            ordering.insert(0, F("relevance").desc(nulls_last=True))
        page_entries = list(matching.order_by(*ordering)[params.offset : params.offset + params.page_size])
        facets = self._facets(None if text is None else base, params)
        # Every entry has exactly one type, so the type counts (narrowed by every other choice) add up to the total
        # of the chosen types, or of all types when none is chosen: no separate COUNT over the matches.
        chosen_types = params.filters.get("type")
        total = sum(n for value, n in facets["type"].items() if not chosen_types or value in chosen_types)

        terms = words(PHRASE.sub(lambda m: m.group(1), params.q))
        hits = [
            Hit(
                page_id=entry.pk,
                type=entry.type,
                title=entry.title,
                url=entry.url,
                snippet_html=highlight(entry.summary or entry.body, terms),
                display=entry.display,
            )
            for entry in page_entries
        ]
        return SearchResults(params=params, total=total, hits=hits, facets=facets, engine=self.name)

    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        results = get_search_backend().autocomplete(prefix, SearchEntry.objects.only("pk", "title"))[:limit]
        return [entry.title for entry in results]
