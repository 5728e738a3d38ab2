import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from digikind.exchange.importer import ExchangeError, import_organisation
from digikind.records import services as records


class Command(BaseCommand):
    help = (
        "Bring in an organisation written by `digikind export-organisation`, into this "
        "Digikind (empty or not). Its records' hash chain is checked first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the exported JSON document")
        parser.add_argument(
            "--records-key-file",
            help="a file holding the records key of the Digikind the file came from, if it "
            "is not this one (its DIGIKIND_RECORDS_KEY, or records_key in its data folder)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CommandError(f"There is no file {path}. Give the exported file's path.") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(
                f"{path} is not a JSON document ({error}). Give the file that "
                "`digikind export-organisation` wrote."
            ) from None
        key = None
        if options["records_key_file"]:
            key = Path(options["records_key_file"]).read_text().strip()
        try:
            organisation = import_organisation(data, records_key=key)
        except ExchangeError as error:
            raise CommandError(str(error)) from None
        check = records.verify(organisation).result
        if not check.ok:
            raise CommandError(
                f"{organisation.name} was imported but its records do not verify here: "
                + " ".join(check.problems[:3])
            )
        self.stdout.write(
            f"Imported {organisation.name} ({organisation.slug}): "
            f"{check.checked} records, chain verified. People sign in with their email "
            "address; those new here set a password with “Forgot your password?”."
        )
