"""Nothing refused is written: a step holding a CPR number leaves no trace in the database, in storage, in the logs
or in e-mail; the contributor gets the page back with what they typed. Files that are removed leave storage."""

import io
import logging
import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry, Revision

from stories.models import StoryPage
from tests.submission.helpers import ANSWERS, current_revision, fill_in, open_step, start_submission, step_url, submit
from tests.upload_files import pdf as pdf_file

pytestmark = pytest.mark.django_db
CPR = "010190-1234"
TRACE = re.compile(r"010190\D{0,3}1234")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def contributor(client, roles):
    client.force_login(roles["varde_contributor"])
    return client


def _png(name="foto.png", size=(12, 8)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "blue").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def _pdf(name="evaluering.pdf"):
    return SimpleUploadedFile(name, pdf_file(pages=("Evaluering",)), content_type="application/pdf")


def _files(media):
    return sorted(str(path.relative_to(media)) for path in Path(media).rglob("*") if path.is_file())


def _traces(media, caplog):
    """Every place the refused number could have been written to."""
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    found = {"database": bool(TRACE.search(dump.getvalue()))}
    found["logs"] = any(TRACE.search(record.getMessage()) for record in caplog.records)
    found["mail"] = any(TRACE.search(message.subject + message.body) for message in mail.outbox)
    found["storage"] = any(TRACE.search(name) for name in _files(media)) or any(
        TRACE.search(path.read_bytes().decode("latin-1")) for path in Path(media).rglob("*") if path.is_file()
    )
    return found


NOWHERE = {"database": False, "logs": False, "mail": False, "storage": False}


