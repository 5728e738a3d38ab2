from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "digikind.pages"
    label = "pages"
    verbose_name = "Pages"
