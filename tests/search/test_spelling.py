"""The corrected search text offered as "Mente du": always a search the portal accepts, or none."""

from hypothesis import given
from hypothesis import strategies as st

from portal.search.limits import SearchLimitExceeded
from portal.search.parsing import clean, parse_query
from portal.search.spelling import respelled
from portal.search.text import words


@given(
    st.text(max_size=220),
    st.dictionaries(st.from_regex(r"[a-zæøå]{1,12}", fullmatch=True), st.from_regex(r"[a-zæøå]{1,50}", fullmatch=True)),
)
def test_a_respelled_search_is_a_search_the_portal_accepts_or_none(text, fixes):
    text = clean(text)
    try:
        parse_query(text)
    except SearchLimitExceeded:
        return  # a refused search is never searched, so never corrected
    fixes = fixes | {w: w + "ab" for w in words(text)[:4]}
    suggestion = respelled(text, fixes)
    if suggestion:
        parse_query(suggestion)  # accepted: the "Mente du" link never leads to a refusal
        assert words(suggestion) == [fixes.get(w, w) for w in words(text)]


def test_a_correction_that_would_make_the_search_too_long_is_not_offered():
    text = " ".join(["mentr"] * 33)  # 197 characters, one word
    assert respelled(text, {"mentr": "mentor"}) == ""
    assert respelled("mentr og unge", {"mentr": "mentor"}) == "mentor og unge"
