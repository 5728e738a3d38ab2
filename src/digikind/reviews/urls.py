from django.urls import path

from digikind.reviews import respondent_views, views

app_name = "reviews"

urlpatterns = [
    path("o/<slug:org_slug>/reviews/", views.review_list, name="list"),
    path("o/<slug:org_slug>/reviews/new/", views.review_new, name="new"),
    path("o/<slug:org_slug>/reviews/<int:reviewcycle_id>/", views.review_detail, name="detail"),
    path("o/<slug:org_slug>/reviews/<int:reviewcycle_id>/close/", views.close_review, name="close"),
    path(
        "o/<slug:org_slug>/reviews/<int:reviewcycle_id>/results/",
        views.review_results,
        name="results",
    ),
    path("o/<slug:org_slug>/reviews/<int:reviewcycle_id>/note/", views.review_note, name="note"),
    path("o/<slug:org_slug>/reviews/<int:reviewcycle_id>/links/", views.add_link, name="add_link"),
    path(
        "o/<slug:org_slug>/reviews/<int:reviewcycle_id>/links/<int:reviewlink_id>/revoke/",
        views.revoke_link,
        name="revoke_link",
    ),
    path(
        "o/<slug:org_slug>/reviews/<int:reviewcycle_id>/links/<int:reviewlink_id>/qr.svg",
        views.link_qr,
        name="link_qr",
    ),
    # Not qr.svg?lang=cy: `lang=` would switch the staff member's own pages to Welsh.
    path(
        "o/<slug:org_slug>/reviews/<int:reviewcycle_id>/links/<int:reviewlink_id>/qr-cy.svg",
        views.link_qr,
        {"welsh": True},
        name="link_qr_welsh",
    ),
    path("r/<str:token>/", respondent_views.respond, name="respond"),
    path("r/<str:token>/q/<int:number>/", respondent_views.question, name="question"),
    path("r/<str:token>/check/", respondent_views.check_answers, name="check"),
    path("r/<str:token>/thanks/", respondent_views.thanks, name="thanks"),
]
