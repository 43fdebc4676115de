"""Find CPR numbers already stored, and with --fix remove them (safe to run from cron: a second run finds nothing).

Scanned: every page (texts, inline rows, tags, image) and every revision of every page (drafts and submissions
included: the guided form's drafts are page revisions), the models registered with the guard (adaptations),
every image and document (title, file name, and the PDF's text, comments and metadata),
every tag, and the search index tables. Findings are printed masked (010280-xxxx), never the number. The command
exits with status 1 when it found something (after --fix: when something could not be fixed).

--fix: the number is replaced by "[CPR-nummer fjernet]" in the page and every revision (a slug becomes
`side-<id>`), image and document titles, adaptations; a file name holding one is renamed; a tag holding one is
deleted; search index rows holding one are deleted (they are rebuilt when the page is published again); a live page
is unpublished. Each fixed object gets an audit-log entry ("portal.personal_data_redacted").
"""

import json
import os

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import JSONField, SlugField
from modelcluster.models import get_all_child_relations
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Page, Revision

from portal.shared import privacy_guard
from portal.shared.pdfs import UnreadablePdf, pdf_text_findings
from portal.shared.privacy import check, redact, text_of

ACTION = "portal.personal_data_redacted"
SEARCH_APPS = ("portal_search", "wagtailsearch", "modelsearch")
_NOT_TEXT = {"id", "pk", "type", "path", "url_path", "content_type", "translation_key", "locale", "content_object"}


def _masked(errors):
    """The masked numbers in a ValidationError dict (the messages only ever hold masked numbers)."""
    found = set()
    for error_list in errors.values():
        for error in error_list:
            for message in getattr(error, "messages", [str(error)]):
                found.update(part for part in message.split("(")[1:] if "-xxxx" in part)
    return sorted(part.split(")")[0] for part in found) or ["xxxxxx-xxxx"]


def redact_data(data, text_keys=None):
    """Revision content with every CPR number redacted in the values people wrote (ids, paths, dates untouched)."""
    if isinstance(data, dict):
        return {key: value if key in _NOT_TEXT else redact_data(value, text_keys) for key, value in data.items()}
    if isinstance(data, list):
        return [redact_data(item, text_keys) for item in data]
    if isinstance(data, str) and check(data):
        if data[:1] in "[{":
            try:
                return json.dumps(redact_data(json.loads(data)))
            except ValueError:
                pass
        return redact(data)
    return data


