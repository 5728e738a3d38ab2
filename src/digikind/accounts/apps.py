from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "digikind.accounts"
    label = "accounts"
    verbose_name = "Accounts"
