"""Anonymous page views come from the cache until published content changes; logged-in users are never cached."""

import pytest
from django.core.cache import cache
from hypothesis import given
from hypothesis import strategies as st

from tests import factories as f


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def test_the_second_anonymous_view_is_served_from_the_cache(client, tree):
    story = f.StoryPageFactory(parent=tree.varde, title="Kaffe i Varde")
    first = client.get(story.url)
    assert first["X-Page-Cache"] == "miss"
    second = client.get(story.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "script-src 'self'" in second["Content-Security-Policy"]  # security headers still on a hit
    assert second["X-Frame-Options"] == "DENY"


def test_publishing_and_unpublishing_empty_the_cache(client, tree):
    story = f.StoryPageFactory(parent=tree.varde, title="Første titel")
    client.get("/historier/")
    assert client.get("/historier/")["X-Page-Cache"] == "hit"

    draft = story.get_latest_revision_as_object()
    draft.title = "Anden titel"
    draft.save_revision().publish()
    listing = client.get("/historier/")
    assert listing["X-Page-Cache"] == "miss" and "Anden titel" in listing.content.decode()

    client.get(story.url)
    story.unpublish()
    assert client.get(story.url).status_code == 404
    assert "Anden titel" not in client.get("/historier/").content.decode()


def test_renaming_a_target_group_empties_the_cache(client, tree):
    f.StoryPageFactory(parent=tree.varde, target_groups=[tree.misbrug])
    client.get("/historier/")
    assert client.get("/historier/")["X-Page-Cache"] == "hit"
    tree.misbrug.name = "Borgere i misbrugsbehandling"
    tree.misbrug.save()
    response = client.get("/historier/")
    assert response["X-Page-Cache"] == "miss" and "Borgere i misbrugsbehandling" in response.content.decode()


def test_logged_in_users_and_their_pages_are_never_cached(client, tree, roles):
    story = f.StoryPageFactory(parent=tree.varde)
    client.force_login(roles["varde_contributor"])
    for url in [story.url, story.url, "/mine-historier/", "/mine-historier/"]:
        assert "X-Page-Cache" not in client.get(url)
    client.logout()
    assert client.get(story.url)["X-Page-Cache"] == "miss"  # nothing the contributor saw was stored


def test_search_results_are_cached_per_format_and_the_admin_never(client, tree):
    f.StoryPageFactory(parent=tree.varde, title="Misbrug og kaffe", target_groups=[tree.misbrug])
    client.get("/soeg/?q=misbrug")
    assert client.get("/soeg/?q=misbrug", HTTP_ACCEPT="application/json")["X-Page-Cache"] == "miss"
    assert client.get("/soeg/?q=misbrug", HTTP_ACCEPT="application/json")["Content-Type"] == "application/json"
    assert client.get("/soeg/?q=misbrug")["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get("/admin/login/")


def test_errors_are_not_cached(client, tree):
    assert "X-Page-Cache" not in client.get("/findes-ikke/")


def test_derived_values_follow_publishing_even_with_the_page_cache_off(client, tree, settings, django_user_model):
    """The menu and the search's facet labels are kept between publishes, for logged-in users too."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    f.StoryPageFactory(parent=tree.varde, title="Kaffe i Varde", target_groups=[tree.misbrug])
    user = django_user_model.objects.create_user("laeser", password="hemmeligt-kodeord-1")
    client.force_login(user)
    assert "Sådan bruges portalen" not in client.get("/").text

    guide = f.StandardPageFactory(
        parent=tree.home, title="Sådan bruges portalen", slug="vejledning", show_in_menus=True, live=False
    )
    guide.save_revision().publish()
    assert "<span>Sådan bruges portalen</span>" in client.get("/").text  # the menu is read again after the publish

    search = "/soeg/?maalgruppe=borgere-med-misbrug"
    assert "Borgere med misbrug" in client.get(search).text
    tree.misbrug.name = "Borgere med et misbrug"
    tree.misbrug.save()  # renaming a target group empties the derived values too
    assert "Borgere med et misbrug" in client.get(search).text


def page_entries() -> list[str]:
    """The cached pages (not the small notes of what each address reads) in the test's in-memory cache."""
    return [key for key in cache._cache if ":page-cache:" in key and ":page:" in key]


def test_fifty_requests_with_random_tracking_parameters_make_one_entry(client, tree):
    import secrets

    f.StoryPageFactory(parent=tree.varde, title="Kaffe i Varde")
    answers = [client.get("/historier/", {"utm_source": secrets.token_hex(8)}) for _ in range(50)]
    assert all(answer.status_code == 200 for answer in answers)
    assert len(page_entries()) == 1
    assert sum(answer.get("X-Page-Cache") == "hit" for answer in answers) >= 48
    for answer in answers[1:]:  # the junk never reaches the page's own links
        assert "utm_source" not in answer.text


def test_facet_values_in_any_order_share_an_entry_and_a_read_parameter_makes_its_own(client, tree):
    for n in range(14):
        f.StoryPageFactory(parent=tree.varde, title=f"Historie nummer {n}", target_groups=[tree.misbrug, tree.unge])
    both = "maalgruppe=borgere-med-misbrug&maalgruppe=unge-under-30"
    first = client.get(f"/historier/?{both}")
    again = client.get("/historier/?maalgruppe=unge-under-30&maalgruppe=borgere-med-misbrug&maalgruppe=unge-under-30")
    assert again["X-Page-Cache"] == "hit" and again.content == first.content
    assert client.get(f"/historier/?{both}&fbclid=x&maalgruppe=")["X-Page-Cache"] == "hit"

    second_page = client.get(f"/historier/?{both}&side=2")
    assert second_page["X-Page-Cache"] == "miss" and second_page.content != first.content
    assert client.get(f"/historier/?side=02&{both}")["X-Page-Cache"] == "hit"  # the same page number
    assert len(page_entries()) == 2


def test_search_keys_on_its_own_parameters_only(client, tree):
    answers = [client.get("/soeg/", {"q": " misbrug ", "ref": f"nyhedsbrev-{n}"}) for n in range(5)]
    assert all('value="misbrug"' in answer.text for answer in answers)
    assert [answer.get("X-Page-Cache") for answer in answers[2:]] == ["hit"] * 3
    assert len(page_entries()) == 1
    other = client.get("/soeg/", {"q": "kaffe"})
    assert other["X-Page-Cache"] == "miss" and 'value="kaffe"' in other.text


def test_a_view_that_declares_nothing_is_not_cached_with_a_query_string(client, tree):
    for n in range(5):
        client.get("/sitemap.xml", {"x": n})
    assert page_entries() == []
    client.get("/sitemap.xml")
    assert client.get("/sitemap.xml")["X-Page-Cache"] == "hit"


def test_every_listing_declares_the_filters_it_reads():
    from methods.filters import MethodFilter
    from methods.models import MethodIndexPage
    from stories.filters import StoryFilter
    from stories.models import StoryIndexPage

    for page, filterset in [(StoryIndexPage, StoryFilter), (MethodIndexPage, MethodFilter)]:
        assert {*filterset.base_filters, "side"} <= set(page.cache_parameters)


names = st.sampled_from(["q", "side", "maalgruppe", "aar", "utm_source", "fbclid", "x", "Side", "q "])
pairs = st.lists(st.tuples(names, st.text(max_size=12)), max_size=12)


@given(pairs=pairs, order=st.randoms())
def test_the_cache_key_holds_declared_parameters_only_in_one_order(pairs, order):
    from django.http import QueryDict
    from django.utils.http import urlencode

    from portal.shared.page_cache import normalised_query

    declared = ("q", "side", "maalgruppe", "aar")
    query = normalised_query(QueryDict(urlencode(pairs)), declared)
    parsed = QueryDict(query)
    assert set(parsed) <= set(declared)
    assert normalised_query(parsed, declared) == query  # normalising twice changes nothing
    shuffled = list(pairs)
    order.shuffle(shuffled)
    junk_free = [(name, value) for name, value in shuffled if name in declared]
    assert normalised_query(QueryDict(urlencode(junk_free)), declared) == query  # order and junk make no new key


def test_three_hundred_junk_values_of_a_read_parameter_make_at_most_the_capped_entries(client, tree, settings):
    import secrets

    assert client.get("/soeg/").status_code == 200  # the address itself is always cached
    answers = [client.get("/soeg/", {"q": secrets.token_hex(6)}) for _ in range(300)]
    assert all(answer.status_code == 200 for answer in answers)
    assert len(page_entries()) <= settings.PORTAL_PAGE_CACHE_VARIANTS + 1
    assert answers[-1].get("X-Page-Cache") is None  # past the cap: served, not kept
    assert client.get("/soeg/")["X-Page-Cache"] == "hit"


def test_a_host_header_with_any_port_makes_one_entry(client, tree):
    f.StoryPageFactory(parent=tree.varde, title="Kaffe i Varde")
    answers = [client.get("/historier/", HTTP_HOST=f"localhost:{port}") for port in range(6000, 6040)]
    assert all(answer.status_code == 200 and "Kaffe i Varde" in answer.text for answer in answers)
    assert len(page_entries()) == 1
    assert [answer.get("X-Page-Cache") for answer in answers[2:]] == ["hit"] * 38


def test_junk_values_and_pages_past_the_end_are_kept_as_the_page_they_show(client, tree, settings):
    import secrets

    settings.PORTAL_LISTING_PAGE_SIZE = 2
    for n in range(3):
        f.StoryPageFactory(parent=tree.varde, title=f"Historie {n}", target_groups=[tree.unge])
    last = client.get("/historier/?side=2")
    assert last["X-Page-Cache"] == "miss"
    junk = [
        *({"side": str(10**6 + n)} for n in range(20)),
        *({"maalgruppe": secrets.token_hex(4), "side": "2"} for _ in range(20)),
        *({"tag": secrets.token_hex(4), "metode": "x", "side": "2"} for _ in range(20)),
    ]
    answers = [client.get("/historier/", query) for query in junk]
    assert all(answer.status_code == 200 for answer in answers)
    assert all(answer.context is None or answer.context["page_obj"].number == 2 for answer in answers)
    assert len(page_entries()) == 1  # all of them showed page 2: kept under ?side=2 alone
    assert client.get("/historier/?side=2")["X-Page-Cache"] == "hit"
    for answer in answers:
        assert 'href="?side=1"' in answer.text and "side=1000" not in answer.text


def test_unknown_search_facet_values_make_no_entries_and_no_links(client, tree):
    import secrets

    answers = [client.get("/soeg/", {"q": "unge", "aar": secrets.token_hex(3), "type": "x"}) for _ in range(30)]
    assert all(answer.status_code == 200 for answer in answers)
    assert len(page_entries()) == 1  # all kept as the search for "unge"
    assert client.get("/soeg/", {"q": "unge"})["X-Page-Cache"] == "hit"
    for answer in answers:
        assert 'value="unge"' in answer.text and "aar=" not in answer.text and "type=x" not in answer.text
