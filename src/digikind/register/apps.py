from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "digikind.register"
    label = "register"
    verbose_name = "Digital channels register"
