"""Load the demo organisation so a new user can try Digikind straight away.

Loading is idempotent: a second run finds the demo already there and changes nothing.
The demo password and the lead's two-factor key are kept in the data folder so they
can be printed each time.
"""

import json
import random
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from digikind.reviews.models import ReviewCycle

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
    _demo_reviews(organisation, lead, content["set_answers"])
    _demo_channels(organisation, lead)
    _demo_records(organisation, lead, content["contacts"])
    _demo_actions(organisation, lead, content["actions"])
    from digikind.agreements.services import create_demo_agreement

    create_demo_agreement(organisation, lead)
    from digikind.api.services import create_token

    create_token(organisation, "Demo spreadsheet", "read", by=lead)  # its secret is not kept

    from digikind.funders.demo import load_demo_portfolio

    load_demo_portfolio(funder, organisation, lead)
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


DEMO_ANSWERS = {"young_person": 7, "staff": 6, "volunteer": 3, "lead": 1}
LAST_YEAR_ANSWERS = {"young_person": 5, "staff": 5}


def _answer(
    cycle: "ReviewCycle",
    counts: dict[str, int],
    set_answers: dict[str, dict[str, list[str]]],
    rng: random.Random,
) -> None:
    """Made-up answers from `counts` people per role, then close the cycle."""
    from digikind.reviews import services as review_services
    from digikind.reviews.questions import questions_for

    for link in cycle.links.all():
        asked_all = questions_for(cycle, link.role)
        for person in range(counts[link.role]):
            response, _key = review_services.start_response(link)
            for asked in asked_all:
                chosen = set_answers.get(asked.question.key, {}).get(link.role)
                if chosen:
                    value = chosen[person % len(chosen)]
                    review_services.save_answer(response, asked, value=value)
                    continue
                if asked.is_free_text:
                    review_services.save_answer(
                        response, asked, value="", text="We mostly use WhatsApp."
                    )
                    continue
                options = [value for value, _label in asked.options()]
                # Leaders tend to rate their rules higher than staff rate what happens.
                weights = list(range(1, len(options) + 1)) if link.role == "lead" else None
                value = rng.choices(
                    [*options, "dont-know"], weights=[*(weights or [3] * len(options)), 1]
                )[0]
                review_services.save_answer(response, asked, value=value)
            review_services.submit_response(response)
    review_services.close_cycle(cycle)


def _demo_reviews(
    organisation: Organisation, lead: User, set_answers: dict[str, dict[str, list[str]]]
) -> None:
    """Last year's review and this autumn's, both closed with made-up answers (so results and
    the change between them can be seen), and an open one."""
    from datetime import date, timedelta

    from django.utils import timezone

    from digikind.frameworks.models import latest_versions
    from digikind.reviews import services as review_services
    from digikind.reviews.models import ReviewCycle

    versions = [
        v
        for v in latest_versions("organisation")
        if v.framework.slug == "digitally-kind-organisations"
    ]
    if not versions:
        return  # question sets not loaded yet: `digikind frameworks load` first
    cycles = {}
    for name, counts in (
        ("Last year's review", LAST_YEAR_ANSWERS),
        ("Autumn review", DEMO_ANSWERS),
    ):
        cycles[name] = review_services.start_cycle(
            organisation,
            name=name,
            framework_versions=versions,
            roles=list(counts),
            closes_on=date.today(),
            created_by=lead,
        )
    # Made-up answers, the same each time.
    _answer(cycles["Last year's review"], LAST_YEAR_ANSWERS, {}, random.Random(2025))  # noqa: S311
    _answer(cycles["Autumn review"], DEMO_ANSWERS, set_answers, random.Random(2026))  # noqa: S311
    a_year_ago = timezone.now() - timedelta(days=365)
    ReviewCycle.objects.filter(pk=cycles["Last year's review"].pk).update(
        created_at=a_year_ago, closed_at=a_year_ago, closes_on=a_year_ago.date()
    )
    review_services.start_cycle(
        organisation,
        name="Spring review",
        framework_versions=versions,
        roles=["lead", "staff", "volunteer", "young_person"],
        closes_on=date.today() + timedelta(days=28),
        created_by=lead,
    )


