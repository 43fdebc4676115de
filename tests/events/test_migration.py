"""Migrating away the stored region (events 0004): an event already under its region keeps it (and gets it back when
migrating backwards); an event that names another region stops the migration instead of silently changing region."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from portal.events.models import EventPage
from tests import factories as f
from tests.submission.test_migration import root_rows  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)  # the migrations run for real
BEFORE, AFTER = ("events", "0003_lifecycle"), ("events", "0004_event_region_is_its_parent")


@pytest.fixture
def tree(root_rows, tree):  # noqa: F811
    return tree


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


def test_the_stored_region_goes_only_when_every_event_sits_under_it(tree):
    event = f.EventPageFactory(parent=tree.syd, title="Dagen i Kolding")
    try:
        old_apps = _migrate(BEFORE)
        OldEventPage = old_apps.get_model("events", "EventPage")
        assert OldEventPage.objects.get(pk=event.pk).region_id == tree.syd.pk  # filled from the parent
        OldEventPage.objects.filter(pk=event.pk).update(region_id=tree.nord.pk)
        with pytest.raises(RuntimeError, match="Dagen i Kolding"):
            _migrate(AFTER)
        OldEventPage.objects.filter(pk=event.pk).update(region_id=tree.syd.pk)
    finally:
        _migrate(AFTER)
    assert EventPage.objects.get(pk=event.pk).region == tree.syd
