"""GOV.UK's error pattern on every form a person can get wrong: a summary at the top, each
problem in it linking to its field, and the same words at the field."""

import importlib
import inspect

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile

from digikind.accounts.forms import CodeFormMixin
from digikind.pages.tests.test_form_rendering import FORM_MODULES
from digikind.register.tests.test_channel_pages import form as channel_form
from digikind.test import BaseTestCase, read_page

DJANGO_REQUIRED = "This field is required."


class ErrorSummaryTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.alice)
        self.base = f"/o/{self.org.slug}/"

    def assert_summary(self, path, data, expected):
        """`expected` is a problem the person must read in the summary, linked to its field."""
        r = self.client.post(self.base + path, data)
        page = read_page(r.content)
        self.assertTrue(page.summary, f"{path}: no error summary")
        for _text, href in page.summary:
            if href:
                self.assertIn(href.removeprefix("#"), page.controls, f"{path}: {href}")
        linked = [text for text, href in page.summary if href]
        self.assertEqual(sorted(linked), sorted(page.field_errors), path)
        self.assertIn(expected, page.summary, path)
        return page

    def test_invite_a_member(self):
        self.assert_summary(
            "members/invite/",
            {"email": "", "role": "staff"},
            ("Enter their email address", "#id_email"),
        )

    def test_plan_an_action(self):
        self.assert_summary(
            "actions/new/",
            {"title": "", "topic": "devices"},
            ("Enter what you will do", "#id_title"),
        )

    def test_register_a_channel(self):
        self.assert_summary(
            "channels/new/?platform=whatsapp",
            channel_form(account_name=""),
            ("Enter the account name or number", "#id_account_name"),
        )

    def test_start_a_review(self):
        self.assert_summary("reviews/new/", {"name": ""}, ("Give the review a name", "#id_name"))

    def test_record_a_contact(self):
        self.assert_summary(
            "records/new/contact/", {}, ("Enter when it happened", "#id_happened_at")
        )

    def test_check_a_policy_with_no_file(self):
        self.assert_summary(
            "policy/", {}, ("Choose at least one file with your policy in it.", "#id_policy_files")
        )

    def test_check_a_policy_with_an_empty_file(self):
        self.assert_summary(
            "policy/",
            {"policy_files": [SimpleUploadedFile("policy.docx", b"")]},
            ("The file is empty. Choose the file that holds your policy", "#id_policy_files"),
        )


class PlainMessagesTestCase(BaseTestCase):
    def test_no_required_field_says_this_field_is_required(self):
        found = []
        for module in FORM_MODULES:
            for name, form in inspect.getmembers(importlib.import_module(module), inspect.isclass):
                if not issubclass(form, forms.BaseForm) or form.__module__ != module:
                    continue
                if issubclass(form, CodeFormMixin):  # set once built; test_login reads it
                    continue
                try:
                    fields = form().fields
                except (TypeError, KeyError):  # needs more to be built: its view test covers it
                    fields = form.base_fields
                found += [
                    f"{name}.{field_name}"
                    for field_name, field in fields.items()
                    if field.required
                    and not field.widget.is_hidden
                    and str(field.error_messages["required"]) == DJANGO_REQUIRED
                ]
        self.assertEqual(found, [])
