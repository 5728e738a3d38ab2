"""Model fields to and from plain JSON values: dates as ISO text, bytes as hex."""

import base64
from datetime import date, datetime
from typing import Any

from django.db import models
from django.utils.dateparse import parse_date, parse_datetime


def plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, memoryview | bytes | bytearray):
        return bytes(value).hex()
    return value


def row(obj: models.Model, fields: list[str]) -> dict[str, Any]:
    return {name: plain(getattr(obj, name)) for name in fields}


def typed(model: type[models.Model], data: dict[str, Any], fields: list[str]) -> dict[str, Any]:
    """The document's values for `fields`, as the model's fields take them."""
    found: dict[str, Any] = {}
    for name in fields:
        value = data.get(name)
        field = model._meta.get_field(name)
        if value is None:
            found[name] = None
        elif isinstance(field, models.DateTimeField):
            found[name] = parse_datetime(value)
        elif isinstance(field, models.DateField):
            found[name] = parse_date(value)
        elif isinstance(field, models.BinaryField):
            found[name] = bytes.fromhex(value)
        else:
            found[name] = value
        if found[name] is None and not field.null and name in data:
            found.pop(name)  # let the field's default stand
    return found


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode())
