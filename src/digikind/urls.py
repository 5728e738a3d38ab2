from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from digikind.api.endpoints import api
from digikind.pages import views as page_views


def _superuser_only(request: HttpRequest) -> bool:
    return bool(request.user.is_active and request.user.is_superuser)


def _admin_login(request: HttpRequest, extra_context: object = None) -> HttpResponse:
    # Everyone signs in through the one sign-in page, with its rate limits and two-factor step.
    if request.user.is_authenticated:
        raise PermissionDenied("The admin is for the people who run this Digikind server.")
    return redirect_to_login(request.GET.get("next", "/admin/"))


# The admin is for the operator's superusers only, never for an organisation's leads.
admin.site.has_permission = _superuser_only  # type: ignore[method-assign]
admin.site.login = _admin_login  # type: ignore[method-assign]
admin.site.site_header = "Digikind administration"
admin.site.site_title = "Digikind administration"

urlpatterns = [
    path("", include("digikind.orgs.urls")),
    path("", include("digikind.pages.urls")),
    path("", include("digikind.frameworks.urls")),
    path("", include("digikind.policies.urls")),
    path("", include("digikind.reviews.urls")),
    path("", include("digikind.register.urls")),
    path("", include("digikind.records.urls")),
    path("", include("digikind.agreements.urls")),
    path("", include("digikind.gaps.urls")),
    path("", include("digikind.reports.urls")),
    path("", include("digikind.api.urls")),
    path("", include("digikind.exchange.urls")),
    path("api/", api.urls),
    path("", include("digikind.funders.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]

handler400 = page_views.bad_request
handler403 = page_views.permission_denied
handler404 = page_views.page_not_found
handler500 = page_views.server_error
