"""The search-engine path: a dedicated portal index whose mapping and queries are defined with elasticsearch-dsl.

elasticsearch-dsl builds the request bodies and reads the responses; the requests go through opensearch-py, because
the Elasticsearch client refuses to talk to OpenSearch. Facet counts are disjunctive: each facet's aggregation is
filtered by the other facets' choices, and the hits by all of them (post_filter).

The parsed query becomes a bool query: each term a `must`, each of its alternatives a `should`, each word a
`multi_match` over the text fields (analysed as text, never parsed as query syntax), each phrase a phrase
`multi_match`. Searches use their own client with short connect and read timeouts; indexing waits longer.
"""

from datetime import UTC, datetime

from django.utils.html import escape
from elasticsearch_dsl import A, Date, Keyword, Long, Mapping, Q, Search, Text, analyzer, token_filter
from elasticsearch_dsl.response import Response
from opensearchpy import ConnectionError as OpenSearchConnectionError
from opensearchpy import NotFoundError, OpenSearch
from opensearchpy.helpers import bulk, scan
from urllib3 import Timeout

from portal.search.documents import SearchDocument
from portal.search.facets import FACETS
from portal.search.parsing import Alternative, ParsedQuery, prefix_words
from portal.search.query import Hit, SearchParams, SearchResults

# `parts`: the parts of the text's compound words, split in Python by the same function the database engine uses.
TEXT_FIELDS = ["title^3", "summary^2", "body", "parts"]
TYPED_BOOST = 4  # the words as typed, against a term's other alternatives (synonyms, compound parts, corrections)


# Suggestions while typing: words cut into their beginnings at index time ("mik", "mikr", ...).
AUTOCOMPLETE = analyzer(
    "autocomplete",
    tokenizer="standard",
    filter=["lowercase", token_filter("autocomplete_edge", "edge_ngram", min_gram=2, max_gram=20)],
)


def mapping() -> Mapping:
    m = Mapping()
    m.field("page_id", Long())
    m.field("type_name", Keyword())
    m.field(
        "title",
        Text(analyzer="danish", fields={"suggest": Text(analyzer=AUTOCOMPLETE, search_analyzer="standard")}),
    )
    m.field("summary", Text(analyzer="danish"))
    m.field("body", Text(analyzer="danish"))
    m.field("parts", Text(analyzer="danish"))
    m.field("url", Keyword(index=False))
    m.field("published_at", Date())
    for facet in FACETS:
        m.field(facet, Keyword())
    m.meta("dynamic", "false")
    return m


def index_body() -> dict:
    return {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": 0,
            "analysis": AUTOCOMPLETE.get_analysis_definition(),
        },
        "mappings": mapping().to_dict(),
    }


def source(doc: SearchDocument) -> dict:
    return {
        "page_id": doc.page_id,
        "type_name": doc.type,
        "title": doc.title,
        "summary": doc.summary,
        "body": doc.body,
        "parts": doc.parts,
        "url": doc.url,
        "published_at": doc.published_at.isoformat() if doc.published_at else None,
        "display": doc.display,
        **{facet: doc.facets.get(facet, []) for facet in FACETS},
    }


def facet_filter(facet: str, values) -> Q:
    return Q("terms", **{facet: list(values)})


def text_query(query: ParsedQuery) -> Q:
    """Every term required, any of its alternatives enough. A word that the Danish analyzer drops (a stop word such
    as "og") matches everything, as it does in the database engine, instead of emptying the results. Typos are
    corrected before the engine is asked, from the indexed vocabulary, as for the database engine
    (portal/search/service.py)."""

    def alternative(alt: Alternative, boost: float) -> Q:
        if alt.phrase:
            return Q(
                "multi_match",
                query=" ".join(alt.words),
                fields=TEXT_FIELDS,
                type="phrase",
                zero_terms_query="all",
                boost=boost,
            )
        words = [Q("multi_match", query=w, fields=TEXT_FIELDS, zero_terms_query="all") for w in alt.words]
        return words[0] if len(words) == 1 and boost == 1 else Q("bool", must=words, boost=boost)

    def term(alternatives) -> Q:
        if len(alternatives) == 1:
            return alternative(alternatives[0], 1)
        # The words as typed weigh the most, so the word itself ranks above its parts and its synonyms.
        options = [alternative(alt, TYPED_BOOST if i == 0 else 1) for i, alt in enumerate(alternatives)]
        return Q("bool", should=options, minimum_should_match=1)

    return Q("bool", must=[term(t.alternatives) for t in query.terms])


