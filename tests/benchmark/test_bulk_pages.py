"""The bulk page writer leaves the database exactly as Wagtail's own add_child + save_revision().publish() does."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.forms.models import model_to_dict
from django.urls import reverse
from modelcluster.models import get_all_child_relations
from wagtail.blocks import StreamValue
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.rich_text import RichText

from portal.benchmark.bulk_pages import BulkPageWriter
from stories.models import StoryPage, StoryPartner, StoryResult

# Differ between any two pages by nature: identity, position in the tree, time of creation.
IDENTITY = {
    "id",
    "page_ptr",
    "path",
    "slug",
    "url_path",
    "translation_key",
    "latest_revision",
    "live_revision",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
    "title",
    "draft_title",
}


def new_story(tree, title):
    page = StoryPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        summary="Mikroaktivering på få timer om ugen, trappet langsomt op.",
        status="ended",
        period_start=date(2007, 1, 1),
        problem="<p>Borgerne havde været ledige i årevis.</p>",
        practice=[("paragraph", RichText("<p>Første møde var en kop kaffe.</p>"))],
        lessons="<p>Start småt.</p>",
        contact_name="Fiktiv kontakt",
        contact_role="Jobkonsulent",
        contact_email="kontakt@kommune.example.dk",
    )
    page.target_groups = [tree.misbrug, tree.aktivitetsparate]
    page.methods = [tree.mentor]
    page.tags.add("kaffe", "optrapning")
    page.partners = [StoryPartner(kind="health", name="Egen læge", contribution="Vurderede restarbejdsevnen")]
    page.results = [
        StoryResult(figure="12 af 20", outcome="i job", base="20 borgere", period="2007", documentation="monitoring")
    ]
    return page


def comparable(value):
    if isinstance(value, StreamValue):
        return [{k: v for k, v in block.items() if k != "id"} for block in value.get_prep_value()]
    if isinstance(value, QuerySet):
        return sorted(obj.pk for obj in value)
    return value


def snapshot(page):
    """Everything the database holds about a page, minus what differs between any two pages anyway."""
    page = Page.objects.get(pk=page.pk).specific
    ct = ContentType.objects.get_for_model(Page)
    revisions = list(Revision.objects.filter(base_content_type=ct, object_id=str(page.pk)))
    children = {
        relation.get_accessor_name(): sorted(
            str({k: v for k, v in model_to_dict(child).items() if k not in {"id", "page", "content_object"}})
            for child in getattr(page, relation.get_accessor_name()).all()
        )
        for relation in get_all_child_relations(StoryPage)
    }
    return {
        "fields": {k: comparable(v) for k, v in model_to_dict(page).items() if k not in IDENTITY},
        "live": (page.live, page.has_unpublished_changes, page.live_revision_id == page.latest_revision_id),
        "children": children,
        "tags": sorted(page.tags.names()),
        "revisions": [(len(revisions), sorted(r.content) == sorted(revisions[0].content)) for r in revisions[:1]],
        "revision_fields": sorted(revisions[0].content),
        "log": [entry.action for entry in PageLogEntry.objects.filter(page=page)],
        "references": sorted(
            (r.to_content_type_id, r.to_object_id, r.model_path)
            for r in ReferenceIndex.objects.filter(base_content_type=ct, object_id=page.pk)
        ),
        "admin_search": list(StoryPage.objects.live().search(page.title).results()) == [page],
    }


def publish_through_api(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_bulk_pages_are_indistinguishable_from_pages_made_through_the_api(tree, client, admin_client):
    made = publish_through_api(tree.varde, new_story(tree, "Kaffe i Varde"))
    writer = BulkPageWriter(batch_size=2)
    bulk = [writer.add(tree.varde, new_story(tree, f"Kaffe i bulk {n}")) for n in range(3)]
    writer.flush()

    expected = snapshot(made)
    assert expected["children"]["partners"] and expected["references"], "the comparison must compare something"
    for page in bulk:
        assert snapshot(page) == expected
    # The tree is consistent: paths, depths and the parent's child count.
    assert all(not problem for problem in Page.find_problems())
    assert tree.varde.get_children().count() == Page.objects.get(pk=tree.varde.pk).numchild == 4
    # Visitors and editors see the bulk pages like any other.
    response = client.get(bulk[2].url)
    assert response.status_code == 200 and "Kaffe i bulk 2" in response.text
    assert "Kaffe i bulk 1" in client.get(tree.stories_index.url).text
    assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[bulk[0].pk])).status_code == 200
    # The API goes on working after them: a new sibling, and a new revision of a bulk page.
    later = publish_through_api(tree.varde, new_story(tree, "Senere historie"))
    assert later.path > bulk[2].path
    page = StoryPage.objects.get(pk=bulk[0].pk)
    page.summary = "Rettet resumé."
    page.save_revision().publish()
    assert client.get(page.url).text.count("Rettet resumé.") >= 1
    assert all(not problem for problem in Page.find_problems())


@pytest.mark.django_db
def test_a_bulk_page_with_a_cpr_number_is_refused(tree):
    page = new_story(tree, "Med personnummer")
    page.summary = "Borgeren med CPR 010190-1234 fik job."
    with pytest.raises(Exception, match="CPR"):
        BulkPageWriter().add(tree.varde, page)
