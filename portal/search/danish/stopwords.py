"""Danish stop words: the words so common that every text holds them ("og", "i", "at", "der", "er").

The list (data/stopwords.txt, 94 words) is Snowball's Danish stop list, the one PostgreSQL's `danish` configuration
and OpenSearch's `danish` analyzer drop from what they index; its source and licence are at the top of the file.
A synonym group may not hold them (a group "mentor, og" would make "mentor" find every page), and a synonym's
expression highlights only its other words.
"""

from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "stopwords.txt"


@cache
def stop_words() -> frozenset[str]:
    with DATA.open(encoding="utf-8") as lines:
        return frozenset(w for line in lines if (w := line.strip()) and not w.startswith("#"))


def is_stop_word(word: str) -> bool:
    return word.lower() in stop_words()


def only_stop_words(words) -> bool:
    """True when every one of the words is a stop word (and there is at least one)."""
    words = list(words)
    return bool(words) and all(map(is_stop_word, words))
