"""One search contract, two engines: the same corpus gives the same matches, facet counts, filters and pages."""

import pytest
from django.http import QueryDict

from portal.search.query import SearchParams


def ask(engine, querystring="", **overrides):
    params = SearchParams.from_querydict(QueryDict(querystring))
    if overrides:
        params = SearchParams(**{**params.__dict__, **overrides})
    return engine.search(params)


def ids(results):
    return {hit.page_id for hit in results.hits}


def pk(corpus, *names):
    return {corpus[name].pk for name in names}


def test_danish_stemming_finds_misbrugere_from_misbrug(engine, corpus):
    assert ids(ask(engine, "q=misbrug")) == pk(corpus, "varde", "odense", "escape", "event")
    assert ids(ask(engine, "q=misbrugere")) == pk(corpus, "varde", "odense", "escape", "event")


def test_every_word_is_required(engine, corpus, tree):
    assert ids(ask(engine, "q=mentor+unge")) == pk(corpus, "aalborg") | {tree.mentor.pk}


def test_quotes_search_for_a_phrase(engine, corpus):
    assert ids(ask(engine, "q=kop+kaffe")) == pk(corpus, "varde", "varde_fem")
    assert ids(ask(engine, 'q="kop+kaffe"')) == pk(corpus, "varde")


def test_danish_letters_match(engine, corpus):
    assert ids(ask(engine, "q=særlige+tegn")) == pk(corpus, "escape")
    assert ids(ask(engine, "q=første+skridt")) == pk(corpus, "varde")


def test_facet_counts_without_choices(engine, corpus):
    facets = ask(engine).facets
    assert facets["type"] == {"historie": 6, "metode": 2, "arrangement": 1}
    assert facets["region"] == {"syddanmark": 5, "nordjylland": 2}  # four stories and the event
    assert facets["maalgruppe"]["aktivitetsparate"] == 4  # including the sub-group's story
    assert facets["aar"]["2016"] == 2


def test_target_group_filter_includes_sub_groups(engine, corpus, tree):
    results = ask(engine, "maalgruppe=aktivitetsparate")
    assert ids(results) == pk(corpus, "varde", "varde_fem", "aalborg_2") | {tree.parallel.pk}


def test_counts_are_disjunctive_inside_a_facet_and_narrowing_across(engine, corpus):
    unfiltered = ask(engine).facets
    chosen = ask(engine, "maalgruppe=aktivitetsparate").facets
    assert chosen["maalgruppe"] == unfiltered["maalgruppe"]  # the other groups keep their counts
    assert chosen["region"] == {"syddanmark": 2, "nordjylland": 1}
    assert chosen["type"] == {"historie": 3, "metode": 1}


def test_several_values_widen_and_facets_narrow(engine, corpus):
    wider = ask(engine, "maalgruppe=unge-under-30&maalgruppe=borgere-med-misbrug&type=historie")
    assert ids(wider) == pk(corpus, "varde", "odense", "aalborg", "escape")
    narrower = ask(engine, "maalgruppe=aktivitetsparate&region=nordjylland")
    assert ids(narrower) == pk(corpus, "aalborg_2")
    assert ids(ask(engine, "jobcenter=jobcenter-odense")) == pk(corpus, "odense", "escape")
    assert ids(ask(engine, "metode=parallelle-indsatser")) == pk(corpus, "varde", "odense")
    assert ids(ask(engine, "aar=2020&type=historie")) == pk(corpus, "aalborg", "aalborg_2")


def test_text_and_facets_together(engine, corpus):
    results = ask(engine, "q=misbrug&region=syddanmark")
    assert ids(results) == pk(corpus, "varde", "odense", "escape", "event")
    assert results.facets["type"] == {"historie": 3, "arrangement": 1}
    assert ids(ask(engine, "q=misbrug&type=historie&jobcenter=jobcenter-odense")) == pk(corpus, "odense", "escape")


def test_pagination(engine, corpus):
    first = ask(engine, page_size=4, page=1)
    last = ask(engine, page_size=4, page=3)
    assert first.total == last.total == 9
    assert (len(first.hits), len(last.hits), last.pages) == (4, 1, 3)
    everything = set()
    for page in (1, 2, 3):
        everything |= ids(ask(engine, "sortering=nyeste", page_size=4, page=page))
    assert len(everything) == 9


def test_newest_first(engine, corpus):
    results = ask(engine, "type=historie&sortering=nyeste")
    assert [hit.page_id for hit in results.hits] == [
        corpus[name].pk for name in ["escape", "aalborg_2", "aalborg", "odense", "varde_fem", "varde"]
    ]


def test_highlights_are_escaped(engine, corpus):
    hit = next(h for h in ask(engine, "q=misbrug").hits if h.page_id == corpus["escape"].pk)
    assert "<mark>Misbrug</mark>" in hit.snippet_html
    assert "&lt;b&gt;fed skrift&lt;" in hit.snippet_html
    assert "<b>" not in hit.snippet_html


def test_results_carry_what_the_card_shows(engine, corpus, tree):
    hit = next(h for h in ask(engine, "q=mentor+unge").hits if h.page_id == corpus["aalborg"].pk)
    assert (hit.type, hit.title, hit.url) == ("historie", "Unge med mentor", corpus["aalborg"].url)
    assert hit.display["jobcenter"] == "Jobcenter Aalborg"
    assert hit.display["target_groups"] == ["Unge under 30"]
    method = next(h for h in ask(engine, "q=mentor+unge").hits if h.page_id == tree.mentor.pk)
    assert method.display["evidence"] == "Lovende praksis"


def test_suggestions(engine, corpus):
    assert "Unge med mentor" in engine.suggest("unge")
    assert "Hold for borgere med misbrug" in engine.suggest("misbr")


def test_facet_counts_add_up(engine, corpus):
    for querystring in ["", "q=misbrug", "maalgruppe=aktivitetsparate", "q=mentor&region=nordjylland"]:
        results = ask(engine, querystring)
        assert sum(results.facets["type"].values()) == results.total, querystring


@pytest.mark.parametrize("engine", ["opensearch"], indirect=True)
def test_the_search_engine_tolerates_typos_when_nothing_matches_exactly(engine, corpus):
    results = ask(engine, "q=misbrog")
    assert pk(corpus, "odense") <= ids(results)
    assert "staves næsten ens" in results.notice
    assert ask(engine, "q=misbrug").notice == ""
