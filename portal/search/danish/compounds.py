"""Splitting Danish compounds into their parts: kontanthjælpsmodtager -> kontanthjælp + modtager.

The parts come from a shipped word list (data/compound_parts.tsv: a word and its frequency on the Zipf scale),
built once by `manage.py build_compound_parts` from hunspell-da's Danish dictionary, keeping the words that PyPI's
`wordfreq` knows in Danish (licences in data/LICENSE-compound-parts.txt). A word is split only when it is not itself
on the list (nor a listed word plus an inflection: "ledige", "modtagere"), so lexicalised compounds such as
`dagpenge` and `kontanthjælp` stay whole. Of all the ways to cut the rest into listed parts, joined by nothing or a
linking `s` or `e`, with the last part allowed an inflection ending, the one with the fewest parts wins, then the one
whose parts are the most frequent. Parts have at least MIN_PART letters and a word has at most MAX_PARTS parts.

The same function splits the text at index time (every engine stores the same parts) and the query's words.
"""

from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "compound_parts.tsv"
MIN_PART = 3
MAX_PARTS = 4
MIN_WORD = 2 * MIN_PART
MAX_WORD = 60  # longer "words" are not language: never split
LINKS = ("", "s", "e")
# Inflection endings a listed word may carry (as the last part, or as a whole word that is then not split).
ENDINGS = (
    "",
    "e",
    "r",
    "s",
    "t",
    "n",
    "en",
    "er",
    "et",
    "es",
    "ne",
    "re",
    "te",
    "ede",
    "ens",
    "ers",
    "ets",
    "ene",
    "ere",
    "rne",
    "erne",
    "enes",
    "eres",
    "ernes",
)

# Prepositions, pronouns and prefixes that are listed words but begin derivations far more often than compounds
# ("for" + "puffe", "ind" + "vindingens", "tele" + "vise"): never parts. Words that begin with them and are listed
# themselves (forløb, indsats, modtager) are whole words anyway.
NOT_PARTS = frozenset({
    "af", "bag", "bi", "den", "der", "det", "efter", "for", "fore", "fra", "gen", "gennem", "han", "hen", "her",
    "hun", "hvor", "imod", "ind", "med", "mellem", "mis", "mod", "nogen", "om", "op", "over", "på", "sam", "samt",
    "sig", "sin", "sit", "som", "tele", "til", "ud", "uden", "under", "van", "ved",
})  # fmt: skip


@cache
def parts_list() -> dict[str, float]:
    """word -> Zipf frequency, read once per process."""
    table = {}
    with DATA.open(encoding="utf-8") as lines:
        for line in lines:
            word, _, zipf = line.rstrip("\n").partition("\t")
            if word and not word.startswith("#") and word not in NOT_PARTS:
                table[word] = float(zipf or 0)
    return table


def _bases(piece: str):
    """The listed words that `piece` may be an inflection of (an ending, perhaps after a doubled consonant, as in
    praktik -> praktikker)."""
    table = parts_list()
    for ending in ENDINGS:
        if not piece.endswith(ending):
            continue
        base = piece[: len(piece) - len(ending)]
        if len(base) >= MIN_PART and base in table:
            yield base
        if ending[:1] in "e" and ending and len(base) > MIN_PART and base[-1] == base[-2] and base[:-1] in table:
            yield base[:-1]


def is_listed(word: str) -> bool:
    """Is the word a listed word, bare or with an inflection ending?"""
    return next(_bases(word), None) is not None


def _last_part(piece: str) -> float | None:
    """The frequency of the listed word that `piece` is, bare or inflected (None if it is none)."""
    table = parts_list()
    return max((table[base] for base in _bases(piece)), default=None)


@lru_cache(maxsize=100_000)
def split(word: str) -> tuple[str, ...]:
    """The parts of a compound as they appear in it (linking letters dropped, the last part's ending kept), or ()
    for a word that is not a compound of listed words. Lower-case letters only; anything else gives ()."""
    if not (MIN_WORD <= len(word) <= MAX_WORD) or not word.isalpha() or not word.islower() or is_listed(word):
        return ()
    table = parts_list()
    n = len(word)
    # best[i]: the best way to cut word[i:] into parts, as (parts, linking letters, -frequency sum, parts) or None:
    # the fewest parts, then the fewest linking letters (syge + dagpenge, not syg + e + dagpenge), then frequency.
    best: list[tuple[int, int, float, tuple[str, ...]] | None] = [None] * (n + 1)
    for i in range(n - MIN_PART, -1, -1):
        options = []
        last = _last_part(word[i:])
        if last is not None:
            options.append((1, 0, -last, (word[i:],)))
        for j in range(i + MIN_PART, n - MIN_PART + 1):
            head = word[i:j]
            if head not in table:
                continue
            for link in LINKS:
                k = j + len(link)
                if word.startswith(link, j) and k <= n and best[k] is not None and best[k][0] < MAX_PARTS:
                    count, links, score, rest = best[k]
                    options.append((count + 1, links + len(link), score - table[head], (head, *rest)))
        best[i] = min(options) if options else None
    found = best[0]
    return found[3] if found is not None and found[0] > 1 else ()


def split_all(words) -> list[str]:
    """The parts of every compound among the words, in order (a word's parts once per occurrence)."""
    return [part for word in words for part in split(word)]
