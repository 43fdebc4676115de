"""The embedded engine: Wagtail's database search backend for the text, the ORM for filters and facet counts.

SQLite FTS5 has no Danish stemmer, so every entry also carries the Danish stems of its text and the query's plain
words are stemmed the same way; on PostgreSQL the backend's `danish` configuration stems as well.
"""

import re

from django.db import connection, transaction
from django.db.models import Case, Count, F, Value, When
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


def _sqlite_fts_matcher():
    """On SQLite, the backend's own query joins its FTS5 table so that SQLite scans every index entry and runs the
    MATCH once per entry (1.5 s for one word at 10,000 stories). Asking the FTS5 table first, as a subquery, gives
    the same matches from the same index in milliseconds. Returns None where the backend has no FTS5 table."""
    try:
        from wagtail.search.models import IndexEntry, SQLiteFTSIndexEntry
    except ImportError:
        return None
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import IntegerField
    from django.db.models.expressions import RawSQL
    from django.db.models.functions import Cast

    table = SQLiteFTSIndexEntry._meta.db_table

    def match(q: str):
        phrases = [" ".join(words(p)) for p in PHRASE.findall(q)]
        terms = [f'"{term}"' for term in stems(PHRASE.sub(" ", q))] + [f'"{p}"' for p in phrases if p]
        if not terms:
            return SearchEntry.objects.none().values("pk")
        expression = "{title body} : (" + " AND ".join(terms) + ")"
        rowids = RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [expression])  # noqa: S608
        entries = IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(SearchEntry), id__in=rowids)
        return entries.annotate(entry_id=Cast("object_id", IntegerField())).values("entry_id")  # a subquery

    return match


sqlite_fts = _sqlite_fts_matcher()


class DatabaseEngine:
    name = "database"

    # Indexing

    def index_documents(self, documents: list[SearchDocument]) -> None:
        with transaction.atomic():
            for doc in documents:
                entry, _ = SearchEntry.objects.update_or_create(
                    page_id=doc.page_id,
                    defaults={
                        "type": doc.type,
                        "title": doc.title,
                        "summary": doc.summary,
                        "body": doc.body,
                        "stems": doc.stems,
                        "url": doc.url or "",
                        "published_at": doc.published_at,
                        "display": doc.display,
                    },
                )
                entry.facet_values.all().delete()
                SearchFacetValue.objects.bulk_create(
                    SearchFacetValue(entry=entry, facet=facet, value=value)
                    for facet, values in doc.facets.items()
                    for value in values
                )

    def delete_pages(self, page_ids) -> None:
        SearchEntry.objects.filter(page_id__in=list(page_ids)).delete()

    def indexed_ids(self) -> set[int]:
        return set(SearchEntry.objects.values_list("page_id", flat=True))

    def rebuild(self, documents, progress=None) -> int:
        """Replace the whole index in bulk, inside one transaction (searches see the old or the new index)."""
        backend = get_search_backend()
        count = 0
        with transaction.atomic():
            SearchEntry.objects.all().delete()
            for batch in batched(documents, 500):
                entries = SearchEntry.objects.bulk_create(self._entry(doc) for doc in batch)
                SearchFacetValue.objects.bulk_create(
                    SearchFacetValue(entry=entry, facet=facet, value=value)
                    for entry, doc in zip(entries, batch, strict=True)
                    for facet, values in doc.facets.items()
                    for value in values
                )
                backend.add_bulk(SearchEntry, entries)
                count += len(batch)
                progress and progress(len(batch))
        return count

    @staticmethod
    def _entry(doc: SearchDocument) -> SearchEntry:
        return SearchEntry(
            page_id=doc.page_id,
            type=doc.type,
            title=doc.title,
            summary=doc.summary,
            body=doc.body,
            stems=doc.stems,
            url=doc.url or "",
            published_at=doc.published_at,
            display=doc.display,
        )

    # Searching

    @staticmethod
    def ranks_in_database() -> bool:
        """PostgreSQL ranks matches in one query (ts_rank). The SQLite backend ranks with a correlated FTS subquery
        per row, which takes seconds at 10,000 entries; there, title matches come first instead."""
        return connection.vendor == "postgresql"

    def _text_ids(self, q: str):
        """The ids of the entries whose text matches: a list in rank order, or (SQLite) an unordered subquery."""
        query = parse(q)
        if query is None:
            return None
        if connection.vendor == "sqlite" and sqlite_fts is not None:
            return sqlite_fts(q)
        results = get_search_backend().search(
            query, SearchEntry.objects.only("pk"), operator="and", order_by_relevance=self.ranks_in_database()
        )
        return [entry.pk for entry in results]

    @staticmethod
    def _narrowed(queryset, params: SearchParams, skip: str | None = None):
        for facet, values in params.filters.items():
            if facet != skip:
                chosen = SearchFacetValue.objects.filter(facet=facet, value__in=values).values("entry_id")
                queryset = queryset.filter(pk__in=chosen)
        return queryset

    def search(self, params: SearchParams) -> SearchResults:
        text_ids = self._text_ids(params.q) if params.q else None
        base = SearchEntry.objects.all() if text_ids is None else SearchEntry.objects.filter(pk__in=text_ids)
        matching = self._narrowed(base, params)

        if text_ids is not None and params.sort == "relevans" and self.ranks_in_database():
            wanted = set(matching.values_list("pk", flat=True))
            ordered = [pk for pk in text_ids if pk in wanted]
            total = len(ordered)
            page_ids = ordered[params.offset : params.offset + params.page_size]
            entries = SearchEntry.objects.in_bulk(page_ids)
            page_entries = [entries[pk] for pk in page_ids if pk in entries]
        else:
            ordering = [F("published_at").desc(nulls_last=True), "-pk"]
            if text_ids is not None and params.sort == "relevans":
                # Without the database's ranking: entries whose title holds the query's words come first.
                title_hits = sum(
                    (Case(When(title__icontains=stem, then=1), default=0) for stem in stems(params.q)), Value(0)
                )
                matching = matching.annotate(title_hits=title_hits)
                ordering.insert(0, "-title_hits")
            total = matching.count()
            page_entries = list(matching.order_by(*ordering)[params.offset : params.offset + params.page_size])

        facets = {}
        for facet in FACETS:
            entries = self._narrowed(base, params, skip=facet)
            rows = (
                SearchFacetValue.objects.filter(facet=facet, entry__in=entries)
                .values_list("value")
                .annotate(count=Count("id"))
            )
            facets[facet] = dict(rows)

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
