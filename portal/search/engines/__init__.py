"""The configured search engine: the database engine by default, OpenSearch when PORTAL_SEARCH_URL is set, or
Elasticsearch 8 with PORTAL_SEARCH_ENGINE=elasticsearch."""

from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from portal.search.engines.database import DatabaseEngine


@cache
def make_engine(kind: str, url: str, index: str, timeouts: tuple[float, float, float]):
    if kind == "database":
        return DatabaseEngine()
    read, connect, indexing = timeouts
    if kind == "opensearch":
        from portal.search.engines.opensearch import OpenSearchEngine  # inside: its client only when configured

        return OpenSearchEngine(url, index=index, timeout=read, connect_timeout=connect, index_timeout=indexing)
    if kind == "elasticsearch":
        from portal.search.engines.elasticsearch import ElasticsearchEngine  # inside: as above

        return ElasticsearchEngine(url, index=index, timeout=read, connect_timeout=connect, index_timeout=indexing)
    raise ImproperlyConfigured(
        f"Unknown PORTAL_SEARCH_ENGINE {kind!r}: use 'database', 'opensearch' or 'elasticsearch'."
    )


def get_engine():
    return make_engine(
        settings.PORTAL_SEARCH_ENGINE,
        settings.PORTAL_SEARCH_URL,
        settings.PORTAL_SEARCH_INDEX,
        (settings.PORTAL_SEARCH_TIMEOUT, settings.PORTAL_SEARCH_CONNECT_TIMEOUT, settings.PORTAL_SEARCH_INDEX_TIMEOUT),
    )


def get_engines():
    """Every engine that must be kept up to date: the database engine always (it is the fallback), plus the
    configured search engine."""
    engine = get_engine()
    return [engine] if engine.name == "database" else [DatabaseEngine(), engine]


def database_engine():
    return make_engine("database", "", "", (0, 0, 0))
