"""The action plan: what the organisation will do about its gaps, and whether it worked."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from digikind.orgs.tenancy import OrgOwned
from digikind.vocabulary import names


class Status(models.TextChoices):
    TO_DO = "to_do", "Not started"
    DOING = "doing", "In progress"
    DONE = "done", "Done"


class Action(OrgOwned):
    # The gap it answers, by the key the gap report gives it; blank for the lead's own ideas.
    gap_key = models.CharField(max_length=120, blank=True)
    topic = models.CharField(max_length=40, choices=[(k, v) for k, v in names("topics").items()])
    title = models.CharField(max_length=200)
    detail = models.TextField(blank=True)
    owner = models.CharField(max_length=150)
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.TO_DO)
    evidence_it_worked = models.TextField(blank=True)
    done_on = models.DateField(null=True, blank=True)
    # The newest closed review when the action was made: a later one can show if the gap closed.
    cycle_at_start = models.ForeignKey(
        "reviews.ReviewCycle", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["status", "due_on", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("gaps:action_edit", args=[self.organisation.slug, self.pk])

    def is_overdue(self) -> bool:
        return (
            self.status != Status.DONE
            and self.due_on is not None
            and self.due_on < timezone.localdate()
        )
