"""Load the demo organisation so a new user can try Digikind straight away.

Loading is idempotent: a second run finds the demo already there and changes nothing.
The demo password and the lead's two-factor key are kept in the data folder so they
can be printed each time.
"""

import json
import secrets
from dataclasses import dataclass
from pathlib import Path

import yaml
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import generate_totp_secret
from django.conf import settings
from django.db import transaction

from digikind.accounts.models import User
from digikind.accounts.two_factor import activate_authenticator_app
from digikind.orgs import services as org_services
from digikind.orgs.models import Organisation
from digikind.orgs.roles import MemberRole, OrganisationKind
from digikind.policies import services as policy_services

PEOPLE_FILE = Path(__file__).with_name("people.yaml")
POLICY_FILE = Path(__file__).with_name("policy.txt")


@dataclass
class DemoLogin:
    email: str
    password: str
    totp_secret: str
    recovery_codes: list[str]
    organisation: Organisation


def credentials_file() -> Path:
    return Path(settings.DATA_DIR) / "demo-login.json"


def _person(email: str, name: str, password: str) -> User:
    user = User.objects.create_user(email, password, name=name)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@transaction.atomic
def load_demo(*, keep_credentials: bool = True) -> DemoLogin:
    content = yaml.safe_load(PEOPLE_FILE.read_text(encoding="utf-8"))
    lead_email = content["people"][0]["email"]
    existing = Organisation.objects.filter(name=content["organisation"]).first()
    stored = credentials_file()
    if existing is not None and stored.exists():
        saved = json.loads(stored.read_text(encoding="utf-8"))
        return DemoLogin(organisation=existing, **saved)
    if existing is not None:
        raise RuntimeError(
            f"The demo organisation exists but {stored} is missing. "
            "Delete the data folder to start the demo again."
        )

    password = "demo-" + secrets.token_urlsafe(9)
    secret = generate_totp_secret()
    organisation = org_services.create_organisation(content["organisation"])
    funder = org_services.create_organisation(content["funder"], kind=OrganisationKind.FUNDER)
    recovery_codes: list[str] = []
    for people, org in ((content["people"], organisation), (content["funder_people"], funder)):
        for person in people:
            user = _person(person["email"], person["name"], password)
            org_services.add_member(org, user, person["role"])
            if person["role"] == MemberRole.LEAD:
                codes = activate_authenticator_app(user, secret)
                if person["email"] == lead_email:
                    recovery_codes = codes

    lead = User.objects.get(email=lead_email)
    for person in content["invited"]:
        org_services.invite_member(organisation, person["email"], person["role"], invited_by=lead)
    # A first policy check, so the lead can see what one looks like.
    policy_services.start_policy_check(
        organisation,
        [policy_services.Upload(POLICY_FILE.name, POLICY_FILE.read_bytes())],
        created_by=lead,
    )

    login = DemoLogin(lead_email, password, secret, recovery_codes, organisation)
    if keep_credentials:
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_text(
            json.dumps(
                {
                    "email": login.email,
                    "password": login.password,
                    "totp_secret": login.totp_secret,
                    "recovery_codes": login.recovery_codes,
                }
            ),
            encoding="utf-8",
        )
        stored.chmod(0o600)
    return login
