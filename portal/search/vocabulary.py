"""The indexed vocabulary (SearchWord): the words of every indexed entry, each with the number of entries that hold
it. Kept beside the database engine's index at index time (a rebuild counts afresh; publishing and deleting adjust
the counts of the words that changed), and read by the spelling corrections and the suggestions of every engine.

Lookups stay small at any size: "is this word known" is one query on the indexed stems, and "which words are near
this one" reads only the words with the same first letter and a length within the allowed edit distance (an index
on both), whose distances rapidfuzz computes in C.
"""

from collections import Counter
from collections.abc import Iterable

from django.db import connection
from django.db.models import Sum
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from rapidfuzz import process
from rapidfuzz.distance import OSA

from portal.search.limits import MAX_WORD_CHARS
from portal.search.models import SearchEntry, SearchWord
from portal.search.text import stem, words

BATCH = 500


def words_of(*texts: str) -> set[str]:
    """The distinct words of the texts that the vocabulary keeps: at most MAX_WORD_CHARS characters, not numbers."""
    return {w for text in texts for w in words(text) if len(w) <= MAX_WORD_CHARS and not w.isdigit()}


def _row(word: str, frequency: int) -> SearchWord:
    return SearchWord(word=word, stem=stem(word), initial=word[0], length=len(word), frequency=frequency)


def _chunks(items: list, size: int = BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def replace_all(counts: Counter) -> None:
    """The whole vocabulary from fresh counts (a rebuild, inside its transaction)."""
    SearchWord.objects.all()._raw_delete(connection.alias)
    SearchWord.objects.bulk_create((_row(w, n) for w, n in counts.items() if n > 0), batch_size=BATCH)


def adjust(delta: Counter) -> None:
    """Add `delta` (word -> change in the number of entries holding it) to the counts; words no entry holds go."""
    changed = [w for w, n in delta.items() if n]
    for chunk in _chunks(changed):
        existing = dict(SearchWord.objects.filter(word__in=chunk).values_list("word", "frequency"))
        counts = {w: existing.get(w, 0) + delta[w] for w in chunk}
        kept = [_row(w, n) for w, n in counts.items() if n > 0]
        SearchWord.objects.bulk_create(
            kept, update_conflicts=True, unique_fields=["word"], update_fields=["frequency"], batch_size=BATCH
        )
        SearchWord.objects.filter(word__in=[w for w, n in counts.items() if n <= 0]).delete()


@receiver(pre_delete, sender=SearchEntry)
def entry_deleted(sender, instance, **kwargs):
    """An entry that goes, however it goes (its page deleted, unpublished, or the engine told to drop it), no longer
    holds its words. A rebuild empties the index without signals and counts afresh."""
    adjust(Counter(dict.fromkeys(words_of(instance.title, instance.summary, instance.body), -1)))


def known(candidates: Iterable[str]) -> set[str]:
    """The words that some indexed word shares a Danish stem with (what the engines' stemmed matching finds)."""
    by_stem: dict[str, set[str]] = {}
    for word in candidates:
        by_stem.setdefault(stem(word), set()).add(word)
    if not by_stem:
        return set()
    found = SearchWord.objects.filter(stem__in=list(by_stem)).values_list("stem", flat=True).distinct()
    return {word for s in found for word in by_stem[s]}


def max_distance(word: str) -> int:
    """The edit distance a correction may have: none for words under four letters (too many neighbours), one up to
    nine letters, two from ten (so "lidelser" does not become "ledelsen")."""
    return 0 if len(word) < 4 else 1 if len(word) < 10 else 2


def nearest(word: str) -> str | None:
    """The indexed word closest to `word` (Damerau distance, adjacent transpositions included), the most frequent
    among equally close ones; None when none is within max_distance. The first letter is trusted."""
    limit = max_distance(word)
    if not limit:
        return None
    rows = list(
        SearchWord.objects.filter(
            initial=word[0], length__gte=len(word) - limit, length__lte=len(word) + limit
        ).values_list("word", "frequency")
    )
    frequency = dict(rows)
    close = process.extract(word, list(frequency), scorer=OSA.distance, score_cutoff=limit, limit=None)
    close = [(distance, -frequency[w], w) for w, distance, _ in close if w != word]
    return min(close)[2] if close else None


def holding(word: str) -> int:
    """Roughly how many entries hold the word in some form: the counts of the indexed words with its stem."""
    return SearchWord.objects.filter(stem=stem(word)).aggregate(n=Sum("frequency"))["n"] or 0


def near_frequent(word: str, min_frequency: int) -> bool:
    """Is an indexed word held by at least `min_frequency` entries one edit (Damerau) from `word`?"""
    rows = SearchWord.objects.filter(
        initial=word[:1], length__gte=len(word) - 1, length__lte=len(word) + 1, frequency__gte=min_frequency
    ).values_list("word", flat=True)
    candidates = [w for w in rows if w != word]
    return bool(process.extract(word, candidates, scorer=OSA.distance, score_cutoff=1, limit=1))


def completions(prefix: str, limit: int = 3) -> list[str]:
    """Indexed words that begin with `prefix`, the most frequent first."""
    if len(prefix) < 2:
        return []
    rows = SearchWord.objects.filter(initial=prefix[0], length__gt=len(prefix), word__startswith=prefix)
    return list(rows.order_by("-frequency", "word").values_list("word", flat=True)[:limit])
