"""Featured content chosen by consultants and editors, and related content on every story and method page."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.home.models import HomeFeaturedMethod
from portal.taxonomy.models import RegionFeatured
from tests import factories as f


def test_a_regions_featured_stories_and_methods_come_first_in_their_order(client, tree):
    story = f.StoryPageFactory(parent=tree.varde, title="Kaffe i Varde")
    hidden = f.StoryPageFactory(parent=tree.odense, title="Trukket tilbage")
    hidden.unpublish()
    RegionFeatured.objects.create(page=tree.syd, item=tree.parallel, sort_order=0)
    RegionFeatured.objects.create(page=tree.syd, item=story, sort_order=1)
    RegionFeatured.objects.create(page=tree.syd, item=hidden, sort_order=2)
    content = client.get(tree.syd.url).content.decode()
    featured = content[content.index("Udvalgt af regionens konsulenter") : content.index("Historier fra regionen")]
    assert featured.index("Parallelle indsatser") < featured.index("Kaffe i Varde")
    assert "Trukket tilbage" not in featured


def test_a_consultant_may_choose_the_featured_content_of_their_own_region_only(tree, roles):
    consultant = roles["syd_consultant"]
    assert tree.syd.permissions_for_user(consultant).can_edit()
    assert not tree.nord.permissions_for_user(consultant).can_edit()


def test_the_home_page_shows_featured_methods(client, tree):
    HomeFeaturedMethod.objects.create(page=tree.home, method=tree.mentor)
    content = client.get("/").content.decode()
    assert "Udvalgte metoder" in content
    assert content.index("Udvalgte metoder") < content.index("Mentor", content.index("Udvalgte metoder"))


def related_section(content, heading):
    start = content.index(heading)
    return content[start : content.index("</section>", start)]


def test_a_story_shows_related_stories_and_methods(client, tree):
    story = f.StoryPageFactory(parent=tree.varde, title="Kaffe", target_groups=[tree.misbrug], methods=[tree.mentor])
    f.StoryPageFactory(
        parent=tree.odense, title="Samme målgruppe og metode", target_groups=[tree.misbrug], methods=[tree.mentor]
    )
    f.StoryPageFactory(parent=tree.odense, title="Samme målgruppe", target_groups=[tree.misbrug])
    f.StoryPageFactory(parent=tree.aalborg, title="Intet til fælles", target_groups=[tree.unge])
    tree.parallel.target_groups = [tree.misbrug]
    tree.parallel.save_revision().publish()

    content = client.get(story.url).content.decode()
    related = related_section(content, "Beslægtede historier")
    assert related.index("Samme målgruppe og metode") < related.index("Samme målgruppe<")
    assert "Intet til fælles" not in related and ">Kaffe<" not in related
    methods = related_section(content, "Metoder til de samme målgrupper")
    assert "Parallelle indsatser" in methods
    assert "Mentor" not in methods  # already listed as the story's own method


def test_a_method_shows_methods_for_the_same_target_groups(client, tree):
    f.MethodPageFactory(parent=tree.methods_index, title="Virksomhedsmentor", target_groups=[tree.unge])
    content = client.get(tree.mentor.url).content.decode()
    assert "Virksomhedsmentor" in related_section(content, "Metoder til de samme målgrupper")


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_related_content_costs_the_same_number_of_queries_however_much_is_related(client, tree):
    story = f.StoryPageFactory(parent=tree.varde, target_groups=[tree.misbrug], methods=[tree.mentor], tags=["kaffe"])
    f.StoryPageFactory(parent=tree.odense, target_groups=[tree.misbrug], tags=["kaffe"])
    f.MethodPageFactory(parent=tree.methods_index, title="Misbrugsmetode", target_groups=[tree.misbrug])
    client.get(story.url)  # warm caches (site root, content types)
    few = queries_for(client, story.url)
    for n in range(6):
        f.StoryPageFactory(
            parent=tree.odense,
            title=f"Flere {n}",
            target_groups=[tree.misbrug, tree.unge],
            methods=[tree.mentor],
            tags=["kaffe", f"emne-{n}"],
        )
        f.MethodPageFactory(parent=tree.methods_index, title=f"Metode {n}", target_groups=[tree.misbrug])
    many = queries_for(client, story.url)
    assert "Flere" in related_section(client.get(story.url).content.decode(), "Beslægtede historier")
    assert many == few
