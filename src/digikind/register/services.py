"""Every change to the register: add and edit channels, add risk assessments."""

from datetime import date
from typing import Any

from django.db import IntegrityError, transaction

from digikind import editing
from digikind.accounts.models import User
from digikind.orgs.models import Organisation
from digikind.register.models import Channel, RiskAssessment


class RegisterError(Exception):
    """Something that cannot be saved; the message says what to do instead."""


class EditConflict(editing.EditConflict, RegisterError):
    """Someone else saved the channel since this person opened it."""

    thing = "this channel"


def _duplicate(
    organisation: Organisation, platform: str, account_name: str, exclude: int | None = None
) -> bool:
    same = Channel.objects.for_org(organisation).filter(
        platform=platform, account_name__iexact=account_name.strip()
    )
    return same.exclude(pk=exclude).exists() if exclude else same.exists()


@transaction.atomic
def create_channel(
    organisation: Organisation, fields: dict[str, Any], *, by: User | None
) -> Channel:
    review_date = fields.get("review_date")
    if isinstance(review_date, date) and review_date < date.today():
        raise RegisterError("The review date is in the past. Choose a date from today on.")
    if _duplicate(organisation, fields["platform"], fields["account_name"]):
        raise RegisterError(
            "This account is already in the register. Open it from the register to change it."
        )
    try:
        with transaction.atomic():
            return Channel.objects.create(organisation=organisation, updated_by=by, **fields)
    except IntegrityError:
        raise RegisterError(
            "This account is already in the register. Open it from the register to change it."
        ) from None


@transaction.atomic
def update_channel(
    channel: Channel, fields: dict[str, Any], *, seen_version: int, by: User | None
) -> Channel:
    """Save only if nobody else has saved since `seen_version`: never overwrite silently."""
    if _duplicate(
        channel.organisation, fields["platform"], fields["account_name"], exclude=channel.pk
    ):
        raise RegisterError("Another entry already has this platform and account name.")
    saved = editing.save_unless_changed(
        Channel.objects.filter(pk=channel.pk),
        seen_version,
        {**fields, "updated_by": by},
        EditConflict,
    )
    assert saved is not None  # a channel is never deleted
    return saved


def add_assessment(channel: Channel, fields: dict[str, Any]) -> RiskAssessment:
    return RiskAssessment.objects.create(
        organisation=channel.organisation, channel=channel, **fields
    )
