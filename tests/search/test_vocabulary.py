"""The indexed vocabulary behind corrections and suggestions: kept in step with the pages, and read by the page."""

import io
from collections import Counter
from dataclasses import replace

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.search import vocabulary
from portal.search.documents import DocumentBuilder
from portal.search.engines.database import DatabaseEngine
from portal.search.models import SearchEntry, SearchWord
from portal.search.text import stem
from tests import factories as f


def counts() -> dict[str, int]:
    return dict(SearchWord.objects.values_list("word", "frequency"))


def counted_afresh() -> dict[str, int]:
    fresh = Counter()
    for texts in SearchEntry.objects.values_list("title", "summary", "body"):
        fresh.update(vocabulary.words_of(*texts))
    return dict(fresh)


def test_publishing_editing_and_deleting_keep_the_counts_a_rebuild_would_give(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        story = f.StoryPageFactory(parent=tree.varde, title="Avisruter i eget tempo", summary="Avisruter hver dag.")
        story.save_revision().publish()
    assert counts()["avisruter"] == 1
    assert counts() == counted_afresh()

    with django_capture_on_commit_callbacks(execute=True):
        story.title = "Cykelruter i eget tempo"
        story.summary = "Cykelruter hver uge."
        story.save_revision().publish()
    assert "avisruter" not in counts()  # no entry holds it any more
    assert counts()["cykelruter"] == 1
    assert counts() == counted_afresh()

    with django_capture_on_commit_callbacks(execute=True):
        story.delete()
    assert "cykelruter" not in counts()
    assert counts() == counted_afresh()

    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    rebuilt = counts()
    assert rebuilt == counted_afresh()
    assert all(SearchWord.objects.get(word=w).stem == stem(w) for w in list(rebuilt)[:20])


texts = st.text(alphabet="abcæøå 12-", max_size=40)


@pytest.fixture
def four_stories(tree):
    builder = DocumentBuilder()
    return [builder.build(f.StoryPageFactory(parent=tree.varde)) for _ in range(4)]


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])  # reset in the test
@given(steps=st.lists(st.tuples(st.integers(0, 3), texts, st.booleans()), max_size=12))
def test_any_sequence_of_updates_and_deletions_counts_every_word_of_every_entry(four_stories, steps):
    """Whatever is indexed, changed and removed, in any order, the vocabulary holds exactly the entries' words."""
    engine = DatabaseEngine()
    SearchEntry.objects.all().delete()
    SearchWord.objects.all().delete()
    for number, text, delete in steps:
        doc = four_stories[number]
        if delete:
            engine.delete_pages([doc.page_id])
        else:
            engine.index_documents([replace(doc, body=text)])
        assert counts() == counted_afresh()
        assert all(n > 0 for n in counts().values())


def test_nearest_is_the_closest_then_the_most_frequent(db):
    vocabulary.adjust(Counter({"mentor": 5, "mentorer": 1, "menter": 1, "mikroaktivering": 2, "kaffe": 3}))
    assert vocabulary.nearest("mentr") == "mentor"  # distance 1 to "mentor" and "menter": the more frequent
    assert vocabulary.nearest("mikroaktivring") == "mikroaktivering"
    assert vocabulary.nearest("mikorakitvering") == "mikroaktivering"  # two transpositions
    assert vocabulary.nearest("mikroaktvrng") is None  # three letters missing
    assert vocabulary.nearest("kfe") is None  # under four letters nothing is corrected
    assert vocabulary.nearest("xentor") is None  # the first letter is trusted
    assert vocabulary.completions("ment") == ["mentor", "menter", "mentorer"]


def test_the_page_offers_the_correction_and_says_which_words_were_left_out(client, corpus):
    content = client.get("/soeg/?q=mentr&type=historie").content.decode()
    assert "Ingen resultater for »mentr«. Viser resultater for »mentor«." in content
    assert 'Mente du: <a href="/soeg/?q=mentor&amp;type=historie">mentor</a>?' in content
    assert "Unge med mentor" in content

    content = client.get("/soeg/?q=mentor+unge+fodbold").content.decode()
    assert (
        "Ingen sider indeholder alle ordene. Her er dem, der indeholder de fleste: alle ord undtagen »fodbold«."
        in content
    )
    assert "Unge med mentor" in content
    data = client.get("/soeg/?q=mentor+unge+fodbold&format=json").json()
    assert (data["left_out"], data["did_you_mean"]) == (["fodbold"], "")
    assert data["notice"].endswith("alle ord undtagen »fodbold«.")  # a whole sentence in the JSON too


def test_suggestions_complete_and_correct_from_the_same_vocabulary(client, corpus):
    assert "unge mentor" in client.get("/soeg/forslag/?q=unge+men").json()["suggestions"]
    assert "mentor" in client.get("/soeg/forslag/?q=mentr").json()["suggestions"]
