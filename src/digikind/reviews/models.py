"""Review cycles: many voices answering the question sets, anonymously.

A respondent has no account. Their browser holds a random key; only its hash is stored,
with no name, email or address, so answers cannot be traced back to a person.
"""

import hashlib
import secrets
from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from digikind.frameworks.models import FrameworkVersion, Question
from digikind.orgs.roles import RespondentRole
from digikind.orgs.tenancy import OrgOwned

if TYPE_CHECKING:
    from digikind.orgs.models import Organisation


def new_token() -> str:
    return secrets.token_urlsafe(18)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ReviewCycle(OrgOwned):
    name = models.CharField(max_length=150)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    closes_on = models.DateField()
    closed_at = models.DateTimeField(null=True, blank=True)
    roles = models.JSONField()
    framework_versions = models.ManyToManyField(FrameworkVersion, related_name="+")
    you_said_we_did = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reviews:detail", args=[self.organisation.slug, self.pk])

    @property
    def is_open(self) -> bool:
        return self.closed_at is None and date.today() <= self.closes_on

    def role_names(self) -> list[str]:
        labels = dict(RespondentRole.choices)
        return [str(labels[r]) for r in self.roles]


def latest_closed_cycle(organisation: "Organisation") -> ReviewCycle | None:
    """The organisation's most recently closed review, the one whose results are current."""
    return (
        ReviewCycle.objects.for_org(organisation)
        .filter(closed_at__isnull=False)
        .order_by("-closed_at", "-created_at")
        .first()
    )


class ReviewLink(OrgOwned):
    """A link to share with one role (or one person). It identifies only the cycle and role."""

    cycle = models.ForeignKey(ReviewCycle, on_delete=models.CASCADE, related_name="links")
    role = models.CharField(max_length=20, choices=RespondentRole)
    label = models.CharField(max_length=100, blank=True)
    token = models.CharField(max_length=40, unique=True, default=new_token)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["cycle", "role", "created_at"]

    def __str__(self) -> str:
        return f"{self.cycle} – {self.get_role_display()}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:respond", args=[self.token])

    def get_welsh_url(self) -> str:
        """The same link, opening in Welsh (and remembering Welsh for the respondent)."""
        return f"{self.get_absolute_url()}?lang=cy"


class Response(OrgOwned):
    """One person's answers. `network` is a keyed hash of the network they sent from, for this
    cycle only, kept while the cycle is open to spot many empty answers from one place; it is
    wiped when the cycle closes. `empty`: no answer with a score. `burst`: one of several
    empty responses sent from one network within an hour (shown to the lead as a flag)."""

    cycle = models.ForeignKey(ReviewCycle, on_delete=models.CASCADE, related_name="responses")
    link = models.ForeignKey(ReviewLink, on_delete=models.CASCADE, related_name="responses")
    role = models.CharField(max_length=20, choices=RespondentRole)
    key_hash = models.CharField(max_length=64, unique=True)
    started_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    network = models.CharField(max_length=32, blank=True)
    empty = models.BooleanField(default=False)
    burst = models.BooleanField(default=False)

    class Meta:
        ordering = ["started_at"]

    def __str__(self) -> str:
        return f"Response {self.pk} to {self.cycle}"


class Answer(models.Model):
    """One answer, stored against the question's key in its pinned framework version."""

    DONT_KNOW = "dont-know"

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    value = models.CharField(max_length=40, blank=True)
    text = models.TextField(blank=True)
    comment = models.TextField(blank=True)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")
        ]

    def __str__(self) -> str:
        return f"{self.question.key}: {self.value or self.text[:20]}"
