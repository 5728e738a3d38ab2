"""The roles people hold in Digikind, in one place so every app names them alike."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberRole(models.TextChoices):
    """Roles of people with an account in an organisation."""

    LEAD = "lead", _("Lead")
    STAFF = "staff", _("Staff")
    VOLUNTEER = "volunteer", _("Volunteer")
    TRUSTEE = "trustee", _("Trustee")


class RespondentRole(models.TextChoices):
    """Everyone a review can ask: members, and young people and parents or carers,
    who answer through a link and have no account."""

    LEAD = "lead", _("Lead")
    STAFF = "staff", _("Staff")
    VOLUNTEER = "volunteer", _("Volunteer")
    TRUSTEE = "trustee", _("Trustee")
    YOUNG_PERSON = "young_person", _("Young person")
    PARENT_CARER = "parent_carer", _("Parent or carer")


class OrganisationKind(models.TextChoices):
    YOUTH = "youth", _("Organisation working with young people")
    FUNDER = "funder", _("Funder")
