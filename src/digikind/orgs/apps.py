from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "digikind.orgs"
    label = "orgs"
    verbose_name = "Organisations"
