"""Every change to the action plan."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from digikind import editing
from digikind.accounts.models import User
from digikind.gaps.models import Action, Status
from digikind.orgs.models import Organisation
from digikind.reviews.models import latest_closed_cycle


class EditConflict(editing.EditConflict):
    """Someone else saved the action since this person opened it."""

    thing = "this action"


def _done_on(fields: dict[str, Any]) -> dict[str, Any]:
    done = fields.get("status") == Status.DONE
    return {**fields, "done_on": timezone.localdate() if done else None}


def create_action(
    organisation: Organisation, fields: dict[str, Any], *, gap_key: str, by: User | None
) -> Action:
    return Action.objects.create(
        organisation=organisation,
        gap_key=gap_key,
        cycle_at_start=latest_closed_cycle(organisation),
        created_by=by,
        **_done_on(fields),
    )


@transaction.atomic
def update_action(action: Action, fields: dict[str, Any], *, seen_version: int) -> Action:
    """Save only if nobody else has saved since `seen_version`: never overwrite silently."""
    fields = _done_on(fields)
    if action.status == Status.DONE and fields["status"] == Status.DONE:
        fields["done_on"] = action.done_on  # keep the day it was first marked done
    saved = editing.save_unless_changed(
        Action.objects.filter(pk=action.pk), seen_version, fields, EditConflict
    )
    assert saved is not None  # actions are never deleted
    return saved
