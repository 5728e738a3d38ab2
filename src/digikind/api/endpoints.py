"""Digikind's JSON API (django-ninja): one organisation's data, for the tools it already uses.

Each request carries an organisation's token (`Authorization: Bearer dk_...`). The token
decides the organisation: nothing here takes an organisation from the URL, so a token can
never reach another organisation's data. Review figures go through the same privacy rule as
the pages (digikind.reviews.privacy, by way of scoring.results). Errors are JSON with a plain
message in `detail`."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import File, NinjaAPI, Status, UploadedFile
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer

from digikind.api import serialise, services
from digikind.api.docs import ApiDocs
from digikind.api.models import ApiToken
from digikind.api.schemas import (
    ActionOut,
    ActionStatusIn,
    AgreementOut,
    ChannelOut,
    Error,
    GapOut,
    OrganisationOut,
    PolicyCheckOut,
    PolicyCheckSummary,
    ReviewOut,
    ReviewResultsOut,
)
from digikind.gaps import services as gap_services
from digikind.gaps.models import Action
from digikind.orgs.models import Organisation
from digikind.policies import services as policy_services
from digikind.policies.models import PolicyCheck
from digikind.register.models import Channel
from digikind.reviews.models import ReviewCycle

READ_ONLY = "This token can only read. Ask your lead for a read-and-write token."


class TooManyRequests(Exception):
    pass


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = services.find_token(token)
        if found is None:
            return None
        if not services.within_limit(found):
            raise TooManyRequests
        services.record_use(found, request.method or "", request.path)
        return found


api = NinjaAPI(
    title="Digikind API",
    version="1",
    description=(
        "One organisation's Digikind data as JSON. A lead makes a token under API tokens; "
        "send it as `Authorization: Bearer <token>`."
    ),
    auth=TokenAuth(),
    docs=ApiDocs(),
    urls_namespace="api-v1",
)

ERRORS: dict[int, Any] = {401: Error, 403: Error, 404: Error, 422: Error, 429: Error}


@api.exception_handler(AuthenticationError)
def _unauthorised(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(
        request,
        {
            "detail": "Send a valid API token as “Authorization: Bearer <token>”. "
            "A lead can make one under API tokens."
        },
        status=401,
    )


@api.exception_handler(TooManyRequests)
def _too_many(request: HttpRequest, exc: Exception) -> HttpResponse:
    response = api.create_response(
        request,
        {"detail": "This token has sent too many requests. Wait a minute, then try again."},
        status=429,
    )
    response["Retry-After"] = "60"
    return response


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    detail = str(exc)
    if exc.status_code == 400 and detail.startswith("Cannot parse request body"):
        # django-ninja's own words for a body that is not JSON; say what to send instead.
        detail = (
            "The request body could not be read. Send JSON with "
            '“Content-Type: application/json”, e.g. {"status": "done"}.'
        )
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    problems = []
    for error in exc.errors:
        where = ".".join(str(part) for part in error.get("loc", []) if part not in ("body",))
        problems.append(f"{where}: {error.get('msg', 'is not right')}" if where else error["msg"])
    return api.create_response(
        request,
        {"detail": "The request is not right: " + "; ".join(problems)},
        status=422,
    )


def _org(request: HttpRequest) -> Organisation:
    token = request.auth  # type: ignore[attr-defined]
    assert isinstance(token, ApiToken)
    return token.organisation


def _writer(request: HttpRequest) -> ApiToken:
    token = request.auth  # type: ignore[attr-defined]
    assert isinstance(token, ApiToken)
    if not token.can_write:
        raise HttpError(403, READ_ONLY)
    return token


def _get(queryset: Any, organisation: Organisation, pk: int, what: str) -> Any:
    found = queryset.filter(organisation=organisation, pk=pk).first()
    if found is None:
        raise HttpError(404, f"There is no {what} with id {pk} in this organisation.")
    return found


@api.get("/organisation", response={200: OrganisationOut, **ERRORS}, tags=["organisation"])
def organisation(request: HttpRequest) -> dict[str, Any]:
    """The organisation the token belongs to, and what the token can do."""
    token = request.auth  # type: ignore[attr-defined]
    org = _org(request)
    return {"name": org.name, "slug": org.slug, "token": token.name, "scope": token.scope}


@api.get("/reviews", response={200: list[ReviewOut], **ERRORS}, tags=["reviews"])
def review_list(request: HttpRequest) -> list[dict[str, Any]]:
    """Every review cycle, newest first."""
    cycles = ReviewCycle.objects.for_org(_org(request)).prefetch_related("responses")
    return [serialise.review(c) for c in cycles]


@api.get("/reviews/{reviewcycle_id}", response={200: ReviewOut, **ERRORS}, tags=["reviews"])
def review_detail(request: HttpRequest, reviewcycle_id: int) -> dict[str, Any]:
    cycle = _get(ReviewCycle.objects.all(), _org(request), reviewcycle_id, "review")
    return serialise.review(cycle)


@api.get(
    "/reviews/{reviewcycle_id}/results",
    response={200: ReviewResultsOut, **ERRORS},
    tags=["reviews"],
)
def review_results(request: HttpRequest, reviewcycle_id: int) -> Any:
    """Scores by group, domain and topic. A figure is null where fewer than five people gave
    a scored answer, or where it would give a smaller group away (as on the results page).
    Open reviews have no results yet."""
    cycle = _get(ReviewCycle.objects.all(), _org(request), reviewcycle_id, "review")
    if cycle.is_open:
        raise HttpError(
            403, "Results show when the review closes, so nobody's answers can be picked out."
        )
    return serialise.review_results(cycle)


@api.get("/policy-checks", response={200: list[PolicyCheckSummary], **ERRORS}, tags=["policy"])
def policy_check_list(request: HttpRequest) -> list[dict[str, Any]]:
    checks = PolicyCheck.objects.for_org(_org(request)).prefetch_related("files")
    return [serialise.policy_summary(c) for c in checks]


@api.get(
    "/policy-checks/{policycheck_id}", response={200: PolicyCheckOut, **ERRORS}, tags=["policy"]
)
def policy_check_detail(request: HttpRequest, policycheck_id: int) -> dict[str, Any]:
    """A check and its findings. While `status` is queued or running, ask again later."""
    found = _get(PolicyCheck.objects.all(), _org(request), policycheck_id, "policy check")
    return serialise.policy_check(found)


@api.post(
    "/policy-checks",
    response={201: PolicyCheckOut, 202: PolicyCheckOut, 400: Error, **ERRORS},
    tags=["policy"],
)
def policy_check_start(request: HttpRequest, file: File[list[UploadedFile]]) -> Status[Any]:
    """Upload one or more files (form field `file`) to check. Small files are checked at
    once (201). Bigger ones are read in the background (202): poll the check's address until
    `status` is done or failed."""
    token = _writer(request)
    uploads = [
        policy_services.Upload(f.name or "policy", f.read(policy_services.upload_limit_bytes() + 1))
        for f in file
    ]
    try:
        check = policy_services.start_policy_check(_org(request), uploads, created_by=None)
    except policy_services.PolicyUploadError as error:
        raise HttpError(400, str(error)) from None
    del token
    check.refresh_from_db()
    return Status(201 if check.is_finished else 202, serialise.policy_check(check))


@api.get("/channels", response={200: list[ChannelOut], **ERRORS}, tags=["channels"])
def channel_list(request: HttpRequest) -> list[dict[str, Any]]:
    """Every registered channel with its risk assessments (newest first) and its flags."""
    channels = Channel.objects.for_org(_org(request)).prefetch_related("assessments")
    return [serialise.channel(c) for c in channels]


@api.get("/channels/{channel_id}", response={200: ChannelOut, **ERRORS}, tags=["channels"])
def channel_detail(request: HttpRequest, channel_id: int) -> dict[str, Any]:
    found = _get(
        Channel.objects.prefetch_related("assessments"), _org(request), channel_id, "channel"
    )
    return serialise.channel(found)


@api.get("/gaps", response={200: list[GapOut], **ERRORS}, tags=["gaps"])
def gap_list(request: HttpRequest) -> list[dict[str, Any]]:
    """The gap report as found now, each gap with its evidence."""
    return serialise.gaps(_org(request))


@api.get("/actions", response={200: list[ActionOut], **ERRORS}, tags=["actions"])
def action_list(request: HttpRequest) -> list[dict[str, Any]]:
    return serialise.actions(_org(request))


@api.get("/actions/{action_id}", response={200: ActionOut, **ERRORS}, tags=["actions"])
def action_detail(request: HttpRequest, action_id: int) -> dict[str, Any]:
    found = _get(Action.objects.all(), _org(request), action_id, "action")
    return serialise.actions(_org(request), only=found.pk)[0]


@api.patch(
    "/actions/{action_id}",
    response={200: ActionOut, 400: Error, 409: Error, **ERRORS},
    tags=["actions"],
)
def action_update(request: HttpRequest, action_id: int, data: ActionStatusIn) -> Any:
    """Change an action's status (needs a read-and-write token). Send the `version` you read:
    if someone saved the action since, nothing changes and you get 409."""
    _writer(request)
    org = _org(request)
    found = _get(Action.objects.all(), org, action_id, "action")
    fields: dict[str, Any] = {"status": data.status}
    if data.evidence_it_worked is not None:
        fields["evidence_it_worked"] = data.evidence_it_worked
    try:
        gap_services.update_action(
            found, fields, seen_version=data.version if data.version else found.version
        )
    except gap_services.EditConflict:
        return Status(
            409,
            {
                "detail": "Someone else changed this action since you read it. Read it again, "
                "then send its new version."
            },
        )
    return serialise.actions(org, only=found.pk)[0]


@api.get("/agreement", response={200: AgreementOut, **ERRORS}, tags=["agreement"])
def agreement(request: HttpRequest) -> dict[str, Any]:
    """The digital agreement: its working text, and the text young people see if published."""
    return serialise.agreement(_org(request))
