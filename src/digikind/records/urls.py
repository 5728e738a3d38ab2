from django.urls import path

from digikind.records import views

app_name = "records"

urlpatterns = [
    path("o/<slug:org_slug>/records/", views.records_home, name="home"),
    path("o/<slug:org_slug>/records/new/<str:kind>/", views.record_new, name="new"),
    path("o/<slug:org_slug>/records/all/", views.record_list, name="list"),
    path("o/<slug:org_slug>/records/people/", views.people, name="people"),
    path("o/<slug:org_slug>/records/keeping/", views.retention, name="retention"),
    path("o/<slug:org_slug>/records/keeping/erase/", views.retention_erase, name="retention_erase"),
    path(
        "o/<slug:org_slug>/records/people/<int:subject_id>/export.json",
        views.person_export,
        name="export",
    ),
    path(
        "o/<slug:org_slug>/records/people/<int:subject_id>/erase/", views.person_erase, name="erase"
    ),
    path("o/<slug:org_slug>/records/<int:entry_id>/", views.entry_detail, name="detail"),
    path("o/<slug:org_slug>/records/<int:entry_id>/correct/", views.entry_correct, name="correct"),
]
