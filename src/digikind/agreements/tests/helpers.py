"""Shared set-up for the agreement tests: channels, a finished policy check, young people's
answers in a closed review, and a text easy enough to publish."""

from django.utils import timezone

from digikind.agreements.wording import SECTION_IDS
from digikind.policies.models import PolicyCheck
from digikind.register import services as register_services
from digikind.reviews import services as review_services
from digikind.reviews.tests.helpers import start
from digikind.reviews.tests.test_scoring import answer

EASY = {
    "channels": "- WhatsApp: we use it to talk with you.\n- Instagram: we post news here.",
    "replies": "We reply from 4pm to 8pm on Monday to Friday.\nWe are not online all the time.",
    "will_do": "- We will be kind online.\n- We will ask you before we share a photo.",
    "wont_do": "- We won't add you as a friend.\n- We won't ask you to keep a secret.",
    "help_now": "- If you are in danger now, call 999.\n- You can call Childline on 0800 1111.",
    "records": "We write a short note when we talk with you. Only a few of us can see it.",
}
HARD = {
    **EASY,
    "records": (
        "Contemporaneous documentation of communications is maintained in accordance with "
        "organisational data retention obligations and applicable legislative requirements."
    ),
}


def form_data(texts=None, version=0, action="save"):
    return {**(texts or EASY), "version": str(version), "action": action}


def add_channel(organisation, **fields):
    values = {"platform": "instagram", "account_name": "@club", "purpose": "promotion"}
    values.update(fields)
    return register_services.create_channel(organisation, values, by=None)


def add_policy_check(organisation, hours_sentences):
    return PolicyCheck.objects.create(
        organisation=organisation,
        status=PolicyCheck.Status.DONE,
        finished_at=timezone.now(),
        title="Online policy",
        report={
            "topics": [
                {
                    "id": "availability-hours",
                    "name": "Availability and hours",
                    "state": "covered" if hours_sentences else "missing",
                    "evidence": [
                        {"text": s, "where": "2. Contact", "document": "policy.txt"}
                        for s in hours_sentences
                    ],
                }
            ]
        },
    )


def closed_review(organisation, young_people, value="no"):
    """A closed review where `young_people` young people answered "who to tell" with `value`
    (yes-no: "no" scores 0 on reporting concerns)."""
    cycle = start(organisation, roles=("lead", "young_person"))
    for _ in range(young_people):
        answer(cycle, "young_person", [value])
    review_services.close_cycle(cycle)
    return cycle


assert set(EASY) == set(SECTION_IDS)
