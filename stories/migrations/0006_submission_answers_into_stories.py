"""The guided form now edits the draft story itself; StorySubmission.data (the answers as typed) goes in 0007.

What the old answers held is moved first, with the historical models only (a migration of its own: PostgreSQL
cannot alter a table in the transaction that updated its rows):
- a draft that was never submitted (no page yet) becomes a draft StoryPage under its jobcenter, built from the
  answers the way the old form would have built it (plain text into paragraphs), so nothing typed is lost;
- a submitted story whose answers were saved after the story's newest revision (corrections saved with
  "Gem og fortsæt senere" after "Ændringer ønsket", which the old form then threw away) gets those corrections as a
  new revision, by the user who started it;
- older answers of a submitted story are a stale copy of it and are dropped.
A value holding a CPR number (the old form stored refused values as typed) is never copied: it is left out.
"""

import datetime
import decimal
import json
import re
import uuid

from django.core.exceptions import ValidationError
from django.db import migrations, models
from django.utils import timezone
from django.utils.html import escape

from portal.shared.privacy import validate_no_cpr
from portal.shared.slugs import danish_slugify

STEPS = ("om", "indsats", "resultater", "kontakt")
PLAIN = ("title", "summary", "dose_progression", "parallel_tracks", "contact_name", "contact_role", "contact_phone")
RICH = ("problem", "results_summary", "success_factors", "challenges", "lessons")
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
UNTITLED = "Historie uden titel"


def _clean(text):
    """A typed value, or "" when it holds a CPR number."""
    text = str(text or "").strip()
    try:
        validate_no_cpr(text)
    except ValidationError:
        return ""
    return text


def _first(answers, step, name):
    values = answers.get(step, {}).get(name) or [""]
    return _clean(values[0] if isinstance(values, list) else values)


def _html(text):
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    return "".join("<p>{}</p>".format(escape(p).replace("\n", "<br/>")) for p in paragraphs)


def _date(text):
    try:
        return datetime.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _hours(text):
    try:
        hours = decimal.Decimal(text.replace(",", ".")) if text else None
    except decimal.InvalidOperation:
        return None
    return hours if hours is not None and 0 <= hours <= 40 else None


def _rows(answers, step, prefix, fields):
    rows = []
    for index in range(30):
        row = {name: _first(answers, step, f"{prefix}-{index}-{name}")[:300] for name in fields}
        if any(row.values()):
            rows.append(row)
    return rows


def _ids(model, values):
    wanted = [int(v) for v in values or [] if str(v).isdigit()]
    return list(model.objects.filter(pk__in=wanted).values_list("pk", flat=True))


def _values(apps, answers):
    """The answers as the story's field values (only the fields the answers hold)."""
    values = {name: _first(answers, step, name) for step in STEPS for name in PLAIN if name in answers.get(step, {})}
    values.update({name: _html(_first(answers, "indsats" if name == "problem" else "resultater", name))
                   for name in RICH if name in answers.get("indsats" if name == "problem" else "resultater", {})})
    om = answers.get("om", {})
    if "status" in om:
        values["status"] = _first(answers, "om", "status") if _first(answers, "om", "status") in ("ongoing", "ended") else "ongoing"
    for name in ("period_start", "period_end"):
        if name in om:
            values[name] = _date(_first(answers, "om", name))
    if "contact_email" in answers.get("kontakt", {}):
        email = _first(answers, "kontakt", "contact_email")
        values["contact_email"] = email if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email) else ""
    if "dose_start_hours" in answers.get("indsats", {}):
        values["dose_start_hours"] = _hours(_first(answers, "indsats", "dose_start_hours"))
    extra = {}
    if "practice" in answers.get("indsats", {}):
        extra["paragraphs"] = _html(_first(answers, "indsats", "practice"))
    if "om" in answers:
        extra["target_groups"] = _ids(apps.get_model("taxonomy", "TargetGroup"), om.get("target_groups"))
        extra["methods"] = _ids(apps.get_model("methods", "MethodPage"), om.get("methods"))
        extra["tags"] = [tag.strip()[:100] for tag in _first(answers, "om", "tags").split(",") if tag.strip()]
    if "indsats" in answers:
        extra["partners"] = [
            {**row, "kind": row["kind"] if row["kind"] else "other"}
            for row in _rows(answers, "indsats", "partner", ("kind", "name", "contribution"))
        ]
    if "resultater" in answers:
        extra["results"] = _rows(answers, "resultater", "resultat", ("figure", "outcome", "base", "period", "documentation"))
    uploads = answers.get("uploads") or {}
    if uploads:
        extra["image"] = (_ids(apps.get_model("wagtailimages", "Image"), [uploads.get("image")]) or [None])[0]
        documents = set(_ids(apps.get_model("wagtaildocs", "Document"), [a.get("document") for a in uploads.get("attachments", [])]))
        extra["attachments"] = [
            {"document": a["document"], "title": _clean(a.get("title"))[:200]}
            for a in uploads.get("attachments", [])
            if a.get("document") in documents
        ]
    return values, extra


def _tag_ids(apps, names):
    Tag = apps.get_model("taggit", "Tag")
    ids = []
    for name in names:
        tag = Tag.objects.filter(name=name).first()
        if tag is None:
            slug = base = danish_slugify(name)[:90] or "emne"
            number = 2
            while Tag.objects.filter(slug=slug).exists():
                slug, number = f"{base}-{number}", number + 1
            tag = Tag.objects.create(name=name, slug=slug)
        ids.append(tag.pk)
    return ids


