"""The client's address: one rule for the login lockout (django-axes) and every rate limit (django-ratelimit).

Behind `PORTAL_PROXY_COUNT` reverse proxies, each proxy appends the address it was connected from to
X-Forwarded-For, so the client is the entry that many places from the right. Anything to the left of it was written
by the client and is ignored: a spoofed extra address does not make a new client. Without proxies, or when the header
is absent, too short or holds something that is not an IP address, the connecting address (REMOTE_ADDR) is the
client.

An IPv4 client seen through a dual-stack proxy may arrive as an IPv4-mapped IPv6 address (`::ffff:192.0.2.1`); it is
the IPv4 client, so it is turned back into the IPv4 address before anything counts it.

`client_key` is what every limit counts: an IPv4 client is its address, an IPv6 client its whole /64 network (a
single household or server gets a /64, and can pick any address in it).
"""

import ipaddress

from django.conf import settings

IPV6_CLIENT_PREFIX = 64


def _parsed(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    if address.version == 6:
        if address.scope_id is not None:  # fe80::1%eth0: the zone names the proxy's interface, not the client
            address = ipaddress.IPv6Address(str(address).split("%", 1)[0])
        if address.ipv4_mapped is not None:
            return address.ipv4_mapped
    return address


def _client(request) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    remote = _parsed(request.META.get("REMOTE_ADDR", "") or "")
    proxies = getattr(settings, "PORTAL_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(forwarded) < proxies:
        return remote
    return _parsed(forwarded[-proxies]) or remote


def client_address(request) -> str:
    """The client's own address (IPv4-mapped addresses as IPv4), or REMOTE_ADDR as given if it is not an address."""
    address = _client(request)
    if address is None:
        return request.META.get("REMOTE_ADDR", "") or ""
    return str(address)


def client_key(request) -> str:
    """What the login lockout and every rate limit count: the IPv4 address, or the IPv6 client's /64 network
    (written as its first address, so it still fits an IP address field such as django-axes' ip_address)."""
    address = _client(request)
    if address is None:
        return request.META.get("REMOTE_ADDR", "") or ""
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/{IPV6_CLIENT_PREFIX}", strict=False).network_address)
    return str(address)


def rate_key(group, request) -> str:
    """django-ratelimit's `key=` for limits per client (see `client_key`)."""
    return client_key(request)


def user_or_client_key(group, request) -> str:
    """django-ratelimit's `key=` for limits per user: a logged-in user's id, else the client's address."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return client_key(request)
