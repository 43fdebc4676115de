"""Migrating away the stored region (events 0004): an event already under its region keeps it (and gets it back when
migrating backwards); an event that names another region stops the migration instead of silently changing region."""

import pytest

from portal.events.models import EventPage
from tests import factories as f
from tests.migrating import migrate_to, root_rows  # noqa: F401  (root_rows: a fixture)

# The migrations run for real; the rows Wagtail's own migrations create are put back first.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("root_rows")]
BEFORE, AFTER = ("events", "0003_lifecycle"), ("events", "0004_event_region_is_its_parent")


def test_the_stored_region_goes_only_when_every_event_sits_under_it(tree):
    event = f.EventPageFactory(parent=tree.syd, title="Dagen i Kolding")
    try:
        old_apps = migrate_to(BEFORE)
        OldEventPage = old_apps.get_model("events", "EventPage")
        assert OldEventPage.objects.get(pk=event.pk).region_id == tree.syd.pk  # filled from the parent
        OldEventPage.objects.filter(pk=event.pk).update(region_id=tree.nord.pk)
        with pytest.raises(RuntimeError, match="Dagen i Kolding"):
            migrate_to(AFTER)
        OldEventPage.objects.filter(pk=event.pk).update(region_id=tree.syd.pk)
    finally:
        migrate_to(AFTER)
    assert EventPage.objects.get(pk=event.pk).region == tree.syd
