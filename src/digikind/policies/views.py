from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from digikind.accounts.models import User
from digikind.orgs.models import Organisation
from digikind.orgs.tenancy import get_for_org, lead_view, org_view
from digikind.policies import services
from digikind.policies.forms import PolicyUploadForm
from digikind.policies.models import PolicyCheck, current_policy_check

READERS = ("lead", "trustee")


def _user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


@lead_view
def policy_checks(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = (
        PolicyUploadForm(request.POST, request.FILES)
        if request.method == "POST"
        else PolicyUploadForm()
    )
    if request.method == "POST" and form.is_valid():
        uploads = [services.Upload(f.name, f.read()) for f in form.cleaned_data["policy_files"]]
        try:
            policy_check = services.start_policy_check(
                organisation, uploads, created_by=_user(request)
            )
        except services.PolicyUploadError as error:
            form.add_error("policy_files", str(error))
        else:
            return redirect(policy_check)
    ctx = {
        "organisation": organisation,
        "form": form,
        "checks": PolicyCheck.objects.for_org(organisation).prefetch_related("files"),
        "current": current_policy_check(organisation),
        "limit_mb": services.upload_limit_bytes() // (1024 * 1024),
    }
    return render(request, "policies/policy_checks.html", ctx)


@org_view(roles=READERS)
def policy_check_detail(
    request: HttpRequest, organisation: Organisation, policycheck_id: int
) -> HttpResponse:
    policy_check = get_for_org(
        PolicyCheck.objects.prefetch_related("files"), organisation, pk=policycheck_id
    )
    if request.headers.get("HX-Request"):
        # htmx asks every few seconds while the check runs; when done, it reloads the page.
        if policy_check.is_finished:
            return HttpResponse(headers={"HX-Refresh": "true"})
        return render(
            request, "policies/policy_check_detail.html#progress", {"check": policy_check}
        )
    earlier = (
        services.previous_check(policy_check)
        if policy_check.status == PolicyCheck.Status.DONE
        else None
    )
    ctx = {
        "organisation": organisation,
        "check": policy_check,
        "report": policy_check.report,
        "current": current_policy_check(organisation),
        "comparison": services.compare(policy_check, earlier) if earlier else None,
    }
    return render(request, "policies/policy_check_detail.html", ctx)


@require_POST
@lead_view
def use_policy_check(
    request: HttpRequest, organisation: Organisation, policycheck_id: int
) -> HttpResponse:
    policy_check = get_for_org(
        PolicyCheck.objects.filter(status=PolicyCheck.Status.DONE), organisation, pk=policycheck_id
    )
    services.choose_policy_check(policy_check, by=_user(request))
    return redirect("policies:list", organisation.slug)


@lead_view
def remove_policy_check(
    request: HttpRequest, organisation: Organisation, policycheck_id: int
) -> HttpResponse:
    policy_check = get_for_org(
        PolicyCheck.objects.prefetch_related("files"), organisation, pk=policycheck_id
    )
    if request.method == "POST":
        services.remove_policy_check(policy_check, by=_user(request))
        return redirect("policies:list", organisation.slug)
    ctx = {
        "organisation": organisation,
        "check": policy_check,
        "in_use": current_policy_check(organisation) == policy_check,
    }
    return render(request, "policies/policy_check_remove.html", ctx)
