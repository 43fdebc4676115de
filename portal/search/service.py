"""A search as the search page answers it, on a given engine."""

from portal.search.query import SearchParams, SearchResults


def search(engine, params: SearchParams) -> SearchResults:
    return engine.search(params)