class Command(BaseCommand):
    help = "Finds CPR numbers stored in pages, revisions, adaptations, images, documents, tags and the search index."

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Redact, rename, unpublish and log what is found.")

    def handle(self, *args, fix=False, **options):
        self.fix = fix
        self.findings = 0
        self.unfixed = 0
        self.scan_media()
        self.scan_tags()
        self.scan_pages()
        self.scan_registered()
        self.scan_search_index()
        summary = f"{self.findings} fund af CPR-numre."
        if self.findings and fix:
            summary += f" {self.findings - self.unfixed} rettet."
        self.stdout.write(summary)
        if self.findings and (not fix or self.unfixed):
            raise CommandError(summary, returncode=1)

    def report(self, what, masked):
        self.findings += 1
        self.stdout.write(f"{what}: {', '.join(masked)}")

    # --- images and documents -------------------------------------------------------------------------------------

    def scan_media(self):
        for model in (get_image_model(), get_document_model()):
            label = model._meta.verbose_name
            for item in model.objects.all():
                found = privacy_guard.media_errors(item)
                if not found and item.file.name.lower().endswith(".pdf"):
                    found = self.pdf_findings(item, label)
                if found:
                    self.report(f"{label} {item.pk}", sorted({finding.masked for finding in found}))
                    if self.fix:
                        self.fix_media(item)

    def pdf_findings(self, item, label):
        """The CPR numbers in a stored PDF's text, comments and metadata (the upload check's own scan)."""
        try:
            with item.file.open("rb") as handle:
                return pdf_text_findings(handle)
        except FileNotFoundError:
            self.stdout.write(f"{label} {item.pk}: filen findes ikke i lageret")
        except UnreadablePdf:
            self.stdout.write(f"{label} {item.pk}: PDF-filen kunne ikke gennemlæses; se den igennem i hånden")
        return []

    def fix_media(self, item):
        title = redact(item.title) if check(item.title) else item.title
        name = item.file.name
        if check(os.path.basename(name)):
            extension = os.path.splitext(name)[1]
            with item.file.open("rb") as handle:
                new_name = item.file.storage.save(f"{os.path.dirname(name)}/fil-{item.pk}{extension}", handle)
            type(item).objects.filter(pk=item.pk).update(file=new_name, title=title)
            item.file.storage.delete(name)
        else:
            type(item).objects.filter(pk=item.pk).update(title=title)
        item.refresh_from_db()
        if privacy_guard.media_errors(item):  # e.g. the PDF's own text: the uploads module's check
            self.unfixed += 1
        log(instance=item, action=ACTION, data={"title": item.title})

    # --- tags ----------------------------------------------------------------------------------------------------

    def scan_tags(self):
        for tag in Tag.objects.all():
            found = privacy_guard.tag_errors([tag.name]) or check(tag.slug)
            if found:
                self.report(f"emneord {tag.pk}", sorted({finding.masked for finding in found}))
                if self.fix:
                    tag.delete()  # its taggings go with it; the pages are checked next

    # --- pages and revisions ---------------------------------------------------------------------------------------

    def scan_pages(self):
        for page in Page.objects.specific().iterator():
            faulty = []
            errors = privacy_guard.page_errors(page)
            if errors:
                self.report(f"side {page.pk} «{_safe(page.title)}»", _masked(errors))
                faulty.append(None)
            for revision in Revision.page_revisions.filter(object_id=str(page.pk)).order_by("pk"):
                errors = privacy_guard.revision_errors(revision)
                if errors:
                    self.report(f"side {page.pk}, version {revision.pk}", _masked(errors))
                    faulty.append(revision)
            if faulty and self.fix:
                self.fix_page(page, [revision for revision in faulty if revision is not None])

    @transaction.atomic
    def fix_page(self, page, revisions):
        for revision in revisions:
            Revision.objects.filter(pk=revision.pk).update(content=redact_data(revision.content))
        changes = {}
        for name in list(privacy_guard.text_fields(type(page))) + ["draft_title"]:
            value = getattr(page, name)
            if check(text_of(value)):
                changes[name] = redact_data(value.raw_data) if hasattr(value, "raw_data") else redact(str(value))
        if "slug" in changes:
            changes["slug"] = f"side-{page.pk}"
            parent = page.get_parent()
            changes["url_path"] = (parent.url_path if parent else "/") + changes["slug"] + "/"
        if changes:
            type(page).objects.filter(pk=page.pk).update(**changes)
        for relation in _child_relations(page):
            for row in getattr(page, relation.get_accessor_name()).all():
                row_changes = {
                    name: redact(getattr(row, name))
                    for name in privacy_guard.text_fields(type(row))
                    if check(text_of(getattr(row, name)))
                }
                if row_changes:
                    type(row).objects.filter(pk=row.pk).update(**row_changes)
        page = Page.objects.get(pk=page.pk).specific
        errors = privacy_guard.page_errors(page)
        if errors:  # e.g. an image whose PDF text could not be fixed: left for a person, reported
            self.unfixed += 1
            self.stdout.write(f"side {page.pk}: kunne ikke rettes helt: {', '.join(_masked(errors))}")
            return
        if page.live:
            page.unpublish(log_action=True)
        log(instance=page, action=ACTION, data={"revisions": [revision.pk for revision in revisions]})

    # --- registered models (adaptations, snippets) -------------------------------------------------------------------

    def scan_registered(self):
        for model in privacy_guard.registered_models():
            for item in model.objects.all():
                errors = privacy_guard.instance_errors(item)
                if errors:
                    self.report(f"{model._meta.verbose_name} {item.pk}", _masked(errors))
                    if self.fix:
                        changes = {name: _redacted(item, name) for name in errors}
                        model.objects.filter(pk=item.pk).update(**changes)
                        log(instance=item, action=ACTION, data={"fields": sorted(changes)})

    # --- search index ----------------------------------------------------------------------------------------------

    def scan_search_index(self):
        installed = {config.label for config in apps.get_app_configs()}
        for label in SEARCH_APPS:
            if label not in installed:
                continue
            for model in apps.get_app_config(label).get_models():
                names = list(privacy_guard.text_fields(model))
                names += [field.name for field in model._meta.concrete_fields if isinstance(field, JSONField)]
                if not names:
                    continue
                for row in model.objects.only("pk", *names).iterator():
                    found = [finding for name in names for finding in check(text_of(getattr(row, name)))]
                    if found:
                        self.report(f"søgeindeks {model._meta.label} {row.pk}", sorted({f.masked for f in found}))
                        if self.fix:
                            model.objects.filter(pk=row.pk).delete()


def _child_relations(page):
    return get_all_child_relations(page)


def _safe(text):
    return redact(text) if check(text) else text


def _redacted(item, name):
    """A field's value with the number redacted; a slug becomes "<model>-<id>" (a slug cannot hold the marker)."""
    if isinstance(item._meta.get_field(name), SlugField):
        return f"{item._meta.model_name}-{item.pk}"
    return redact(getattr(item, name))
