"""`manage.py scan_personal_data` finds CPR numbers already stored (here planted behind the guard's back, as data
from before the guard would be), prints them masked, and with --fix redacts, unpublishes and logs; run again it
finds nothing (safe from cron)."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import ModelLogEntry, PageLogEntry, Revision

from portal.search.models import SearchEntry
from portal.shared.privacy import REDACTED
from stories.models import StoryAdaptation, StoryPage
from tests import factories as f

pytestmark = pytest.mark.django_db
ACTION = "portal.personal_data_redacted"


def scan(*args):
    out = io.StringIO()
    try:
        call_command("scan_personal_data", *args, stdout=out)
    except CommandError as error:
        assert error.returncode == 1
        return out.getvalue(), 1
    return out.getvalue(), 0


@pytest.fixture
def story(tree):
    story = f.StoryPageFactory(parent=tree.varde, target_groups=[tree.unge], title="Mentor til unge")
    story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)


def test_a_clean_site_has_no_findings(story):
    assert scan() == ("0 fund af CPR-numre.\n", 0)


def test_a_cpr_number_in_an_old_revision_is_found_masked_and_redacted(story):
    old = story.latest_revision
    content = {**old.content, "summary": "Borgeren 01.02.80-1234 fik en mentor."}
    Revision.objects.filter(pk=old.pk).update(content=content)  # as stored before the guard existed
    newer = story.save_revision()
    newer.publish()

    output, status = scan()
    assert status == 1
    assert f"side {story.pk}, version {old.pk}: 010280-xxxx" in output
    assert "1234" not in output.replace("010280-xxxx", "")

    output, status = scan("--fix")
    assert status == 0 and "1 rettet" in output
    assert Revision.objects.get(pk=old.pk).content["summary"] == f"Borgeren {REDACTED} fik en mentor."
    story.refresh_from_db()
    assert not story.live
    assert PageLogEntry.objects.filter(page=story, action=ACTION).exists()
    assert PageLogEntry.objects.filter(page=story, action="wagtail.unpublish").exists()

    assert scan() == ("0 fund af CPR-numre.\n", 0)  # idempotent: nothing left, nothing done
    assert scan("--fix")[1] == 0
    assert PageLogEntry.objects.filter(page=story, action=ACTION).count() == 1


def test_the_live_page_its_slug_the_search_index_and_an_adaptation_are_fixed(tree, story):
    StoryPage.objects.filter(pk=story.pk).update(problem="<p>Se <b>010280</b>\u20111234</p>", slug="x-010280-1234")
    SearchEntry.objects.create(page=story, type="story", title="Mentor", body="Se 010280-1234", url="/x/")
    adaptation = StoryAdaptation.objects.bulk_create(
        [StoryAdaptation(story=story, jobcenter=tree.odense, changes="Også 010280 1234", outcome="Godt")]
    )[0]

    output, status = scan()
    assert status == 1 and output.count("010280-xxxx") >= 3

    scan("--fix")
    story = StoryPage.objects.get(pk=story.pk)
    assert not story.live and story.slug == f"side-{story.pk}" and REDACTED in story.problem
    assert not SearchEntry.objects.filter(page=story).exists()
    adaptation.refresh_from_db()
    assert adaptation.changes == f"Også {REDACTED}"
    assert ModelLogEntry.objects.filter(action=ACTION).exists()
    assert scan()[1] == 0


def test_a_cpr_number_inside_a_stored_pdf_is_found_by_page_and_never_printed(tree, settings, tmp_path):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from tests.upload_files import pdf

    settings.MEDIA_ROOT = str(tmp_path)
    document = get_document_model()(title="Evaluering")
    document.file.save("evaluering.pdf", ContentFile(pdf(pages=("Forord", "Borger 010280-1234 fik job"))), save=False)
    document.save()  # stored before the upload check existed: the title and the file name are clean

    output, code = scan()
    assert code == 1
    assert f"dokument {document.pk}" in output.lower() and "010280-xxxx" in output
    assert "1234" not in output


def test_the_scan_finds_and_fixes_a_number_in_a_snippet_stored_before_the_guard_covered_it():
    from portal.taxonomy.models import TargetGroup

    group = TargetGroup.objects.create(name="Voksne", slug="voksne", description="Voksne over 30.")
    TargetGroup.objects.filter(pk=group.pk).update(slug="hostile-0102801234", description="Borger 010280-1234")
    output, status = scan()
    assert status == 1 and "010280-xxxx" in output and "0102801234" not in output
    scan("--fix")
    group.refresh_from_db()
    assert group.slug == f"targetgroup-{group.pk}" and "1234" not in group.description
    assert scan()[1] == 0  # run again: nothing left
