"""RSS and Atom feeds of new stories: valid XML with the right items, overall, per target group and per region."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from tests import factories as f

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def stories(tree):
    now = timezone.now()
    return {
        "old": f.StoryPageFactory(
            parent=tree.varde,
            title="Gammel historie",
            target_groups=[tree.misbrug],
            first_published_at=now - timedelta(days=30),
        ),
        "new": f.StoryPageFactory(
            parent=tree.varde,
            title="Ny historie",
            target_groups=[tree.over_fem_aar],
            first_published_at=now - timedelta(days=1),
        ),
        "north": f.StoryPageFactory(
            parent=tree.aalborg,
            title="Historie fra Nord",
            target_groups=[tree.unge],
            first_published_at=now - timedelta(days=2),
        ),
        "draft": f.StoryPageFactory(parent=tree.varde, title="Kladde", live=False),
    }


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


def test_the_story_feed_lists_published_stories_newest_first(client, stories):
    channel, items = rss_items(client, "/feeds/historier/")
    assert channel.findtext("language") == "da"
    assert [item.findtext("title") for item in items] == ["Ny historie", "Historie fra Nord", "Gammel historie"]
    first = items[0]
    assert first.findtext("link").endswith(stories["new"].url)
    assert first.findtext("description") == stories["new"].summary
    assert [c.text for c in first.findall("category")] == ["Over fem år"]
    assert first.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Jobcenter Varde"


def test_a_target_group_feed_includes_its_sub_groups(client, stories, tree):
    _, items = rss_items(client, f"/feeds/maalgruppe/{tree.aktivitetsparate.slug}/")
    assert [item.findtext("title") for item in items] == ["Ny historie"]
    _, items = rss_items(client, f"/feeds/maalgruppe/{tree.misbrug.slug}/")
    assert [item.findtext("title") for item in items] == ["Gammel historie"]


def test_a_region_feed_has_only_that_regions_stories(client, stories):
    _, items = rss_items(client, "/feeds/region/nordjylland/")
    assert [item.findtext("title") for item in items] == ["Historie fra Nord"]


def test_atom_feeds_are_valid_and_carry_the_same_entries(client, stories):
    response = client.get("/feeds/region/syddanmark/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}title") == "Gode Historier: Region Syddanmark"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Ny historie", "Gammel historie"]
    assert entries[0].find(f"{ATOM}link").get("href").endswith(stories["new"].url)


def test_unknown_feeds_are_not_found(client, tree):
    assert client.get("/feeds/maalgruppe/findes-ikke/").status_code == 404
    assert client.get("/feeds/region/findes-ikke/atom/").status_code == 404


def test_pages_announce_their_feeds(client, stories, tree):
    assert 'href="/feeds/historier/"' in client.get("/").content.decode()
    region = client.get(tree.syd.url).content.decode()
    assert 'type="application/atom+xml"' in region and 'href="/feeds/region/syddanmark/atom/"' in region
