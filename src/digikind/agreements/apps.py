from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "digikind.agreements"
    label = "agreements"
    verbose_name = "Digital agreement"
