from django.apps import AppConfig


class RatelimitConfig(AppConfig):
    name = "digikind.ratelimit"
    default_auto_field = "django.db.models.BigAutoField"
