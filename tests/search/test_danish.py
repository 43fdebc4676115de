"""Compound words and synonyms, on both engines, through the one search contract (portal/search/expansion.py).

Each test runs once per engine (the `engine` fixture): the same stories, the same parts and synonyms, the same hits.
"""

import importlib
import io
from datetime import date

import pytest
from django.apps import apps
from django.core.management import call_command
from django.http import QueryDict

from portal.search.models import SynonymGroup
from portal.search.query import SearchParams
from tests import factories as f

seed = importlib.import_module("portal.search.migrations.0003_seed_synonyms")


def found(querystring):
    from portal.search.engines import get_engine

    params = SearchParams.from_querydict(QueryDict(querystring))
    return {hit.page_id for hit in get_engine().search(params).hits}


@pytest.fixture
def stories(tree, engine):
    """Stories that use the field's compounds and words, plus one that uses none of them."""
    t = tree
    pages = {
        "holstebro": f.StoryPageFactory(
            parent=t.varde,
            title="Sygedagpengemodtagere tilbage på arbejdspladsen",
            summary="Gradvis tilbagevenden med en fast kontaktperson.",
            period_start=date(2019, 1, 1),
        ),
        "kontant": f.StoryPageFactory(
            parent=t.odense,
            title="Små job til kontanthjælpsmodtagere",
            summary="Få timer om ugen som første skridt.",
            period_start=date(2018, 1, 1),
        ),
        "herning": f.StoryPageFactory(
            parent=t.aalborg,
            title="Et jobrehabiliteringsprojekt med mentor",
            summary="Tværfagligt team og en plan for hver borger.",
            period_start=date(2020, 1, 1),
        ),
        "modtager": f.StoryPageFactory(
            parent=t.varde,
            title="Borgere der modtager kontanthjælp",
            summary="Hjemmebesøg og samtaler om hverdagen.",
            period_start=date(2017, 1, 1),
        ),
        "ledige": f.StoryPageFactory(
            parent=t.odense,
            title="Ledige over 50 finder vej",
            summary="Netværk og opkvalificering.",
            period_start=date(2016, 1, 1),
        ),
        "psykisk": f.StoryPageFactory(
            parent=t.aalborg,
            title="Borgere med psykisk sygdom",
            summary="Støtte i job med en fast kontaktperson.",
            period_start=date(2021, 1, 1),
        ),
        "other": f.StoryPageFactory(
            parent=t.varde,
            title="Kaffe og morgenmad",
            summary="Et tilbud om morgenen i caféen.",
            period_start=date(2015, 1, 1),
        ),
    }
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    return {name: page.pk for name, page in pages.items()}


@pytest.fixture
def seeded(db):
    """The curated synonym list as the data migration writes it (a transactional test may have emptied it)."""
    seed.seed(apps, None)


def test_a_part_finds_the_compound(stories):
    assert stories["holstebro"] in found("q=sygedagpenge")
    assert stories["holstebro"] in found("q=dagpenge")
    assert stories["kontant"] in found("q=kontanthjælp")
    assert stories["herning"] in found("q=rehabilitering")
    assert stories["herning"] in found("q=jobrehabilitering")


def test_a_part_finds_nothing_unrelated(stories):
    assert found("q=dagpenge") == {stories["holstebro"]}
    assert found("q=rehabilitering") == {stories["herning"]}


def test_the_compound_finds_texts_that_use_its_parts(stories):
    assert found("q=kontanthjælpsmodtager") == {stories["kontant"], stories["modtager"]}


def test_arbejdsloese_finds_ledige_through_the_curated_synonyms(stories, seeded):
    assert found("q=arbejdsløse") == {stories["ledige"]}


def test_an_expression_of_several_words_finds_its_synonym(stories, seeded):
    assert found("q=psykiske+lidelser") == {stories["psykisk"]}
    assert found('q="psykiske+lidelser"') == {stories["psykisk"]}


