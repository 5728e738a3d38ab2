from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from digikind.accounts.models import User
from digikind.orgs import services
from digikind.orgs.forms import InviteForm, NewAccountForm
from digikind.orgs.models import Invitation, Membership, Organisation
from digikind.orgs.tenancy import CURRENT_ORG_SESSION_KEY, any_kind_lead_view, get_for_org


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("account_login")
    memberships = services.memberships_of(_user(request))
    if not memberships:
        return render(request, "orgs/no_organisation.html")
    remembered = request.session.get(CURRENT_ORG_SESSION_KEY)
    chosen = next((m for m in memberships if m.organisation.slug == remembered), memberships[0])
    return redirect(chosen.organisation)


@login_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    memberships = services.memberships_of(_user(request))
    return render(request, "orgs/organisation_list.html", {"memberships": memberships})


@any_kind_lead_view
def member_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    ctx = {
        "organisation": organisation,
        "memberships": Membership.objects.for_org(organisation).select_related("user"),
        "invitations": Invitation.objects.for_org(organisation).filter(
            accepted_at=None, revoked_at=None
        ),
    }
    return render(request, "orgs/member_list.html", ctx)


@any_kind_lead_view
def invite_member(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = InviteForm(request.POST) if request.method == "POST" else InviteForm()
    if request.method == "POST" and form.is_valid():
        try:
            invitation, _token = services.invite_member(
                organisation,
                form.cleaned_data["email"],
                form.cleaned_data["role"],
                invited_by=_user(request),
            )
        except services.OrgError as error:
            form.add_error("email", str(error))
        else:
            messages.success(request, f"Invitation sent to {invitation.email}.")
            return redirect("orgs:member_list", organisation.slug)
    return render(request, "orgs/invite_member.html", {"organisation": organisation, "form": form})


@require_POST
@any_kind_lead_view
def revoke_invitation(
    request: HttpRequest, organisation: Organisation, invitation_id: int
) -> HttpResponse:
    invitation = get_for_org(Invitation.objects.all(), organisation, pk=invitation_id)
    try:
        services.revoke_invitation(invitation, acting_user=_user(request))
    except services.OrgError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"The invitation for {invitation.email} is cancelled.")
    return redirect("orgs:member_list", organisation.slug)


@any_kind_lead_view
def remove_member(
    request: HttpRequest, organisation: Organisation, membership_id: int
) -> HttpResponse:
    membership = get_for_org(
        Membership.objects.select_related("user"), organisation, pk=membership_id
    )
    if request.method != "POST":
        ctx = {"organisation": organisation, "membership": membership}
        return render(request, "orgs/remove_member.html", ctx)
    try:
        services.remove_member(membership, acting_user=_user(request))
    except services.OrgError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{membership.user.email} is no longer a member.")
    return redirect("orgs:member_list", organisation.slug)


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = services.find_invitation(token)
    if invitation is None:
        return render(
            request,
            "orgs/invitation_problem.html",
            {
                "problem": (
                    "We cannot find this invitation. Check you copied the whole link, "
                    "or ask the person who invited you to send it again."
                )
            },
            status=404,
        )
    try:
        services.check_invitation_usable(invitation)
    except services.OrgError as error:
        return render(request, "orgs/invitation_problem.html", {"problem": str(error)}, status=410)

    ctx: dict[str, object] = {"invitation": invitation}
    if request.user.is_authenticated:
        if request.method == "POST":
            try:
                membership = services.accept_invitation(invitation, _user(request))
            except services.OrgError as error:
                return render(request, "orgs/invitation_problem.html", {"problem": str(error)})
            messages.success(request, f"You have joined {membership.organisation.name}.")
            return redirect(membership.organisation)
        return render(request, "orgs/accept_invitation.html", ctx)

    if User.objects.filter(email__iexact=invitation.email).exists():
        return render(request, "orgs/accept_invitation.html", {**ctx, "needs_sign_in": True})

    form = NewAccountForm(
        request.POST if request.method == "POST" else None, email=invitation.email
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.create_account_for_invitation(
                invitation, form.cleaned_data["name"], form.cleaned_data["password1"]
            )
            membership = services.accept_invitation(invitation, user)
        except services.OrgError as error:
            form.add_error(None, str(error))
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request, f"Welcome to Digikind. You have joined {membership.organisation.name}."
            )
            return redirect(membership.organisation)
    return render(request, "orgs/accept_invitation.html", {**ctx, "form": form})
