"""One search contract, two engines: the same corpus gives the same matches, facet counts, filters and pages.

Which pages the facets shared with the listings show is the facet contract's: tests/search/test_facet_contract.py.
"""

from django.http import QueryDict

from portal.search.query import SearchParams
from portal.search.service import search


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


def test_counts_are_disjunctive_inside_a_facet_and_narrowing_across(engine, corpus):
    unfiltered = ask(engine).facets
    chosen = ask(engine, "maalgruppe=aktivitetsparate").facets
    assert chosen["maalgruppe"] == unfiltered["maalgruppe"]  # the other groups keep their counts
    assert chosen["region"] == {"syddanmark": 2, "nordjylland": 1}
    assert chosen["type"] == {"historie": 3, "metode": 1}


def test_the_search_only_facets_narrow_with_the_shared_ones(engine, corpus):
    """Type and year, which only the search has (the shared facets: tests/search/test_facet_contract.py)."""
    wider = ask(engine, "maalgruppe=unge-under-30&maalgruppe=borgere-med-misbrug&type=historie")
    assert ids(wider) == pk(corpus, "varde", "odense", "aalborg", "escape")
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


def forgiving(engine, querystring=""):
    """A search as the search page answers it (corrections and the many-words fallback included)."""
    return search(engine, SearchParams.from_querydict(QueryDict(querystring)))


def test_a_typo_is_corrected_from_the_indexed_words_and_said(engine, corpus, tree):
    results = forgiving(engine, "q=mentr")
    assert ids(results) == ids(forgiving(engine, "q=mentor"))
    assert pk(corpus, "aalborg") | {tree.mentor.pk} <= ids(results)
    assert results.notice == "Ingen resultater for »mentr«. Viser resultater for »mentor«."
    assert results.did_you_mean == "mentor"
    assert forgiving(engine, "q=mentor").notice == ""  # a word that is found is never corrected


def test_a_long_word_forgives_two_typos_and_the_others_words_stay(engine, corpus):
    assert ids(forgiving(engine, "q=misbrugrne")) == ids(forgiving(engine, "q=misbrugerne"))  # distance 1
    results = forgiving(engine, "q=behandlnig+misbrug")  # a transposition (distance 1), beside a known word
    assert ids(results) == pk(corpus, "odense")
    assert results.did_you_mean == "behandling misbrug"
    assert ids(forgiving(engine, "q=virksomhder")) == pk(corpus, "aalborg_2")


def test_a_word_nothing_resembles_is_not_corrected(engine, corpus):
    results = forgiving(engine, "q=zzqxjv")
    assert (results.total, results.notice, results.did_you_mean) == (0, "", "")
    assert forgiving(engine, "q=tw").total == 0  # "te" is one letter away, but a word this short is never corrected
    assert ids(forgiving(engine, "q=kafe")) == ids(forgiving(engine, "q=kaffe"))  # from four letters it is


def test_many_words_show_the_best_matches_for_most_of_them(engine, corpus, tree):
    results = forgiving(engine, "q=mentor+unge+fodbold")  # no page mentions football
    assert ids(results) == pk(corpus, "aalborg") | {tree.mentor.pk}
    assert results.notice == (
        "Ingen sider indeholder alle ordene. Her er dem, der indeholder de fleste: alle ord undtagen »fodbold«."
    )
    assert results.left_out == ["fodbold"]
    # All the words known, but never together: the leaving-out that finds the most wins.
    results = forgiving(engine, "q=kaffe+mentor+unge")
    assert ids(results) == pk(corpus, "aalborg") | {tree.mentor.pk}
    assert results.left_out == ["kaffe"]
    assert forgiving(engine, "q=mentor+unge").left_out == []  # found together: nothing left out
    # Found together, but not in the chosen region: no word is left out (the page offers to drop the region).
    results = forgiving(engine, "q=mentor+unge&region=syddanmark")
    assert (results.total, results.left_out) == (0, [])
    results = forgiving(engine, "q=mentor+unge+fodbold&region=nordjylland")
    assert ids(results) == pk(corpus, "aalborg")
    assert results.left_out == ["fodbold"]


def test_messages_name_every_corrected_and_left_out_word(engine, corpus, tree):
    results = forgiving(engine, "q=mentr+unge")  # the word that needed no correction is said too
    assert results.notice == "Ingen resultater for »mentr unge«. Viser resultater for »mentor unge«."
    results = forgiving(engine, "q=mentr+unge+fodbold")  # corrected, and still a word left out: both are said
    assert ids(results) == pk(corpus, "aalborg") | {tree.mentor.pk}
    assert results.notice == (
        "Ingen resultater for »mentr unge fodbold«. Viser resultater for »mentor unge fodbold«. Ingen sider "
        "indeholder alle ordene. Her er dem, der indeholder de fleste: alle ord undtagen »fodbold«."
    )
    assert results.did_you_mean == "mentor unge fodbold"
    results = forgiving(engine, "q=mentor+unge+fodbold+kaffebord&type=historie")  # only stories: "historier"
    assert results.notice == (
        "Ingen historier indeholder alle ordene. Her er dem, der indeholder de fleste: alle ord undtagen "
        "»fodbold« og »kaffebord«."
    )
