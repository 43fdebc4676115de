"""The personal-data guard applied to a whole story: every field, inline, tag and file name a contributor controls."""

import os

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from portal.shared.privacy import cpr_error, find_cpr_numbers, identifying_details, text_of

# Fields checked for CPR numbers. The contact fields are checked for CPR numbers but not for warnings: a contact
# person's e-mail and phone number belong there.
TEXT_FIELDS = (
    "title",
    "slug",
    "seo_title",
    "search_description",
    "summary",
    "problem",
    "practice",
    "dose_progression",
    "parallel_tracks",
    "results_summary",
    "success_factors",
    "challenges",
    "lessons",
)
CONTACT_FIELDS = ("contact_name", "contact_role", "contact_email", "contact_phone")
INLINE_FIELDS = {
    "partners": ("Samarbejdspartnere", ("name", "contribution")),
    "results": ("Resultater i tal", ("figure", "outcome", "base", "period")),
    "attachments": ("Bilag", ("title",)),
}


def _label(story, field_name):
    return str(story._meta.get_field(field_name).verbose_name).capitalize()


def _file_names(story):
    """(where, file name) for the story's image and attachments."""
    if story.image_id and story.image:
        yield "image", os.path.basename(story.image.file.name), story.image.title
    for attachment in story.attachments.all():
        document = attachment.document
        yield NON_FIELD_ERRORS, os.path.basename(document.file.name), document.title


def inline_texts(story):
    """(inline label, position, text) for every text a contributor wrote in the story's inline rows."""
    for relation, (label, fields) in INLINE_FIELDS.items():
        for position, row in enumerate(getattr(story, relation).all(), start=1):
            for field in fields:
                yield label, position, getattr(row, field, "")


def cpr_errors(story):
    """A ValidationError dict for every place in the story that holds a CPR number (empty when none)."""
    errors = {}
    for field in TEXT_FIELDS + CONTACT_FIELDS:
        found = find_cpr_numbers(text_of(getattr(story, field, "")))
        if found:
            errors.setdefault(field, []).append(cpr_error(found))
    tag_names = " ".join(tag.name for tag in story.tags.all())
    if find_cpr_numbers(tag_names):
        errors.setdefault("tags", []).append(cpr_error(find_cpr_numbers(tag_names)))
    for label, position, text in inline_texts(story):
        found = find_cpr_numbers(text)
        if found:
            message = cpr_error(found).message
            errors.setdefault(NON_FIELD_ERRORS, []).append(ValidationError(f"{label}, række {position}: {message}"))
    for where, file_name, title in _file_names(story):
        found = find_cpr_numbers(file_name) or find_cpr_numbers(title)
        if found:
            message = cpr_error(found).message
            errors.setdefault(where, []).append(ValidationError(f"Filen «{file_name}»: {message}"))
    return errors


def warnings(story, municipalities=None):
    """Likely identifying details in the story, each message prefixed with where it is."""
    if municipalities is None:
        from portal.taxonomy.models import JobcenterPage

        municipalities = list(JobcenterPage.objects.values_list("municipality", flat=True).distinct())
    found = []
    for field in TEXT_FIELDS:
        if field == "slug":
            continue
        for message in identifying_details(getattr(story, field, ""), municipalities):
            found.append(f"{_label(story, field)}: {message}")
    for label, position, text in inline_texts(story):
        for message in identifying_details(text, municipalities):
            found.append(f"{label}, række {position}: {message}")
    return found


def check(story):
    """Raise the CPR errors of a story (used by StoryPage.clean, so at every save, submit and publish)."""
    errors = cpr_errors(story)
    if errors:
        raise ValidationError(errors)
