from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from digikind.exchange.document import dumps, export_organisation
from digikind.orgs.models import Organisation


class Command(BaseCommand):
    help = (
        "Write everything an organisation holds as one JSON document (the format is "
        "src/digikind/exchange/schema/organisation-v1.json). Records stay encrypted."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", help="the organisation's address, as in its pages' URLs")
        parser.add_argument("--output", "-o", help="the file to write (default: print it)")
        parser.add_argument(
            "--decrypted",
            action="store_true",
            help="a subject-access copy: also each record's details and each person's name, "
            "in plain text. Keep it as safe as the records themselves.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = Organisation.objects.filter(slug=options["slug"]).first()
        if organisation is None:
            known = ", ".join(Organisation.objects.values_list("slug", flat=True)) or "none yet"
            raise CommandError(
                f"There is no organisation {options['slug']!r} here. Organisations: {known}."
            )
        text = dumps(export_organisation(organisation, decrypted=options["decrypted"]))
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
            self.stderr.write(f"Wrote {organisation.name} to {options['output']}.")
        else:
            self.stdout.write(text, ending="")
