"""What a search also looks for besides the words typed: synonyms and the parts of compound words.

Applied to every parsed search (SearchParams), before any engine sees it, so every engine searches the same
alternatives (portal/search/parsing.py):

- Synonyms (portal/search/synonyms.py): consecutive plain words that form an expression of a synonym group
  ("lab loven", "psykiske lidelser") become one term, satisfied by all of those words or by any of the group's
  other words and expressions ("lov om en aktiv beskæftigelsesindsats" as a phrase). A single word of a group gains
  the others the same way.
- Compounds (portal/search/danish/compounds.py): a compound gains its parts, all required, so `sygedagpenge` also
  finds texts with "syge" and "dagpenge" (the index holds the parts of every compound in the text too). A word is not
  split when the index holds it whole in at least MIN_WHOLE entries (`jobparate` means the target group, not "job"
  and "parate"), nor when a part is shorter than SHORT_PART letters and the word is one edit from a word that at
  least MIN_WHOLE entries hold (`mentro` is a typo of "mentor", not "men" + "tro": the correction is offered). Both
  checks cost one indexed lookup, and only for words that split.
"""

from portal.search import synonyms, vocabulary
from portal.search.danish.compounds import split
from portal.search.parsing import Alternative, ParsedQuery, Term

MIN_WHOLE = 2  # entries holding a word whole (or a word one edit from it) for it not to be split
SHORT_PART = 4  # parts shorter than this are suspect: a typo is likelier than such a compound


def _plain_word(term: Term) -> str | None:
    """The word of a term that is one plain word as typed (not a phrase, not yet expanded)."""
    if len(term.alternatives) == 1 and not term.typed.phrase and len(term.typed.words) == 1:
        return term.typed.words[0]
    return None


def _alternative(words: tuple[str, ...]) -> Alternative:
    return Alternative(words, phrase=len(words) > 1)


def _with_synonyms(terms: tuple[Term, ...]) -> list[Term]:
    result, i = [], 0
    while i < len(terms):
        for size in range(min(synonyms.MAX_EXPRESSION, len(terms) - i), 0, -1):
            typed = [_plain_word(t) for t in terms[i : i + size]]
            if None in typed:
                continue
            found = synonyms.synonyms(typed)
            if found:
                others = [_alternative(entry) for entry in found if synonyms.key(entry) != synonyms.key(typed)]
                result.append(Term((Alternative(tuple(typed)), *others)))
                i += size
                break
        else:
            term = terms[i]
            if len(term.alternatives) == 1 and term.typed.phrase:  # a quoted expression: its synonyms too
                typed = term.typed.words
                found = synonyms.synonyms(typed)
                term = term.widened(_alternative(e) for e in found if synonyms.key(e) != synonyms.key(typed))
            result.append(term)
            i += 1
    return result


def _compound_parts(term: Term) -> list[Alternative]:
    word = term.typed.words[0] if not term.typed.phrase and len(term.typed.words) == 1 else None
    parts = split(word) if word else ()
    if not parts or vocabulary.holding(word) >= MIN_WHOLE:
        return []
    if min(map(len, parts)) < SHORT_PART and vocabulary.near_frequent(word, MIN_WHOLE):
        return []
    return [Alternative(parts)]


def expand(query: ParsedQuery) -> ParsedQuery:
    """The query with its synonyms and compound parts as further alternatives (every engine searches them)."""
    if not query:
        return query
    merged = ParsedQuery(tuple(_with_synonyms(query.terms)))
    # Compound parts come right after what was typed, so a long synonym group cannot push them out of a term.
    return ParsedQuery(tuple(Term((t.typed, *_compound_parts(t), *t.alternatives[1:])) for t in merged.terms))