def test_a_refused_title_on_a_new_story_writes_nothing_at_all(contributor, tree, media, caplog):
    caplog.set_level(logging.DEBUG)
    submission = start_submission(contributor)
    log_entries = PageLogEntry.objects.count()
    response = contributor.post(
        step_url(submission, "om"),
        {**ANSWERS["om"], "title": f"Forløb {CPR} i Varde", "target_groups": [tree.aktivitetsparate.pk], "gem": "1"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Feltet indeholder et CPR-nummer" in html and 'href="#id_title"' in html
    assert "Borgere langt fra arbejdsmarkedet" in html  # the rest of what was typed comes back
    assert not StoryPage.objects.exists() and not Revision.objects.exists()
    assert PageLogEntry.objects.count() == log_entries
    assert CPR not in contributor.get(reverse("stories:my_stories")).content.decode()
    assert _traces(media, caplog) == NOWHERE


def test_a_refused_step_stores_no_draft_revision_image_document_or_file(contributor, tree, media, caplog):
    submission = start_submission(contributor)
    fill_in(contributor, submission, tree)
    revisions, files = Revision.objects.count(), _files(media)
    caplog.set_level(logging.DEBUG)
    response = contributor.post(
        step_url(submission, "kontakt"),
        {
            **open_step(contributor, submission, "kontakt"),
            "contact_role": f"Konsulent for {CPR}",
            "image": _png(f"borger {CPR}.png"),
            "image_alt": f"Borgeren {CPR} i værkstedet",
            "attachment": _pdf(),
            "attachment_title": f"Journal {CPR}",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#id_contact_role"' in html and "Vælg billedet eller bilaget igen" in html
    assert f"Konsulent for {CPR}" in html  # what was typed is on the page, not in the database
    assert Revision.objects.count() == revisions
    assert not get_image_model().objects.exists() and not get_document_model().objects.exists()
    assert _files(media) == files
    assert _traces(media, caplog) == NOWHERE
    assert StoryPage.objects.get().get_latest_revision_as_object().contact_role == "Virksomhedskonsulent"


def test_a_refused_text_block_keeps_the_other_blocks_and_the_saved_story(contributor, tree, media, caplog):
    submission = start_submission(contributor)
    fill_in(contributor, submission, tree)
    caplog.set_level(logging.DEBUG)
    form = open_step(contributor, submission, "indsats")
    response = contributor.post(step_url(submission, "indsats"), {**form, "blok-0-text": f"Borgeren {CPR} startede."})
    assert response.status_code == 400
    assert 'href="#id_blok-0-text"' in response.content.decode()
    assert "Vi fandt virksomheder" in str(StoryPage.objects.get().get_latest_revision_as_object().practice)
    assert _traces(media, caplog) == NOWHERE


def test_an_image_title_never_comes_from_a_refused_story_title_and_submitting_never_fails(
    contributor, tree, media, caplog
):
    """Used to be: the refused title was copied into the image's title, and after fixing the title, submitting gave
    a server error because the image's title still held the number."""
    caplog.set_level(logging.DEBUG)
    submission = start_submission(contributor)
    refused = {**ANSWERS["om"], "title": f"Forløb {CPR}", "target_groups": [tree.aktivitetsparate.pk]}
    assert contributor.post(step_url(submission, "om"), refused).status_code == 400
    fill_in(contributor, submission, tree)
    contributor.post(
        step_url(submission, "kontakt"),
        {**open_step(contributor, submission, "kontakt"), "image": _png(), "image_alt": "Et værksted med en bænk"},
    )
    assert submit(contributor, submission).status_code == 302
    assert get_image_model().objects.get().title == "Et værksted med en bænk"
    assert _traces(media, caplog) == NOWHERE


def test_an_image_with_a_number_in_its_old_title_is_reported_not_a_server_error(contributor, tree, media):
    """An image stored by the old form with the story's refused title: the review step says where, and saving the
    contact step again gives the image its description as title."""
    submission = start_submission(contributor)
    fill_in(contributor, submission, tree)
    contributor.post(
        step_url(submission, "kontakt"),
        {**open_step(contributor, submission, "kontakt"), "image": _png(), "image_alt": "Et værksted"},
    )
    get_image_model().objects.update(title=f"Forløb {CPR}")  # as the old form stored it
    response = submit(contributor, submission)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kontakt og bilag" in html and "CPR-nummer" in html
    contributor.post(step_url(submission, "kontakt"), open_step(contributor, submission, "kontakt"))
    assert get_image_model().objects.get().title == "Et værksted"
    assert submit(contributor, submission).status_code == 302


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the transaction to commit (Wagtail deletes files then) as a real request would."""

    def post(client, url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post


def test_removed_and_replaced_files_are_deleted_from_storage(contributor, tree, media, commit):
    submission = start_submission(contributor)
    fill_in(contributor, submission, tree)
    form = open_step(contributor, submission, "kontakt")
    contributor.post(
        step_url(submission, "kontakt"),
        {**form, "image": _png("foerste.png"), "image_alt": "Første", "attachment": _pdf(), "attachment_title": "Ev"},
    )
    first_image, document = get_image_model().objects.get(), get_document_model().objects.get()
    first_path, document_path = Path(first_image.file.path), Path(document.file.path)
    assert first_path.exists() and document_path.exists()

    commit(
        contributor,
        step_url(submission, "kontakt"),
        {**open_step(contributor, submission, "kontakt"), "image": _png("anden.png"), "image_alt": "Anden"},
    )
    assert not first_path.exists() and not get_image_model().objects.filter(pk=first_image.pk).exists()
    second = get_image_model().objects.get()
    form = open_step(contributor, submission, "kontakt")
    commit(
        contributor, step_url(submission, "kontakt"), {**form, "fjern_billede": "on", "fjern_bilag": str(document.pk)}
    )
    assert not Path(second.file.path).exists() and not document_path.exists()
    assert not get_image_model().objects.exists() and not get_document_model().objects.exists()
    story = StoryPage.objects.get().get_latest_revision_as_object()
    assert story.image is None and not story.attachments.all()


def test_a_file_used_by_another_story_is_not_deleted(contributor, tree, media, roles):
    image = get_image_model().objects.create(title="Fælles", file=ImageFile(_png(), name="faelles.png"))
    submission = start_submission(contributor)
    fill_in(contributor, submission, tree)
    story = StoryPage.objects.get().get_latest_revision_as_object()
    story.image = image
    story.save_revision(user=roles["varde_contributor"])
    contributor.post(
        step_url(submission, "kontakt"),
        {
            **open_step(contributor, submission, "kontakt"),
            "fjern_billede": "on",
            "revision": current_revision(submission),
        },
    )
    assert get_image_model().objects.filter(pk=image.pk).exists()  # not an upload waiting in the private collection
