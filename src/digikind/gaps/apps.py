from django.apps import AppConfig


class GapsConfig(AppConfig):
    name = "digikind.gaps"
    label = "gaps"
    verbose_name = "Gap report and action plan"
