from django.apps import AppConfig


class FrameworksConfig(AppConfig):
    name = "digikind.frameworks"
    label = "frameworks"
    verbose_name = "Frameworks"
