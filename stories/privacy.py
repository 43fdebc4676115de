"""The personal-data policy applied to a whole story: thin names over `portal.shared.privacy_guard` (what is
refused) and `portal.shared.privacy` (the warnings a consultant acknowledges)."""

from portal.shared.privacy import identifying_details
from portal.shared.privacy_guard import page_errors
from portal.taxonomy.models import JobcenterPage

# Texts checked for warnings. The contact fields are not: a contact person's e-mail and phone number belong there.
TEXT_FIELDS = (
    "title",
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
INLINE_FIELDS = {
    "partners": ("Samarbejdspartnere", ("name", "contribution")),
    "results": ("Resultater i tal", ("figure", "outcome", "base", "period")),
    "attachments": ("Bilag", ("title",)),
}


def _label(story, field_name):
    return str(story._meta.get_field(field_name).verbose_name).capitalize()


def inline_texts(story):
    """(inline label, position, text) for every text a contributor wrote in the story's inline rows."""
    for relation, (label, fields) in INLINE_FIELDS.items():
        for position, row in enumerate(getattr(story, relation).all(), start=1):
            for field in fields:
                yield label, position, getattr(row, field, "")


def cpr_errors(story):
    """A ValidationError dict for every place in the story that holds a CPR number (empty when none)."""
    return page_errors(story)


def warnings(story, municipalities=None):
    """Likely identifying details in the story, each message prefixed with where it is."""
    if municipalities is None:
        municipalities = list(JobcenterPage.objects.values_list("municipality", flat=True).distinct())
    found = []
    for field in TEXT_FIELDS:
        for message in identifying_details(getattr(story, field, ""), municipalities):
            found.append(f"{_label(story, field)}: {message}")
    for label, position, text in inline_texts(story):
        for message in identifying_details(text, municipalities):
            found.append(f"{label}, række {position}: {message}")
    return found
