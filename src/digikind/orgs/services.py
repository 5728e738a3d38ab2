"""Every change to organisations, members and invitations goes through these actions.

Each runs in one transaction, checks what it must, saves, and writes an audit row.
Views call them and turn `OrgError` into a plain message.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from digikind import bilingual_email
from digikind.accounts.models import User
from digikind.orgs.models import (
    AuditEvent,
    Invitation,
    Membership,
    Organisation,
    hash_token,
)
from digikind.orgs.roles import MemberRole, OrganisationKind


class OrgError(Exception):
    """Something a person asked for that cannot be done; the message says what to do instead."""


def _audit(organisation: Organisation, actor: User | None, action: str, detail: str) -> None:
    AuditEvent.objects.create(organisation=organisation, actor=actor, action=action, detail=detail)


def unique_slug(name: str) -> str:
    base = slugify(name)[:50] or "organisation"
    slug, number = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def create_organisation(
    name: str, *, kind: str = OrganisationKind.YOUTH, acting_user: User | None = None
) -> Organisation:
    name = name.strip()
    if not name:
        raise OrgError("Give the organisation a name.")
    organisation = Organisation.objects.create(name=name, slug=unique_slug(name), kind=kind)
    _audit(organisation, acting_user, "organisation created", name)
    return organisation


@transaction.atomic
def add_member(
    organisation: Organisation, user: User, role: str, *, acting_user: User | None = None
) -> Membership:
    membership, created = Membership.objects.get_or_create(
        organisation=organisation, user=user, defaults={"role": role}
    )
    if not created:
        raise OrgError(f"{user.email} is already a member of {organisation.name}.")
    _audit(
        organisation,
        acting_user,
        "member added",
        f"{user.email} as {membership.get_role_display()}",
    )
    return membership


def invitation_url(token: str) -> str:
    return settings.SITE_URL + reverse("orgs:accept_invitation", args=[token])


@transaction.atomic
def invite_member(
    organisation: Organisation, email: str, role: str, *, invited_by: User | None
) -> tuple[Invitation, str]:
    """Create an invitation, email its link, and return it with the link's secret token.

    An earlier pending invitation to the same address is replaced, so only the newest link works.
    """
    email = email.strip().lower()
    if Membership.objects.for_org(organisation).filter(user__email__iexact=email).exists():
        raise OrgError(f"{email} is already a member of {organisation.name}.")
    now = timezone.now()
    Invitation.objects.for_org(organisation).filter(
        email__iexact=email, accepted_at=None, revoked_at=None
    ).update(revoked_at=now)
    token, token_hash = Invitation.new_token()
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        token_hash=token_hash,
        invited_by=invited_by,
        expires_at=Invitation.expiry_from(now),
    )
    context = {"invitation": invitation, "url": invitation_url(token), "inviter": invited_by}
    subject, body = bilingual_email.render(
        "orgs/email/invitation_subject.txt", "orgs/email/invitation_message.txt", context
    )
    transaction.on_commit(lambda: send_mail(subject, body, None, [email]))
    _audit(
        organisation, invited_by, "invitation sent", f"{email} as {invitation.get_role_display()}"
    )
    return invitation, token


def find_invitation(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(token_hash=hash_token(token))
        .first()
    )


def check_invitation_usable(invitation: Invitation) -> None:
    if invitation.accepted_at is not None:
        raise OrgError(
            "This invitation has already been used. Sign in with the email address it was sent to."
        )
    if invitation.revoked_at is not None:
        raise OrgError(
            "This invitation was cancelled. Ask the person who invited you to send a new one."
        )
    if invitation.is_expired:
        raise OrgError(
            "This invitation has expired. Ask the person who invited you to send a new one."
        )


@transaction.atomic
def accept_invitation(invitation: Invitation, user: User) -> Membership:
    # Lock the row so a double click cannot accept the same invitation twice.
    invitation = (
        Invitation.objects.select_for_update().select_related("organisation").get(pk=invitation.pk)
    )
    check_invitation_usable(invitation)
    if user.email.lower() != invitation.email.lower():
        raise OrgError(
            f"This invitation was sent to {invitation.email}, but you are signed in as "
            f"{user.email}. Sign out, then open the link again."
        )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return add_member(invitation.organisation, user, invitation.role, acting_user=user)


@transaction.atomic
def create_account_for_invitation(invitation: Invitation, name: str, password: str) -> User:
    """Make an account for someone accepting an invitation who has none yet."""
    from allauth.account.models import EmailAddress

    check_invitation_usable(invitation)
    try:
        with transaction.atomic():
            user = User.objects.create_user(invitation.email, password, name=name.strip())
    except IntegrityError:
        raise OrgError(
            f"There is already an account for {invitation.email}. "
            "Sign in, then open the link again."
        ) from None
    # The invitation reached this address, which proves the person owns it.
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@transaction.atomic
def revoke_invitation(invitation: Invitation, *, acting_user: User) -> None:
    if invitation.accepted_at is not None:
        raise OrgError(
            f"{invitation.email} has already joined, so the invitation cannot be cancelled."
        )
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        _audit(invitation.organisation, acting_user, "invitation cancelled", invitation.email)


@transaction.atomic
def remove_member(membership: Membership, *, acting_user: User) -> None:
    organisation = membership.organisation
    leads = (
        Membership.objects.for_org(organisation).select_for_update().filter(role=MemberRole.LEAD)
    )
    if membership.role == MemberRole.LEAD and leads.count() <= 1:
        raise OrgError(
            "This is the only lead. Invite another lead first, so someone can still run Digikind."
        )
    membership.delete()
    _audit(organisation, acting_user, "member removed", membership.user.email)


def memberships_of(user: User) -> list[Membership]:
    return list(Membership.objects.filter(user=user).select_related("organisation"))
