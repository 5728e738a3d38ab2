from django.urls import path

from digikind.policies import views

app_name = "policies"

urlpatterns = [
    path("o/<slug:org_slug>/policy/", views.policy_checks, name="list"),
    path(
        "o/<slug:org_slug>/policy/<int:policycheck_id>/", views.policy_check_detail, name="detail"
    ),
    path(
        "o/<slug:org_slug>/policy/<int:policycheck_id>/use/",
        views.use_policy_check,
        name="use",
    ),
    path(
        "o/<slug:org_slug>/policy/<int:policycheck_id>/remove/",
        views.remove_policy_check,
        name="remove",
    ),
]
