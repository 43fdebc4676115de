"""Hostile search URLs, on every engine: none gives a 5xx, each is answered within the limits or refused in Danish.

The URLs are data (tests/search/hostile_urls.txt): the ones from issue 14 and many more of the same kinds.
"""

from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.search import limits
from portal.search.facets import FACETS

HOSTILE_URLS = [
    line
    for line in (Path(__file__).with_name("hostile_urls.txt")).read_text().splitlines()
    if line and not line.startswith("#")
]
REFUSALS = {
    limits.too_long().message,
    limits.too_many_words().message,
    limits.word_too_long().message,
    limits.page_too_deep().message,
    *(limits.too_many_values(label).message for label in ("Type", "Målgruppe", "Metode", "Region", "Jobcenter", "År")),
}


def test_the_corpus_holds_at_least_200_urls():
    assert len(HOSTILE_URLS) >= 200
    assert len(set(HOSTILE_URLS)) == len(HOSTILE_URLS)


def check_answer(path, response):
    """200 with at most a page of results, or 400 with one of the Danish refusals; never anything else."""
    assert response.status_code in (200, 400), (path, response.status_code)
    json = response["Content-Type"].startswith("application/json")
    if path.startswith("/soeg/forslag/"):
        data = response.json()
        assert len(data["suggestions"]) <= 10, path
        if response.status_code == 400:
            assert data["error"] in REFUSALS, path
        return
    if json:
        data = response.json()
        if response.status_code == 400:
            assert data["error"] in REFUSALS and data["limits"] == limits.as_dict(), path
        else:
            assert len(data["results"]) <= data["page_size"] and data["pages"] <= limits.MAX_PAGE, path
            assert all(len(values) <= limits.MAX_VALUES_PER_FACET for values in data["query"]["filters"].values())
        return
    content = response.content.decode()
    if response.status_code == 400:
        assert "Søgningen kan ikke gennemføres" in content, path
        assert any(message in content for message in REFUSALS), path
    else:
        assert content.count('class="search-result"') <= 10, path
    assert "<script>alert" not in content.split("<main", 1)[1], path


@pytest.mark.parametrize("engine", ["database", "opensearch"], indirect=True)
def test_no_hostile_url_breaks_the_search(client, corpus, engine):
    statuses = {}
    for path in HOSTILE_URLS:
        response = client.get(path)
        check_answer(path, response)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
    assert statuses[200] > statuses[400] > 20  # most are answered; the ones past the limits are refused


@pytest.mark.parametrize("engine", ["database"], indirect=True)
@pytest.mark.parametrize(
    "path",
    [
        "/soeg/forslag/?q=mis%22",
        "/soeg/?q=mis%22",
        "/soeg/?q=a%22b%22c%22d",
        "/soeg/?q=mis%00brug",
        "/soeg/?" + urlencode({"q": " ".join(["a"] * 86)}),
        "/soeg/?" + urlencode({"q": "İ" * 100}),
        "/soeg/?" + urlencode({"q": ".".join(["a"] * 86)}),
        "/soeg/?" + urlencode({"q": '<script>alert(1)</script> {"a": [1]}'}),
    ],
)
def test_the_issues_inputs_are_answered(client, corpus, engine, path):
    """One word repeated is one word: only different words count towards the limit."""
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("engine", ["database"], indirect=True)
def test_past_the_limits_the_visitor_is_told_why_in_danish(client, corpus, engine):
    words = " ".join(f"ord{n}" for n in range(13))
    response = client.get("/soeg/", {"q": words})
    assert response.status_code == 400
    assert "Brug højst 12 forskellige ord" in response.content.decode()
    assert f'value="{words}"' in response.content.decode()  # the text stays in the field, to be shortened
    assert client.get("/soeg/", {"q": " ".join(f"ord{n}" for n in range(12))}).status_code == 200

    years = [("q", "z"), *(("aar", str(n)) for n in range(480))]
    data = client.get("/soeg/?" + urlencode([*years, ("format", "json")])).json()
    assert data["error"] == "Du har valgt for mange værdier under »År«. Vælg højst 20 ad gangen."
    assert client.get("/soeg/", {"side": 101}).status_code == 400
    assert (
        client.get("/soeg/forslag/", {"q": "x" * 201}).json()["error"]
        == "Din søgning er for lang. Skriv højst 200 tegn."
    )


@pytest.mark.parametrize("engine", ["database"], indirect=True)
def test_unknown_facet_values_are_ignored(client, corpus, engine):
    data = client.get("/soeg/?q=misbrug&region=findes-ikke&aar=1066&type=historie&format=json").json()
    assert data["query"]["filters"] == {"type": ["historie"]}
    assert data["total"] == 3


@pytest.mark.parametrize("engine", ["database"], indirect=True)
def test_the_no_hits_help_costs_the_same_whatever_the_url_holds(client, corpus, engine, tree):
    """Without hits, the page says what dropping each chosen facet would give: one count per facet, however many
    values the URL holds."""

    def queries(values_per_facet):
        params = [("q", "zzqxj")]
        known = {
            "type": ["historie", "metode", "arrangement"],
            "maalgruppe": ["unge-under-30", "aktivitetsparate", "over-fem-aar", "borgere-med-misbrug"],
            "region": ["nordjylland", "syddanmark"],
            "jobcenter": ["jobcenter-aalborg", "jobcenter-varde", "jobcenter-odense"],
            "metode": ["mentor", "parallelle-indsatser"],
            "aar": ["2020", "2016", "2007", "2021"],
        }
        for facet in FACETS:
            params += [(facet, value) for value in known[facet][:values_per_facet]]
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/soeg/?" + urlencode(params))
        assert "Vi fandt desværre intet" in response.content.decode()
        return len(captured)

    client.get("/soeg/?q=zzqxj")  # facet labels are read once per publish, not per search
    assert queries(1) == queries(4) <= 16
