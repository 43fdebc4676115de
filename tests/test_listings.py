"""The story and method listings filter as a practitioner expects, with shareable Danish query parameters.

Which pages each facet choice shows (target groups with sub-groups, method, region, jobcenter, combinations, unknown
values) is the facet contract's, for the listings and the search page together: tests/search/test_facet_contract.py.
"""

import pytest

from tests import factories as f


@pytest.fixture
def stories(tree):
    t = tree
    return {
        "varde_aktiv": f.StoryPageFactory(
            parent=t.varde,
            title="Mikroaktivering i Varde",
            target_groups=[t.aktivitetsparate],
            methods=[t.parallel],
            tags=["optrapning"],
        ),
        "varde_fem": f.StoryPageFactory(parent=t.varde, title="Fem år på kontanthjælp", target_groups=[t.over_fem_aar]),
        "odense_misbrug": f.StoryPageFactory(
            parent=t.odense, title="Hold for misbrugere", target_groups=[t.misbrug], methods=[t.parallel]
        ),
        "aalborg_unge": f.StoryPageFactory(
            parent=t.aalborg, title="Unge med mentor", target_groups=[t.unge], methods=[t.mentor], tags=["optrapning"]
        ),
    }


def listed_titles(client, query=""):
    response = client.get(f"/historier/{query}")
    assert response.status_code == 200
    return {story.title for story in response.context["page_obj"].object_list}


def test_listing_shows_all_live_stories_newest_first(client, stories):
    response = client.get("/historier/")
    titles = [s.title for s in response.context["page_obj"].object_list]
    assert titles == ["Unge med mentor", "Hold for misbrugere", "Fem år på kontanthjælp", "Mikroaktivering i Varde"]


def test_unpublished_story_is_not_listed(client, stories):
    stories["odense_misbrug"].unpublish()
    assert "Hold for misbrugere" not in listed_titles(client)


def test_filter_by_tag_and_tag_page(client, stories):
    assert listed_titles(client, "?tag=optrapning") == {"Mikroaktivering i Varde", "Unge med mentor"}
    response = client.get("/historier/emne/optrapning/")
    assert response.status_code == 200
    assert {s.title for s in response.context["page_obj"].object_list} == {"Mikroaktivering i Varde", "Unge med mentor"}
    assert client.get("/historier/emne/findes-ikke/").status_code == 404


def test_an_unknown_filter_value_is_ignored_and_the_valid_ones_still_filter(client, stories):
    response = client.get("/historier/?maalgruppe=aktivitetsparate&maalgruppe=EVIL&region=atlantis&tag=findes-ikke")
    assert response.status_code == 200
    valid_only = listed_titles(client, "?maalgruppe=aktivitetsparate")
    assert "Mikroaktivering i Varde" in valid_only and "Unge med mentor" not in valid_only
    assert {s.title for s in response.context["page_obj"].object_list} == valid_only
    assert "Marker en gyldig valgmulighed" not in response.text
    assert "EVIL" not in response.text and "atlantis" not in response.text and "findes-ikke" not in response.text
    assert "Målgruppe: Aktivitetsparate" in response.text


def test_chosen_filters_are_shown_with_links_that_remove_them(client, stories):
    content = client.get("/historier/?maalgruppe=aktivitetsparate&region=syddanmark").content.decode()
    assert "Målgruppe: Aktivitetsparate" in content
    assert 'href="?region=syddanmark"' in content


def test_pagination(client, tree, settings):
    settings.PORTAL_LISTING_PAGE_SIZE = 2
    for n in range(5):
        f.StoryPageFactory(parent=tree.varde, title=f"Side-historie {n}", target_groups=[tree.unge])
    first = client.get("/historier/?maalgruppe=unge-under-30")
    assert first.context["page_obj"].paginator.num_pages == 3
    assert 'href="?maalgruppe=unge-under-30&amp;side=2"' in first.content.decode()
    last = client.get("/historier/?maalgruppe=unge-under-30&side=3")
    assert [s.title for s in last.context["page_obj"].object_list] == ["Side-historie 0"]
    beyond = client.get("/historier/?side=99")
    assert beyond.status_code == 200


def test_method_listing_filters_by_target_group_and_evidence(client, tree):
    response = client.get("/metoder/?evidens=documented")
    assert [m.title for m in response.context["page_obj"].object_list] == ["Parallelle indsatser"]
    response = client.get("/metoder/?maalgruppe=unge-under-30")
    assert [m.title for m in response.context["page_obj"].object_list] == ["Mentor"]


