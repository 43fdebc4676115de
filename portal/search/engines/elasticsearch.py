"""Elasticsearch 8: the same index and queries as OpenSearch, sent through the Elasticsearch client.

The Elasticsearch client refuses to talk to OpenSearch (it checks a product header that OpenSearch does not send),
and opensearch-py is not meant for Elasticsearch, so each engine kind uses its own vendor's client.
"""

from elasticsearch import Elasticsearch, NotFoundError
from elasticsearch.helpers import bulk, scan

from portal.search.engines.opensearch import OpenSearchEngine


class ElasticsearchEngine(OpenSearchEngine):
    name = "elasticsearch"
    bulk = staticmethod(bulk)
    scan = staticmethod(scan)
    not_found = NotFoundError

    @staticmethod
    def connect(url: str, timeout: float):
        return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)
