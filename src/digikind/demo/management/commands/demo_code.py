from typing import Any

from django.core.management.base import BaseCommand, CommandError

from digikind.accounts.two_factor import current_code
from digikind.demo.services import credentials_file, load_demo


class Command(BaseCommand):
    help = "Print the demo lead's current two-factor code, for trying Digikind without a phone."

    def handle(self, *args: Any, **options: Any) -> None:
        if not credentials_file().exists():
            raise CommandError("There is no demo yet. Run `digikind load-demo` first.")
        self.stdout.write(current_code(load_demo().totp_secret))
