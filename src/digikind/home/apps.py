from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "digikind.home"
    label = "home"
