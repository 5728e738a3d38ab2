from django.urls import path

from digikind.api import views

app_name = "api"

urlpatterns = [
    path("o/<slug:org_slug>/api-tokens/", views.token_list, name="tokens"),
    path(
        "o/<slug:org_slug>/api-tokens/<int:apitoken_id>/revoke/",
        views.token_revoke,
        name="token_revoke",
    ),
]
