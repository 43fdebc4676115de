"""Saving one step of the guided form as a new revision of the draft story (a Wagtail draft).

In one transaction, on the locked submission row:
1. The step's forms are bound to the story's newest version and to what was posted.
2. A colleague's save since the form was opened (the posted `revision`) that changed this step's fields is a
   conflict: nothing is saved and the contributor is told, with what they typed still on the page. A colleague's
   save of other steps is kept: this step is written on top of it.
3. The forms are validated with required fields deferred (a draft may be incomplete), the values written onto the
   story in memory, and the story-level guard (`stories.privacy.cpr_errors`) run on the result. Anything refused
   (a CPR number anywhere, an invalid value) means nothing at all is written: no page, no revision, no file, no
   log line; the errors go to their fields.
4. Only then are files stored and the page and its revision saved, the way Wagtail's admin saves a draft
   (`EditPageAction`: page permissions and locks checked, the edit logged). Files the contributor removed are
   deleted once the transaction has committed; files written by a save that fails are deleted again.
"""

import json
import re
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from wagtail.actions.edit_page import EditPageAction, EditPermissionError
from wagtail.models import Revision

from portal.shared.slugs import danish_slugify
from stories import privacy
from stories.models import StoryPage, StorySubmission
from stories.submission.files import Uploads
from stories.submission.steps import StepEditor

# Keys of a revision's content that say nothing about what a reader sees.
_NOT_CONTENT = {"pk", "id", "page", "sort_order", "content_object"}


@dataclass
class Outcome:
    editor: StepEditor
    saved: bool = False
    conflict: dict | None = None  # {"user": …, "at": …, "fields": [labels]}
    locked: bool = False
    submission: StorySubmission | None = None
    moved_to: int | None = None  # the block a move button moved


@dataclass
class _Refused(Exception):
    editor: StepEditor
    errors: dict = field(default_factory=dict)


def newest_version(submission, user=None):
    """The story as last saved (its newest revision), or a new, unsaved story for a submission not saved yet."""
    if submission.page_id:  # read afresh: a page object held since before a save knows an older revision
        return StoryPage.objects.get(pk=submission.page_id).get_latest_revision_as_object()
    return StoryPage(owner=user, live=False)


def document_ids(story):
    """Documents the story already has or links to: the only ones its rich text may link to."""
    ids = {attachment.document_id for attachment in story.attachments.all()}
    content = json.dumps(story.serializable_data(), cls=DjangoJSONEncoder)
    for tag in re.findall(r"<a [^>]*>", content.replace('\\"', '"')):
        if 'linktype="document"' in tag:
            ids.update(int(target) for target in re.findall(r'\bid="(\d+)"', tag))
    return ids


def _comparable(value):
    if isinstance(value, list):
        return [_comparable(item) for item in value]
    if isinstance(value, dict):
        return {key: _comparable(item) for key, item in value.items() if key not in _NOT_CONTENT}
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return _comparable(json.loads(value))  # StreamField content is stored as a JSON string
        except ValueError:
            return value
    return value


def changed_by_others(page, base_revision_id, step):
    """What a save after `base_revision_id` (the version the contributor's form showed) changed in this step, as
    {"user", "at", "fields"}; None when nothing of the step changed."""
    latest = page.latest_revision
    if latest is None or str(latest.pk) == str(base_revision_id or ""):
        return None
    base = (
        Revision.page_revisions.filter(pk=base_revision_id, object_id=str(page.pk)).first()
        if base_revision_id
        else None
    )
    before, after = (base.content if base else {}), latest.content
    labels = []
    for name in step.fields:
        key = "tagged_items" if name == "tags" else name
        if _comparable(before.get(key)) != _comparable(after.get(key)):
            labels.append(_label(name))
    if base is None and not labels:
        labels = ["historien"]  # the form was opened on a version that is gone: say so rather than guess
    return {"user": latest.user, "at": latest.created_at, "fields": labels} if labels else None


def _label(name):
    try:
        return str(StoryPage._meta.get_field(name).verbose_name)
    except Exception:  # a child relation
        return {"partners": "samarbejdspartnere", "results": "resultater i tal", "attachments": "bilag"}.get(name, name)


def _available_slug(jobcenter, title):
    base = candidate = danish_slugify(title)[:70] or "historie"
    number = 2
    while jobcenter.get_children().filter(slug=candidate).exists():
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _all_errors(refused, submission, user, data):
    """A step that cannot be saved shows everything that is wrong with it at once, the missing fields too: the
    same posted values bound again and validated in full (the uploads keep the first check's result)."""
    story = newest_version(submission, user)
    editor = StepEditor(refused.step, story, data, documents=document_ids(story))
    if editor.blocks and refused.blocks:
        editor.blocks.blocks = refused.blocks.blocks  # keep a move that was asked for
    editor.is_valid()
    if editor.blocks:
        editor.blocks.block_errors.extend(refused.blocks.block_errors)
    editor.uploads = refused.uploads
    return editor


def save_step(submission, step, user, data, files, move=None):
    """Save the posted step into the draft story. Returns an Outcome; `saved` is False when nothing was written."""
    uploads = Uploads()
    editor = None
    try:
        with transaction.atomic():
            submission = StorySubmission.objects.select_for_update().select_related("jobcenter").get(pk=submission.pk)
            page = submission.page.specific if submission.page_id else None
            story = newest_version(submission, user)
            editor = StepEditor(step, story, data, files, documents=document_ids(story))
            moved_to = editor.blocks.move(move) if editor.blocks and move else None
            base = data.get("revision", "")
            base = base if base.isdigit() else ""
            if page is not None:
                conflict = changed_by_others(page, base, step)
                if conflict:
                    return Outcome(editor, conflict=conflict, submission=submission)
            elif base:
                return Outcome(editor, conflict={"user": None, "at": None, "fields": ["historien"]})
            if not editor.is_valid(deferred=True):
                raise _Refused(editor)
            editor.apply()
            if not editor.check_blocks(deferred=True):
                raise _Refused(editor)
            if editor.uploads is not None:
                uploads.plan(editor.uploads, data, story)
            if page is None and not story.title:  # Wagtail stores no page without a title
                raise _Refused(editor, {"title": ["Giv først historien en titel under «Om historien»."]})
            if page is None:
                story.slug = _available_slug(submission.jobcenter, story.title)  # checked below, once derived
            errors = privacy.cpr_errors(story)
            if errors:
                raise _Refused(editor, errors)
            if editor.uploads is not None:
                uploads.store(editor.uploads, story, user)
            if page is None:
                submission.jobcenter.add_child(instance=story)
                story.save_revision(user=user, log_action=True, clean=False)
                submission.page = story
            else:
                EditPageAction(story, user=user, clean=False).execute()
            submission.save(update_fields=["page", "updated_at"])
            uploads.delete_removed()
        return Outcome(editor, saved=True, submission=submission, moved_to=moved_to)
    except _Refused as refused:
        uploads.undo()
        editor = refused.editor
        if "gem" not in data:
            editor = _all_errors(refused.editor, submission, user, data)
        # else "Gem og fortsæt senere": a draft may be incomplete, so required fields stay deferred and only what
        # refused the save (a CPR number, an invalid value) is shown (the forms were validated with deferred=True).
        editor.add_story_errors(refused.errors)
        return Outcome(editor, submission=submission)
    except ValidationError as error:  # the model's own guard, when saving
        uploads.undo()
        editor.add_story_errors(
            error.error_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
        )
        return Outcome(editor, submission=submission)
    except EditPermissionError:
        uploads.undo()
        return Outcome(editor, locked=True, submission=submission)
