from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from digikind.orgs.models import Organisation
from digikind.records import services


class Command(BaseCommand):
    help = (
        "`digikind records verify`: check records were not changed, removed or reordered. "
        "`digikind records expire`: erase entries past their organisation's retention period "
        "(its own setting, or the default in records/data/kinds.yaml; run it daily, e.g. "
        "from cron)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify", "expire"])
        parser.add_argument("--org", help="The organisation's address name (slug); default: all.")

    def handle(self, *args: Any, **options: Any) -> None:
        organisations = Organisation.objects.all()
        if options["org"]:
            organisations = organisations.filter(slug=options["org"])
            if not organisations:
                raise CommandError(f"There is no organisation called {options['org']!r}.")
        if options["action"] == "expire":
            for organisation in organisations:
                count = services.expire(organisation, services.retention_days(organisation))
                self.stdout.write(
                    f"{organisation.slug}: {count} entries past their retention period erased."
                )
            return
        broken = 0
        for organisation in organisations:
            check = services.verify(organisation)
            if check.result.ok:
                self.stdout.write(
                    f"{organisation.slug}: {check.result.checked} entries, the chain is intact."
                )
            else:
                broken += 1
                self.stdout.write(
                    f"{organisation.slug}: PROBLEMS in {check.result.checked} entries:"
                )
                for problem in check.result.problems:
                    self.stdout.write(f"  - {problem}")
        if broken:
            raise CommandError(
                f"{broken} organisation(s) have records that were tampered with.", returncode=1
            )
