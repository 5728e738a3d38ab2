from django.urls import path

from digikind.frameworks import views

app_name = "frameworks"

urlpatterns = [
    path("frameworks/", views.framework_list, name="list"),
    path("frameworks/<slug:framework_slug>/", views.framework_detail, name="detail"),
    path("frameworks/<slug:framework_slug>/print/", views.framework_print, name="print"),
    path(
        "frameworks/<slug:framework_slug>/v<int:version>/", views.framework_detail, name="version"
    ),
    path(
        "frameworks/<slug:framework_slug>/v<int:version>/print/",
        views.framework_print,
        name="version_print",
    ),
]
