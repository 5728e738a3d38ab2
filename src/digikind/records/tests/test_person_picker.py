"""The person picker names people to whoever may see their names, and starts with a plain
prompt, not dashes."""

from digikind.records import services
from digikind.records.tests.helpers import club_channel, read
from digikind.test import BaseTestCase, make_person


class PersonPickerTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.url = f"/o/{self.org.slug}/records/new/contact/"
        self.channel = club_channel(self.org)
        self.jamie = services.add_subject(self.org, "young_person", "Jamie O'Neill")
        self.sam = services.add_subject(self.org, "young_person", "Sam Example")
        services.append(self.org, "contact", author=self.bob, subject=self.jamie, public={})

    def options(self):
        return read(self.client.get(self.url).content).options

    def test_a_lead_sees_everyone_by_name(self):
        self.client.force_login(self.alice)
        people = sorted([self.jamie, self.sam], key=lambda p: p.reference)
        names = {self.jamie: "Jamie O'Neill", self.sam: "Sam Example"}
        self.assertEqual(
            self.options()["person"],
            ["Choose a person", *(f"{names[p]} ({p.reference})" for p in people)],
        )

    def test_staff_see_names_only_of_people_they_recorded(self):
        self.client.force_login(self.bob)
        people = self.options()["person"]
        self.assertIn(f"Jamie O'Neill ({self.jamie.reference})", people)
        self.assertIn(self.sam.reference, people)
        self.assertNotIn("Sam Example", self.client.get(self.url).content.decode())

    def test_erased_people_cannot_be_chosen(self):
        services.erase_person(self.sam, by=self.alice)
        self.client.force_login(self.alice)
        self.assertNotIn(self.sam.reference, " ".join(self.options()["person"]))

    def test_no_drop_down_starts_with_dashes(self):
        self.client.force_login(self.bob)
        options = self.options()
        self.assertEqual(options["person"][0], "Choose a person")
        self.assertEqual(options["channel"], ["Choose a channel", "WhatsApp: Club group"])
        self.assertNotIn("---------", self.client.get(self.url).content.decode())

    def test_with_nobody_recorded_yet_it_asks_for_a_name(self):
        volunteer_org_url = f"/o/{self.other_org.slug}/records/new/concern/"
        self.client.force_login(self.charlie)
        response = self.client.get(volunteer_org_url)
        self.assertNotIn("person", read(response.content).options)
        self.assertContains(response, "Who is it about? (optional)")

    def test_choosing_a_person_records_about_them(self):
        self.client.force_login(make_person("vic@example.org", self.org, "volunteer"))
        response = self.client.post(
            self.url,
            {
                "form_id": "pick",
                "person": self.sam.pk,
                "channel": self.channel.pk,
                "happened_at": "2026-12-04T14:05",
                "out_of_hours": "no",
            },
        )
        entry = self.sam.entries.get()
        self.assertRedirects(response, entry.get_absolute_url())
        # Having recorded about Sam, the volunteer now sees Sam's name.
        self.assertContains(self.client.get(self.url), f"Sam Example ({self.sam.reference})")
