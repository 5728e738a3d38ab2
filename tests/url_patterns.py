"""Every named URL pattern in Digikind, for tests that must cover all pages."""

from collections.abc import Iterator

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch


def named_patterns(
    resolver: URLResolver | None = None, namespace: str = ""
) -> Iterator[tuple[str, URLPattern]]:
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            yield from named_patterns(entry, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def owned_models() -> dict:
    """Models holding one organisation's data, by model name (`membership`, `invitation`...)."""
    return {
        m._meta.model_name: m
        for m in apps.get_models()
        if any(f.name == "organisation" for f in m._meta.fields)
    }


def build_url(
    name: str, pattern: URLPattern, org_slug: str, known: dict[str, object]
) -> str | None:
    """Fill the pattern's arguments: the organisation, known values, and guesses for the rest."""
    known = {"org_slug": org_slug, **known}
    guesses = ["1", "abc", "abc-1", "x/1", *(a.label for a in apps.get_app_configs())]
    for guess in guesses:
        kwargs = {k: known.get(k, guess) for k in pattern.pattern.regex.groupindex}
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue
    return None


def object_ids_for(organisation, patterns) -> dict[str, int]:
    """For each `<model>_id` argument in these patterns, one of this organisation's objects."""
    models = owned_models()
    ids = {}
    for _name, pattern in patterns:
        for kwarg in pattern.pattern.regex.groupindex:
            model = models.get(kwarg.removesuffix("_id")) if kwarg.endswith("_id") else None
            if model is not None and kwarg not in ids:
                obj = model.objects.filter(organisation=organisation).first()
                if obj is None:
                    raise AssertionError(
                        f"The demo organisation has no {model.__name__}: add one to the demo"
                    )
                ids[kwarg] = obj.pk
    return ids


def library_values() -> dict[str, object]:
    """URL arguments for the shared library (not organisation data): a loaded framework."""
    from digikind.frameworks.models import FrameworkVersion

    version = FrameworkVersion.objects.select_related("framework").first()
    if version is None:
        return {}
    return {"framework_slug": version.framework.slug, "version": version.version}
