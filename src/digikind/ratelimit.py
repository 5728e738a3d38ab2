"""A small fixed-window rate limit on the shared cache (file cache: shared by all workers)."""

import time

from django.core.cache import cache


def allow(key: str, limit: int, seconds: int) -> bool:
    """Count one hit for key; False once more than `limit` hits fall in the current window."""
    window = int(time.time() // seconds)
    cache_key = f"ratelimit:{key}:{window}"
    if cache.add(cache_key, 1, timeout=seconds + 1):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=seconds + 1)
        return True
    return count <= limit
