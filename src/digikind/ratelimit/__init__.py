"""Rate limits that hold under many workers at once, and the client's real network address.

Each limit is a fixed-window counter kept in one database row per key and window, raised
with a single UPDATE ... SET count = count + 1, so parallel requests on any number of worker
processes can never both pass the last free place (a cache's read-then-write can).
"""

import ipaddress
import time
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.http import HttpRequest
from django.utils import timezone


def allow(key: str, limit: int, seconds: int) -> bool:
    """Count one hit for key; False once more than `limit` hits fall in the current window."""
    from digikind.ratelimit.models import Counter

    window = int(time.time() // seconds)
    # Inside a caller's transaction (an answer and its count are one write), no savepoint.
    with transaction.atomic(savepoint=False):
        count = _raise(key, window)
        if count is None:
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
                count = _raise(key, window)
    assert count is not None
    return count <= limit


# One statement that counts the hit and reads the new count back (SQLite and PostgreSQL both
# return the updated row); the names are quoted because "window" is a word in SQL.
RAISE_COUNT = (
    'UPDATE "ratelimit_counter" SET "count" = "count" + 1 '
    'WHERE "key" = %s AND "window" = %s RETURNING "count"'
)


def _raise(key: str, window: int) -> int | None:
    """Add one to the key's counter for the window; the new count, or None if it has none."""
    with connection.cursor() as cursor:
        cursor.execute(RAISE_COUNT, [key, window])
        row = cursor.fetchone()
    return None if row is None else int(row[0])


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
