"""The search text parser and the database renderers, whatever text arrives (Hypothesis).

The FTS5 expressions run against a real SQLite FTS5 table (the library Django uses), built as Wagtail builds its own.
"""

import sqlite3
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from portal.search import limits
from portal.search.engines.database_text import fts5_expression, fts5_prefix_expression, tsquery_prefix
from portal.search.engines.opensearch import text_query
from portal.search.parsing import INVISIBLE, Alternative, ParsedQuery, Term, clean, parse_query, prefix_words
from portal.search.text import WORD, stem
from tests.search.test_hostile import REFUSALS

PIECES = [
    '"', '""', "'", "\\", "\x00", "\x01", "\x1b", "\x7f", "\u0085", "\u2028", "\u200b", "\ufeff", "\u202e", "\u0307",
    "İ", "ß", "ﬁ", "Ω", "🙂", "𝔘", "ﷺ", "<b>", "&amp;", '{"a": [1]}', "' OR 1=1 --", "AND", "OR", "NOT", "NEAR",
    "NEAR(a b)", "*", "a*", "^", ":", "{title}", "(", ")", "-", "+", "|", "~2", "%", "_", "&", "!", ":*", "<->",
    "misbrug", "unge", "kop kaffe", "æøå", "a", " ", "\t",
]  # fmt: skip
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
)
alternatives = st.lists(
    st.builds(
        Alternative, st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=3).map(tuple), st.booleans()
    ),
    max_size=4,
)


def parsed_or_refused(text):
    try:
        return parse_query(text)
    except limits.SearchLimitExceeded as refused:
        assert refused.message in REFUSALS
        return None


@given(texts)
@example("a" * 86)
@example(" ".join(["a"] * 86))
@example("İ" * 100)
@example(".".join(["a"] * 86))
@example('a"b"c"d')
@example("mis\x00brug")
def test_any_text_is_parsed_within_the_limits_or_refused(text):
    query = parsed_or_refused(text)
    if query is None:
        return
    distinct = set(query.words())
    assert len(distinct) <= limits.MAX_WORDS
    for word in distinct:
        assert WORD.fullmatch(word) and word == word.lower() and len(word) <= limits.MAX_WORD_CHARS
    for term in query.terms:
        assert len(term.alternatives) == 1
        assert term.typed.words and (not term.typed.phrase or len(term.typed.words) > 1)
    assert len(set(query.terms)) == len(query.terms)


@given(texts)
def test_cleaning_leaves_no_invisible_characters_and_is_stable(text):
    cleaned = clean(text)
    assert clean(cleaned) == cleaned
    assert not any(unicodedata.category(ch) in INVISIBLE for ch in cleaned)
    assert cleaned == cleaned.strip() and "  " not in cleaned


def test_phrases_and_words():
    query = parse_query('Kop  "kop kaffe" KOP "mentor" "" misbrug" unge')
    assert query.terms == (
        Term((Alternative(("kop", "kaffe"), phrase=True),)),
        Term((Alternative(("mentor",)),)),
        Term((Alternative(("kop",)),)),
        Term((Alternative(("misbrug",)),)),
        Term((Alternative(("unge",)),)),
    )


def test_the_limits_count_different_words():
    assert parse_query(" ".join(f"ord{n % 12}" for n in range(36)))  # 36 words, 12 different
    with pytest.raises(limits.SearchLimitExceeded):
        parse_query(" ".join(f"ord{n}" for n in range(13)))
    with pytest.raises(limits.SearchLimitExceeded):
        parse_query("a" * (limits.MAX_WORD_CHARS + 1))
    with pytest.raises(limits.SearchLimitExceeded):
        parse_query("abcd " * 40 + "a")  # 201 characters after cleaning: one too many
    assert parse_query("abcd " * 40 + "\x00\u200b  ")  # 199


