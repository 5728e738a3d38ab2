from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from digikind.backup.archive import write_backup
from digikind.backup.database import BackupError


class Command(BaseCommand):
    help = (
        "Write a consistent copy of the database and the data folder into one .tar.gz file, "
        "while Digikind keeps running. `digikind restore FILE` brings it back."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output", "-o", help="the file to write (default: backups/ in the data folder)"
        )
        parser.add_argument(
            "--with-keys",
            action="store_true",
            help="also put the secret key and the records key in the backup. Whoever has the "
            "file can then read every record: keep it somewhere as safe as the server.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        target = Path(options["output"]) if options["output"] else None
        try:
            written = write_backup(target, with_keys=options["with_keys"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backed up to {written}.")
        if not options["with_keys"]:
            self.stdout.write(
                "The records key is not in the backup, so the file alone cannot read records. "
                "Keep a copy of the key apart from your backups (DIGIKIND_RECORDS_KEY, or "
                f"{Path(settings.DATA_DIR) / 'records_key'}): a restore needs it."
            )