def test_target_group_landing_page_lists_its_stories_and_methods(client, stories):
    response = client.get("/maalgrupper/aktivitetsparate/")
    assert response.status_code == 200
    assert {s.title for s in response.context["page_obj"].object_list} == {
        "Mikroaktivering i Varde",
        "Fem år på kontanthjælp",
    }
    assert [m.title for m in response.context["methods"]] == ["Parallelle indsatser"]
    assert client.get("/maalgrupper/findes-ikke/").status_code == 404


def test_region_and_jobcenter_pages_list_their_stories(client, stories):
    region = client.get("/regioner/syddanmark/")
    assert {s.title for s in region.context["page_obj"].object_list} == {
        "Mikroaktivering i Varde",
        "Fem år på kontanthjælp",
        "Hold for misbrugere",
    }
    jobcenter = client.get("/regioner/syddanmark/jobcenter-varde/")
    assert {s.title for s in jobcenter.context["page_obj"].object_list} == {
        "Mikroaktivering i Varde",
        "Fem år på kontanthjælp",
    }


def test_story_cards_name_the_jobcenter(client, stories):
    content = client.get("/historier/?jobcenter=jobcenter-odense").content.decode()
    assert "Jobcenter Odense" in content


def test_method_page_lists_the_stories_that_use_it(client, stories):
    response = client.get("/metoder/parallelle-indsatser/")
    assert {s.title for s in response.context["stories"]} == {"Mikroaktivering i Varde", "Hold for misbrugere"}


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/historier/",
        "/historier/?maalgruppe=aktivitetsparate&region=syddanmark",
        "/maalgrupper/aktivitetsparate/",
        "/regioner/syddanmark/",
        "/regioner/syddanmark/jobcenter-varde/",
        "/metoder/parallelle-indsatser/",
    ],
)
def test_listings_run_a_constant_number_of_queries(client, tree, url, settings):
    """Twelve stories on a page cost no more queries than two: no query per card."""

    def queries_for(count):
        for n in range(count):
            f.StoryPageFactory(
                parent=tree.varde,
                target_groups=[tree.aktivitetsparate, tree.unge],
                methods=[tree.parallel],
                tags=[f"emne-{n}"],
            )
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.get(url)  # warm Wagtail's per-process caches (site root paths) first
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    few = queries_for(2)
    many = queries_for(10)
    assert many == few


def test_chosen_filters_are_shown_by_name_and_stay_chosen(client, stories):
    html = client.get("/historier/?region=syddanmark&metode=parallelle-indsatser&maalgruppe=borgere-med-misbrug").text
    assert "Region: Region Syddanmark" in html and "Metode: Parallelle indsatser" in html
    assert "Målgruppe: Borgere med misbrug" in html
    assert '<option value="syddanmark" selected>' in html
    assert 'value="parallelle-indsatser" checked>' in html


def test_an_unknown_choice_alone_lists_everything_without_an_error(client, stories):
    for query in ["?jobcenter=findes-ikke", "?metode=findes-ikke", "?maalgruppe=findes-ikke&side=1"]:
        response = client.get(f"/historier/{query}")
        assert response.status_code == 200
        assert len(response.context["page_obj"].object_list) == len(stories)
        assert "Marker en gyldig valgmulighed" not in response.text and "findes-ikke" not in response.text


def test_unknown_values_never_reach_the_pagination_links(client, tree, settings):
    settings.PORTAL_LISTING_PAGE_SIZE = 2
    for n in range(5):
        f.StoryPageFactory(parent=tree.varde, title=f"Side-historie {n}", target_groups=[tree.unge])
    response = client.get("/historier/?maalgruppe=unge-under-30&maalgruppe=EVIL&metode=EVIL&jobcenter=EVIL&tag=EVIL")
    assert response.context["page_obj"].paginator.num_pages == 3
    assert 'href="?maalgruppe=unge-under-30&amp;side=2"' in response.text
    assert "EVIL" not in response.text


def test_the_method_listing_ignores_unknown_values_too(client, tree, settings):
    response = client.get("/metoder/?maalgruppe=unge-under-30&maalgruppe=EVIL&evidens=EVIL")
    assert [m.title for m in response.context["page_obj"].object_list] == ["Mentor"]
    assert "Marker en gyldig valgmulighed" not in response.text and "EVIL" not in response.text
    settings.PORTAL_LISTING_PAGE_SIZE = 1
    everything = client.get("/metoder/").context["page_obj"].paginator.count
    junk_only = client.get("/metoder/?evidens=EVIL&maalgruppe=EVIL")
    assert junk_only.context["page_obj"].paginator.count == everything > 1
    assert 'href="?side=2"' in junk_only.text and "EVIL" not in junk_only.text
