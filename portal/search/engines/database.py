"""The embedded engine: Wagtail's database search backend for the text, the ORM for filters and facet counts.

SQLite FTS5 has no Danish stemmer, so every entry also carries the Danish stems of its text and the query's plain
words are stemmed the same way; on PostgreSQL the backend's `danish` configuration stems as well.
"""

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from portal.search import vocabulary
from portal.search.documents import SearchDocument
from portal.search.engines.database_text import suggestions, text_match
from portal.search.facets import FACETS
from portal.search.models import SearchEntry, SearchFacetValue, SearchWord
from portal.search.parsing import prefix_words
from portal.search.query import Hit, SearchParams, SearchResults
from portal.search.text import highlight, stemmed_text


def batched(iterable, size):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class DatabaseEngine:
    name = "database"

    # Indexing

    def index_documents(self, documents: list[SearchDocument]) -> None:
        with transaction.atomic():
            vocabulary.adjust(self._word_changes(documents))
            for doc in documents:
                entry, _ = SearchEntry.objects.update_or_create(page_id=doc.page_id, defaults=self._fields(doc))
                get_search_backend().add(entry)  # now, inside this task, not in yet another queued task
                entry.facet_values.all().delete()
                SearchFacetValue.objects.bulk_create(self._facet_values(entry, doc))

    def delete_pages(self, page_ids) -> None:
        SearchEntry.objects.filter(page_id__in=list(page_ids)).delete()  # vocabulary.entry_deleted counts down

    @staticmethod
    def _word_changes(documents: list[SearchDocument]) -> Counter:
        """How the vocabulary's counts change when `documents` replace their entries."""
        delta = Counter()
        for doc in documents:
            delta.update(vocabulary.words_of(doc.title, doc.summary, doc.body))
        ids = [doc.page_id for doc in documents]
        for old in SearchEntry.objects.filter(page_id__in=ids).values_list("title", "summary", "body"):
            delta.subtract(vocabulary.words_of(*old))
        return delta

    def indexed_ids(self) -> set[int]:
        return set(SearchEntry.objects.values_list("page_id", flat=True))

    def rebuild(self, documents, progress=None) -> int:
        """Replace the whole index in bulk, inside one transaction (searches see the old or the new index)."""
        backend = get_search_backend()
        count = 0
        words = Counter()
        with transaction.atomic():
            self._empty()
            for batch in batched(documents, 500):
                for doc in batch:
                    words.update(vocabulary.words_of(doc.title, doc.summary, doc.body))
                entries = SearchEntry.objects.bulk_create(self._entry(doc) for doc in batch)
                SearchFacetValue.objects.bulk_create(
                    value for entry, doc in zip(entries, batch, strict=True) for value in self._facet_values(entry, doc)
                )
                backend.add_bulk(SearchEntry, entries)
                count += len(batch)
                progress and progress(len(batch))
            vocabulary.replace_all(words)
        self._analyze()
        return count

    @staticmethod
    def _empty():
        """Empty the index with three DELETE statements, as modelsearch's own backends do. `QuerySet.delete()`
        loaded every entry and facet value into memory to send the search backend's delete signals: a rebuild of
        50,000 pages peaked at 1.26 GB, 10,000 at 350 MB."""
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
        tables = [SearchEntry._meta.db_table, SearchFacetValue._meta.db_table, IndexEntry._meta.db_table]
        tables.append(SearchWord._meta.db_table)
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
            "parts": stemmed_text(doc.parts),
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

    def _matching(self, params: SearchParams):
        text = text_match(params.query)
        base = SearchEntry.objects.all() if text is None else SearchEntry.objects.filter(pk__in=text.ids)
        return text, base, self._narrowed(base, params)

    def search(self, params: SearchParams) -> SearchResults:
        text, base, matching = self._matching(params)
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

        terms = params.query.highlighted_words()
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

    def count(self, params: SearchParams) -> int:
        return self._matching(params)[2].count()

    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        return suggestions(prefix_words(prefix), limit)
