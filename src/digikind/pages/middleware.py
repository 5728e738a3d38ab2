from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string


class PlainMethodNotAllowedMiddleware:
    """Give "405 method not allowed" a plain page, like every other error.

    Django sends it with an empty body, which browsers show as a broken page when
    someone opens a button's address directly.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            response.content = render_to_string("errors/405.html", request=request).encode()
            response["Content-Type"] = "text/html; charset=utf-8"
            response["Content-Length"] = str(len(response.content))
        return response
