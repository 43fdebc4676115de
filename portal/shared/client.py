"""The client's address: one rule for the login lockout (django-axes) and every rate limit (django-ratelimit).

Behind `PORTAL_PROXY_COUNT` reverse proxies, each proxy appends the address it was connected from to
X-Forwarded-For, so the client is the entry that many places from the right. Anything to the left of it was written
by the client and is ignored: a spoofed extra address does not make a new client. Without proxies, or when the header
is absent, too short or holds something that is not an IP address, the connecting address (REMOTE_ADDR) is the
client.
"""

import ipaddress

from django.conf import settings


def client_address(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = getattr(settings, "PORTAL_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < proxies:
        return remote
    try:
        return str(ipaddress.ip_address(forwarded[-proxies]))
    except ValueError:
        return remote


def rate_key(group, request) -> str:
    """django-ratelimit's `key=` for limits per client. An IPv6 client holds a whole /64 network, so the limit counts
    that network (as django-ratelimit's own "ip" key does)."""
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address)
    return address


def user_or_client_key(group, request) -> str:
    """django-ratelimit's `key=` for limits per user: a logged-in user's id, else the client's address."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return rate_key(group, request)
