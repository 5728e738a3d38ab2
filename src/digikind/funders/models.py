"""Funders ask the groups they fund once, and see a summary only where a group agrees.

Two sides, each owning its own rows:
- the funder owns its `Grantee` list and its `Round`s of asking;
- the grantee owns each `Request` it was sent, its answers, the summary it shares, and its
  `Sharing` decisions. A funder reads a grantee's summary only through a sharing that is not
  withdrawn (see `portfolio.py`).
"""

import secrets
from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from digikind.orgs.tenancy import OrgOwned


def new_code() -> str:
    # Easy to read out on the phone: no 0/O or 1/I.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(3))


class GranteeCode(OrgOwned):
    """The code a group gives a funder so the funder can add it as a grantee."""

    code = models.CharField(max_length=20, unique=True, default=new_code)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.code


class Grantee(OrgOwned):
    """A group in a funder's portfolio (`organisation` is the funder)."""

    grantee = models.ForeignKey(
        "orgs.Organisation", on_delete=models.CASCADE, related_name="funded_by"
    )
    region = models.CharField(max_length=60, blank=True)
    size = models.CharField(max_length=30, blank=True)
    programme = models.CharField(max_length=100, blank=True)
    kind = models.CharField(max_length=60, blank=True)
    # The 360Giving organisation identifier, such as GB-CHC-1234567, where known.
    identifier = models.CharField(max_length=60, blank=True)
    invited_email = models.EmailField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["grantee__name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "grantee"], name="one_grantee_row")
        ]
        indexes = [
            models.Index(fields=["organisation", "region"]),
            models.Index(fields=["organisation", "size"]),
            models.Index(fields=["organisation", "programme"]),
            models.Index(fields=["organisation", "kind"]),
        ]

    def __str__(self) -> str:
        return f"{self.grantee} funded by {self.organisation}"


class Round(OrgOwned):
    """One time a funder asks its grantees (`organisation` is the funder)."""

    name = models.CharField(max_length=150)
    question_set = models.CharField(max_length=40)
    due_on = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name


class Request(OrgOwned):
    """A round's request to one grantee (`organisation` is the grantee, who owns its answers
    and its summary)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="requests")
    grantee = models.ForeignKey(Grantee, on_delete=models.CASCADE, related_name="requests")
    funder = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="+")
    asked_at = models.DateTimeField(default=timezone.now)
    reminded_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Which parts of the summary the grantee chose to share; the rest is "answered, not shared".
    parts_shared = models.JSONField(default=list)

    class Meta:
        ordering = ["-asked_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "grantee"], name="one_request_per_round")
        ]
        indexes = [models.Index(fields=["funder", "round", "answered_at"])]

    def __str__(self) -> str:
        return f"{self.round} to {self.organisation}"

    def get_absolute_url(self) -> str:
        return reverse("funders:request", args=[self.organisation.slug, self.pk])

    def is_overdue(self, today: date | None = None) -> bool:
        return self.answered_at is None and (today or timezone.localdate()) > self.round.due_on


class Answer(models.Model):
    """The grantee's answer to one question of the round's question set. Never shared as it is:
    only the summary built from it."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(max_length=100)
    value = models.CharField(max_length=20)
    carried_from = models.CharField(max_length=200, blank=True)  # what it was filled in from
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["request", "question"], name="one_funder_answer")
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.value}"


class Figure(models.Model):
    """One number of the summary a grantee shares, kept apart so the portfolio can be added
    up in the database: `name` is like "score:access", "policy:covered", "missing:devices"."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="figures")
    part = models.CharField(max_length=20)  # scores, policy, register, gaps, actions
    name = models.CharField(max_length=140)
    value = models.FloatField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "name"], name="one_figure")]
        indexes = [models.Index(fields=["name", "request"])]

    def __str__(self) -> str:
        return f"{self.name} = {self.value}"


class Sharing(OrgOwned):
    """A grantee's consent to share its summary with one funder (`organisation` is the
    grantee). Withdrawing sets `withdrawn_at`; giving it again makes a new row."""

    funder = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE, related_name="+")
    given_at = models.DateTimeField(default=timezone.now)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-given_at", "-pk"]
        indexes = [
            models.Index(fields=["funder", "withdrawn_at", "organisation"]),
            # Each grantee's status asks "does it share now, did it ever?" by funder and group.
            models.Index(fields=["funder", "organisation", "withdrawn_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} shares with {self.funder}"


class Publication(OrgOwned):
    """The set of grantees whose summaries the portfolio's figures are added up from, for one
    round (`organisation` is the funder). A new set is published only when it differs from
    every earlier one in the round by five or more grantees, so no grantee can be worked out
    by comparing figures from one day with the next."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="publications")
    made_at = models.DateTimeField(default=timezone.now)
    members = models.ManyToManyField(Request, related_name="publications")

    class Meta:
        ordering = ["-made_at", "-pk"]

    def __str__(self) -> str:
        return f"Figures for {self.round} from {self.made_at:%Y-%m-%d %H:%M}"


class PublishedSum(models.Model):
    """A publication's figures, added up once when it is made, for the whole portfolio and
    for each group of each filter, so the portfolio page reads a few rows instead of adding
    up every grantee's figures on every visit. A row with no `name` is a part's count of
    grantees; the others are one figure's count, mean and count of yes (value above 0)."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="sums")
    dimension = models.CharField(max_length=20, blank=True)  # "" for the whole portfolio
    group = models.CharField(max_length=100, blank=True)  # the dimension's value
    part = models.CharField(max_length=20)
    name = models.CharField(max_length=140, blank=True)
    grantees = models.IntegerField()
    mean = models.FloatField(null=True)
    yes = models.IntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["publication", "dimension", "group"])]

    def __str__(self) -> str:
        return f"{self.name or self.part} in {self.dimension or 'all'} {self.group}"
