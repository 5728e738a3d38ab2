from django.apps import AppConfig


class FundersConfig(AppConfig):
    name = "digikind.funders"
    verbose_name = "Funders"