def _demo_channels(organisation: Organisation, lead: User) -> None:
    """A few channels, one with a conflict the register flags (personal-use terms)."""
    from datetime import date, timedelta

    from digikind.register import services as register_services

    soon = date.today() + timedelta(days=120)
    channels = [
        {
            "platform": "whatsapp",
            "account_name": "Youth project WhatsApp group",
            "purpose": "service_delivery",
            "rationale": "Most young people already use it.",
            "owner": "Sam Lead",
            "youngest_age": 13,
            "oldest_age": 19,
            "one_to_one": True,
            "keeps_records": "no",
            "review_date": soon,
        },
        {
            "platform": "instagram",
            "account_name": "@riversideyouth",
            "purpose": "promotion",
            "rationale": "News and events for young people and families.",
            "owner": "Priya Staff",
            "youngest_age": 13,
            "oldest_age": 19,
            "receives_messages": True,
            "managers_trained": "unknown",
        },
        {
            "platform": "zoom",
            "account_name": "Riverside Zoom account",
            "purpose": "service_delivery",
            "rationale": "Online group sessions in the holidays.",
            "owner": "Sam Lead",
            "youngest_age": 16,
            "oldest_age": 19,
            "keeps_records": "yes",
            "managers_trained": "yes",
            "review_date": soon,
        },
    ]
    for fields in channels:
        register_services.create_channel(organisation, fields, by=lead)


def _demo_actions(organisation: Organisation, lead: User, actions: list[dict[str, Any]]) -> None:
    """A first action plan: one action under way, one not started, one done with evidence."""
    from datetime import date, timedelta

    from digikind.gaps import services as gap_services
    from digikind.register.models import Channel

    for item in actions:
        key = item.get("gap", "")
        if "channel" in item:
            channel = Channel.objects.for_org(organisation).get(platform=item["channel"])
            key = f"{key}:channel-{channel.pk}"
        gap_services.create_action(
            organisation,
            {
                "title": item["title"],
                "topic": item["topic"],
                "owner": item["owner"],
                "due_on": date.today() + timedelta(days=item["due_in_days"]),
                "status": item["status"],
                "evidence_it_worked": item.get("evidence_it_worked", ""),
            },
            gap_key=key,
            by=lead,
        )


def _demo_records(
    organisation: Organisation, lead: User, contacts: list[dict[str, object]]
) -> None:
    """A young person with recent contacts (some late at night), an open concern and a consent."""
    from datetime import date, datetime, timedelta

    from digikind.records import services as record_services
    from digikind.register.models import Channel

    person = record_services.add_subject(organisation, "young_person", "Jamie (demo)")
    channel = Channel.objects.for_org(organisation).filter(platform="whatsapp").first()
    for contact in contacts:
        hour, minute = (int(part) for part in str(contact["time"]).split(":"))
        when = (datetime.now() - timedelta(days=int(str(contact["days_ago"])))).replace(
            hour=hour, minute=minute, second=0, microsecond=0
        )
        record_services.append(
            organisation,
            "contact",
            author=lead,
            subject=person,
            public={
                "channel": channel.pk if channel else None,
                "channel_name": str(channel or "WhatsApp"),
                "happened_at": when.astimezone().isoformat(),
                "out_of_hours": bool(contact["out_of_hours"]),
            },
            sensitive={"note": str(contact["note"]), "copied_in": "Priya"},
        )
    record_services.append(
        organisation,
        "concern",
        author=lead,
        subject=person,
        public={
            "happened_on": date.today().isoformat(),
            "risk_type": "contact",
            "escalated_to": ["safeguarding_lead"],
            "status": "open",
        },
        sensitive={
            "description": "An adult they met in a game asked to move to a private chat.",
            "next_step": "Talk with Jamie and their parent this week.",
        },
    )
    record_services.append(
        organisation,
        "consent",
        author=lead,
        subject=person,
        public={
            "given_by": "parent_carer",
            "covers": ["contact"],
            "starts_on": date.today().isoformat(),
            "expires_on": (date.today() + timedelta(days=20)).isoformat(),
        },
        sensitive={"purpose": "Messages about sessions in the group chat."},
    )
