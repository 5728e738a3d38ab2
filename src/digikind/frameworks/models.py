"""The framework library: every version of every question set ever loaded.

Versions are never changed or deleted, so a review that used version 1 still reads
its questions after version 2 arrives. Answers refer to a question by its key within
a framework version, never by its position.
"""

from typing import Any

from django.db import models
from django.urls import reverse
from django.utils import timezone


class Framework(models.Model):
    urn = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    audience = models.CharField(max_length=20)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.urn

    def get_absolute_url(self) -> str:
        return reverse("frameworks:detail", args=[self.slug])

    def latest(self) -> "FrameworkVersion | None":
        return self.versions.order_by("-version").first()


class FrameworkVersion(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="versions")
    version = models.PositiveIntegerField()
    locale = models.CharField(max_length=10)
    name = models.JSONField()
    summary = models.JSONField()
    provider = models.CharField(max_length=300)
    source = models.JSONField()
    scales = models.JSONField()
    file_name = models.CharField(max_length=200)
    content_hash = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["framework__slug", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "version"], name="one_row_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.framework.slug} v{self.version}"

    def question(self, key: str) -> "Question":
        """The question with this key in this version (raises Question.DoesNotExist)."""
        return self.questions.get(key=key)

    def scale(self, scale_id: str) -> dict[str, Any] | None:
        scale: dict[str, Any] | None = self.scales.get(scale_id)
        return scale


def latest_versions(audience: str) -> list[FrameworkVersion]:
    """The newest version of each framework for an audience (organisation, funder, platform)."""
    latest: dict[int, FrameworkVersion] = {}
    for version in FrameworkVersion.objects.filter(framework__audience=audience).select_related(
        "framework"
    ):
        if (
            version.framework_id not in latest
            or version.version > latest[version.framework_id].version
        ):
            latest[version.framework_id] = version
    return sorted(latest.values(), key=lambda v: v.framework.slug)


class Section(models.Model):
    framework_version = models.ForeignKey(
        FrameworkVersion, on_delete=models.CASCADE, related_name="sections"
    )
    key = models.CharField(max_length=100)
    position = models.PositiveIntegerField()
    title = models.JSONField()
    intro = models.JSONField()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["framework_version", "key"], name="unique_section_key")
        ]

    def __str__(self) -> str:
        return str(self.title.get("en", self.key))


class Question(models.Model):
    framework_version = models.ForeignKey(
        FrameworkVersion, on_delete=models.CASCADE, related_name="questions"
    )
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    key = models.CharField(max_length=100)
    position = models.PositiveIntegerField()
    leader = models.JSONField()
    practice = models.JSONField()
    young_person = models.JSONField()
    hint = models.JSONField()  # why it matters, for staff
    young_person_hint = models.JSONField(default=dict)  # the same, for young people
    examples = models.JSONField(default=list)
    roles = models.JSONField()
    domain = models.CharField(max_length=40)
    area = models.CharField(max_length=40)
    topics = models.JSONField()
    risk_types = models.JSONField(default=list)
    answer = models.CharField(max_length=40)
    practice_answer = models.CharField(max_length=40)
    young_person_answer = models.CharField(max_length=40)
    practice_polarity = models.CharField(max_length=10, default="positive")
    young_person_polarity = models.CharField(max_length=10, default="positive")
    source_seed = models.CharField(max_length=100)
    source_section = models.CharField(max_length=300)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["framework_version", "key"], name="unique_question_key")
        ]

    def __str__(self) -> str:
        return f"{self.key}: {self.leader.get('en', '')}"

    def wording_for(self, role: str) -> dict[str, str]:
        """What a person in this role is asked: leaders get the policy question, staff and
        volunteers the practice wording, young people and parents the young-person wording."""
        if role in ("young_person", "parent_carer") and self.young_person.get("en"):
            return dict(self.young_person)
        if role in ("staff", "volunteer") and self.practice.get("en"):
            return dict(self.practice)
        return dict(self.leader)
