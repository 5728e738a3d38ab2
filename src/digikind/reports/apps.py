from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "digikind.reports"
    label = "reports"
    verbose_name = "Board report"
