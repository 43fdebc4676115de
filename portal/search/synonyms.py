"""Editors' synonym groups (the SynonymGroup snippet), looked up by Danish stems when a search is made.

Applied at query time, the same way on every engine: a word or expression of the search that belongs to a group
gains the group's other words and expressions as alternatives ("arbejdsløse" also finds "ledige"). Nothing is
re-indexed, so a group saved in the admin counts from the next search. The table is a derived value
(portal/shared/derived.py): saving or deleting a group forgets it (the publishing pipeline, portal/home/publishing.py).
"""

from portal.search.models import SynonymGroup, synonym_entries
from portal.search.text import stem
from portal.shared import derived

MAX_EXPRESSION = 6  # the longest expression looked for in a search, in words


def key(words) -> tuple[str, ...]:
    return tuple(stem(word) for word in words)


def _read() -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """stems of a word or expression -> every word or expression of its groups (as words)."""
    table: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for text in SynonymGroup.objects.values_list("words", flat=True):
        entries = [tuple(entry.split()) for entry in synonym_entries(text)]
        for entry in entries:
            found = table.setdefault(key(entry), [])
            found += [other for other in entries if other not in found]
    return {stems: tuple(entries) for stems, entries in table.items()}


def table() -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    return derived.remembered("search-synonyms", _read)


def synonyms(words) -> tuple[tuple[str, ...], ...]:
    """The words and expressions that mean the same as `words` (theirs included), or () if no group has them."""
    return table().get(key(words), ())
