"""Writes many new live pages at once, leaving the database as `parent.add_child(instance=page)` followed by
`page.save_revision(user=...).publish()` would, but in a handful of queries per batch instead of dozens per page.

Django's bulk_create cannot insert multi-table-inherited models, so a batch is written in layers: the `Page` rows
(bulk_create returns their keys), the specific model's own table (Django's internal `_insert`, the same call
`Model.save()` ends in), the in-memory cluster relations (ParentalKey children, ParentalManyToManyField rows and
ClusterTaggableManager tags), one revision per page holding `serializable_data()`, the "wagtail.publish" log entry,
the reference index and Wagtail's own search index. Tree paths are computed with treebeard's own helpers and the
parents' `numchild` is raised. Signals are not sent, so the portal's search indexes are rebuilt afterwards.

Only for new pages under existing parents, in one transaction per batch; `tests/benchmark/test_bulk_pages.py`
compares the result with pages made through the normal API.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backend


class BulkPageWriter:
    def __init__(self, user=None, batch_size=500, on_flush=None):
        self.user = user
        self.batch_size = batch_size
        self.on_flush = on_flush  # called with the number of pages written
        self.pending = []
        self.next_step = {}

    def add(self, parent: Page, page: Page) -> Page:
        """Queues a new page (with its cluster relations set in memory) as the last child of parent."""
        if parent.pk not in self.next_step:
            last = parent.get_last_child()
            self.next_step[parent.pk] = last._get_lastpos_in_path() + 1 if last else 1
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, self.next_step[parent.pk])
        self.next_step[parent.pk] += 1
        page.numchild = 0
        page.set_url_path(parent)
        page.draft_title = page.title
        page.content_type = ContentType.objects.get_for_model(page)
        page.locale_id = page.locale_id or parent.locale_id
        page.owner = page.owner or self.user
        page.live = True
        page.has_unpublished_changes = False
        page._cached_parent_obj = parent  # treebeard's parent cache: Page.clean's slug check needs no query
        page.full_clean(validate_unique=False)  # paths are computed here; Page.clean still checks the slug
        _pin_relations(page)
        self.pending.append((parent, page))
        if len(self.pending) >= self.batch_size:
            self.flush()
        return page

    def flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        with transaction.atomic():
            pages = [page for _, page in batch]
            self._insert_pages(pages)
            for model, group in _by_model(pages).items():
                self._insert_specific(model, group)
                self._insert_relations(model, group)
            self._publish(pages)
            self._index(pages)
            children = defaultdict(int)
            for parent, _ in batch:
                children[parent.pk] += 1
            for parent_pk, count in children.items():
                Page.objects.filter(pk=parent_pk).update(numchild=F("numchild") + count)
        if self.on_flush:
            self.on_flush(len(batch))

    def _insert_pages(self, pages):
        base_fields = [f.attname for f in Page._meta.concrete_fields if not f.primary_key]
        rows = Page.objects.bulk_create([Page(**{name: getattr(p, name) for name in base_fields}) for p in pages])
        for page, row in zip(pages, rows, strict=True):
            page.pk = page.id = page.page_ptr_id = row.pk
            page._state.adding = False

    @staticmethod
    def _insert_specific(model, pages):
        chain = [m for m in reversed(model._meta.get_parent_list()) if m is not Page] + [model]
        for table_model in chain:
            fields = list(table_model._meta.local_concrete_fields)
            for start in range(0, len(pages), 200):  # stay under SQLite's variable limit
                # _insert is what Model.save() ends in; bulk_create refuses multi-table models.
                table_model._base_manager._insert(pages[start : start + 200], fields=fields, using=connection.alias)

    @staticmethod
    def _insert_relations(model, pages):
        for relation in get_all_child_relations(model):
            accessor, fk = relation.get_accessor_name(), relation.field.attname
            rows = []
            for page in pages:
                for child in getattr(page, accessor).all():
                    setattr(child, fk, page.pk)
                    rows.append(child)
            if rows:
                relation.related_model.objects.bulk_create(rows, batch_size=500)
        for field in _parental_m2m_fields(model):
            through = field.remote_field.through
            source = field.m2m_field_name() + "_id"
            target = field.m2m_reverse_field_name() + "_id"
            rows = [
                through(**{source: page.pk, target: other.pk})
                for page in pages
                for other in getattr(page, field.name).all()
            ]
            through.objects.bulk_create(rows, batch_size=500)

    def _publish(self, pages):
        now = timezone.now()
        page_type = ContentType.objects.get_for_model(Page)
        revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type=page.content_type,
                    base_content_type=page_type,
                    object_id=str(page.pk),
                    created_at=now,
                    user=self.user,
                    content=page.serializable_data(),
                    object_str=str(page),
                )
                for page in pages
            ]
        )
        for page, revision in zip(pages, revisions, strict=True):
            page.latest_revision = page.live_revision = revision
            page.latest_revision_created_at = now
            page.first_published_at = page.first_published_at or now
            page.last_published_at = now
        # One UPDATE for the batch: each page points at the revision just made for it.
        revision_id = Subquery(
            Revision.objects.filter(base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField()))
            .order_by("-pk")
            .values("pk")[:1]
        )
        Page.objects.filter(pk__in=[page.pk for page in pages]).update(
            latest_revision_id=revision_id,
            live_revision_id=revision_id,
            latest_revision_created_at=now,
            first_published_at=Coalesce(F("first_published_at"), now),
            last_published_at=now,
        )
        PageLogEntry.objects.bulk_create(
            [
                PageLogEntry(
                    page=page,
                    content_type=page.content_type,
                    label=page.get_admin_display_title(),
                    action=action,
                    timestamp=now,
                    user=self.user,
                    revision=revision if action == "wagtail.publish" else None,
                    content_changed=True,
                )
                for page, revision in zip(pages, revisions, strict=True)
                for action in ("wagtail.create", "wagtail.publish")
            ]
        )

    @staticmethod
    def _index(pages):
        page_type = ContentType.objects.get_for_model(Page)
        references = []
        for page in pages:
            for to_type, to_id, model_path, content_path in set(ReferenceIndex._extract_references_from_object(page)):
                references.append(
                    ReferenceIndex(
                        content_type=page.content_type,
                        base_content_type=page_type,
                        object_id=page.pk,
                        to_content_type_id=to_type,
                        to_object_id=to_id,
                        model_path=model_path,
                        content_path=content_path,
                        content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                    )
                )
        ReferenceIndex.objects.bulk_create(references, batch_size=500)
        backend = get_search_backend()
        for model, group in _by_model(pages).items():
            backend.add_bulk(model, list(model.get_indexed_objects().filter(pk__in=[p.pk for p in group])))


def _parental_m2m_fields(model):
    return [f for f in model._meta.many_to_many if isinstance(f, ParentalManyToManyField)]


def _pin_relations(page):
    """Holds every cluster relation in memory (empty when unset), so that reading them after the page has a key
    does not query the database once per relation and page."""
    for relation in get_all_child_relations(type(page)):
        accessor = relation.get_accessor_name()
        setattr(page, accessor, list(getattr(page, accessor).all()))
    for field in _parental_m2m_fields(type(page)):
        setattr(page, field.name, list(getattr(page, field.name).all()))


def _by_model(pages):
    groups = defaultdict(list)
    for page in pages:
        groups[type(page)].append(page)
    return groups
