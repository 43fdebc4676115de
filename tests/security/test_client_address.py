"""Behind one reverse proxy every visitor connects from the proxy's address: the search limit and the login lockout
must count each client (the right-most X-Forwarded-For entry), and a spoofed address on the left must buy nothing."""

import ipaddress

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from portal.shared.client import client_address, client_key

PROXY = "10.0.0.1"
ALICE = "203.0.113.5"
BOB = "198.51.100.7"


@pytest.fixture
def one_proxy(settings):
    settings.PORTAL_PROXY_COUNT = 1
    settings.RATELIMIT_ENABLE = True
    settings.AXES_ENABLED = True
    # An hour, not a minute: django-ratelimit counts in fixed windows, and four slow searches (PostgreSQL in CI)
    # could straddle the end of a minute and start counting afresh.
    settings.PORTAL_RATE_SEARCH = "3/h"
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


addresses = st.one_of(st.ip_addresses(v=4), st.ip_addresses(v=6).filter(lambda a: a.ipv4_mapped is None)).map(str)


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


def test_login_failures_spread_over_one_ipv6_network_lock_out_the_whole_network(client, roles, one_proxy):
    for n in range(5):
        login_from(client, f"2001:db8:7:9::{n + 1}", "forkert-kodeord")
    # the right password from yet another address in the same /64 is refused: the network is locked out
    assert login_from(client, "2001:db8:7:9:ffff:ffff:ffff:ffff", "hemmeligt-kodeord-1").status_code == 429
    assert login_from(client, "2001:db8:7:a::1", "hemmeligt-kodeord-1").status_code == 302  # another network


def test_ipv4_clients_reported_as_ipv4_mapped_ipv6_get_their_own_search_limits(client, tree, one_proxy):
    for _ in range(3):
        assert search_from(client, "::ffff:10.88.0.1").status_code == 200
    assert search_from(client, "::ffff:10.88.0.1").status_code == 429
    assert search_from(client, "10.88.0.1").status_code == 429  # the same client written as IPv4
    assert search_from(client, "::ffff:10.88.0.2").status_code == 200  # another IPv4 client is not shut out


def test_a_dual_stack_connecting_address_counts_as_ipv4(settings):
    settings.PORTAL_PROXY_COUNT = 0
    assert client_key(request_with("::ffff:192.0.2.10")) == "192.0.2.10"


def _forms_of(address: ipaddress.IPv4Address) -> list[str]:
    """Ways a proxy may write one IPv4 client."""
    mapped = ipaddress.IPv6Address(f"::ffff:{address}")
    return [str(address), str(mapped), mapped.exploded, f"::ffff:{int(address) >> 16:x}:{int(address) & 0xFFFF:x}"]


@given(address=st.ip_addresses(v=4), form=st.integers(0, 3))
def test_every_form_of_an_ipv4_client_gets_the_key_of_its_ipv4_address(address, form):
    from django.conf import settings

    old = settings.PORTAL_PROXY_COUNT
    settings.PORTAL_PROXY_COUNT = 1
    try:
        key = client_key(request_with(PROXY, _forms_of(address)[form]))
    finally:
        settings.PORTAL_PROXY_COUNT = old
    assert key == str(address)
    assert ipaddress.ip_address(key).version == 4


# ::/64 holds the IPv4-mapped addresses (keyed as IPv4), so it is left out here
native_ipv6 = st.ip_addresses(v=6).filter(lambda a: int(a) >> 64 != 0)


@given(address=native_ipv6, last=st.integers(0, 2**64 - 1))
def test_every_address_in_one_ipv6_64_gets_one_key_and_other_networks_another(address, last):
    from django.conf import settings

    network = ipaddress.ip_network(f"{address}/64", strict=False)
    sibling = network.network_address + last
    old = settings.PORTAL_PROXY_COUNT
    settings.PORTAL_PROXY_COUNT = 1
    try:
        key = client_key(request_with(PROXY, str(address)))
        sibling_key = client_key(request_with(PROXY, str(sibling)))
        neighbour = network.network_address + 2**64 if int(network.network_address) < 2**128 - 2**64 else None
        neighbour_key = client_key(request_with(PROXY, str(neighbour))) if neighbour is not None else None
    finally:
        settings.PORTAL_PROXY_COUNT = old
    assert key == sibling_key
    assert ipaddress.ip_address(key) in network  # the key is an address (fits axes' ip_address field)
    assert neighbour_key != key
