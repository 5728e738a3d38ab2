"""Every form is drawn with GOV.UK markup: a list never starts with Django's "---------"."""

import importlib
import inspect

from django import forms
from django.db.models.fields import BLANK_CHOICE_DASH
from django.test import SimpleTestCase

from digikind.orgs.models import Organisation
from digikind.records import kinds
from digikind.records.forms import form_for
from digikind.test import BaseTestCase, read_page

FORM_MODULES = [
    "digikind.accounts.forms",
    "digikind.agreements.forms",
    "digikind.gaps.forms",
    "digikind.orgs.forms",
    "digikind.policies.forms",
    "digikind.records.forms",
    "digikind.register.forms",
    "digikind.reviews.forms",
]


class Plain(forms.Form):
    place = forms.ChoiceField(choices=[*BLANK_CHOICE_DASH, ("hall", "Hall")], required=False)
    organisation = forms.ModelChoiceField(Organisation.objects.none(), required=False)
    person = forms.ModelChoiceField(Organisation.objects.none(), empty_label="Choose a person")


class BlankChoiceTestCase(SimpleTestCase):
    def test_a_list_with_no_prompt_of_its_own_says_choose_one(self):
        firsts = read_page(str(Plain())).select_firsts
        self.assertEqual(
            firsts,
            {"place": "Choose one", "organisation": "Choose one", "person": "Choose a person"},
        )


class NoFormShowsDashesTestCase(BaseTestCase):
    def test_no_choice_in_any_form_reads_as_dashes(self):
        seen = 0
        for module in FORM_MODULES:
            for name, form in inspect.getmembers(importlib.import_module(module), inspect.isclass):
                if not issubclass(form, forms.BaseForm) or form.__module__ != module:
                    continue
                for field_name, field in form.base_fields.items():
                    choices = getattr(field, "choices", None)
                    if choices is None or isinstance(field, forms.ModelChoiceField):
                        label = getattr(field, "empty_label", None)
                        self.assertNotEqual(label, "---------", f"{name}.{field_name}")
                        continue
                    seen += 1
                    labels = [str(label) for _value, label in choices]
                    self.assertNotIn("---------", labels, f"{name}.{field_name}")
        for kind in kinds.form_kinds():
            for field_name, field in form_for(kind).base_fields.items():
                self.assertNotEqual(getattr(field, "empty_label", None), "---------", field_name)
        self.assertGreater(seen, 5)
