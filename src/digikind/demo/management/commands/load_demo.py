from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from digikind.accounts.two_factor import current_code
from digikind.demo.services import load_demo


class Command(BaseCommand):
    help = "Load the demo organisation (once) and print how to sign in as its lead."

    def handle(self, *args: Any, **options: Any) -> None:
        login = load_demo()
        self.stdout.write(
            f"""
Digikind is ready at {settings.SITE_URL}/

  Demo organisation: {login.organisation.name}
  Sign in as the demo lead:
    email:     {login.email}
    password:  {login.password}
  Leads use two-factor sign-in. For the 6-digit code, either
    - add this key to an authenticator app: {login.totp_secret}
    - or run `.venv/bin/digikind demo-code` (now: {current_code(login.totp_secret)})
  Other demo people (staff@, volunteer@, trustee@demo.digikind.test) use the same password.
"""
        )
