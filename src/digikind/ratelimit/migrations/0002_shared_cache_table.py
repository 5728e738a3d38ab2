"""The table the database cache keeps its entries in (DIGIKIND_CACHE=database), made by
`migrate` so that no deploy step can be forgotten; it is there, unused, with the file cache."""

from django.conf import settings
from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations


def create_cache_table(apps, schema_editor):
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, settings.CACHE_TABLE, False)


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(settings.CACHE_TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("ratelimit", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
