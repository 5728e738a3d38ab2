from django.urls import path

from digikind.gaps import views

app_name = "gaps"

urlpatterns = [
    path("o/<slug:org_slug>/gaps/", views.gap_report, name="report"),
    path("o/<slug:org_slug>/gaps/gaps.csv", views.gap_export, {"file_format": "csv"}, name="csv"),
    path(
        "o/<slug:org_slug>/gaps/gaps.json", views.gap_export, {"file_format": "json"}, name="json"
    ),
    path("o/<slug:org_slug>/actions/", views.action_list, name="actions"),
    path("o/<slug:org_slug>/actions/new/", views.action_new, name="action_new"),
    path(
        "o/<slug:org_slug>/actions/actions.csv",
        views.action_export,
        {"file_format": "csv"},
        name="actions_csv",
    ),
    path(
        "o/<slug:org_slug>/actions/actions.json",
        views.action_export,
        {"file_format": "json"},
        name="actions_json",
    ),
    path("o/<slug:org_slug>/actions/<int:action_id>/", views.action_edit, name="action_edit"),
]