def _next_path(Page, parent):
    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    number = 0
    for char in last.path[-4:] if last else "":
        number = number * 36 + ALPHABET.index(char)
    number += 1
    segment = ""
    for _ in range(4):
        number, rest = divmod(number, 36)
        segment = ALPHABET[rest] + segment
    return parent.path + segment


def _create_draft(apps, submission, values, extra):
    Page = apps.get_model("wagtailcore", "Page")
    StoryPage = apps.get_model("stories", "StoryPage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    parent = Page.objects.get(pk=submission.jobcenter_id)
    title = values.pop("title", "") or UNTITLED
    base = slug = danish_slugify(title)[:70] or "historie"
    number = 2
    while Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1, slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    content_type, _created = ContentType.objects.get_or_create(app_label="stories", model="storypage")
    practice = [{"type": "paragraph", "value": extra["paragraphs"], "id": str(uuid.uuid4())}] if extra.get("paragraphs") else []
    page = StoryPage.objects.create(
        title=title,
        draft_title=title,
        slug=slug,
        content_type=content_type,
        path=_next_path(Page, parent),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{slug}/",
        live=False,
        has_unpublished_changes=True,
        owner_id=submission.created_by_id,
        locale_id=parent.locale_id,
        translation_key=uuid.uuid4(),
        practice=practice,
        image_id=extra.get("image"),
        **values,
    )
    Page.objects.filter(pk=parent.pk).update(numchild=models.F("numchild") + 1)
    for relation, model in (("partners", "StoryPartner"), ("results", "StoryResult"), ("attachments", "StoryAttachment")):
        Child = apps.get_model("stories", model)
        Child.objects.bulk_create(Child(page_id=page.pk, sort_order=i, **row) for i, row in enumerate(extra.get(relation, [])))
    for name, target in (("target_groups", "targetgroup_id"), ("methods", "methodpage_id")):
        through = StoryPage._meta.get_field(name).remote_field.through
        through.objects.bulk_create(through(storypage_id=page.pk, **{target: pk}) for pk in extra.get(name, []))
    StoryTag = apps.get_model("stories", "StoryTag")
    StoryTag.objects.bulk_create(StoryTag(content_object_id=page.pk, tag_id=pk) for pk in _tag_ids(apps, extra.get("tags", [])))
    submission.page_id = page.pk
    submission.save(update_fields=["page"])


def _correct(apps, submission, values, extra):
    """Corrections saved after the newest revision become a new revision on top of it."""
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    page = Page.objects.get(pk=submission.page_id)
    latest = Revision.objects.filter(pk=page.latest_revision_id).first()
    if latest is None or submission.updated_at <= latest.created_at:
        return  # a stale copy of the story: the story is newer
    content = dict(latest.content)
    for name, value in values.items():
        content[name] = value.isoformat() if isinstance(value, datetime.date) else (str(value) if isinstance(value, decimal.Decimal) else value)
    if "title" in values and not values["title"]:
        content["title"] = latest.content.get("title")
    if extra.get("paragraphs") is not None:
        stream = json.loads(content.get("practice") or "[]")
        kept, placed = [], False
        for block in stream:
            if block.get("type") != "paragraph":
                kept.append(block)
            elif not placed:
                kept.append({"type": "paragraph", "value": extra["paragraphs"], "id": block.get("id") or str(uuid.uuid4())})
                placed = True
        if not placed and extra["paragraphs"]:
            kept.insert(0, {"type": "paragraph", "value": extra["paragraphs"], "id": str(uuid.uuid4())})
        content["practice"] = json.dumps(kept)
    for relation in ("partners", "results", "attachments"):
        if relation in extra:
            content[relation] = [{"pk": None, "page": page.pk, "sort_order": i, **row} for i, row in enumerate(extra[relation])]
    for name in ("target_groups", "methods", "image"):
        if name in extra:
            content[name] = extra[name]
    if "tags" in extra:
        content["tagged_items"] = [{"pk": None, "tag": pk, "content_object": page.pk} for pk in _tag_ids(apps, extra["tags"])]
    now = timezone.now()
    revision = Revision.objects.create(
        content_type_id=latest.content_type_id,
        base_content_type_id=latest.base_content_type_id,
        object_id=latest.object_id,
        content=content,
        user_id=submission.created_by_id,
        object_str=content.get("title") or page.title,
        created_at=now,
    )
    Page.objects.filter(pk=page.pk).update(
        latest_revision=revision, latest_revision_created_at=now, draft_title=content.get("title") or page.title,
        has_unpublished_changes=True,
    )


def answers_into_stories(apps, schema_editor):
    StorySubmission = apps.get_model("stories", "StorySubmission")
    for submission in StorySubmission.objects.order_by("pk").iterator():
        answers = submission.data or {}
        if not any(answers.get(step) for step in (*STEPS, "uploads")):
            continue
        values, extra = _values(apps, answers)
        if submission.page_id:
            _correct(apps, submission, values, extra)
        else:
            _create_draft(apps, submission, values, extra)


class Migration(migrations.Migration):

    dependencies = [
        ('stories', '0005_adaptations'),
    ]

    operations = [
        migrations.AlterField(
            model_name='storypage',
            name='period_start',
            field=models.DateField(null=True, verbose_name='periode fra'),
        ),
        migrations.RunPython(answers_into_stories, migrations.RunPython.noop),
    ]
