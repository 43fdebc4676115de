"""Keeping the search indexes in step with the pages, through background tasks.

Publishing, unpublishing, moving and deleting a page, and renaming a target group, enqueue a task (django-tasks:
the immediate backend runs it inline by default, the database backend with a worker in production), so an editor
never waits for a slow engine. A failing engine is logged and left for `check_search_index` / a rebuild to repair.
The functions below are steps of the publishing pipeline (portal/home/publishing.py), which calls them in order.
"""

import logging

from django.db import transaction
from django_tasks import task
from wagtail.models import Page

from methods.models import MethodPage
from portal.search.documents import TYPES, DocumentBuilder, is_searchable
from portal.search.engines import get_engines
from portal.taxonomy.models import JobcenterPage, RegionPage
from stories.models import StoryPage

logger = logging.getLogger(__name__)
SEARCHABLE = tuple(TYPES.values())


def _each_engine(action, *args):
    for engine in get_engines():
        try:
            action(engine, *args)
        except Exception:  # an engine that is down must not fail the editor's action
            logger.exception("Search index update failed on the %s engine", engine.name)


@task()
def update_pages_task(page_ids: list[int]) -> None:
    pages = [p.specific for p in Page.objects.filter(pk__in=page_ids)]
    live = [p for p in pages if is_searchable(p)]
    gone = set(page_ids) - {p.pk for p in live}
    if live:
        builder = DocumentBuilder()
        documents = [builder.build(page) for page in live]
        _each_engine(lambda engine: engine.index_documents(documents))
    if gone:
        _each_engine(lambda engine: engine.delete_pages(gone))


@task()
def delete_pages_task(page_ids: list[int]) -> None:
    _each_engine(lambda engine: engine.delete_pages(page_ids))


def enqueue_update(page_ids) -> None:
    page_ids = sorted(set(page_ids))
    if page_ids:
        transaction.on_commit(lambda: update_pages_task.enqueue(page_ids))


def page_changed(sender, instance, **kwargs):
    """A page's own document, and the documents that show its title: a method's stories, a place's stories."""
    affected = [instance.pk] if isinstance(instance, SEARCHABLE) else []
    if isinstance(instance, MethodPage):
        affected += StoryPage.objects.filter(methods=instance).values_list("pk", flat=True)
    elif isinstance(instance, JobcenterPage | RegionPage):  # their stories, and a region's events
        affected += Page.objects.descendant_of(instance).type(*SEARCHABLE).values_list("pk", flat=True)
    enqueue_update(affected)


def page_moved(sender, instance, **kwargs):
    """A moved jobcenter or region takes its stories' region and jobcenter facets with it."""
    affected = Page.objects.descendant_of(instance, inclusive=True).type(*SEARCHABLE).values_list("pk", flat=True)
    enqueue_update(affected)


def page_deleting(sender, instance, **kwargs):
    """Before a page is deleted: note the documents to delete with it (its own and its descendants')."""
    if not isinstance(instance, SEARCHABLE) or hasattr(instance, "_search_ids_to_delete"):
        return
    ids = list(Page.objects.descendant_of(instance, inclusive=True).type(*SEARCHABLE).values_list("pk", flat=True))
    instance._search_ids_to_delete = ids


def page_deleted(sender, instance, **kwargs):
    """After the delete is committed: delete the noted documents."""
    ids = getattr(instance, "_search_ids_to_delete", None)
    if ids:
        transaction.on_commit(lambda: delete_pages_task.enqueue(ids))


def target_group_changed(sender, instance, created=False, **kwargs):
    """A renamed group changes the text and facets of every page that uses it (or one of its sub-groups)."""
    if created:
        return
    group_ids = instance.with_descendants()
    enqueue_update(
        [
            *StoryPage.objects.live().filter(target_groups__in=group_ids).values_list("pk", flat=True),
            *MethodPage.objects.live().filter(target_groups__in=group_ids).values_list("pk", flat=True),
        ]
    )
