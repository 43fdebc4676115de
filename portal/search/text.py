"""Danish text helpers shared by the engines: word splitting, snowball stemming, and safe highlighting."""

import re
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape

# Letters and digits: no underscore, and no combining marks left over after Unicode normalisation (the engines'
# tokenizers do not keep them in words either).
WORD = re.compile(r"[^\W_]+")
_stemmer = snowballstemmer.stemmer("danish")


def words(text: str) -> list[str]:
    return WORD.findall((text or "").lower())


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The Danish stem of one lower-case word (cached: snippets and queries stem the same words again and again)."""
    return _stemmer.stemWord(word)


def stems(text: str) -> list[str]:
    return [stem(word) for word in words(text)]


def stemmed_text(*texts: str) -> str:
    """Every word of the texts reduced to its Danish stem: 'misbrugere' and 'misbrug' both become 'misbrug'."""
    return " ".join(stem for text in texts for stem in stems(text))


def highlight(text: str, query_terms: list[str], length: int = 220) -> str:
    """An escaped snippet of `text` around the first match, with matching words wrapped in <mark>."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    wanted = {stem for term in query_terms for stem in stems(term)}

    def matches(word: str) -> bool:
        return bool(wanted) and stem(word.lower()) in wanted

    tokens = re.split(f"({WORD.pattern})", text)
    first = next((i for i, token in enumerate(tokens) if token and matches(token)), None)
    start_char = sum(len(t) for t in tokens[:first]) if first is not None else 0
    start_char = max(0, start_char - length // 3)
    snippet = text[start_char : start_char + length]
    if start_char > 0:
        snippet = "… " + snippet.split(" ", 1)[-1]
    if start_char + length < len(text):
        snippet = snippet.rsplit(" ", 1)[0] + " …"
    parts = re.split(f"({WORD.pattern})", snippet)
    return "".join(f"<mark>{escape(p)}</mark>" if p and matches(p) else escape(p) for p in parts)
