"""The search text, parsed once into a structure that every engine renders into its own syntax.

A visitor's text never reaches an engine as it was typed. It is cleaned (Unicode NFKC, control and format characters
removed), cut into lower-case words of letters and digits, and `"quoted words"` become phrases. Nothing else in the
text means anything: no operators, no field names, no wildcards.

    ParsedQuery                 every term is required (AND)
      Term                      satisfied by any one of its alternatives (OR)
        Alternative(words)      all the words, anywhere in the document
        Alternative(words, phrase=True)   the words next to each other, in this order

What the visitor typed is each term's first alternative. Expansion (compound parts, synonyms, typo corrections) adds
alternatives to terms through `ParsedQuery.expanded`, and every engine searches whatever alternatives a term holds:
the database engine as an FTS5 expression (SQLite) or a tsquery (PostgreSQL), the search engine as a bool query.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from portal.search import limits
from portal.search.danish.stopwords import is_stop_word
from portal.search.text import stem, words

PHRASE = re.compile(r'"([^"]*)"')
# Unicode categories that carry no searchable text: controls (NUL included), format characters (zero-width, bidi
# overrides, BOM), surrogates, private use, unassigned, line and paragraph separators.
INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


@dataclass(frozen=True)
class Alternative:
    """Words as the parser makes them, whatever it is given: cleaned, lower case, letters and digits only (so
    "Kontant-hjælp" becomes ("kontant", "hjælp")); a phrase of fewer than two words is a plain alternative."""

    words: tuple[str, ...]
    phrase: bool = False

    def __post_init__(self):
        normalised = tuple(word for text in self.words for word in words(clean(text)))
        object.__setattr__(self, "words", normalised)
        object.__setattr__(self, "phrase", self.phrase and len(normalised) > 1)


@dataclass(frozen=True)
class Term:
    """Satisfied by any one of its alternatives (empty and repeated ones are dropped; at most MAX_ALTERNATIVES)."""

    alternatives: tuple[Alternative, ...]

    def __post_init__(self):
        kept = tuple(dict.fromkeys(a for a in self.alternatives if a.words))[: limits.MAX_ALTERNATIVES]
        object.__setattr__(self, "alternatives", kept)

    @property
    def typed(self) -> Alternative:
        return self.alternatives[0]

    def widened(self, extra: Iterable[Alternative]) -> "Term":
        """This term with `extra` alternatives after its own."""
        return Term((*self.alternatives, *extra))


SHORT_PART = 4  # compound parts shorter than this are not marked in snippets


@dataclass(frozen=True)
class ParsedQuery:
    """Every term required (terms without alternatives are dropped)."""

    terms: tuple[Term, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "terms", tuple(dict.fromkeys(t for t in self.terms if t.alternatives)))

    def __bool__(self) -> bool:
        return bool(self.terms)

    @property
    def has_phrase(self) -> bool:
        return any(alternative.phrase for term in self.terms for alternative in term.alternatives)

    def words(self) -> list[str]:
        """Every word of every alternative, once each (for highlighting)."""
        return list(dict.fromkeys(w for term in self.terms for alt in term.alternatives for w in alt.words))

    def highlighted_words(self) -> list[str]:
        """The words a snippet marks: every word of every alternative, except the stop words ("af", "med", "ikke")
        of the expressions that expansion added, which would otherwise be marked wherever the text holds them, and
        compound parts whose stem is shorter than SHORT_PART letters ("tids" of `langtidsledige` would mark every
        "tider"). A compound's parts are the one alternative of several words that is not a phrase."""
        return list(
            dict.fromkeys(
                w
                for term in self.terms
                for i, alt in enumerate(term.alternatives)
                for w in alt.words
                if i == 0 or len(alt.words) == 1 or (not is_stop_word(w) and (alt.phrase or len(stem(w)) >= SHORT_PART))
            )
        )

    def expanded(self, expand: Callable[[Term], Iterable[Alternative]]) -> "ParsedQuery":
        """The query with each term widened by the alternatives `expand(term)` returns: the one place where
        compound parts, synonyms and typo corrections join a search, for every engine at once."""
        return ParsedQuery(tuple(term.widened(expand(term)) for term in self.terms))


def clean(text: str) -> str:
    """The text in Unicode NFKC with invisible characters made spaces and runs of white space made one space."""
    text = unicodedata.normalize("NFKC", text or "")
    text = "".join(" " if unicodedata.category(ch) in INVISIBLE else ch for ch in text)
    return " ".join(text.split())


def parse_query(text: str) -> ParsedQuery:
    """The parsed query for a visitor's text, or SearchLimitExceeded (with a Danish message) past the limits."""
    if len(text or "") > 4 * limits.MAX_QUERY_CHARS:  # refused before any work is spent on it
        raise limits.too_long()
    text = clean(text)
    if len(text) > limits.MAX_QUERY_CHARS:
        raise limits.too_long()
    typed = [Alternative((phrase,), phrase=True) for phrase in PHRASE.findall(text)]
    typed += [Alternative((word,)) for word in words(PHRASE.sub(" ", text))]
    query = ParsedQuery(tuple(Term((alternative,)) for alternative in typed))
    distinct = set(query.words())
    if any(len(word) > limits.MAX_WORD_CHARS for word in distinct):
        raise limits.word_too_long()
    if len(distinct) > limits.MAX_WORDS:
        raise limits.too_many_words()
    return query


def prefix_words(text: str) -> list[str]:
    """The words of a search being typed, for suggestions: each once, the last (the one being typed) last. The
    search text's limits apply (SearchLimitExceeded)."""
    parse_query(text)
    typed = words(clean(text))
    return [*dict.fromkeys(w for w in typed[:-1] if w != typed[-1]), typed[-1]] if typed else []
