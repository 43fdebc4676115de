"""Typos, forgiven from the indexed vocabulary (portal/search/vocabulary.py), the same way on every engine.

A plain word that no indexed word shares a stem with cannot find anything; its correction is the nearest indexed
word (Damerau distance 1 for words of four to nine letters, 2 from ten; the most frequent among equally close).
Corrections join the query as alternatives of their terms, through `ParsedQuery.expanded`.
"""

from rapidfuzz import process
from rapidfuzz.distance import OSA

from portal.search import synonyms, vocabulary
from portal.search.danish.compounds import parts_list
from portal.search.limits import SearchLimitExceeded
from portal.search.parsing import Alternative, ParsedQuery, parse_query, prefix_words
from portal.search.text import WORD

MAX_CORRECTIONS = 4  # unknown words corrected in one search: each costs one indexed vocabulary lookup


def _single_word(term) -> str | None:
    typed = term.typed
    return typed.words[0] if not typed.phrase and len(typed.words) == 1 else None


def corrections(query: ParsedQuery) -> dict[str, str]:
    """typed word -> correction, for the query's plain words that nothing indexed can match."""
    typed = [w for w in map(_single_word, query.terms) if w]
    found = vocabulary.known(typed)
    unknown = [w for w in dict.fromkeys(typed) if w not in found][:MAX_CORRECTIONS]
    return {w: fix for w in unknown if (fix := vocabulary.nearest(w) or nearest_part(w) or nearest_synonym(w))}


def nearest_part(word: str) -> str | None:
    """The closest word of the compound part list (portal/search/danish/compounds.py) within the same edit distance,
    the most frequent among equally close: the index holds the parts of every compound, so `rehabiltering` finds
    "jobrehabiliteringsprojekt" through "rehabilitering". Reads only the list's words with the same first letter and
    a length within the distance (the list is in memory)."""
    limit = vocabulary.max_distance(word)
    if not limit:
        return None
    table = parts_list()
    candidates = [w for w in table if w[:1] == word[:1] and abs(len(w) - len(word)) <= limit and w != word]
    close = process.extract(word, candidates, scorer=OSA.distance, score_cutoff=limit, limit=None)
    return min(((distance, -table[w], w) for w, distance, _ in close), default=(0, 0, None))[2]


def nearest_synonym(word: str) -> str | None:
    """The closest single word of the synonym groups within the same edit distance as indexed words (the first
    letter trusted), for words only the groups know ("arbejdsløs" finds the ledige through its group). Bounded by
    the groups' size: at most MAX_SYNONYMS words a group, read once per cache generation."""
    limit = vocabulary.max_distance(word)
    if not limit:
        return None
    candidates = sorted(
        {e[0] for entries in synonyms.table().values() for e in entries if len(e) == 1 and e[0][:1] == word[:1]}
        - {word}
    )
    found = process.extractOne(word, candidates, scorer=OSA.distance, score_cutoff=limit)
    return found[0] if found else None


def corrected(query: ParsedQuery, fixes: dict[str, str]) -> ParsedQuery:
    """The query with each correction as an alternative of the word it corrects."""
    return query.expanded(lambda term: [Alternative((fixes[w],))] if (w := _single_word(term)) in fixes else [])


def respelled(text: str, fixes: dict[str, str]) -> str:
    """The visitor's text with the corrected words replaced (for the "Mente du" link), or "" when that text would
    be refused (a correction can make a text at the length limit longer than it)."""
    text = WORD.sub(lambda m: fixes.get(m.group().lower(), m.group()), text)
    try:
        parse_query(text)
    except SearchLimitExceeded:
        return ""
    return text


def suggested_searches(text: str, limit: int = 3) -> list[str]:
    """Searches to suggest while typing, from the vocabulary: the text with its last word completed (the most
    frequent words first), or corrected when no indexed word begins with it. SearchLimitExceeded past the limits."""
    typed = prefix_words(text)
    if not typed:
        return []
    *before, last = typed
    options = vocabulary.completions(last, limit)
    if not options and last not in vocabulary.known([last]):
        options = [fix] if (fix := vocabulary.nearest(last)) else []
    return [" ".join([*before, option]) for option in options]
