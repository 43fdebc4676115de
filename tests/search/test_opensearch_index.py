"""The OpenSearch index is rebuilt beside the old one and swapped in atomically through its alias."""

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.parametrize("engine", ["opensearch"], indirect=True)


@pytest.fixture
def opensearch(engine):
    return engine


def test_rebuild_swaps_the_alias_and_drops_the_old_index(opensearch, corpus):
    before = set(opensearch.client.indices.get_alias(name=opensearch.alias))
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    after = set(opensearch.client.indices.get_alias(name=opensearch.alias))
    assert len(after) == 1 and after != before
    assert not any(opensearch.client.indices.exists(index=name) for name in before)
    assert opensearch.client.count(index=opensearch.alias)["count"] == 9


def test_mapping_uses_the_danish_analyzer_and_keyword_facets(opensearch, corpus):
    mapping = opensearch.client.indices.get_mapping(index=opensearch.alias)
    properties = next(iter(mapping.values()))["mappings"]["properties"]
    assert properties["body"]["analyzer"] == "danish"
    assert {properties[f]["type"] for f in ("type", "maalgruppe", "metode", "region", "jobcenter", "aar")} == {
        "keyword"
    }