def test_a_synonym_added_in_the_admin_counts_from_the_next_search(stories, admin_client):
    assert found("q=frokostordning") == set()
    response = admin_client.post(
        "/admin/snippets/portal_search/synonymgroup/add/",
        {"name": "Morgenmad", "words": "Frokostordning, morgenmad"},
    )
    assert response.status_code == 302
    assert found("q=frokostordning") == {stories["other"]}


def test_a_refused_synonym_group_is_not_stored(admin_client, db):
    before = SynonymGroup.objects.count()
    response = admin_client.post(
        "/admin/snippets/portal_search/synonymgroup/add/", {"name": "Kun ét ord", "words": "ledig, Ledig"}
    )
    assert response.status_code == 200
    assert "mindst to forskellige" in response.content.decode()
    assert SynonymGroup.objects.count() == before


def test_editors_find_the_synonyms_in_the_admin_menu(admin_client, seeded):
    menu = admin_client.get("/admin/").content.decode()
    assert "/admin/snippets/portal_search/synonymgroup/" in menu and "Synonymer" in menu
    listing = admin_client.get("/admin/snippets/portal_search/synonymgroup/?q=ledig").content.decode()
    assert "Ledige" in listing
    form = admin_client.get("/admin/snippets/portal_search/synonymgroup/add/").content.decode()
    assert "Ét ord eller udtryk pr. linje" in form


@pytest.mark.parametrize(
    "words",
    ["mentor, og", "og, i, at, er", "praktik\nder er", "Mentor, OG", "mentor, o\u200bg"],
)
def test_a_synonym_group_with_stop_words_is_refused_and_not_stored(admin_client, db, words):
    before = SynonymGroup.objects.count()
    response = admin_client.post("/admin/snippets/portal_search/synonymgroup/add/", {"name": "Fyldord", "words": words})
    assert response.status_code == 200
    assert "fyldord" in response.content.decode()
    assert SynonymGroup.objects.count() == before


def test_a_synonym_expression_may_hold_stop_words_among_real_words(admin_client, db):
    response = admin_client.post(
        "/admin/snippets/portal_search/synonymgroup/add/",
        {"name": "Psykisk", "words": "psykisk sygdom, borgere med psykiske lidelser"},
    )
    assert response.status_code == 302
    assert SynonymGroup.objects.filter(name="Psykisk").exists()


def test_a_synonym_expression_does_not_mark_its_stop_words_in_snippets(stories):
    SynonymGroup.objects.create(name="Kontakt", words="kontaktperson\nen fast person med ansvar")
    from portal.search.engines import get_engine

    hits = get_engine().search(SearchParams(q="kontaktperson")).hits
    snippet = next(hit.snippet_html for hit in hits if hit.page_id == stories["holstebro"])
    assert "<mark>kontaktperson</mark>" in snippet
    assert "<mark>med</mark>" not in snippet and "<mark>en</mark>" not in snippet


def test_a_corrected_search_shows_what_its_mente_du_link_shows(stories):
    """The correction is searched with its compound parts and synonyms, as the link's search is."""
    from portal.search.engines import get_engine
    from portal.search.service import search

    engine = get_engine()
    typo = search(engine, SearchParams(q="kontanthjælpsmodtagre"))
    assert typo.did_you_mean == "kontanthjælpsmodtagere"
    link = search(engine, SearchParams(q=typo.did_you_mean))
    assert {h.page_id for h in typo.hits} == {h.page_id for h in link.hits}
    assert {stories["kontant"], stories["modtager"]} <= {h.page_id for h in typo.hits}


