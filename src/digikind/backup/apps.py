from django.apps import AppConfig


class BackupConfig(AppConfig):
    name = "digikind.backup"
    label = "backup"
