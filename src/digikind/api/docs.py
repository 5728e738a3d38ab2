"""The API's browsable documentation at /api/docs: a plain Digikind page made from the OpenAPI
schema, readable without JavaScript and by screen readers (Swagger UI is neither)."""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import DocsBase

if TYPE_CHECKING:
    from ninja import NinjaAPI

METHODS = ("get", "post", "put", "patch", "delete")


def type_name(schema: dict[str, Any]) -> str:
    """A schema in a few words: "string", "ActionOut", "list of ReviewOut", "integer or null"."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " or ".join(type_name(option) for option in schema["anyOf"])
    if schema.get("type") == "array":
        return "list of " + type_name(schema.get("items", {}))
    if "enum" in schema:
        return "one of " + ", ".join(f"“{value}”" for value in schema["enum"])
    if "const" in schema:
        return f"“{schema['const']}”"
    kind = str(schema.get("type", "any value"))
    return f"{kind} ({schema['format']})" if "format" in schema else kind


def _content_type(body: dict[str, Any]) -> tuple[str, str]:
    for content_type, content in body.get("content", {}).items():
        return content_type, type_name(content.get("schema", {}))
    return "", ""


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: list[tuple[str, str, str, bool]]  # name, where, type, required
    body: tuple[str, str]  # content type, schema name
    responses: list[tuple[str, str, str]]  # status, description, schema name

    @property
    def anchor(self) -> str:
        return (
            f"{self.method}-{self.path}".replace("/", "-")
            .strip("-")
            .replace("{", "")
            .replace("}", "")
        )


@dataclass
class Model:
    name: str
    fields: list[tuple[str, str, bool, str]] = field(default_factory=list)


def operations(schema: dict[str, Any]) -> dict[str, list[Operation]]:
    """Every operation in the schema, by its first tag."""
    found: dict[str, list[Operation]] = {}
    for path, methods in schema["paths"].items():
        for method in METHODS:
            if method not in methods:
                continue
            op = methods[method]
            found.setdefault((op.get("tags") or ["other"])[0], []).append(
                Operation(
                    method=method.upper(),
                    path=path,
                    summary=op.get("summary", ""),
                    description=op.get("description", ""),
                    parameters=[
                        (
                            p["name"],
                            p["in"],
                            type_name(p.get("schema", {})),
                            p.get("required", False),
                        )
                        for p in op.get("parameters", [])
                    ],
                    body=_content_type(op.get("requestBody", {})),
                    responses=[
                        (status, answer.get("description", ""), _content_type(answer)[1])
                        for status, answer in sorted(op["responses"].items())
                    ],
                )
            )
    return found


def models(schema: dict[str, Any]) -> list[Model]:
    found = []
    for name, model in sorted(schema.get("components", {}).get("schemas", {}).items()):
        required = set(model.get("required", []))
        found.append(
            Model(
                name,
                [
                    (key, type_name(value), key in required, value.get("description", ""))
                    for key, value in model.get("properties", {}).items()
                ],
            )
        )
    return found


class ApiDocs(DocsBase):
    def render_page(self, request: HttpRequest, api: "NinjaAPI", **kwargs: Any) -> HttpResponse:
        schema = api.get_openapi_schema(path_params=kwargs)
        return render(
            request,
            "api/docs.html",
            {
                "schema_url": self.get_openapi_url(api, kwargs),
                "info": schema["info"],
                "groups": sorted(operations(schema).items()),
                "models": models(schema),
                "per_minute": settings.API_REQUESTS_PER_MINUTE,
            },
        )
