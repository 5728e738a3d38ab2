from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "digikind.records"
    label = "records"
    verbose_name = "Records"
