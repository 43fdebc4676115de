"""Every public page runs the same number of database queries whatever the size of the corpus."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.events.models import ProgrammeItem
from tests import factories as f


def add_stories(tree, count, start=0):
    stories = []
    for n in range(start, start + count):
        parent = [tree.varde, tree.odense, tree.aalborg][n % 3]
        stories.append(
            f.StoryPageFactory(
                parent=parent,
                title=f"Misbrug og praktik {n}",
                target_groups=[tree.misbrug, tree.aktivitetsparate],
                methods=[tree.mentor, tree.parallel],
                tags=["kaffe", f"emne-{n}"],
            )
        )
    return stories


def queries(client, url):
    client.get(url)  # warm the per-process caches (site root, content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_query_counts_do_not_grow_with_the_corpus(client, tree):
    stories = add_stories(tree, 3)
    event = f.EventPageFactory(parent=tree.syd, status="programme")
    ProgrammeItem.objects.create(page=event, starts_at="10:00", kind="story", story=stories[0])
    story = stories[0]
    urls = [
        "/",
        "/historier/",
        "/historier/?maalgruppe=borgere-med-misbrug&region=syddanmark",
        story.url,
        tree.mentor.url,
        tree.methods_index.url,
        tree.misbrug.get_url(),
        tree.syd.url,
        tree.varde.url,
        event.url,
        "/arrangementer/",
        "/soeg/?q=misbrug&maalgruppe=borgere-med-misbrug&region=syddanmark",
        "/soeg/?q=misbrug&format=json",
        "/feeds/historier/",
    ]
    few = {url: queries(client, url) for url in urls}

    more = add_stories(tree, 12, start=3)
    for other in more[:4]:
        ProgrammeItem.objects.create(page=event, starts_at="11:00", kind="story", story=other)
    many = {url: queries(client, url) for url in urls}

    assert many == few
