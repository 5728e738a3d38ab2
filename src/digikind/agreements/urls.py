from django.urls import path

from digikind.agreements import views

app_name = "agreements"

urlpatterns = [
    path("o/<slug:org_slug>/agreement/", views.agreement_detail, name="detail"),
    path("o/<slug:org_slug>/agreement/edit/", views.agreement_edit, name="edit"),
    path("o/<slug:org_slug>/agreement/start-again/", views.agreement_restart, name="restart"),
    path("o/<slug:org_slug>/agreement/stop-sharing/", views.agreement_unpublish, name="unpublish"),
    path("o/<slug:org_slug>/agreement/print/", views.agreement_print, name="print"),
    path("o/<slug:org_slug>/agreement/qr.svg", views.agreement_qr, name="qr"),
    path("agreement/<str:share_token>/", views.agreement_shared, name="shared"),
]
