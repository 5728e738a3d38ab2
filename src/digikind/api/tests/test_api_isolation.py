"""Every endpoint, with each kind of token, against a demo organisation full of data: a token
sees its own organisation's data, and another organisation's token sees none of it."""

import tempfile
from io import StringIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings

from digikind.api import services
from digikind.api.endpoints import api
from digikind.api.models import ApiToken
from digikind.demo.services import load_demo
from digikind.gaps.models import Action
from digikind.orgs import services as org_services
from digikind.policies.models import PolicyCheck
from digikind.register.models import Channel
from digikind.reviews.models import ReviewCycle
from digikind.test import BaseTestCase

IDS = {
    "reviewcycle_id": ReviewCycle,
    "policycheck_id": PolicyCheck,
    "channel_id": Channel,
    "action_id": Action,
}

POLICY = b"Staff must only contact young people on the club's official WhatsApp account.\n"


def operations():
    """(method, path template) of every operation in the API's schema."""
    schema = api.get_openapi_schema(path_prefix="/api")
    for path, methods in schema["paths"].items():
        for method in methods:
            yield method, path


class ApiIsolationTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        call_command("frameworks", "load", stdout=StringIO())
        with override_settings(DATA_DIR=tempfile.mkdtemp()):
            self.demo = load_demo(keep_credentials=False).organisation
        lead = self.demo.membership_set.filter(role="lead").first().user
        self.demo_secrets = {
            scope: services.create_token(self.demo, scope, scope, by=lead)[1]
            for scope in ("read", "write")
        }
        self.outsider_secrets = {
            scope: services.create_token(self.org, scope, scope, by=self.alice)[1]
            for scope in ("read", "write")
        }
        self.ids = {
            name: model.objects.filter(organisation=self.demo).first().pk
            for name, model in IDS.items()
        }
        closed = ReviewCycle.objects.filter(organisation=self.demo, closed_at__isnull=False)
        self.ids["reviewcycle_id"] = closed.first().pk
        self.markers = [self.demo.name, "demo.digikind.test"]

    def url(self, path):
        for name, pk in self.ids.items():
            path = path.replace("{" + name + "}", str(pk))
        self.assertNotIn("{", path)
        return path

    def send(self, method, path, secret=None):
        kwargs = {"HTTP_AUTHORIZATION": f"Bearer {secret}"} if secret else {}
        if method == "patch":
            kwargs.update(data={"status": "doing"}, content_type="application/json")
        if method == "post":
            kwargs.update(data={"file": SimpleUploadedFile("policy.txt", POLICY)})
        return getattr(self.client, method)(self.url(path), **kwargs)

    def test_every_endpoint_works_for_its_own_organisation(self):
        checked = 0
        for method, path in operations():
            for scope, secret in self.demo_secrets.items():
                r = self.send(method, path, secret)
                if method == "get":
                    self.assertEqual(r.status_code, 200, f"{scope} GET {path}: {r.content[:300]}")
                elif scope == "read":
                    self.assertEqual(r.status_code, 403, f"read {method} {path}")
                    self.assertIn("can only read", r.json()["detail"])
                else:
                    self.assertIn(r.status_code, (200, 201), f"write {method} {path}: {r.content}")
                checked += 1
        self.assertGreaterEqual(checked, 26)

    def test_another_organisations_token_sees_nothing(self):
        actions = list(
            Action.objects.filter(organisation=self.demo).values_list("status", "version")
        )
        checked = 0
        for method, path in operations():
            for scope, secret in self.outsider_secrets.items():
                r = self.send(method, path, secret)
                body = r.content.decode()
                for marker in self.markers:
                    self.assertNotIn(marker, body, f"{scope} {method} {path}")
                if "{" in path:
                    expected = (404,) if method == "get" or scope == "write" else (403,)
                    if method == "post":
                        expected = (403, 422)
                    self.assertIn(r.status_code, (*expected, 422), f"{scope} {method} {path}")
                checked += 1
        self.assertEqual(
            list(Action.objects.filter(organisation=self.demo).values_list("status", "version")),
            actions,
        )
        self.assertGreaterEqual(checked, 26)

    def test_list_endpoints_hold_only_own_objects(self):
        for path, model in (
            ("/api/reviews", ReviewCycle),
            ("/api/policy-checks", PolicyCheck),
            ("/api/channels", Channel),
            ("/api/actions", Action),
        ):
            own = set(model.objects.filter(organisation=self.org).values_list("pk", flat=True))
            r = self.send("get", path, self.outsider_secrets["read"])
            self.assertEqual({item["id"] for item in r.json()}, own, path)
            r = self.send("get", path, self.demo_secrets["read"])
            demo = set(model.objects.filter(organisation=self.demo).values_list("pk", flat=True))
            self.assertEqual({item["id"] for item in r.json()}, demo, path)
            self.assertTrue(demo, path)

    def test_no_token_no_data(self):
        for method, path in operations():
            r = getattr(self.client, method)(self.url(path))
            self.assertEqual(r.status_code, 401, f"{method} {path}")
            self.assertIn("API token", r.json()["detail"])

    def assert_nothing_crosses(self, r, label):
        body = r.content.decode()
        for marker in self.markers:
            self.assertNotIn(marker, body, label)

    def test_a_signed_in_member_of_any_role_without_a_token_gets_nothing(self):
        # The API reads only tokens: a browser session, even a lead's, opens no endpoint.
        for membership in self.demo.membership_set.select_related("user"):
            self.client.force_login(membership.user)
            for method, path in operations():
                r = self.send(method, path)
                label = f"{membership.role} {method} {path}"
                self.assertEqual(r.status_code, 401, label)
                self.assertIn("API token", r.json()["detail"], label)
                self.assert_nothing_crosses(r, label)
        self.assertEqual(
            {m.role for m in self.demo.membership_set.all()},
            {"lead", "staff", "volunteer", "trustee"},
        )

    def test_a_revoked_token_of_either_scope_gets_nothing(self):
        lead = self.demo.membership_set.filter(role="lead").first().user
        for token in ApiToken.objects.filter(organisation=self.demo):
            services.revoke_token(token, by=lead)
        actions = list(
            Action.objects.filter(organisation=self.demo).values_list("status", "version")
        )
        for method, path in operations():
            for scope, secret in self.demo_secrets.items():
                r = self.send(method, path, secret)
                self.assertEqual(r.status_code, 401, f"revoked {scope} {method} {path}")
                self.assert_nothing_crosses(r, f"revoked {scope} {method} {path}")
        self.assertEqual(
            list(Action.objects.filter(organisation=self.demo).values_list("status", "version")),
            actions,
        )

    def test_a_token_is_one_organisations_even_when_its_maker_leads_two(self):
        # Charlie leads both organisations; his token for his own one still sees only it.
        org_services.add_member(self.demo, self.charlie, "lead")
        _token, secret = services.create_token(self.other_org, "Both", "write", by=self.charlie)
        for method, path in operations():
            r = self.send(method, path, secret)
            self.assert_nothing_crosses(r, f"{method} {path}")
        self.assertEqual(self.send("get", "/api/organisation", secret).json()["name"],
                         self.other_org.name)  # fmt: skip
