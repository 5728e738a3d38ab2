from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "digikind.policies"
    label = "policies"
    verbose_name = "Policy checks"