@pytest.fixture
def parate(tree, engine):
    """Two stories for the jobparate, three newer ones for the aktivitetsparate that also speak of job, and the
    words "men" and "tro" in a story that is no compound's."""
    t = tree
    pages = {
        "job_1": f.StoryPageFactory(parent=t.varde, title="Jobparate ledige i praktik", period_start=date(2015, 1, 1)),
        "job_2": f.StoryPageFactory(
            parent=t.odense, title="Hurtigt i arbejde for jobparate", period_start=date(2015, 2, 1)
        ),
        "mentor_1": f.StoryPageFactory(parent=t.varde, title="En mentor for unge", period_start=date(2016, 1, 1)),
        "mentor_2": f.StoryPageFactory(parent=t.odense, title="Mentor i virksomheden", period_start=date(2016, 2, 1)),
        "tro": f.StoryPageFactory(
            parent=t.aalborg, title="Små skridt", summary="Men de tror på det nu.", period_start=date(2016, 3, 1)
        ),
    }
    for n in range(3):
        pages[f"aktiv_{n}"] = f.StoryPageFactory(
            parent=t.aalborg,
            title=f"Job til aktivitetsparate nr. {n}",
            summary="Aktivitetsparate borgere får et job.",
            period_start=date(2020, 1, 1 + n),
        )
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    return {name: page.pk for name, page in pages.items()}


def test_a_word_the_index_holds_whole_is_searched_whole_first(parate):
    from portal.search.engines import get_engine

    for q in ["jobparate", "jobparat"]:
        hits = [h.page_id for h in get_engine().search(SearchParams(q=q)).hits]
        assert set(hits[:2]) == {parate["job_1"], parate["job_2"]}, q
        assert not {parate[f"aktiv_{n}"] for n in range(3)} & set(hits), q


def test_a_typo_is_corrected_rather_than_split_into_short_parts(parate):
    from portal.search.engines import get_engine
    from portal.search.service import search

    results = search(get_engine(), SearchParams(q="mentro"))
    assert results.did_you_mean == "mentor"
    assert {parate["mentor_1"], parate["mentor_2"]} <= {h.page_id for h in results.hits}
    assert parate["tro"] not in {h.page_id for h in results.hits}


def test_the_word_as_typed_ranks_above_its_compound_parts(tree, engine):
    """A word the index holds only once is still split, but the entry holding the word itself comes first."""
    whole = f.StoryPageFactory(parent=tree.varde, title="Jobparate i praktik", period_start=date(2010, 1, 1))
    for n in range(3):
        f.StoryPageFactory(
            parent=tree.aalborg,
            title=f"Job til aktivitetsparate nr. {n}",
            summary="Aktivitetsparate borgere får et job.",
            period_start=date(2020, 1, 1 + n),
        )
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    from portal.search.engines import get_engine

    hits = get_engine().search(SearchParams(q="jobparate")).hits
    assert len(hits) == 4  # the parts find the others
    assert hits[0].page_id == whole.pk


def test_a_typo_in_a_compound_part_or_a_synonym_word_is_corrected(stories, seeded):
    from portal.search.engines import get_engine
    from portal.search.service import search

    results = search(get_engine(), SearchParams(q="rehabiltering"))  # a part of "jobrehabiliteringsprojekt" only
    assert results.did_you_mean == "rehabilitering"
    assert stories["herning"] in {h.page_id for h in results.hits}
    results = search(get_engine(), SearchParams(q="arbejdslos"))  # a word of the curated "ledige" group
    assert results.did_you_mean == "arbejdsløs"
    assert stories["ledige"] in {h.page_id for h in results.hits}


def test_a_short_compound_part_is_not_marked_inside_other_words(tree, engine):
    story = f.StoryPageFactory(
        parent=tree.varde,
        title="Lange forløb for ledige",
        summary="Ledige får tider hos en lang række virksomheder.",
        period_start=date(2019, 1, 1),
    )
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    from portal.search.engines import get_engine

    hits = get_engine().search(SearchParams(q="langtidsledige")).hits  # lang + tids + ledige
    snippet = next(hit.snippet_html for hit in hits if hit.page_id == story.pk)
    assert "<mark>tider</mark>" not in snippet
    assert "<mark>Ledige</mark>" in snippet
