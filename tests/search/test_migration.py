"""Migrating to the vocabulary (0002) counts the words of the entries indexed before it existed."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from portal.search.models import SearchWord
from tests.search.test_vocabulary import counted_afresh
from tests.submission.test_migration import root_rows  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)  # the migrations run for real
BEFORE, AFTER = ("portal_search", "0003_seed_synonyms"), ("portal_search", "0004_search_word")


@pytest.fixture
def tree(root_rows, tree):  # noqa: F811
    return tree


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])


def test_the_vocabulary_of_an_existing_index_is_counted(tree):
    from tests import factories as f

    for title in ("Mentor for unge", "Unge i praktik", "Kaffe og mentor"):
        f.StoryPageFactory(parent=tree.varde, title=title)
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    expected = counted_afresh()
    assert expected["kaffe"] == 1 and expected["mentor"] >= 2

    _migrate(BEFORE)
    _migrate(AFTER)
    assert dict(SearchWord.objects.values_list("word", "frequency")) == expected
