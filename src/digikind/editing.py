"""Two people editing the same thing at once: keep what this person typed, and let their next
save go on top of the version the other person saved, never over it unseen."""

from typing import Any, TypeVar

from django import forms
from django.db import models
from django.http import HttpRequest
from django.utils import timezone

F = TypeVar("F", bound=forms.Form)


def rebased_form(
    form_class: type[F], request: HttpRequest, version: int, message: str, **kwargs: Any
) -> F:
    data = request.POST.copy()
    data["version"] = str(version)
    form = form_class(data, **kwargs)
    form.is_valid()
    form.add_error(None, message)
    return form


class EditConflict(Exception):
    """Someone else saved this thing since this person opened it."""

    thing = "this"  # how the message names what was changed, set by each app's subclass

    def __init__(self, current: Any) -> None:
        super().__init__(
            f"Someone else changed {self.thing} while you were editing it. Their version is "
            "shown below and your changes are still in the form: check them and save again."
        )
        self.current = current


M = TypeVar("M", bound=models.Model)


def save_unless_changed(
    row: "models.QuerySet[M]",
    seen_version: int,
    fields: dict[str, Any],
    conflict: type[EditConflict],
) -> M | None:
    """Save `fields` into the one row `row` selects, but only if its version is still the one
    this person opened; otherwise raise `conflict` with the other person's version.
    Returns the saved row, or None if the row no longer exists."""
    updated = row.filter(version=seen_version).update(
        **fields, version=seen_version + 1, updated_at=timezone.now()
    )
    current = row.first()
    if current is not None and not updated:
        raise conflict(current)
    return current
