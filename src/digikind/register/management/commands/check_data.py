from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from digikind.register import knowledge


class Command(BaseCommand):
    help = "Check Digikind's data files: question sets, platform facts and mitigations."

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("frameworks", "check", stdout=self.stdout, stderr=self.stderr)
        try:
            found = knowledge.platforms()
            steps = knowledge.mitigations()
        except knowledge.DataError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Platform facts are fine ({len(found)} platforms); {len(steps)} mitigations."
        )
