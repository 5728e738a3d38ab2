"""API tokens: a lead gives another tool access to one organisation's data.

Only the sha256 of a token's secret is kept; the secret is shown once, when it is made."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from digikind.orgs.tenancy import OrgOwned

PREFIX = "dk_"


class Scope(models.TextChoices):
    READ = "read", "Read only"
    WRITE = "write", "Read and write"


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_secret() -> str:
    return PREFIX + secrets.token_urlsafe(32)


class ApiToken(OrgOwned):
    name = models.CharField(max_length=100)
    scope = models.CharField(max_length=10, choices=Scope, default=Scope.READ)
    secret_hash = models.CharField(max_length=64, unique=True)
    # The first characters of the secret, so a lead can tell tokens apart.
    hint = models.CharField(max_length=12)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"API token {self.name} ({self.get_scope_display()})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @property
    def can_write(self) -> bool:
        return self.scope == Scope.WRITE
