"""The roles people hold in Digikind, in one place so every app names them alike."""

from django.db import models


class MemberRole(models.TextChoices):
    """Roles of people with an account in an organisation."""

    LEAD = "lead", "Lead"
    STAFF = "staff", "Staff"
    VOLUNTEER = "volunteer", "Volunteer"
    TRUSTEE = "trustee", "Trustee"


class RespondentRole(models.TextChoices):
    """Everyone a review can ask: members, and young people and parents or carers,
    who answer through a link and have no account."""

    LEAD = "lead", "Lead"
    STAFF = "staff", "Staff"
    VOLUNTEER = "volunteer", "Volunteer"
    TRUSTEE = "trustee", "Trustee"
    YOUNG_PERSON = "young_person", "Young person"
    PARENT_CARER = "parent_carer", "Parent or carer"


class OrganisationKind(models.TextChoices):
    YOUTH = "youth", "Organisation working with young people"
    FUNDER = "funder", "Funder"
