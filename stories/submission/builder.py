"""From a submission's answers to a draft story page in the review workflow, and back again for corrections."""

import re

from django.utils.html import escape, strip_tags
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.rich_text import RichText

from portal.shared.slugs import danish_slugify
from stories.models import StoryAttachment, StoryPartner, StoryResult

PLAIN_FIELDS = (
    "title",
    "summary",
    "status",
    "period_start",
    "period_end",
    "dose_start_hours",
    "dose_progression",
    "parallel_tracks",
    "contact_name",
    "contact_role",
    "contact_email",
    "contact_phone",
)
RICH_FIELDS = ("problem", "results_summary", "success_factors", "challenges", "lessons")
SUBMISSIONS_COLLECTION = "Indsendelser (ikke udgivet)"


def text_to_html(text):
    """Paragraphs separated by a blank line become <p>; everything is escaped, so no markup gets through."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    return "".join("<p>{}</p>".format(escape(p).replace("\n", "<br>")) for p in paragraphs)


def html_to_text(html):
    text = re.sub(r"<br\s*/?>", "\n", html or "")
    text = re.sub(r"</p>\s*", "\n\n", text)
    return strip_tags(text).strip()


def submissions_collection():
    """Uploads wait here until their story is published; its documents are served to editors and consultants only."""
    from django.contrib.auth.models import Group

    from portal.roles.models import RoleGroup
    from portal.roles.setup import EDITORS

    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=SUBMISSIONS_COLLECTION).first()
    collection = collection or root.add_child(name=SUBMISSIONS_COLLECTION)
    restriction, _created = CollectionViewRestriction.objects.get_or_create(
        collection=collection, defaults={"restriction_type": CollectionViewRestriction.GROUPS}
    )
    reviewers = Group.objects.filter(name=EDITORS) | Group.objects.filter(portal_role__role=RoleGroup.CONSULTANT)
    restriction.groups.set(reviewers)
    return collection


def _slug(title):
    return danish_slugify(title)[:70] or "historie"


def _available_slug(jobcenter, title, page):
    base = candidate = _slug(title)
    siblings = jobcenter.get_children().exclude(pk=page.pk) if page.pk else jobcenter.get_children()
    number = 2
    while siblings.filter(slug=candidate).exists():
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def apply_answers(page, cleaned, uploads, jobcenter):
    """Write the cleaned answers into the (unsaved or draft) page, including its inline rows and taxonomy."""
    about, practice, results, contact = (cleaned[s]["main"] for s in ("om", "indsats", "resultater", "kontakt"))
    merged = {**about, **practice, **results, **contact}
    for name in PLAIN_FIELDS:
        setattr(page, name, merged.get(name) if merged.get(name) is not None else "")
    page.period_end = merged.get("period_end")
    page.dose_start_hours = merged.get("dose_start_hours")
    for name in RICH_FIELDS:
        setattr(page, name, text_to_html(merged.get(name)))
    kept_blocks = [(block.block_type, block.value) for block in page.practice if block.block_type != "paragraph"]
    paragraphs = [
        ("paragraph", RichText(text_to_html(p))) for p in re.split(r"\n\s*\n", merged["practice"]) if p.strip()
    ]
    page.practice = paragraphs + kept_blocks
    page.slug = page.slug or _available_slug(jobcenter, merged["title"], page)
    page.target_groups = list(about["target_groups"])
    page.methods = list(about["methods"])
    page.tags.set(about["tags"], clear=True)
    page.partners = [StoryPartner(**row) for row in cleaned["indsats"]["partners"]]
    page.results = [StoryResult(**row) for row in cleaned["resultater"]["results"]]
    page.image_id = uploads.get("image")
    page.attachments = [
        StoryAttachment(document_id=row["document"], title=row["title"]) for row in uploads.get("attachments", [])
    ]
    return page


def answers_from_page(page):
    """A story's latest revision as the form's raw answers, so a contributor corrects what the consultant saw."""
    page = page.get_latest_revision_as_object()
    text = {name: html_to_text(getattr(page, name)) for name in RICH_FIELDS}
    practice = "\n\n".join(
        html_to_text(block.value.source) for block in page.practice if block.block_type == "paragraph"
    )

    def value(name):
        current = getattr(page, name)
        return [] if current is None else [str(current)]

    def rows(prefix, objects, fields):
        answers = {f"{prefix}-TOTAL_FORMS": [str(len(objects) + 1)], f"{prefix}-INITIAL_FORMS": ["0"]}
        for index, obj in enumerate(objects):
            for name in fields:
                answers[f"{prefix}-{index}-{name}"] = [str(getattr(obj, name))]
        return answers

    return {
        "om": {
            **{name: value(name) for name in ("title", "summary", "status", "period_start", "period_end")},
            "target_groups": [str(group.pk) for group in page.target_groups.all()],
            "methods": [str(method.pk) for method in page.methods.all()],
            "tags": [", ".join(tag.name for tag in page.tags.all())],
        },
        "indsats": {
            "problem": [text["problem"]],
            "practice": [practice],
            **{name: value(name) for name in ("dose_start_hours", "dose_progression", "parallel_tracks")},
            **rows("partner", list(page.partners.all()), ("kind", "name", "contribution")),
        },
        "resultater": {
            **{name: [text[name]] for name in ("results_summary", "success_factors", "challenges", "lessons")},
            **rows(
                "resultat",
                list(page.results.all()),
                ("figure", "outcome", "base", "period", "documentation"),
            ),
        },
        "kontakt": {name: value(name) for name in ("contact_name", "contact_role", "contact_email", "contact_phone")},
        "uploads": {
            "image": page.image_id,
            "image_alt": page.image.description if page.image_id else "",
            "attachments": [{"document": a.document_id, "title": a.display_title} for a in page.attachments.all()],
        },
    }
