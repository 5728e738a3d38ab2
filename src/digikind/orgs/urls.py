from django.urls import path

from digikind.home.views import dashboard
from digikind.orgs import views

app_name = "orgs"

urlpatterns = [
    path("", views.home, name="home"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("invitations/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("o/<slug:org_slug>/", dashboard, name="dashboard"),
    path("o/<slug:org_slug>/members/", views.member_list, name="member_list"),
    path("o/<slug:org_slug>/members/invite/", views.invite_member, name="invite_member"),
    path(
        "o/<slug:org_slug>/members/<int:membership_id>/remove/",
        views.remove_member,
        name="remove_member",
    ),
    path(
        "o/<slug:org_slug>/invitations/<int:invitation_id>/revoke/",
        views.revoke_invitation,
        name="revoke_invitation",
    ),
]
