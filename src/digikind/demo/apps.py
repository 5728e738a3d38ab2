from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "digikind.demo"
    label = "demo"
    verbose_name = "Demo organisation"
