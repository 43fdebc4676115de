"""Where the personal-data policy (`portal.shared.privacy`) is enforced: once, at the model level.

- Every page model mixes in `GuardedPage`, whose `clean()` refuses a CPR number in any of the page's texts, its
  inline rows, its tags (name and slug), its slug (after it is derived from the title), and the title and file name
  of the images and documents it uses. Forms (the admin's, the guided submission's) call `full_clean`, so they
  only have to put the message at the right field. A system check (`portal.E001`) fails for a page model without it.
- `pre_save` signals refuse the same for whatever saves without cleaning (a draft saved with `clean=False`, the API,
  a management command, a script): pages, revisions (checked as the object they hold), inline rows, images and
  documents (title, file name as given and as it will be stored), tags (name and the slug taggit derives) and the
  models registered with `guard()`, and every other model of the portal's own apps (`guarded_models`, opt-out in
  `NOT_GUARDED`): snippets, inline rows. They raise `ValidationError`, so nothing is written.
- Those models mix in `GuardedModel`, whose `clean()` puts the message at the field (system check `portal.E002`).
"""

import os

from django.apps import apps
from django.core import checks
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models.signals import pre_save
from modelcluster.fields import ParentalKey
from modelcluster.models import get_all_child_relations
from taggit.managers import TaggableManager
from taggit.models import Tag, TagBase
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, get_page_models

from portal.shared.privacy import check, cpr_error, redact, text_of

# Page fields that hold no text a person wrote (or are checked under another name); `file_hash` is a SHA-1 in hex
# (an image's or document's), whose digit runs could read as a date.
_NOT_WRITTEN = {"path", "url_path", "draft_title", "content_type", "locale", "translation_key", "file_hash"}
_EXPLICIT = set()  # models registered with guard()

# Every model of the portal's own apps is guarded by default (`guarded_models`): its text fields and slugs are
# checked before it is saved, and its clean() (the `GuardedModel` mixin, required by the system check portal.E002)
# puts the message at the field in the admin. These apps:
GUARDED_APPS = ("portal", "stories", "methods")
# The explicit opt-out: internal tables that only copy text that was guarded where it was written. Refusing here
# would only break the copy (a search index rebuild, a queued e-mail), never keep a number out.
NOT_GUARDED = {
    "portal_search.SearchEntry": "the search index: copies of pages' texts, guarded on the page",
    "portal_search.SearchFacetValue": "the search index's facet values: copies of guarded page and snippet texts",
    "portal_search.SearchWord": "the search vocabulary: words taken from the guarded search index",
    "outbox.OutgoingMail": "queued e-mails: built from guarded texts; refusing would lose the notification",
    "stories.ReviewReminder": "reminder bookkeeping: a page and dates, no text a person writes",
}


def text_fields(model):
    for model_field in model._meta.concrete_fields:
        texts = isinstance(model_field, models.CharField | models.TextField | RichTextField | StreamField)
        if texts and model_field.name not in _NOT_WRITTEN and not model_field.choices:
            yield model_field.name


def _file_findings(file_object):
    """CPR numbers in a stored or uploaded file's name: as given, and as the storage will name it."""
    if not file_object:
        return []
    name = os.path.basename(file_object.name or "")
    found = check(name)
    if not found and not getattr(file_object, "_committed", True):
        instance, field = getattr(file_object, "instance", None), getattr(file_object, "field", None)
        if instance is not None and field is not None:
            found = check(os.path.basename(field.generate_filename(instance, name)))
    return found


def media_errors(item):
    """Findings in an image's or document's texts (title, description/alt text, any other text field) and file
    name."""
    if item is None:
        return []
    for name in text_fields(type(item)):
        found = check(text_of(getattr(item, name, "")))
        if found:
            return found
    return _file_findings(getattr(item, "file", None))


