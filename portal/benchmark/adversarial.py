"""The adversarial mix: search URLs as an attacker (or a careless script) sends them, grouped in classes.

Each class is a list of distinct paths drawn from a seeded generator, so a run can be repeated and no answer comes
from the page cache. The words and facet values come from the corpus under test, so a "normal" search finds things.
"""

import random
from dataclasses import dataclass
from urllib.parse import urlencode

from portal.search.facets import FACETS
from portal.search.models import SearchEntry, SearchFacetValue
from portal.search.text import words

MAX_PATH = 4000  # gunicorn refuses request lines over 4094 bytes itself; keep every path under it

# Characters and fragments that mean something to a query language, a database, a browser or a JSON reader.
# fmt: off
HOSTILE = [
    '"', '""', "'", "\\", "\x00", "\x01", "\x1b", "\x7f", "\u0085", "\u2028", "\u200b", "\ufeff", "\u202e",
    "İ", "ß", "ﬁ", "\u0307", "Ω", "🙂", "𝔘", "ǅ", "ﷺ",
    "<script>alert(1)</script>", "<b>", "&amp;", "&#0;", '{"q": [1, {"a": null}]}', "[]", "' OR 1=1 --", "; DROP",
    "AND", "OR", "NOT", "NEAR(a b)", "NEAR", "*", "a*", "^a", "title:", "{title body}:", "(", ")", "((", "-", "+",
    "|", "~2", "%", "%%", "_", "&", "!", ":*", "<->", "@@", "\\u0000", "%00", "%22", "$", "/", "?", "#", "=",
]
# fmt: on


@dataclass
class Corpus:
    words: list[str]
    values: dict[str, list[str]]


def corpus_sample(rng: random.Random) -> Corpus:
    """Words from the indexed titles and the facet values in use, read once."""
    titles = list(SearchEntry.objects.order_by("pk").values_list("title", flat=True)[:2000])
    vocabulary = sorted({word for title in titles for word in words(title) if len(word) > 3})
    values = {facet: [] for facet in FACETS}
    for facet, value in SearchFacetValue.objects.values_list("facet", "value").distinct():
        values.setdefault(facet, []).append(value)
    for facet in values:
        values[facet].sort()
    rng.shuffle(vocabulary)
    return Corpus(words=vocabulary or ["misbrug"], values=values)


def _path(base: str, params: list[tuple[str, str]]) -> str:
    return f"{base}?{urlencode(params)}" if params else base


def _filters(rng, corpus, most=2):
    chosen = []
    for facet in rng.sample(FACETS, rng.randint(0, most)):
        if corpus.values[facet]:
            chosen.append((facet, rng.choice(corpus.values[facet])))
    return chosen


def normal(rng, corpus):
    q = " ".join(rng.sample(corpus.words, rng.randint(1, 3)))
    return _path("/soeg/", [("q", q), *_filters(rng, corpus), ("side", str(rng.choice([1, 1, 1, 2, 3])))])


def hostile_characters(rng, corpus):
    parts = rng.sample(corpus.words, rng.randint(0, 3)) + [rng.choice(HOSTILE) for _ in range(rng.randint(1, 5))]
    rng.shuffle(parts)
    q = rng.choice(["", " ", "\t", "\n"]).join(parts)
    return _path("/soeg/", [("q", q), *_filters(rng, corpus, most=1)])


def long_query(rng, corpus):
    """As many words as a search may have (12), each different, a phrase among them now and then."""
    chosen = rng.sample(corpus.words, min(12, len(corpus.words)))
    if rng.random() < 0.3:
        chosen[:3] = ['"' + " ".join(chosen[:3]) + '"']
    return _path("/soeg/", [("q", " ".join(chosen)), *_filters(rng, corpus)])


def over_the_limits(rng, corpus):
    kind = rng.randrange(6)
    if kind == 0:
        q = " ".join(rng.choice(corpus.words) for _ in range(rng.randint(86, 300)))
    elif kind == 1:
        q = " ".join(["a"] * rng.randint(86, 600))
    elif kind == 2:
        q = "İ" * rng.randint(100, 500)
    elif kind == 3:
        q = ".".join(["a"] * rng.randint(86, 900))
    elif kind == 4:
        q = " ".join(f"{rng.choice(corpus.words)}{rng.choice(HOSTILE)}" for _ in range(rng.randint(40, 120)))
    else:
        q = '{"query": {"bool": {"must": [' + ", ".join(f'{{"match": {{"body": "{w}"}}}}' for w in corpus.words[:40])
    return _path("/soeg/", [("q", q)])


def many_facet_values(rng, corpus):
    kind = rng.randrange(4)
    q = [("q", rng.choice(["zzqxj", "", rng.choice(corpus.words)]))]
    if kind == 0:  # the URL: 480 years that do not exist
        return _path("/soeg/", [("q", "z"), *(("aar", str(n)) for n in range(480))])
    if kind == 1:  # every known value of every facet, as many as fit
        params = [(facet, value) for facet in FACETS for value in corpus.values[facet][:60]]
        rng.shuffle(params)
        return _path("/soeg/", q + params[: rng.randint(40, 150)])
    if kind == 2:  # unknown values
        facet = rng.choice(FACETS)
        return _path("/soeg/", q + [(facet, f"ukendt-{rng.randrange(10**9)}") for _ in range(rng.randint(20, 200))])
    # a handful of known values in every facet: a search with no hits and much to relax
    params = [(facet, value) for facet in FACETS for value in corpus.values[facet][:5]]
    return _path("/soeg/", [("q", "zzqxj"), *params])


def deep_pages(rng, corpus):
    page = rng.choice(["20", "50", "99", "100", "101", "1000", "5000", str(10**9), "-5", "0", "abc", "1e9", "९"])
    q = rng.choice(["", rng.choice(corpus.words)])
    return _path("/soeg/", [("q", q), ("side", page), ("sortering", rng.choice(["relevans", "nyeste"]))])


def junk_parameters(rng, corpus):
    params = [("q", rng.choice(corpus.words))]
    for _ in range(rng.randint(1, 40)):
        name = rng.choice(["utm_source", "fbclid", "gclid", "x", "format", "sortering", "side", "type", "q", "_"])
        name += rng.choice(["", str(rng.randrange(1000))])
        value = rng.choice(["", "xml", "json", "nyeste", "tilfældig", "<b>", "1" * rng.randint(1, 200)])
        params.append((name, value + rng.choice(HOSTILE)))
    return _path("/soeg/", params)


def suggestions(rng, corpus):
    word = rng.choice(corpus.words)
    prefix = word[: rng.randint(2, len(word))]
    q = rng.choice([prefix, prefix + rng.choice(HOSTILE), rng.choice(HOSTILE) + prefix, rng.choice(HOSTILE) * 3])
    return _path("/soeg/forslag/", [("q", q)])


CLASSES = {
    "normal search": normal,
    "hostile characters": hostile_characters,
    "long queries (12 words)": long_query,
    "over the limits": over_the_limits,
    "many facet values": many_facet_values,
    "deep pages": deep_pages,
    "junk parameters": junk_parameters,
    "suggestions, hostile": suggestions,
}


def url_classes(count: int = 400, seed: int = 14) -> dict[str, list[str]]:
    """`count` distinct paths per class (fewer when a class cannot make that many)."""
    rng = random.Random(seed)
    corpus = corpus_sample(rng)
    classes = {}
    for name, make in CLASSES.items():
        paths = {}
        for _ in range(count * 5):
            path = make(rng, corpus)
            if len(path) <= MAX_PATH:
                paths[path] = None
            if len(paths) == count:
                break
        classes[name] = list(paths)
    return classes
