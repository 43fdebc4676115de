"""Behind one reverse proxy every visitor connects from the proxy's address: the search limit and the login lockout
must count each client (the right-most X-Forwarded-For entry), and a spoofed address on the left must buy nothing."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from portal.shared.client import client_address

PROXY = "10.0.0.1"
ALICE = "203.0.113.5"
BOB = "198.51.100.7"


@pytest.fixture
def one_proxy(settings):
    settings.PORTAL_PROXY_COUNT = 1
    settings.RATELIMIT_ENABLE = True
    settings.AXES_ENABLED = True
    settings.PORTAL_RATE_SEARCH = "3/m"
    cache.clear()
    yield settings
    cache.clear()


def search_from(client, forwarded_for):
    return client.get("/soeg/", {"q": "misbrug"}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


def test_two_clients_behind_one_proxy_get_separate_search_limits(client, tree, one_proxy):
    for _ in range(3):
        assert search_from(client, ALICE).status_code == 200
    assert search_from(client, ALICE).status_code == 429
    assert search_from(client, BOB).status_code == 200  # Bob has his own limit


def test_a_spoofed_left_most_address_does_not_buy_a_new_search_limit(client, tree, one_proxy):
    for _ in range(3):
        assert search_from(client, ALICE).status_code == 200
    for spoofed in ["192.0.2.44", "192.0.2.45", "not-an-address"]:
        assert search_from(client, f"{spoofed}, {ALICE}").status_code == 429


def test_without_a_proxy_setting_the_header_is_ignored(client, tree, one_proxy):
    one_proxy.PORTAL_PROXY_COUNT = 0
    for n in range(3):
        assert search_from(client, f"192.0.2.{n}").status_code == 200
    assert search_from(client, "192.0.2.99").status_code == 429  # everything counts for the connecting address


def login_from(client, forwarded_for, password):
    return client.post(
        "/log-ind/",
        {"username": "varde", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_the_login_lockout_counts_the_same_client(client, roles, one_proxy):
    for _ in range(5):
        login_from(client, ALICE, "forkert-kodeord")
    assert login_from(client, f"192.0.2.1, {ALICE}", "hemmeligt-kodeord-1").status_code == 429
    assert login_from(client, BOB, "hemmeligt-kodeord-1").status_code == 302  # Bob, same proxy, is not locked


def request_with(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    "forwarded, expected",
    [
        (None, PROXY),  # no header: the connecting address
        ("", PROXY),
        ("junk", PROXY),
        (f"{ALICE}\x00", PROXY),
        (f" {ALICE} ", ALICE),
        ("2001:db8::1", "2001:db8::1"),
    ],
)
def test_an_absent_or_invalid_header_gives_the_connecting_address(settings, forwarded, expected):
    settings.PORTAL_PROXY_COUNT = 1
    assert client_address(request_with(PROXY, forwarded)) == expected


def test_two_proxies_count_from_the_right(settings):
    settings.PORTAL_PROXY_COUNT = 2
    assert client_address(request_with(PROXY, f"192.0.2.9, {ALICE}, 10.0.0.2")) == ALICE
    assert client_address(request_with(PROXY, ALICE)) == PROXY  # fewer entries than proxies: not trusted


addresses = st.one_of(st.ip_addresses(v=4), st.ip_addresses(v=6)).map(str)


@given(spoofed=st.lists(st.text(max_size=40).filter(lambda s: "," not in s), max_size=5), real=addresses)
def test_whatever_the_client_writes_on_the_left_the_proxy_added_address_wins(spoofed, real):
    from django.conf import settings

    old = settings.PORTAL_PROXY_COUNT
    settings.PORTAL_PROXY_COUNT = 1
    try:
        assert client_address(request_with(PROXY, ", ".join([*spoofed, real]))) == real
    finally:
        settings.PORTAL_PROXY_COUNT = old


def test_an_ipv6_client_cannot_dodge_the_search_limit_by_changing_its_last_bits(client, tree, one_proxy):
    for n in range(3):
        assert search_from(client, f"2001:db8:1:2::{n + 1}").status_code == 200
    assert search_from(client, "2001:db8:1:2::ffff").status_code == 429
    assert search_from(client, "2001:db8:1:3::1").status_code == 200  # another network
