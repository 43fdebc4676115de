"""A search as the search page answers it, on a given engine: the engine's results, and when they are empty, one
retry with the words spelled as the index spells them, then the best matches for most of the words.

Extra cost, only for a search that finds nothing: one stem lookup and at most MAX_CORRECTIONS indexed vocabulary
lookups, one retried search, and for several words at most twice MAX_WORDS counts (one more with facet choices) and one
search.
"""

from dataclasses import replace

from portal.search import spelling, vocabulary
from portal.search.expansion import expand
from portal.search.parsing import ParsedQuery, parse_query
from portal.search.query import SearchParams, SearchResults


def listed(items) -> str:
    """»a«, »b« og »c«."""
    quoted = [f"»{item}«" for item in items]
    return " og ".join(filter(None, [", ".join(quoted[:-1]), *quoted[-1:]]))


def fewer_words(params: SearchParams, left_out: list[str]) -> str:
    """The notice for the best matches of most of the words: a whole sentence that names the words left out, and
    says "historier" only when only stories are searched."""
    kind = "historier" if params.filters.get("type") == ("historie",) else "sider"
    return (
        f"Ingen {kind} indeholder alle ordene. Her er dem, der indeholder de fleste: alle ord undtagen "
        f"{listed(left_out)}."
    )


def corrected_notice(params: SearchParams, fixes: dict[str, str], suggestion: str) -> str:
    """What was searched instead of what was typed: the whole text both ways, or, when the corrected text cannot be
    offered (too long), each corrected word."""
    if suggestion:
        return f"Ingen resultater for »{params.q}«. Viser resultater for »{suggestion}«."
    read = ", ".join(f"»{typo}« som »{fix}«" for typo, fix in fixes.items())
    return f"Ingen resultater for »{params.q}«. Ordene er læst sådan: {read}."


def search(engine, params: SearchParams) -> SearchResults:
    results = engine.search(params)
    if results.total or not params.query:
        return results
    query = params.query
    fixes = spelling.corrections(query)
    suggestion = ""
    if fixes:
        suggestion = spelling.respelled(params.q, fixes)
        # The corrected text expanded as a search for it would be (synonyms, compound parts), so that the retry shows
        # what the "Mente du" link shows; the typos themselves match nothing indexed, so nothing is lost.
        query = expand(parse_query(suggestion)) if suggestion else spelling.corrected(query, fixes)
        retried = engine.search(replace(params, query=query))
        if retried.total:
            retried.notice = corrected_notice(params, fixes, suggestion)
            retried.did_you_mean = suggestion
            return retried
    fewer = _most_words(engine, params, query)
    if fewer is None:
        return results
    fewer.notice = fewer_words(params, fewer.left_out)
    if fixes:  # the corrections are said too, and offered
        fewer.notice = corrected_notice(params, fixes, suggestion) + " " + fewer.notice
        fewer.did_you_mean = suggestion
    return fewer


def _described(term) -> str:
    return " ".join(term.typed.words)


def _most_words(engine, params: SearchParams, query: ParsedQuery) -> SearchResults | None:
    """For several words that find nothing together: the results of the most of them that find something together.
    Words that nothing indexed can match go first, then one count per remaining word, then the rarest word at a time
    (it narrows the most) until the rest find something: at most twice MAX_WORDS counts (one more with facet
    choices) and one search."""
    if len(query.terms) < 2:
        return None
    if params.filters and engine.count(replace(params, filters={})):
        return None  # the words are found together, only not with the choices (the page offers to drop those)
    found = vocabulary.known(query.words())
    kept = [t for t in query.terms if any(all(w in found for w in alt.words) for alt in t.alternatives)]

    def narrowed(terms) -> SearchParams:
        return replace(params, query=ParsedQuery(tuple(terms)))

    frequency = {term: engine.count(narrowed([term])) for term in kept}
    kept = [term for term in kept if frequency[term]]
    while kept:
        if len(kept) < len(query.terms) and engine.count(narrowed(kept)):
            break
        kept.remove(min(reversed(kept), key=frequency.get))  # the rarest; among equals the last typed
    else:
        return None
    results = engine.search(narrowed(kept))
    results.left_out = [_described(t) for t in query.terms if t not in kept]
    return results
