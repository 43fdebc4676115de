"""What one search may ask for, and the Danish answer when it asks for more.

The limits keep the worst request a small multiple of a normal one. They are far above what a person types or ticks:
a search is refused with a clear message, never cut short in silence, and never reaches an engine.
"""

MAX_QUERY_CHARS = 200  # characters of the search text, after cleaning
MAX_WORDS = 12  # different words in the search text, phrases included
MAX_WORD_CHARS = 50  # characters in one word ("arbejdsmarkedsuddannelsescentrene" has 33)
MAX_VALUES_PER_FACET = 20  # values chosen in one facet (`aar=2020&aar=2021` is two)
MAX_PAGE = 100  # pages of results (10 a page: the first 1,000 results)
MAX_ALTERNATIVES = 8  # alternatives one term may gain from expansion (compound parts, synonyms, corrections)


class SearchLimitExceeded(ValueError):
    """A search that asks for more than the limits allow; `message` is the Danish text shown to the visitor."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def too_long() -> SearchLimitExceeded:
    return SearchLimitExceeded(f"Din søgning er for lang. Skriv højst {MAX_QUERY_CHARS} tegn.")


def too_many_words() -> SearchLimitExceeded:
    return SearchLimitExceeded(f"Din søgning har for mange ord. Brug højst {MAX_WORDS} forskellige ord.")


def word_too_long() -> SearchLimitExceeded:
    return SearchLimitExceeded(f"Et ord i din søgning er for langt. Et ord må højst have {MAX_WORD_CHARS} tegn.")


def too_many_values(label: str) -> SearchLimitExceeded:
    return SearchLimitExceeded(
        f"Du har valgt for mange værdier under »{label}«. Vælg højst {MAX_VALUES_PER_FACET} ad gangen."
    )


def page_too_deep() -> SearchLimitExceeded:
    return SearchLimitExceeded(
        f"Søgningen viser højst {MAX_PAGE} sider med resultater. Afgræns søgningen for at finde det, du leder efter."
    )


def as_dict() -> dict[str, int]:
    """The limits as the JSON answer states them."""
    return {
        "query_chars": MAX_QUERY_CHARS,
        "words": MAX_WORDS,
        "word_chars": MAX_WORD_CHARS,
        "values_per_facet": MAX_VALUES_PER_FACET,
        "pages": MAX_PAGE,
    }
