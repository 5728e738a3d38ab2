"""Policy checks an organisation has run, with what was read from their files and the
findings. Past checks are kept so a new version of a policy can be compared with the last
one, until a lead removes them. An uploaded file itself is kept only until it is read."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from digikind.orgs.tenancy import OrgOwned

if TYPE_CHECKING:
    from digikind.orgs.models import Organisation


class PolicyCheck(OrgOwned):
    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Reading the policy"
        DONE = "done", "Done"
        FAILED = "failed", "Could not check"

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300, blank=True)
    error = models.TextField(blank=True)
    report = models.JSONField(null=True, blank=True)
    next_steps = models.JSONField(default=list, blank=True)
    covered = models.PositiveSmallIntegerField(null=True, blank=True)
    # The lead's choice of the check that counts as the policy; none means the newest.
    is_current = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(is_current=True),
                name="one_current_policy_check",
            )
        ]

    def __str__(self) -> str:
        return f"Policy check {self.pk} for {self.organisation}"

    def get_absolute_url(self) -> str:
        return reverse("policies:detail", args=[self.organisation.slug, self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    def file_names(self) -> list[str]:
        return [f.name for f in self.files.all()]


def current_policy_check(organisation: "Organisation") -> PolicyCheck | None:
    """The check that stands for the organisation's policy in the gap report, board report
    and agreement: the one a lead chose, else the newest that was read."""
    return (
        PolicyCheck.objects.for_org(organisation)
        .filter(status=PolicyCheck.Status.DONE, report__isnull=False)
        .order_by("-is_current", "-created_at")
        .first()
    )


def policy_file_path(instance: "PolicyFile", filename: str) -> str:
    check = instance.policy_check
    return f"policies/{check.organisation_id}/{check.pk}/{instance.position}"


class PolicyFile(models.Model):
    policy_check = models.ForeignKey(PolicyCheck, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=255)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    # The uploaded file, only until it is read; then it is deleted and `document` kept.
    content = models.FileField(upload_to=policy_file_path, max_length=300, blank=True)
    document = models.JSONField(null=True, blank=True)  # the text read: title, notes, blocks

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name
