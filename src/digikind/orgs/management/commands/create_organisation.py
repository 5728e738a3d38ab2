from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email
from django.forms import ValidationError

from digikind.orgs import services
from digikind.orgs.roles import MemberRole, OrganisationKind


class Command(BaseCommand):
    help = "Create an organisation and invite its first lead by email."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help="The organisation's name, e.g. 'Riverside Youth Project'.")
        parser.add_argument("--lead-email", required=True, help="Email address of its first lead.")
        parser.add_argument("--funder", action="store_true", help="Make it a funder.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            validate_email(options["lead_email"])
        except ValidationError:
            raise CommandError(f"{options['lead_email']!r} is not an email address.") from None
        kind = OrganisationKind.FUNDER if options["funder"] else OrganisationKind.YOUTH
        try:
            organisation = services.create_organisation(options["name"], kind=kind)
            _invitation, token = services.invite_member(
                organisation, options["lead_email"], MemberRole.LEAD, invited_by=None
            )
        except services.OrgError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Created {organisation.name}.\n"
            f"An invitation was emailed to {options['lead_email']}. Its link:\n"
            f"  {services.invitation_url(token)}\n"
        )
