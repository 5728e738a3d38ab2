"""The demo funder's portfolio (data/demo_portfolio.yaml), with last year's round and this
year's, so the statuses, the five-organisation rule and the trend can all be seen."""

from datetime import timedelta
from pathlib import Path
from typing import Any

import yaml
from django.utils import timezone

from digikind.accounts.models import User
from digikind.funders import services
from digikind.funders.models import Grantee, Request, Round
from digikind.funders.question_sets import question_sets
from digikind.orgs import services as org_services
from digikind.orgs.models import Organisation

DATA = Path(__file__).with_name("data") / "demo_portfolio.yaml"


def _answers(set_id: str, answer: Any, shift: int) -> dict[str, str]:
    values = answer if isinstance(answer, list) else [answer]
    return {
        q.id: values[(i + shift) % len(values)]
        for i, q in enumerate(question_sets()[set_id].questions)
    }


def load_demo_portfolio(funder: Organisation, demo_group: Organisation, lead: User | None) -> None:
    items = yaml.safe_load(DATA.read_text(encoding="utf-8"))["grantees"]
    grantees = []
    for item in items:
        group = org_services.create_organisation(item["name"])
        details = {k: item[k] for k in ("region", "size", "programme", "kind", "identifier")}
        grantees.append(
            (Grantee.objects.create(organisation=funder, grantee=group, **details), item)
        )
    today = timezone.localdate()
    last_year = Round.objects.create(
        organisation=funder,
        name="Last year's questions",
        question_set="light",
        due_on=today - timedelta(days=330),
        created_at=timezone.now() - timedelta(days=365),
    )
    this_year = Round.objects.create(
        organisation=funder,
        name="This year's questions",
        question_set="light",
        due_on=today + timedelta(days=21),
    )
    demo = Grantee.objects.create(
        organisation=funder,
        grantee=demo_group,
        region="North",
        size="medium",
        programme="Youth Voice",
        kind="youth club",
    )
    for round_ in (last_year, this_year):
        for grantee, _item in [*grantees, (demo, {})]:
            Request.objects.create(
                organisation=grantee.grantee, round=round_, grantee=grantee, funder=funder
            )
    parts = ["scores", "policy", "register", "gaps", "actions"]
    for grantee, item in grantees:
        state = item["state"]
        for round_, shift in ((last_year, 1), (this_year, 0)):
            if state == "asked" and round_ == this_year:
                continue
            if state == "overdue":
                continue  # missed both rounds
            request = Request.objects.get(round=round_, grantee=grantee)
            services.answer(
                request,
                _answers("light", item["answer"], shift),
                parts,
                share=state != "not_shared",
                by=None,
            )
        if state == "withdrawn":
            services.withdraw(grantee.grantee, funder, by=None)
    # Answers came one by one; publish the portfolio's figures from everyone at once.
    for round_ in (last_year, this_year):
        round_.publications.all().delete()
        services.refresh_publication(round_)
    Request.objects.filter(round=last_year, grantee=demo).update(answered_at=None)
    # The overdue group missed last year's due date: its request there stays unanswered.
