"""Elasticsearch 8: the same index and queries as OpenSearch, sent through the Elasticsearch client.

The Elasticsearch client refuses to talk to OpenSearch (it checks a product header that OpenSearch does not send),
and opensearch-py is not meant for Elasticsearch, so each engine kind uses its own vendor's client.
"""

from elasticsearch import ApiError, ConnectionTimeout, Elasticsearch, NotFoundError
from elasticsearch import ConnectionError as ElasticsearchConnectionError
from elasticsearch.helpers import bulk, scan

from portal.search.engines.opensearch import OpenSearchEngine


class ElasticsearchEngine(OpenSearchEngine):
    name = "elasticsearch"
    bulk = staticmethod(bulk)
    scan = staticmethod(scan)
    not_found = NotFoundError

    @staticmethod
    def connect(url: str, connect_timeout: float, read_timeout: float):
        """The Elasticsearch client has one timeout for the whole request: the read timeout, connecting included."""
        return Elasticsearch(url, request_timeout=read_timeout, max_retries=0, retry_on_timeout=False)

    @staticmethod
    def unavailable(error: Exception) -> bool:
        if isinstance(error, ElasticsearchConnectionError | ConnectionTimeout):
            return True
        return isinstance(error, ApiError) and error.meta.status in (429, 500, 502, 503, 504)
