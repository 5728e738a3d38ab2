import json

from digikind.exchange.validation import validation_problems
from digikind.orgs.models import AuditEvent
from digikind.orgs.roles import MemberRole
from digikind.policies.models import PolicyCheck, PolicyFile
from digikind.records import services as records
from digikind.test import BaseTestCase, make_person


class DownloadTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.jo = records.add_subject(self.org, "young_person", "Jo Bloggs")
        records.append(
            self.org, "contact", author=self.bob, subject=self.jo, public={"channel": None},
            sensitive={"note": "Asked about Friday's trip"},
        )  # fmt: skip
        self.url = f"/o/{self.org.slug}/export/organisation.json"

    def test_the_lead_downloads_the_whole_organisation_with_records_encrypted(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertEqual(r["Content-Type"], "application/json; charset=utf-8")
        self.assertRegex(
            r["Content-Disposition"],
            rf'^attachment; filename="{self.org.slug}-\d{{4}}-\d\d-\d\d.json"$',
        )
        self.assertIn("no-store", r["Cache-Control"])
        data = json.loads(r.content)
        self.assertEqual(validation_problems(data), [])
        self.assertEqual(data["organisation"]["name"], "Alice's Youth Club")
        self.assertEqual(
            [(p["email"], p["role"]) for p in data["people"]],
            [("alice@example.org", "lead"), ("bob@example.org", "staff")],
        )
        self.assertEqual(len(data["records"]["entries"]), 1)
        self.assertNotIn("Jo Bloggs", r.content.decode())
        self.assertNotIn("Friday", r.content.decode())

    def test_the_plain_copy_holds_names_and_notes_as_typed(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.url + "?records=plain")
        self.assertIn("-plain-records.json", r["Content-Disposition"])
        data = json.loads(r.content)
        self.assertEqual(data["records"]["subjects"][0]["name"], "Jo Bloggs")
        self.assertEqual(
            data["records"]["entries"][0]["details"], {"note": "Asked about Friday's trip"}
        )

    def test_each_download_is_noted_with_who_took_it(self):
        self.client.force_login(self.alice)
        self.client.get(self.url)
        self.client.get(self.url + "?records=plain")
        events = AuditEvent.objects.for_org(self.org).filter(action="organisation exported")
        self.assertEqual(
            sorted(events.values_list("actor__email", "detail")),
            [
                ("alice@example.org", "records encrypted"),
                ("alice@example.org", "with records in plain words"),
            ],
        )

    def test_no_other_role_and_no_other_organisation_gets_it(self):
        for role in (MemberRole.STAFF, MemberRole.VOLUNTEER, MemberRole.TRUSTEE):
            person = make_person(f"{role}@example.org", self.org, role)
            self.client.force_login(person)
            for query in ("", "?records=plain"):
                r = self.client.get(self.url + query)
                self.assertEqual(r.status_code, 403, role)
                self.assertNotIn("Jo Bloggs", r.content.decode())
        self.client.force_login(self.charlie)
        r = self.client.get(self.url + "?records=plain")
        self.assertEqual(r.status_code, 404)
        self.assertNotIn("Jo Bloggs", r.content.decode())
        self.assertFalse(AuditEvent.objects.filter(action="organisation exported").exists())

    def test_an_upload_missing_from_the_data_folder_does_not_stop_the_download(self):
        check = PolicyCheck.objects.create(organisation=self.org, created_by=self.alice)
        PolicyFile.objects.create(
            policy_check=check, position=0, name="gone.docx", size=10, sha256="0" * 64,
            content="policies/0/0/0",
        )  # fmt: skip
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertEqual(r.status_code, 200)
        files = json.loads(r.content)["policy_checks"][0]["files"]
        self.assertEqual(
            [(f["name"], "content_base64" in f) for f in files], [("gone.docx", False)]
        )
