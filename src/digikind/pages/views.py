"""Pages every visitor can read, and the plain error pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token

from digikind.orgs.tenancy import NotForThisKind


def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers and monitoring: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/accessibility.html")


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/privacy.html")


def _error(request: HttpRequest, template: str, status: int) -> HttpResponse:
    return render(request, f"errors/{template}.html", status=status)


@requires_csrf_token
def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, "400", 400)


@requires_csrf_token
def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if isinstance(exception, NotForThisKind):
        ctx = {"organisation": exception.organisation}
        return render(request, "errors/403_kind.html", ctx, status=403)
    return _error(request, "403", 403)


@requires_csrf_token
def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, "404", 404)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without context processors' database work, in case the database is what broke.
    from django.template.loader import get_template

    return HttpResponse(get_template("errors/500.html").render(), status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _error(request, "csrf", 403)
