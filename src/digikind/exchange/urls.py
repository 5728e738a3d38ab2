from django.urls import path

from digikind.exchange import views

app_name = "exchange"

urlpatterns = [
    path("o/<slug:org_slug>/export/", views.export, name="export"),
    path("o/<slug:org_slug>/export/organisation.json", views.download, name="download"),
]
