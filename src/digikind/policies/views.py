from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from digikind.accounts.models import User
from digikind.orgs.models import Organisation
from digikind.orgs.tenancy import get_for_org, lead_view, org_view
from digikind.policies import services
from digikind.policies.forms import PolicyUploadForm
from digikind.policies.models import PolicyCheck

READERS = ("lead", "trustee")


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
            user = request.user if isinstance(request.user, User) else None
            policy_check = services.start_policy_check(organisation, uploads, created_by=user)
        except services.PolicyUploadError as error:
            form.add_error("policy_files", str(error))
        else:
            return redirect(policy_check)
    checks = PolicyCheck.objects.for_org(organisation).prefetch_related("files")
    ctx = {
        "organisation": organisation,
        "form": form,
        "checks": checks,
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
    earlier = (
        services.previous_check(policy_check)
        if policy_check.status == PolicyCheck.Status.DONE
        else None
    )
    ctx = {
        "organisation": organisation,
        "check": policy_check,
        "report": policy_check.report,
        "comparison": services.compare(policy_check, earlier) if earlier else None,
    }
    if policy_check.status == PolicyCheck.Status.FAILED:
        messages.error(request, policy_check.error)
    return render(request, "policies/policy_check_detail.html", ctx)
