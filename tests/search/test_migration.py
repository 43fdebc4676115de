"""Migrating to the vocabulary (0002) counts the words of the entries indexed before it existed."""

import io

import pytest
from django.core.management import call_command

from portal.search.models import SearchWord
from tests.migrating import migrate_to, root_rows  # noqa: F401  (root_rows: a fixture)
from tests.search.test_vocabulary import counted_afresh

# The migrations run for real; the rows Wagtail's own migrations create are put back first.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("root_rows")]
BEFORE, AFTER = ("portal_search", "0003_seed_synonyms"), ("portal_search", "0004_search_word")


def test_the_vocabulary_of_an_existing_index_is_counted(tree):
    from tests import factories as f

    for title in ("Mentor for unge", "Unge i praktik", "Kaffe og mentor"):
        f.StoryPageFactory(parent=tree.varde, title=title)
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    expected = counted_afresh()
    assert expected["kaffe"] == 1 and expected["mentor"] >= 2

    migrate_to(BEFORE)
    migrate_to(AFTER)
    assert dict(SearchWord.objects.values_list("word", "frequency")) == expected
