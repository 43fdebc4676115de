"""For the tests that run migrations for real (transactional): the rows Wagtail's migrations create, and migrating
to a given state. A test module imports `root_rows` (a fixture) and uses it before anything else:

    pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("root_rows")]
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Collection, Locale, Page


@pytest.fixture
def root_rows(transactional_db, settings):
    """Transactional tests that ran before this one (the browser tests) empty the database, the rows Wagtail's
    migrations create included: put back the locale, the root page and the root collection."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", live=True))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def migrate_to(target):
    """Migrate the app of `target` (app label, migration name) to it; the historical apps at that state."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps
