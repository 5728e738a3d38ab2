"""What each person needs first on their organisation's home page, read from every app."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q

from digikind.gaps.models import Action, Status
from digikind.orgs.models import Membership
from digikind.records import dashboard as records
from digikind.reviews.models import ReviewCycle, ReviewLink

SEES_RECORDS = {"lead", "staff", "volunteer"}
SEES_PLAN = {"lead", "trustee"}


@dataclass
class OpenReview:
    cycle: ReviewCycle
    answered: int
    started: int


@dataclass
class Home:
    role: str
    open_reviews: list[OpenReview] = field(default_factory=list)
    my_links: list[ReviewLink] = field(default_factory=list)
    overdue_actions: list[Action] = field(default_factory=list)
    open_actions: int = 0
    open_concerns: int = 0
    consents_to_watch: int = 0
    can_record: bool = False


def home_for(membership: Membership, today: date | None = None) -> Home:
    organisation, role = membership.organisation, membership.role
    today = today or date.today()
    home = Home(role=role, can_record=role in SEES_RECORDS)
    open_cycles = ReviewCycle.objects.for_org(organisation).filter(
        closed_at=None, closes_on__gte=today
    )
    if role in SEES_PLAN:
        counted = open_cycles.annotate(
            answered=Count("responses", filter=Q(responses__submitted_at__isnull=False)),
            started=Count("responses"),
        )
        home.open_reviews = [OpenReview(c, c.answered, c.started) for c in counted]
        actions = Action.objects.for_org(organisation).exclude(status=Status.DONE)
        home.open_actions = actions.count()
        home.overdue_actions = list(actions.filter(due_on__lt=today).order_by("due_on"))
    if role == "lead":
        home.open_concerns = len(records.open_concerns(organisation))
        home.consents_to_watch = len(records.consents_to_watch(organisation))
    else:
        # Staff, volunteers and trustees answer as themselves: the open links for their role.
        home.my_links = list(
            ReviewLink.objects.for_org(organisation)
            .filter(cycle__in=open_cycles, role=role, revoked_at=None)
            .select_related("cycle")
        )
    return home
