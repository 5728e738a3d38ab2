"""A large organisation for the benchmarks: years of records, many reviews, many channels.

Built in bulk (`bulk_create` and the records log's `append_many`, which writes the same hashes
and keys as one entry at a time), so that building it takes a minute, not an hour. Made-up
data only; `scale` shrinks every count for a quicker run.
"""

import hashlib
import random
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from digikind.accounts.models import User
from digikind.demo.services import POLICY_FILE, _person
from digikind.orgs import services as org_services
from digikind.orgs.models import Organisation
from digikind.orgs.roles import MemberRole

NAME = "Large Youth Charity"
FULL = {"records": 100_000, "channels": 40, "cycles": 20, "respondents": 500, "checks": 30}
YEARS = 3
ROLES = {"young_person": 0.5, "staff": 0.3, "volunteer": 0.16, "lead": 0.04}


@dataclass
class Built:
    organisation: Organisation
    lead: User
    counts: dict[str, int]


def counts_for(scale: float) -> dict[str, int]:
    return {
        k: max(2 if k == "cycles" else 1, round(v * (scale if k != "channels" else 1)))
        for k, v in FULL.items()
    }


def build(scale: float = 1.0, seed: int = 18) -> Built:
    rng = random.Random(seed)  # noqa: S311 (made-up data)
    counts = counts_for(scale)
    with transaction.atomic():
        organisation = org_services.create_organisation(NAME)
        lead = _person(f"lead-{secrets.token_hex(4)}@large.example", "Large Lead", "x" * 20)
        org_services.add_member(organisation, lead, MemberRole.LEAD)
        from allauth.mfa.totp.internal.auth import generate_totp_secret

        from digikind.accounts.two_factor import activate_authenticator_app

        activate_authenticator_app(lead, generate_totp_secret())
        channels = _channels(organisation, lead, counts["channels"])
        _reviews(organisation, lead, counts["cycles"], counts["respondents"], rng)
        _policy_checks(organisation, lead, counts["checks"])
    _records(organisation, lead, counts["records"], channels, rng)
    return Built(organisation, lead, counts)


def _channels(organisation: Organisation, lead: User, count: int) -> list[tuple[int, str]]:
    from digikind.register import knowledge
    from digikind.register import services as register_services

    platforms = list(knowledge.platforms())  # the register's own platforms, in its order
    made = []
    for number in range(count):
        platform = platforms[number % len(platforms)]
        channel = register_services.create_channel(
            organisation,
            {
                "platform": platform,
                "account_name": f"Large {platform} account {number + 1}",
                "purpose": ["service_delivery", "promotion", "internal"][number % 3],
                "rationale": "Young people asked for it.",
                "owner": "Large Lead",
                "youngest_age": 11 + number % 5,
                "oldest_age": 19,
                "one_to_one": number % 2 == 0,
            },
            by=lead,
        )
        made.append((channel.pk, str(channel)))
    return made


def _reviews(
    organisation: Organisation, lead: User, cycles: int, respondents: int, rng: random.Random
) -> None:
    from digikind.frameworks.models import latest_versions
    from digikind.reviews import services as review_services
    from digikind.reviews.models import Answer, Response, ReviewCycle
    from digikind.reviews.questions import questions_for

    versions = [
        v
        for v in latest_versions("organisation")
        if v.framework.slug == "digitally-kind-organisations"
    ]
    if not versions:
        raise RuntimeError("Load the question sets first: digikind frameworks load")
    now = timezone.now()
    for number in range(cycles):
        cycle = review_services.start_cycle(
            organisation,
            name=f"Review {number + 1}",
            framework_versions=versions,
            roles=list(ROLES),
            closes_on=date.today(),
            created_by=lead,
        )
        links = {link.role: link for link in cycle.links.all()}
        closed = now - timedelta(days=round(YEARS * 365 * (cycles - 1 - number) / cycles))
        responses = []
        for role, share in ROLES.items():
            for _person_number in range(max(5, round(respondents * share))):
                responses.append(
                    Response(
                        organisation=organisation,
                        cycle=cycle,
                        link=links[role],
                        role=role,
                        key_hash=hashlib.sha256(secrets.token_bytes(16)).hexdigest(),
                        started_at=closed - timedelta(days=7),
                        submitted_at=closed - timedelta(days=6),
                    )
                )
        Response.objects.bulk_create(responses, batch_size=1000)
        asked_by_role = {role: questions_for(cycle, role) for role in ROLES}
        answers = []
        for response in Response.objects.filter(cycle=cycle).only("pk", "role"):
            for asked in asked_by_role[response.role]:
                if asked.is_free_text:
                    if rng.random() < 0.2:
                        answers.append(
                            Answer(response=response, question=asked.question, text="WhatsApp.")
                        )
                    continue
                options = [value for value, _label in asked.options()]
                value = rng.choice([*options, *options, "dont-know"])
                answers.append(Answer(response=response, question=asked.question, value=value))
        Answer.objects.bulk_create(answers, batch_size=2000)
        ReviewCycle.objects.filter(pk=cycle.pk).update(
            created_at=closed - timedelta(days=14), closed_at=closed, closes_on=closed.date()
        )


