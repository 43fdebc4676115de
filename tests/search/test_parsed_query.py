"""The parsed query on every engine: any text is answered or refused in Danish (Hypothesis), and alternatives that
an expansion adds to a term are searched the same way by each engine."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.search import limits
from portal.search.parsing import Alternative, parse_query
from portal.search.query import SearchParams
from tests.search.test_hostile import REFUSALS
from tests.search.test_parsing import texts


def ids(results):
    return {hit.page_id for hit in results.hits}


def pk(corpus, *names):
    return {corpus[name].pk for name in names}


def test_each_engine_answers_any_text_or_refuses_it(engine, corpus):
    @given(texts, st.sampled_from(["relevans", "nyeste"]), st.integers(1, 3))
    @settings(suppress_health_check=[HealthCheck.too_slow])
    def check(text, sort, page):
        try:
            params = SearchParams(q=text, sort=sort, page=page)
        except limits.SearchLimitExceeded as refused:
            assert refused.message in REFUSALS
            with pytest.raises(limits.SearchLimitExceeded):
                engine.suggest(text)
            return
        results = engine.search(params)
        assert len(results.hits) <= params.page_size and results.total >= len(results.hits)
        if not results.notice:  # the counts of the exact words (not of a typo-tolerant retry)
            assert engine.count(params) == results.total
        assert len(engine.suggest(text)) <= 8

    check()


def test_alternatives_widen_a_term_on_every_engine(engine, corpus, tree):
    kaffe = parse_query("kaffe")
    assert ids(engine.search(SearchParams(q="kaffe", query=kaffe))) == pk(corpus, "varde", "varde_fem")
    # "kaffe" or "mentor": the coffee stories, the mentor story, the mentor method and the event that names mentors
    either = kaffe.expanded(lambda term: [Alternative(("mentor",))])
    assert ids(engine.search(SearchParams(q="kaffe", query=either))) == pk(
        corpus, "varde", "varde_fem", "aalborg", "event"
    ) | {tree.mentor.pk}
    # an alternative of several words needs all of them; a phrase needs them in order
    both = parse_query("kaffe").expanded(lambda term: [Alternative(("unge", "uddannelse"))])
    assert ids(engine.search(SearchParams(q="kaffe", query=both))) == pk(corpus, "varde", "varde_fem", "aalborg")
    phrase = parse_query("mentor").expanded(lambda term: [Alternative(("kop", "kaffe"), phrase=True)])
    assert ids(engine.search(SearchParams(q="mentor", query=phrase))) == pk(corpus, "varde", "aalborg", "event") | {
        tree.mentor.pk
    }
    # every term stays required: "te" has no alternative here, so only the story with tea is left
    tea = parse_query("kaffe te").expanded(
        lambda term: [Alternative(("mentor",))] if term.typed.words == ("kaffe",) else []
    )
    assert ids(engine.search(SearchParams(q="kaffe te", query=tea))) == pk(corpus, "varde_fem")
