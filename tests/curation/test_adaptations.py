"""'Vi har også prøvet det': another jobcenter records how it adapted a story; its consultant approves it; then it
shows on the original."""

import pytest
from django.core import mail

from stories.models import StoryAdaptation
from tests import factories as f


@pytest.fixture
def story(tree):
    return f.StoryPageFactory(parent=tree.varde, title="Mikroaktivering i Varde")


def tell(client, story, **data):
    fields = {
        "changes": "Vi startede med en time om ugen.",
        "outcome": "Otte af tolv kom videre.",
        "no_personal_data": "on",
        **data,
    }
    return client.post(f"/mine-historier/historie/{story.pk}/proevet/", fields)


def test_a_contributor_from_another_jobcenter_tells_how_they_adapted_a_story(
    client, story, roles, tree, django_capture_on_commit_callbacks
):
    client.force_login(roles["aalborg_contributor"])
    form = client.get(f"/mine-historier/historie/{story.pk}/proevet/")
    assert form.status_code == 200
    assert "Fortæl, hvordan I brugte «Mikroaktivering i Varde»" in form.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = tell(client, story)
    assert response.status_code == 302 and response["Location"] == story.url
    adaptation = StoryAdaptation.objects.get()
    assert adaptation.jobcenter == tree.aalborg and adaptation.status == StoryAdaptation.SUBMITTED
    # Moderated like a story: the adapting jobcenter's regional consultants hear of it.
    assert [m.to for m in mail.outbox] == [[roles["nord_consultant"].email]]
    assert "Jobcenter Aalborg" in mail.outbox[0].body
    # Not shown before it is approved.
    assert "Otte af tolv kom videre." not in client.get(story.url).content.decode()


def test_bad_input_gets_a_danish_error_and_nothing_is_stored(client, story, roles):
    client.force_login(roles["aalborg_contributor"])
    response = tell(client, story, changes="", outcome="Borgeren 010190-1234 kom i job.")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Fortæl, hvad I gjorde anderledes." in content
    assert "CPR-nummer" in content
    assert not StoryAdaptation.objects.exists()


def test_the_storys_own_jobcenter_and_people_without_a_jobcenter_cannot_tell(client, story, roles):
    client.force_login(roles["varde_contributor"])
    assert client.get(f"/mine-historier/historie/{story.pk}/proevet/").status_code == 403
    client.force_login(roles["reader"])
    assert tell(client, story).status_code == 403
    assert not StoryAdaptation.objects.exists()
    client.logout()
    assert client.get(f"/mine-historier/historie/{story.pk}/proevet/")["Location"].startswith("/log-ind/")


def test_the_consultant_approves_it_and_it_shows_on_the_original(
    client, story, roles, tree, django_capture_on_commit_callbacks
):
    adaptation = StoryAdaptation.objects.create(
        story=story,
        jobcenter=tree.aalborg,
        changes="Kortere forløb.",
        outcome="Flere kom i praktik.",
        created_by=roles["aalborg_contributor"],
    )
    client.force_login(roles["syd_consultant"])  # another region's consultant: not theirs to review
    assert "Jobcenter Aalborg" not in client.get("/admin/snippets/stories/storyadaptation/").content.decode()
    assert client.get(f"/admin/snippets/stories/storyadaptation/edit/{adaptation.pk}/").status_code == 404

    client.force_login(roles["nord_consultant"])
    listing = client.get("/admin/snippets/stories/storyadaptation/").content.decode()
    assert "Jobcenter Aalborg prøvede «Mikroaktivering i Varde»" in listing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/snippets/stories/storyadaptation/edit/{adaptation.pk}/",
            {
                "changes": "Kortere forløb.",
                "outcome": "Flere kom i praktik.",
                "status": "approved",
                "review_comment": "",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    adaptation.refresh_from_db()
    assert adaptation.status == StoryAdaptation.APPROVED
    assert mail.outbox[-1].to == [roles["aalborg_contributor"].email]
    assert mail.outbox[-1].subject == "Jeres erfaring vises nu: Mikroaktivering i Varde"

    content = client.get(story.url).content.decode()
    shown = content[content.index("Vi har også prøvet det") :]
    assert "Jobcenter Aalborg" in shown and "Flere kom i praktik." in shown
