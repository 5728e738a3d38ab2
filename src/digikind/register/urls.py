from django.urls import path

from digikind.register import views

app_name = "register"

urlpatterns = [
    path("o/<slug:org_slug>/channels/", views.channel_list, name="list"),
    path("o/<slug:org_slug>/channels/new/", views.channel_new, name="new"),
    path("o/<slug:org_slug>/channels/print/", views.channel_print, name="print"),
    path("o/<slug:org_slug>/channels/export.csv", views.channel_export, name="export"),
    path("o/<slug:org_slug>/channels/<int:channel_id>/", views.channel_detail, name="detail"),
    path("o/<slug:org_slug>/channels/<int:channel_id>/edit/", views.channel_edit, name="edit"),
    path(
        "o/<slug:org_slug>/channels/<int:channel_id>/assess/", views.channel_assess, name="assess"
    ),
]
