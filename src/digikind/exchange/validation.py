"""The organisation document's JSON schema (schema/organisation-v1.json), kept in the
repository so anyone can read and check an export without Digikind."""

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

SCHEMA_FILE = Path(__file__).parent / "schema" / "organisation-v1.json"


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_FILE.read_text())
    return loaded


def validation_problems(data: Any) -> list[str]:
    """What in `data` does not match the schema, each as "where: what", first ones first."""
    validator = Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or 'the document'}: {error.message}"
        for error in sorted(
            validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]
        )
    ]
