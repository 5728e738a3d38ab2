"""Two people editing the same thing at once: keep what this person typed, and let their next
save go on top of the version the other person saved, never over it unseen."""

from typing import Any, TypeVar

from django import forms
from django.http import HttpRequest

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

    def __init__(self, current: Any, thing: str) -> None:
        super().__init__(
            f"Someone else changed {thing} while you were editing it. Their version is shown "
            "below and your changes are still in the form: check them and save again."
        )
        self.current = current