@given(st.text(max_size=120))
def test_suggestion_words_end_with_the_word_being_typed(text):
    try:
        typed = prefix_words(text)
    except limits.SearchLimitExceeded:
        return
    all_words = WORD.findall(clean(text).lower())
    assert typed == (
        [*dict.fromkeys(w for w in all_words[:-1] if w != all_words[-1]), all_words[-1]] if all_words else []
    )


def expanded(query: ParsedQuery, extra) -> ParsedQuery:
    return query.expanded(lambda term: extra)


def fts5_table():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE entries USING fts5(autocomplete, body, title)")
    db.executemany(
        "INSERT INTO entries VALUES (?, ?, ?)",
        [("Unge med mentor", "unge mentor misbrug kop kaffe", "Unge med mentor"), ("Kop kaffe", "kop kaffe", "Kop")],
    )
    return db


@given(texts, alternatives)
def test_every_fts5_expression_is_valid(text, extra):
    """Any text, with any alternatives an expansion may add (even ones holding quotes), is a valid FTS5 query."""
    query = parsed_or_refused(text)
    if not query:
        return
    db = fts5_table()
    db.execute("SELECT rowid FROM entries WHERE entries MATCH ?", [fts5_expression(expanded(query, extra))]).fetchall()
    words = WORD.findall(clean(text).lower())
    db.execute("SELECT rowid FROM entries WHERE entries MATCH ?", [fts5_prefix_expression(words)]).fetchall()


# Letters that FTS5's tokenizer keeps as they are (it folds "å" to "a").
danish_words = st.text(alphabet="abcdefghijklmnoprstuvyæø", min_size=2, max_size=10)


@given(st.lists(danish_words, min_size=1, max_size=6, unique=True), st.data())
def test_fts5_finds_an_entry_with_every_term_and_not_one_without(chosen, data):
    """Terms are ANDed, a term's alternatives ORed: an entry holding one alternative of each term is found, an
    entry holding none of the first term's words is not."""
    query = parse_query(" ".join(chosen))
    synonyms = {term: data.draw(st.lists(danish_words, max_size=2)) for term in query.terms}
    query = query.expanded(lambda term: [Alternative((word,)) for word in synonyms[term]])
    picked = [data.draw(st.sampled_from(term.alternatives)) for term in query.terms]
    first = {stem(word) for alternative in query.terms[0].alternatives for word in alternative.words}
    holding = [stem(word) for alternative in picked for word in alternative.words]
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE entries USING fts5(autocomplete, body, title)")
    db.executemany(
        "INSERT INTO entries (rowid, body, title) VALUES (?, ?, '')",
        [(1, " ".join(holding)), (2, " ".join(s for s in holding if s not in first))],
    )
    found = {row[0] for row in db.execute("SELECT rowid FROM entries WHERE entries MATCH ?", [fts5_expression(query)])}
    assert found == {1}


@given(
    st.lists(st.text(alphabet=st.characters(exclude_characters=" "), min_size=1, max_size=12), min_size=1, max_size=6)
)
def test_a_tsquery_prefix_quotes_every_lexeme(words):
    lexemes = tsquery_prefix(words).split(" & ")
    assert lexemes[-1].endswith(":*")
    for lexeme, word in zip(lexemes, words, strict=True):
        body = lexeme.removesuffix(":*")
        assert body[0] == body[-1] == "'"
        assert body[1:-1].replace("''", "").count("'") == 0  # every quote inside is doubled
        assert body[1:-1].replace("''", "'").replace("\\\\", "\\") == word


@given(texts, alternatives)
def test_the_search_engine_query_holds_the_words_as_text(text, extra):
    """The bool query for OpenSearch carries each word as analysed text, never as query syntax."""
    query = parsed_or_refused(text)
    if not query:
        return
    body = text_query(expanded(query, extra)).to_dict()
    assert "query_string" not in str(body) and "simple_query_string" not in str(body)
    assert len(body["bool"]["must"]) == len(query.terms)