def media_item_errors(item):
    """{field: [error]} for an image or document: every text field (title, description, …) and the file name."""
    errors = {}
    for name in text_fields(type(item)):
        found = check(text_of(getattr(item, name, "")))
        if found:
            errors[name] = [cpr_error(found)]
    return {**errors, **media_field_errors("", getattr(item, "file", None))}


def media_field_errors(title, file_object):
    """{"title"/"file": [error]} for an image or document being saved or uploaded (admin forms, signals)."""
    errors = {}
    if check(title):
        errors["title"] = [cpr_error(check(title))]
    found = _file_findings(file_object)
    if found:
        errors["file"] = [ValidationError(f"Filnavnet: {cpr_error(found).message}", code="cpr_number")]
    return errors


def _media_message(item, found):
    title = getattr(item, "title", "") or "Filen"
    return f"«{redact(title) if check(title) else title}»: {cpr_error(found).message}"


def tag_errors(names):
    """Findings in tag names and in the slugs taggit derives from them."""
    found = []
    for name in names:
        found += check(name) or check(Tag().slugify(str(name)))
    return found


def instance_errors(instance, errors=None):
    """Text fields, and images and documents referred to, of one model instance, into `errors`."""
    errors = {} if errors is None else errors

    media = (get_image_model(), get_document_model())
    for name in text_fields(type(instance)):
        found = check(text_of(getattr(instance, name, "")))
        if found:
            errors.setdefault(name, []).append(cpr_error(found))
    for model_field in instance._meta.concrete_fields:
        if isinstance(model_field, models.ForeignKey) and issubclass(model_field.related_model, media):
            item = getattr(instance, model_field.name, None) if getattr(instance, model_field.attname) else None
            found = media_errors(item)
            if found:
                errors.setdefault(model_field.name, []).append(ValidationError(_media_message(item, found)))
    return errors


def _tag_managers(instance):
    for model_field in instance._meta.get_fields():
        if isinstance(model_field, TaggableManager):
            yield model_field.name


def page_errors(page):
    """A ValidationError dict for every place in the page that holds a CPR number (empty when none)."""
    errors = instance_errors(page, {})
    if "title" not in errors and check(getattr(page, "draft_title", "")):
        errors["title"] = [cpr_error(check(page.draft_title))]
    for name in _tag_managers(page):
        found = tag_errors(tag.name for tag in getattr(page, name).all())
        if found:
            errors.setdefault(name, []).append(cpr_error(found))
    for relation in get_all_child_relations(page):
        label = _inline_label(type(page), relation.get_accessor_name())
        for position, row in enumerate(getattr(page, relation.get_accessor_name()).all(), start=1):
            for row_errors in instance_errors(row, {}).values():
                for error in row_errors:
                    errors.setdefault(NON_FIELD_ERRORS, []).append(
                        ValidationError(f"{label}, række {position}: {error.messages[0]}", code="cpr_number")
                    )
    return errors


def _inline_label(page_model, relation_name):
    """The heading of the page's InlinePanel for the relation (Danish, as the editor sees it)."""

    def panels(items):
        for panel in items:
            yield panel
            yield from panels(getattr(panel, "children", ()))

    for panel in panels(getattr(page_model, "content_panels", ())):
        if getattr(panel, "relation_name", None) == relation_name:
            return str(panel.heading or panel.label)
    return "Tilknyttede rækker"


class GuardedPage:
    """Mixed into every page model (before Page): no CPR number is ever stored in a page (see the module)."""

    personal_data_guarded = True

    def clean(self):
        super().clean()
        errors = page_errors(self)
        if errors:
            raise ValidationError(errors)


class GuardedModel:
    """Mixed into every guarded model of the portal that is not a page (snippets, inline rows, adaptations): its
    clean() refuses a CPR number in any of its texts at the field (the snippet admin, inline rows in the page admin
    show it there). The `pre_save` guard refuses the same for whatever saves without cleaning."""

    personal_data_guarded = True

    def clean(self):
        super().clean()
        guard_clean(self)


