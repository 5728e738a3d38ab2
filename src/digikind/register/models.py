"""The organisation's register of digital channels and their risk assessments."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from digikind.orgs.tenancy import OrgOwned


class Purpose(models.TextChoices):
    PROMOTION = "promotion", "Promotion: news and events"
    SERVICE_DELIVERY = "service_delivery", "Service delivery: working with young people"
    INTERNAL = "internal", "Internal: staff and volunteers only"


class YesNoUnknown(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    UNKNOWN = "unknown", "Not sure"


class Devices(models.TextChoices):
    WORK = "work", "Work devices only"
    PERSONAL = "personal", "Personal devices"
    BOTH = "both", "Both"


class Channel(OrgOwned):
    platform = models.CharField(max_length=40)
    other_platform_name = models.CharField(max_length=100, blank=True)
    account_name = models.CharField(max_length=150)
    purpose = models.CharField(max_length=20, choices=Purpose)
    rationale = models.TextField(blank=True)
    owner = models.CharField(max_length=150, blank=True)
    others_with_access = models.CharField(max_length=300, blank=True)
    official = models.BooleanField(default=True)
    youngest_age = models.PositiveSmallIntegerField(null=True, blank=True)
    oldest_age = models.PositiveSmallIntegerField(null=True, blank=True)
    one_to_one = models.BooleanField(default=False)
    receives_messages = models.BooleanField(default=True)
    keeps_records = models.CharField(
        max_length=10, choices=YesNoUnknown, default=YesNoUnknown.UNKNOWN
    )
    followers_visible = models.CharField(
        max_length=10, choices=YesNoUnknown, default=YesNoUnknown.UNKNOWN
    )
    managers_trained = models.CharField(
        max_length=10, choices=YesNoUnknown, default=YesNoUnknown.UNKNOWN
    )
    devices = models.CharField(max_length=10, choices=Devices, default=Devices.WORK)
    review_date = models.DateField(null=True, blank=True)
    # Facts the lead gives for a platform Digikind does not know ("something else").
    own_facts = models.JSONField(default=dict, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["platform", "account_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "platform", "account_name"], name="one_entry_per_account"
            )
        ]

    def __str__(self) -> str:
        return f"{self.platform_name}: {self.account_name}"

    def get_absolute_url(self) -> str:
        return reverse("register:detail", args=[self.organisation.slug, self.pk])

    @property
    def platform_name(self) -> str:
        from digikind.register.knowledge import platforms

        known = platforms().get(self.platform)
        return known.name if known else (self.other_platform_name or "Something else")


class Level(models.IntegerChoices):
    LOW = 1, "Low"
    MEDIUM = 2, "Medium"
    HIGH = 3, "High"


class RiskAssessment(OrgOwned):
    """One assessment of a channel; a new one is added each time, so the history stays."""

    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="assessments")
    content_likelihood = models.PositiveSmallIntegerField(choices=Level)
    content_impact = models.PositiveSmallIntegerField(choices=Level)
    contact_likelihood = models.PositiveSmallIntegerField(choices=Level)
    contact_impact = models.PositiveSmallIntegerField(choices=Level)
    conduct_likelihood = models.PositiveSmallIntegerField(choices=Level)
    conduct_impact = models.PositiveSmallIntegerField(choices=Level)
    mitigations = models.JSONField(default=list)
    other_mitigations = models.TextField(blank=True)
    residual_risk = models.PositiveSmallIntegerField(choices=Level)
    signed_off_by = models.CharField(max_length=150)
    signed_off_on = models.DateField(default=timezone.localdate)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Risk assessment of {self.channel}"

    def scores(self) -> list[tuple[str, int, int, int]]:
        """(risk type, likelihood, impact, likelihood times impact) for each risk type."""
        return [
            (
                "Content",
                self.content_likelihood,
                self.content_impact,
                self.content_likelihood * self.content_impact,
            ),
            (
                "Contact",
                self.contact_likelihood,
                self.contact_impact,
                self.contact_likelihood * self.contact_impact,
            ),
            (
                "Conduct",
                self.conduct_likelihood,
                self.conduct_impact,
                self.conduct_likelihood * self.conduct_impact,
            ),
        ]
