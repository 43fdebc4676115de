"""Publishing, unpublishing, moving, deleting and renaming keep every engine's index in step, through tasks."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.http import QueryDict

from portal.search.query import SearchParams
from tests import factories as f


def found(engine, querystring):
    return {hit.page_id for hit in engine.search(SearchParams.from_querydict(QueryDict(querystring))).hits}


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    def _publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return page

    return _publish


@pytest.fixture
def story(tree, engine, publish):
    page = f.StoryPageFactory(parent=tree.varde, title="Avisruter i eget tempo", target_groups=[tree.unge])
    return publish(page)


def test_publishing_indexes_the_page(engine, story):
    assert found(engine, "q=avisruter") == {story.pk}
    assert found(engine, "q=avisruter&region=syddanmark&jobcenter=jobcenter-varde") == {story.pk}


def test_unpublishing_removes_it(engine, story, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    assert found(engine, "q=avisruter") == set()


def test_moving_updates_region_and_jobcenter(engine, story, tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        story.move(tree.aalborg, pos="last-child")
    assert found(engine, "q=avisruter&region=nordjylland&jobcenter=jobcenter-aalborg") == {story.pk}
    assert found(engine, "q=avisruter&region=syddanmark") == set()


def test_deleting_removes_it(engine, story, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        story.delete()
    assert found(engine, "q=avisruter") == set()


def test_renaming_a_target_group_reindexes_its_pages(engine, story, tree, django_capture_on_commit_callbacks):
    tree.unge.name = "Unge uden uddannelse"
    with django_capture_on_commit_callbacks(execute=True):
        tree.unge.save()
    assert found(engine, "q=avisruter+uddannelse") == {story.pk}


def test_renaming_a_jobcenter_or_method_reindexes_the_stories_that_show_it(engine, story, tree, publish):
    story.methods.set([tree.mentor])
    publish(story)
    tree.varde.title = "Jobcenter Varde-Billund"
    publish(tree.varde)
    tree.mentor.title = "Mentorordning"
    publish(tree.mentor)
    assert found(engine, "q=avisruter+billund+mentorordning") == {story.pk}


def test_rebuild_and_drift_check(engine, story, tree):
    output = io.StringIO()
    call_command("rebuild_search_index", "--no-progress", stdout=output)
    call_command("check_search_index", stdout=output)  # in step: no error
    extra = f.StoryPageFactory(parent=tree.odense, title="Ikke indekseret endnu")  # created without publishing signals
    with pytest.raises(CommandError):
        call_command("check_search_index", stdout=output)
    assert "1 mangler" in output.getvalue()
    call_command("check_search_index", "--fix", stdout=io.StringIO())
    call_command("check_search_index", stdout=io.StringIO())
    assert found(engine, "q=indekseret") == {extra.pk}
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    assert found(engine, "q=avisruter") == {story.pk}


@pytest.mark.parametrize("engine", ["database"], indirect=True)
def test_with_the_database_task_backend_a_worker_does_the_indexing(engine, tree, settings, publish, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The worker closes its database connection between tasks; inside this test's transaction that would roll the
    # test back, so the worker keeps the connection here.
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    page = publish(f.StoryPageFactory(parent=tree.varde, title="Mikrojob i kø", target_groups=[tree.unge]))
    assert found(engine, "q=mikrojob") == set()  # queued, not yet done: the editor did not wait
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO())
    assert found(engine, "q=mikrojob") == {page.pk}
