from django.urls import path

from digikind.funders import grantee_views, views

app_name = "funders"

urlpatterns = [
    # The funder's side.
    path("o/<slug:org_slug>/portfolio/", views.portfolio, name="portfolio"),
    path("o/<slug:org_slug>/portfolio/add/", views.add_grantee, name="add_grantee"),
    path("o/<slug:org_slug>/portfolio/invite/", views.invite_grantee, name="invite_grantee"),
    path("o/<slug:org_slug>/portfolio/ask/", views.ask, name="ask"),
    path("o/<slug:org_slug>/portfolio/remind/", views.remind, name="remind"),
    path("o/<slug:org_slug>/portfolio/portfolio.csv", views.export_csv, name="export_csv"),
    path("o/<slug:org_slug>/portfolio/portfolio.json", views.export_json, name="export_json"),
    path("o/<slug:org_slug>/portfolio/portfolio.pdf", views.portfolio_pdf, name="portfolio_pdf"),
    path("o/<slug:org_slug>/portfolio/<slug:grantee_slug>/", views.grantee, name="grantee"),
    # The grantee's side.
    path("o/<slug:org_slug>/funders/", grantee_views.requests, name="requests"),
    path("o/<slug:org_slug>/funders/sharing.pdf", grantee_views.sharing_pdf, name="sharing_pdf"),
    path("o/<slug:org_slug>/funders/<int:request_id>/", grantee_views.request, name="request"),
    path(
        "o/<slug:org_slug>/funders/<int:request_id>/withdraw/",
        grantee_views.withdraw,
        name="withdraw",
    ),
]