def _policy_checks(organisation: Organisation, lead: User, count: int) -> None:
    """One real check of the demo policy, then copies of it over the years."""
    from digikind.policies import services as policy_services
    from digikind.policies.models import PolicyCheck

    first = policy_services.start_policy_check(
        organisation,
        [policy_services.Upload(POLICY_FILE.name, POLICY_FILE.read_bytes())],
        created_by=lead,
    )
    first.refresh_from_db()
    now = timezone.now()
    copies = [
        PolicyCheck(
            organisation=organisation,
            created_by=lead,
            created_at=now - timedelta(days=round(YEARS * 365 * (number + 1) / count)),
            finished_at=now - timedelta(days=round(YEARS * 365 * (number + 1) / count)),
            status=first.status,
            progress=first.progress,
            title=first.title,
            report=first.report,
            next_steps=first.next_steps,
            covered=first.covered,
        )
        for number in range(count - 1)
    ]
    PolicyCheck.objects.bulk_create(copies)


def _records(
    organisation: Organisation,
    lead: User,
    count: int,
    channels: list[tuple[int, str]],
    rng: random.Random,
) -> None:
    """Contacts (most), concerns, consents and debriefs, spread evenly over three years,
    about a few hundred young people."""
    from digikind.records import services as record_services

    people = [
        record_services.add_subject(organisation, "young_person", f"Young person {n}")
        for n in range(max(5, min(400, count // 250)))
    ]
    start = timezone.now() - timedelta(days=YEARS * 365)
    step = timedelta(days=YEARS * 365) / count
    batch: list[record_services.NewEntry] = []
    for number in range(count):
        when: datetime = start + step * number
        person = people[number % len(people)]
        roll = rng.random()
        if roll < 0.03:
            entry = record_services.NewEntry(
                "concern",
                {
                    "happened_on": when.date().isoformat(),
                    "risk_type": rng.choice(["content", "contact", "conduct"]),
                    "escalated_to": ["safeguarding_lead"],
                    "status": "open" if rng.random() < 0.05 else "closed",
                },
                {"description": "Made-up concern.", "next_step": "Talk with them this week."},
            )
        elif roll < 0.06:
            entry = record_services.NewEntry(
                "consent",
                {
                    "given_by": "parent_carer",
                    "covers": ["contact"],
                    "starts_on": when.date().isoformat(),
                    "expires_on": (when.date() + timedelta(days=365)).isoformat(),
                },
                {"purpose": "Messages about sessions."},
            )
        elif roll < 0.08:
            entry = record_services.NewEntry(
                "debrief",
                {"happened_on": when.date().isoformat()},
                {"what_happened": "A hard evening online.", "support": "Talked it through."},
            )
        else:
            channel_id, channel_name = channels[number % len(channels)]
            late = rng.random() < 0.2
            happened = timezone.localtime(when).replace(hour=22 if late else 16)
            entry = record_services.NewEntry(
                "contact",
                {
                    "channel": channel_id,
                    "channel_name": channel_name,
                    "happened_at": happened.isoformat(),
                    "out_of_hours": late,
                },
                {"note": "Asked about Saturday's session.", "copied_in": "A colleague"},
            )
        entry.subject, entry.created_at = person, when
        batch.append(entry)
        if len(batch) == 5000:
            record_services.append_many(organisation, batch, author=lead)
            batch = []
    if batch:
        record_services.append_many(organisation, batch, author=lead)
