"""Every write to API tokens: make, use and revoke. Each use is audited."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from digikind.accounts.models import User
from digikind.api.models import ApiToken, Scope, hash_secret, new_secret
from digikind.orgs.models import AuditEvent, Organisation
from digikind.ratelimit import allow


class TokenError(Exception):
    """Something a lead cannot do with a token; the message says what to do instead."""


@transaction.atomic
def create_token(
    organisation: Organisation, name: str, scope: str, *, by: User | None
) -> tuple[ApiToken, str]:
    """A new token and its secret. The secret is never stored: show it once."""
    name = name.strip()
    if not name:
        raise TokenError("Give the token a name, such as the tool that will use it.")
    if scope not in Scope.values:
        raise TokenError("Choose whether the token can only read, or read and write.")
    secret = new_secret()
    token = ApiToken.objects.create(
        organisation=organisation,
        name=name[:100],
        scope=scope,
        secret_hash=hash_secret(secret),
        hint=secret[:8],
        created_by=by,
    )
    AuditEvent.objects.create(
        organisation=organisation,
        actor=by,
        action="api token created",
        detail=f"{token.name} ({token.get_scope_display()})",
    )
    return token, secret


@transaction.atomic
def revoke_token(token: ApiToken, *, by: User | None) -> ApiToken:
    if token.revoked_at is not None:
        raise TokenError("This token was already revoked.")
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    AuditEvent.objects.create(
        organisation=token.organisation,
        actor=by,
        action="api token revoked",
        detail=token.name,
    )
    return token


def find_token(secret: str) -> ApiToken | None:
    """The live token with this secret, or None."""
    if not secret or len(secret) > 200:
        return None
    return (
        ApiToken.objects.select_related("organisation")
        .filter(secret_hash=hash_secret(secret), revoked_at=None)
        .first()
    )


def within_limit(token: ApiToken) -> bool:
    """Count one request for the token against its per-minute limit."""
    return allow(f"api-token:{token.pk}", int(settings.API_REQUESTS_PER_MINUTE), 60)


def record_use(token: ApiToken, method: str, path: str) -> None:
    """Note the use on the token and in the organisation's audit log."""
    now = timezone.now()
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
    AuditEvent.objects.create(
        organisation=token.organisation,
        actor=None,
        action="api token used",
        detail=f"{token.name}: {method} {path}"[:300],
        created_at=now,
    )
