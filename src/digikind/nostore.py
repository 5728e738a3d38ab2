"""Pages and downloads that show private data must never be kept by a browser or a proxy:
on a shared computer, the back button or the cache would show them to the next person."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

View = Callable[..., HttpResponse]


def keep_out_of_caches(response: HttpResponse) -> HttpResponse:
    """Cache-Control: no-store (with no-cache, private, max-age=0) and Pragma: no-cache for
    old HTTP/1.0 caches."""
    add_never_cache_headers(response)
    response["Pragma"] = "no-cache"
    return response


def no_store(view: View) -> View:
    """Wrap a view whose every response (page, download or redirect) must not be cached."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return keep_out_of_caches(view(request, *args, **kwargs))

    return wrapper
