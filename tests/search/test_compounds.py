"""The Danish compound splitter, synonym lists and query expansion, whatever they are given (Hypothesis)."""

import importlib
import re

import pytest
from django.apps import apps
from hypothesis import example, given
from hypothesis import strategies as st

from portal.search import limits
from portal.search.danish.compounds import MAX_PARTS, MIN_PART, parts_list, split, split_all
from portal.search.engines.database_text import fts5_expression
from portal.search.engines.opensearch import text_query
from portal.search.expansion import expand
from portal.search.models import SynonymGroup, synonym_entries
from portal.search.parsing import Alternative, parse_query
from portal.search.text import WORD
from tests.search.test_parsing import parsed_or_refused, texts

seed = importlib.import_module("portal.search.migrations.0003_seed_synonyms")

LISTED = sorted(word for word in parts_list() if len(word) <= 14)
LINKS = st.sampled_from(["", "s", "e"])
ENDINGS = st.sampled_from(["", "e", "er", "ere", "erne", "en", "et"])
listed = st.sampled_from(LISTED)
compounds = st.builds(
    lambda heads, links, last, ending: "".join(h + k for h, k in zip(heads, links, strict=False)) + last + ending,
    st.lists(listed, min_size=1, max_size=3),
    st.lists(LINKS, min_size=3, max_size=3),
    listed,
    ENDINGS,
)
words = st.one_of(compounds, st.text(max_size=70), st.text(alphabet="abdegiklmnoprstuvæøå", max_size=40))


def rejoins(parts, word) -> bool:
    """Do the parts give the word back, with at most a linking s or e after each part but the last?"""
    return re.fullmatch("(?:s|e)?".join(re.escape(p) for p in parts), word) is not None


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("kontanthjælpsmodtager", ("kontanthjælp", "modtager")),
        ("kontanthjælpsmodtagere", ("kontanthjælp", "modtagere")),
        ("sygedagpengemodtagere", ("syge", "dagpenge", "modtagere")),
        ("sygedagpenge", ("syge", "dagpenge")),
        ("jobrehabiliteringsprojekt", ("job", "rehabilitering", "projekt")),
        ("virksomhedspraktik", ("virksomhed", "praktik")),
        ("virksomhedspraktikker", ("virksomhed", "praktikker")),
        ("aktivitetsparate", ("aktivitet", "parate")),
    ],
)
def test_the_field_s_compounds_split_into_their_parts(word, parts):
    assert split(word) == parts


@pytest.mark.parametrize("word", ["dagpenge", "kontanthjælp", "ledige", "arbejdsløse", "misbrugere", "holstebro"])
def test_listed_words_and_their_inflections_stay_whole(word):
    assert split(word) == ()


@given(words)
@example("")
@example("s" * 60)
@example("kontanthjælpsmodtagere" * 3)
@example("Kontanthjælpsmodtager")
def test_split_never_crashes_and_its_parts_give_the_word_back(word):
    parts = split(word)
    assert isinstance(parts, tuple)
    if parts:
        assert 2 <= len(parts) <= MAX_PARTS
        assert all(len(part) >= MIN_PART and WORD.fullmatch(part) for part in parts)
        assert rejoins(parts, word)


@given(st.lists(words, max_size=20))
def test_split_all_gives_the_parts_of_every_compound_in_order(text):
    assert split_all(text) == [part for word in text for part in split(word)]


entry_texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(["ledig", "Arbejdsløs", " , ", "\n", "LAB-loven", "psykisk  sygdom", "\x00", "🙂", ","]),
             max_size=20).map("".join),
)  # fmt: skip


@given(entry_texts)
def test_synonym_entries_are_clean_lower_case_words_each_once(text):
    entries = synonym_entries(text)
    assert len(entries) == len(set(entries))
    for entry in entries:
        assert entry == entry.lower().strip()
        assert all(WORD.fullmatch(word) for word in entry.split(" "))


@pytest.mark.django_db
@given(entry_texts)
def test_a_synonym_group_is_stored_only_as_it_was_cleaned(text):
    group = SynonymGroup(name="Prøve", words=text)
    try:
        group.full_clean()
    except Exception:  # noqa: BLE001  (refused: nothing stored)
        assert not SynonymGroup.objects.filter(name="Prøve").exists()
        return
    group.save()
    assert SynonymGroup.objects.get(pk=group.pk).words.split("\n") == synonym_entries(text)
    group.delete()


@pytest.mark.django_db
def test_expansion_adds_parts_and_synonyms_as_alternatives():
    SynonymGroup.objects.all().delete()  # only this group
    SynonymGroup.objects.create(name="LAB", words="lab-loven\nlov om en aktiv beskæftigelsesindsats")
    query = expand(parse_query("LAB-loven kontanthjælpsmodtagere"))
    lab, compound = query.terms
    assert lab.alternatives == (
        Alternative(("lab", "loven")),
        Alternative(("lov", "om", "en", "aktiv", "beskæftigelsesindsats"), phrase=True),
    )
    assert compound.alternatives == (
        Alternative(("kontanthjælpsmodtagere",)),
        Alternative(("kontanthjælp", "modtagere")),
    )


query_texts = st.one_of(
    texts,
    st.lists(
        st.sampled_from(
            ["kontanthjælpsmodtagere", "sygedagpenge", "psykiske", "lidelser", "LAB-loven", "arbejdsløse", "ledig",
             '"psykisk sygdom"', "fgu", "unge", "jobrehabiliteringsprojekt", "og"]
        ),
        max_size=12,
    ).map(" ".join),
)  # fmt: skip


@pytest.mark.django_db
@given(query_texts)
def test_expansion_keeps_every_typed_word_and_stays_within_the_limits(text):
    seed.seed(apps, None)
    query = parsed_or_refused(text)
    if query is None:
        return
    expanded = expand(query)
    assert set(query.words()) <= {word for term in expanded.terms for word in term.typed.words}
    assert len(expanded.terms) <= len(query.terms)
    for term in expanded.terms:
        assert 1 <= len(term.alternatives) <= limits.MAX_ALTERNATIVES
        assert all(alt.words for alt in term.alternatives)
    fts5_expression(expanded)  # every engine can render it
    text_query(expanded).to_dict()
