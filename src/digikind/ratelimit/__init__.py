"""Rate limits that hold under many workers at once, and the client's real network address.

Each limit is a fixed-window counter kept in one database row per key and window, raised
with a single UPDATE ... SET count = count + 1, so parallel requests on any number of worker
processes can never both pass the last free place (a cache's read-then-write can).
"""

import ipaddress
import time
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone


def allow(key: str, limit: int, seconds: int) -> bool:
    """Count one hit for key; False once more than `limit` hits fall in the current window."""
    from digikind.ratelimit.models import Counter

    window = int(time.time() // seconds)
    with transaction.atomic():
        if not Counter.objects.filter(key=key, window=window).update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    Counter.objects.create(
                        key=key,
                        window=window,
                        count=1,
                        expires_at=timezone.now() + timedelta(seconds=seconds + 1),
                    )
                    Counter.objects.filter(expires_at__lt=timezone.now()).delete()
                return limit >= 1
            except IntegrityError:  # another request created it first: count on it
                Counter.objects.filter(key=key, window=window).update(count=F("count") + 1)
        count = Counter.objects.values_list("count", flat=True).get(key=key, window=window)
    return count <= limit


def _networks(values: list[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(value, strict=False) for value in values]


def _is_trusted(address: str, trusted: list[ipaddress.IPv4Network | ipaddress.IPv6Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted)


def client_address(request: HttpRequest) -> str:
    """The address a request came from. Behind a trusted proxy (DIGIKIND_TRUSTED_PROXIES),
    the right-most X-Forwarded-For address that is not one of those proxies; otherwise the
    connection's own address. Addresses a client wrote itself further left are ignored."""
    remote = str(request.META.get("REMOTE_ADDR", "")).strip()
    trusted = _networks(settings.TRUSTED_PROXIES)
    if not trusted or not _is_trusted(remote, trusted):
        return remote or "unknown"
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if _is_trusted(hop, trusted):
            continue
        try:
            return str(ipaddress.ip_address(hop))
        except ValueError:  # a garbled entry: trust nothing to its left
            break
    return remote
