from django.urls import path

from digikind.policies import views

app_name = "policies"

urlpatterns = [
    path("o/<slug:org_slug>/policy/", views.policy_checks, name="list"),
    path(
        "o/<slug:org_slug>/policy/<int:policycheck_id>/", views.policy_check_detail, name="detail"
    ),
]
