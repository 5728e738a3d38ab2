import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from digikind.backup.archive import restore_backup
from digikind.backup.database import BackupError
from digikind.backup.summary import summary
from digikind.orgs.models import Organisation


class Command(BaseCommand):
    help = (
        "Bring back a backup that `digikind backup` wrote: its database replaces this one's, "
        "and its files go back into the data folder. Stop Digikind's web server first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the backup file (.tar.gz)")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="restore even though this Digikind already holds organisations; they are "
            "replaced by the backup's",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        held = []
        if Organisation._meta.db_table in connection.introspection.table_names():
            held = list(Organisation.objects.values_list("slug", flat=True))
        if held and not options["replace"]:
            raise CommandError(
                f"This Digikind already holds {len(held)} organisation(s) ({', '.join(held[:5])}). "
                "Restoring replaces all of them with the backup's. If that is what you want, "
                "run the command again with --replace."
            )
        try:
            restored = restore_backup(Path(options["file"]))
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Restored the backup of {restored.created_at:%d %B %Y %H:%M} "
            f"({restored.files} files). If this Digikind is a newer version, run "
            "`digikind migrate` now."
        )
        if restored.keys_included and not os.environ.get("DIGIKIND_RECORDS_KEY"):
            # The records key just restored is the one Digikind reads when it next starts.
            settings.RECORDS_KEY = (Path(settings.DATA_DIR) / "records_key").read_text().strip()
        for line in summary():
            self.stdout.write(line)
        if not restored.keys_included:
            self.stdout.write(
                "The backup holds no keys: records open only if this Digikind has the records "
                "key of the one backed up (DIGIKIND_RECORDS_KEY, or "
                f"{Path(settings.DATA_DIR) / 'records_key'})."
            )
