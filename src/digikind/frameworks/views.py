from collections import defaultdict

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from digikind.frameworks.models import Framework, FrameworkVersion, Question
from digikind.orgs.roles import RespondentRole
from digikind.vocabulary import names


def _version(framework_slug: str, version: int | None) -> FrameworkVersion:
    framework = get_object_or_404(Framework, slug=framework_slug)
    versions = framework.versions.all()
    if version is None:
        return get_object_or_404(versions.order_by("-version")[:1])
    return get_object_or_404(versions, version=version)


def _by_domain_and_area(
    questions: list[Question],
) -> list[tuple[str, list[tuple[str, list[Question]]]]]:
    """Questions grouped by domain, then area, in the vocabulary's order."""
    grouped: dict[str, dict[str, list[Question]]] = defaultdict(lambda: defaultdict(list))
    for question in questions:
        grouped[question.domain][question.area].append(question)
    domains, areas = names("domains"), names("areas")
    return [
        (domains[d], [(areas[a], grouped[d][a]) for a in areas if a in grouped[d]])
        for d in domains
        if d in grouped
    ]


@login_required
def framework_list(request: HttpRequest) -> HttpResponse:
    versions = [v for v in (f.latest() for f in Framework.objects.all()) if v is not None]
    return render(request, "frameworks/framework_list.html", {"versions": versions})


@login_required
def framework_detail(
    request: HttpRequest, framework_slug: str, version: int | None = None
) -> HttpResponse:
    framework_version = _version(framework_slug, version)
    questions = list(framework_version.questions.select_related("section"))
    ctx = {
        "version": framework_version,
        "groups": _by_domain_and_area(questions),
        "question_count": len(questions),
        "other_versions": framework_version.framework.versions.exclude(pk=framework_version.pk),
        "topic_names": names("topics"),
        "role_names": dict(RespondentRole.choices),
        "scale_names": {k: v["name"] for k, v in framework_version.scales.items()},
    }
    return render(request, "frameworks/framework_detail.html", ctx)


@login_required
def framework_print(
    request: HttpRequest, framework_slug: str, version: int | None = None
) -> HttpResponse:
    framework_version = _version(framework_slug, version)
    sections = framework_version.sections.prefetch_related("questions")
    ctx = {"version": framework_version, "sections": sections, "domain_names": names("domains")}
    return render(request, "frameworks/framework_print.html", ctx)
