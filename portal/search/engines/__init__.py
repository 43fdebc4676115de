"""The configured search engine: the database engine by default, OpenSearch when PORTAL_SEARCH_URL is set, or
Elasticsearch 8 with PORTAL_SEARCH_ENGINE=elasticsearch."""

from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from portal.search.engines.database import DatabaseEngine


@cache
def make_engine(kind: str, url: str, index: str, timeout: float):
    if kind == "database":
        return DatabaseEngine()
    if kind == "opensearch":
        from portal.search.engines.opensearch import OpenSearchEngine

        return OpenSearchEngine(url, index=index, timeout=timeout)
    if kind == "elasticsearch":
        from portal.search.engines.elasticsearch import ElasticsearchEngine

        return ElasticsearchEngine(url, index=index, timeout=timeout)
    raise ImproperlyConfigured(
        f"Unknown PORTAL_SEARCH_ENGINE {kind!r}: use 'database', 'opensearch' or 'elasticsearch'."
    )


def get_engine():
    return make_engine(
        settings.PORTAL_SEARCH_ENGINE,
        settings.PORTAL_SEARCH_URL,
        settings.PORTAL_SEARCH_INDEX,
        settings.PORTAL_SEARCH_TIMEOUT,
    )


def get_engines():
    """Every engine that must be kept up to date: the database engine always (it is the fallback), plus the
    configured search engine."""
    engine = get_engine()
    return [engine] if engine.name == "database" else [DatabaseEngine(), engine]


def database_engine():
    return make_engine("database", "", "", 0)
