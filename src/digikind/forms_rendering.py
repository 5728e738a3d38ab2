"""Render every Django form, ours and allauth's, with GOV.UK Frontend's markup."""

from django.forms.renderers import TemplatesSetting


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "includes/form.html"
    field_template_name = "includes/field.html"
