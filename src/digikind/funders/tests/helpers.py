"""A funder with a portfolio of grantees in chosen states, for the funders' tests."""

from datetime import timedelta

from django.utils import timezone

from digikind.funders import services
from digikind.funders.models import Grantee, Request, Round
from digikind.funders.question_sets import question_sets
from digikind.orgs import services as org_services
from digikind.orgs.roles import MemberRole, OrganisationKind
from digikind.test import BaseTestCase, make_person


def all_answers(set_id: str = "light", value: str = "yes") -> dict[str, str]:
    return {q.id: value for q in question_sets()[set_id].questions}


class FunderTestCase(BaseTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.funder = org_services.create_organisation(
            "Northfield Fund", kind=OrganisationKind.FUNDER
        )
        self.morgan = make_person("morgan@fund.example", self.funder, MemberRole.LEAD, "Morgan")
        self.fund_trustee = make_person("tess@fund.example", self.funder, MemberRole.TRUSTEE)
        self.other_funder = org_services.create_organisation(
            "Southby Trust", kind=OrganisationKind.FUNDER
        )
        self.sam = make_person("sam@southby.example", self.other_funder, MemberRole.LEAD)

    def add(self, organisation, funder=None, **details) -> Grantee:
        return Grantee.objects.create(
            organisation=funder or self.funder, grantee=organisation, **details
        )

    def grantees(self, count: int, **details) -> list[Grantee]:
        made = []
        for number in range(count):
            org = org_services.create_organisation(
                f"Group {details.get('region', '')} {number + 1}"
            )
            made.append(self.add(org, **details))
        return made

    def ask(self, set_id: str = "light", funder=None, days: int = 14) -> Round:
        return services.ask(
            funder or self.funder,
            "Spring questions",
            set_id,
            timezone.localdate() + timedelta(days=days),
            by=None,
        )

    def request_for(self, grantee: Grantee, round_: Round) -> Request:
        return Request.objects.get(round=round_, grantee=grantee)

    def answer(
        self, grantee: Grantee, round_: Round, *, value: str = "yes", share: bool = True, parts=None
    ) -> Request:
        request = self.request_for(grantee, round_)
        services.answer(
            request,
            all_answers(round_.question_set, value),
            parts if parts is not None else ["scores", "policy", "register", "gaps", "actions"],
            share=share,
            by=None,
        )
        request.refresh_from_db()
        return request
