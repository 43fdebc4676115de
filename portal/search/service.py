"""A search as the search page answers it, on a given engine: the engine's results, and when they are empty, one
retry with the words spelled as the index spells them, then the best matches for most of the words.

Extra cost, only for a search that finds nothing: one stem lookup and at most MAX_CORRECTIONS indexed vocabulary
lookups, one retried search, and for several words at most 1 + MAX_WORDS counts and one search.
"""

from dataclasses import replace

from portal.search import spelling, vocabulary
from portal.search.parsing import ParsedQuery
from portal.search.query import SearchParams, SearchResults

FEWER_WORDS = "Ingen historier indeholder alle ordene. Her er dem, der indeholder de fleste:"


def search(engine, params: SearchParams) -> SearchResults:
    results = engine.search(params)
    if results.total or not params.query:
        return results
    query = params.query
    fixes = spelling.corrections(query)
    if fixes:
        query = spelling.corrected(query, fixes)
        retried = engine.search(replace(params, query=query))
        if retried.total:
            retried.notice = (
                f"Ingen resultater for »{' '.join(fixes)}«. Viser resultater for »{' '.join(fixes.values())}«."
            )
            retried.did_you_mean = spelling.respelled(params.q, fixes)
            return retried
    return _most_words(engine, params, query) or results


def _described(term) -> str:
    return " ".join(term.typed.words)


def _most_words(engine, params: SearchParams, query: ParsedQuery) -> SearchResults | None:
    """For several words that find nothing together: the results of the most words that find something together.
    Words that nothing indexed can match are left out first; then each remaining word in turn (one count each),
    keeping the leaving-out that finds the most."""
    if len(query.terms) < 2:
        return None
    found = vocabulary.known(query.words())
    kept = [t for t in query.terms if any(all(w in found for w in alt.words) for alt in t.alternatives)]
    left_out = [t for t in query.terms if t not in kept]

    def narrowed(terms) -> SearchParams:
        return replace(params, query=ParsedQuery(tuple(terms)))

    best = None
    if kept and left_out and engine.count(narrowed(kept)):
        best = (kept, left_out)
    elif len(kept) >= 2:
        counted = []
        for i, term in enumerate(kept):
            fewer = kept[:i] + kept[i + 1 :]
            counted.append((engine.count(narrowed(fewer)), -i, fewer, [*left_out, term]))
        count, _, fewer, dropped = max(counted, key=lambda c: c[:2])
        best = (fewer, dropped) if count else None
    if best is None:
        return None
    results = engine.search(narrowed(best[0]))
    results.notice = FEWER_WORDS
    results.left_out = [_described(t) for t in best[1]]
    return results