def _portal_model(model):
    app = model._meta.app_config  # None for Django's own unregistered models (migrations.Migration)
    return app is not None and app.name.split(".")[0] in GUARDED_APPS and not model._meta.abstract


def is_guarded(model):
    """Guarded by default: a concrete model of the portal's apps not in NOT_GUARDED, or registered with guard()."""
    return model in _EXPLICIT or (_portal_model(model) and model._meta.label not in NOT_GUARDED)


def guarded_models():
    """Every model whose texts are checked before it is saved (the portal's apps, images, documents, tags)."""
    own = [model for model in apps.get_models() if is_guarded(model)]
    return sorted({*own, get_image_model(), get_document_model(), Tag}, key=lambda model: model._meta.label)


def guard(model):
    """Refuse a CPR number in the model's text fields whenever it is cleaned or saved (a class decorator)."""
    _EXPLICIT.add(model)
    return model


def guard_clean(instance):
    """For a registered model's clean(): refuse a CPR number in any of its texts."""
    _refuse(instance_errors(instance, {}))


def registered_models():
    """The guarded models the scan command reads on their own: the portal's models that are neither pages nor a
    page's inline rows (those are scanned with their page), e.g. adaptations and snippets."""
    return [
        model
        for model in guarded_models()
        if (model in _EXPLICIT or _portal_model(model)) and not issubclass(model, Page) and not _is_page_row(model)
    ]


def _refuse(errors):
    if errors:
        raise ValidationError(errors)


def _before_save(sender, instance, raw=False, **kwargs):
    if raw:  # loading fixtures
        return

    if isinstance(instance, Page):
        _refuse(page_errors(instance))
    elif isinstance(instance, Revision):
        _refuse(revision_errors(instance))
    elif isinstance(instance, get_image_model() | get_document_model()):
        _refuse(media_item_errors(instance))
    elif isinstance(instance, TagBase):
        found = tag_errors([instance.name]) or check(instance.slug)
        if found:  # not at a field: a tag is saved while a page form is being cleaned, with no "name" field
            raise cpr_error(found)
    elif is_guarded(sender) or _is_page_row(sender):
        _refuse(instance_errors(instance, {}))


def _is_page_row(model):
    return any(
        isinstance(model_field, ParentalKey) and issubclass(model_field.related_model, Page)
        for model_field in model._meta.concrete_fields
    )


def revision_errors(revision):
    """The errors of the object a revision holds (a page: as `page_errors`)."""
    obj = revision.content_object if revision.object_id else None
    if obj is None:
        return {}
    held = obj.with_content_json(revision.content)
    return page_errors(held) if isinstance(held, Page) else instance_errors(held, {})


def connect():
    pre_save.connect(_before_save, dispatch_uid="personal_data_guard")


@checks.register()
def every_portal_model_is_guarded(app_configs=None, **kwargs):
    """Every guarded model of the portal that is not a page mixes in GuardedModel (its clean() shows the message at
    the field); a new model is guarded by default, or must be put in NOT_GUARDED with a reason."""
    return [
        checks.Error(
            f"{model.__name__} does not mix in portal.shared.privacy_guard.GuardedModel.",
            hint="Add GuardedModel first in its bases, or list it in privacy_guard.NOT_GUARDED with a reason.",
            obj=model,
            id="portal.E002",
        )
        for model in guarded_models()
        if _portal_model(model) and not issubclass(model, Page) and not getattr(model, "personal_data_guarded", False)
    ]


@checks.register()
def every_page_is_guarded(app_configs=None, **kwargs):
    """Every page model of the portal mixes in GuardedPage (so the admin and the forms show the message)."""
    return [
        checks.Error(
            f"{model.__name__} does not mix in portal.shared.privacy_guard.GuardedPage.",
            hint="Add GuardedPage before Page in its bases: every page must refuse CPR numbers when cleaned.",
            obj=model,
            id="portal.E001",
        )
        for model in get_page_models()
        if not model._meta.app_label.startswith("wagtail") and not getattr(model, "personal_data_guarded", False)
    ]