class OpenSearchEngine:
    """The portal index on OpenSearch 2.x. Subclasses swap the client library (see engines/elasticsearch.py); the
    index, the queries and the reading of the responses stay the same."""

    name = "opensearch"
    bulk = staticmethod(bulk)
    scan = staticmethod(scan)
    not_found = NotFoundError

    def __init__(
        self,
        url: str,
        index: str = "gode-historier",
        timeout: float = 2.0,
        connect_timeout: float = 0.5,
        index_timeout: float = 30.0,
    ):
        self.alias = index
        self.client = self.connect(url, index_timeout, index_timeout)  # indexing, rebuilds, index checks
        self.reader = self.connect(url, connect_timeout, timeout)  # searches and suggestions

    @staticmethod
    def connect(url: str, connect_timeout: float, read_timeout: float):
        timeout = Timeout(connect=connect_timeout, read=read_timeout)
        # pool_maxsize: a threaded server searches from several threads at once through one client.
        return OpenSearch(hosts=[url], timeout=timeout, max_retries=0, retry_on_timeout=False, pool_maxsize=10)

    @staticmethod
    def unavailable(error: Exception) -> bool:
        """Does this error say the engine is down or overloaded (rather than that a request was wrong)?"""
        status = getattr(error, "status_code", None)
        return isinstance(error, OpenSearchConnectionError) or (
            isinstance(status, int) and status in (429, 500, 502, 503, 504)
        )

    # Indexing

    def _new_index(self) -> str:
        name = f"{self.alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"
        self.client.indices.create(index=name, body=index_body())
        return name

    def ensure_index(self) -> None:
        if not self.client.indices.exists_alias(name=self.alias):
            if self.client.indices.exists(index=self.alias):
                self.client.indices.delete(index=self.alias)
            self.client.indices.put_alias(index=self._new_index(), name=self.alias)

    def _actions(self, documents, index):
        for doc in documents:
            yield {"_op_type": "index", "_index": index, "_id": doc.page_id, "_source": source(doc)}

    def index_documents(self, documents: list[SearchDocument]) -> None:
        self.ensure_index()
        self.bulk(self.client, self._actions(documents, self.alias), refresh="wait_for")

    def delete_pages(self, page_ids) -> None:
        if not self.client.indices.exists_alias(name=self.alias):
            return
        actions = ({"_op_type": "delete", "_index": self.alias, "_id": pk} for pk in page_ids)
        self.bulk(self.client, actions, raise_on_error=False, refresh="wait_for")

    def indexed_ids(self) -> set[int]:
        if not self.client.indices.exists_alias(name=self.alias):
            return set()
        hits = self.scan(self.client, index=self.alias, query={"query": {"match_all": {}}, "_source": False})
        return {int(hit["_id"]) for hit in hits}

    def rebuild(self, documents, progress=None) -> int:
        """Build a new index beside the old one, then swap the alias atomically and drop the old index."""
        new = self._new_index()
        count = 0

        def counted():
            nonlocal count
            for action in self._actions(documents, new):
                count += 1
                if progress and count % 500 == 0:
                    progress(500)
                yield action

        self.bulk(self.client, counted(), chunk_size=500)
        progress and progress(count % 500)
        self.client.indices.refresh(index=new)
        old = (
            list(self.client.indices.get_alias(name=self.alias).keys())
            if self.client.indices.exists_alias(name=self.alias)
            else []
        )
        if self.client.indices.exists(index=self.alias) and not old:
            self.client.indices.delete(index=self.alias)
        actions = [{"remove": {"index": name, "alias": self.alias}} for name in old]
        actions.append({"add": {"index": new, "alias": self.alias}})
        self.client.indices.update_aliases(body={"actions": actions})
        for name in old:
            self.client.indices.delete(index=name)
        return count

    def drop(self) -> None:
        try:
            names = list(self.client.indices.get_alias(name=self.alias).keys())
        except self.not_found:
            names = []
        for name in names:
            self.client.indices.delete(index=name)

    # Searching

    def build_search(self, params: SearchParams) -> Search:
        s = Search(index=self.alias).extra(track_total_hits=True)
        if params.query:
            s = s.query(text_query(params.query))
        filters = {facet: facet_filter(facet, values) for facet, values in params.filters.items()}
        if filters:
            s = s.post_filter(Q("bool", filter=list(filters.values())))
        for facet in FACETS:
            others = [f for name, f in filters.items() if name != facet]
            agg = A("filter", filter=Q("bool", filter=others)) if others else A("filter", filter=Q("match_all"))
            agg.bucket("values", "terms", field=facet, size=500)
            s.aggs.bucket(facet, agg)
        s = s.highlight_options(
            encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"], fragment_size=200, number_of_fragments=1
        )
        if params.query:  # the words a snippet marks, as on the database engine (no stop words, no short parts)
            marked = Q("multi_match", query=" ".join(params.query.highlighted_words()), fields=["summary", "body"])
            s = s.highlight_options(highlight_query=marked.to_dict())
        s = s.highlight("summary", number_of_fragments=0).highlight("body")
        if params.sort == "nyeste" or not params.query:
            s = s.sort({"published_at": {"order": "desc", "missing": "_last"}}, {"page_id": {"order": "desc"}})
        else:
            s = s.sort("_score", {"published_at": {"order": "desc", "missing": "_last"}})
        return s[params.offset : params.offset + params.page_size]

    def search(self, params: SearchParams) -> SearchResults:
        s = self.build_search(params)
        response = Response(s, self.reader.search(index=self.alias, body=s.to_dict()))
        hits = []
        for hit in response.hits:
            highlight = getattr(hit.meta, "highlight", None)
            if highlight and "summary" in highlight:
                snippet = highlight.summary[0]
            elif highlight and "body" in highlight:
                snippet = "… " + highlight.body[0] + " …"
            else:
                snippet = escape(hit.summary or "")
            hits.append(
                Hit(
                    page_id=int(hit.page_id),
                    type=hit.type_name,
                    title=hit.title,
                    url=hit.url,
                    snippet_html=snippet,
                    display=hit.display.to_dict() if hit.display else {},
                )
            )
        facets = {
            facet: {bucket.key: bucket.doc_count for bucket in getattr(response.aggregations, facet).values.buckets}
            for facet in FACETS
        }
        return SearchResults(params=params, total=response.hits.total.value, hits=hits, facets=facets, engine=self.name)

    def count(self, params: SearchParams) -> int:
        """How many documents match, without pages, facets or highlights."""
        parts = [text_query(params.query)] if params.query else []
        parts += [facet_filter(facet, values) for facet, values in params.filters.items()]
        body = {"query": Q("bool", filter=parts).to_dict()}
        return self.reader.count(index=self.alias, body=body)["count"]

    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        words = prefix_words(prefix)
        if not words:
            return []
        title = {"title.suggest": {"query": " ".join(words), "operator": "and"}}
        s = Search(index=self.alias).query("match", **title).source(["title"])[:limit]
        response = Response(s, self.reader.search(index=self.alias, body=s.to_dict()))
        return [hit.title for hit in response.hits]
