import csv
import io
import json

from django.urls import reverse

from digikind.funders import services
from digikind.funders.tests.helpers import FunderTestCase


class ExportTests(FunderTestCase):
    def setUp(self):
        super().setUp()
        self.shares, self.keeps, self.stops = (
            self.add(self.org, identifier="GB-CHC-1111111"),
            self.add(self.other_org),
            *self.grantees(1),
        )
        round_ = self.ask()
        self.answer(self.shares, round_, parts=["scores"])
        self.answer(self.keeps, round_, share=False)
        self.answer(self.stops, round_)
        services.withdraw(self.stops.grantee, self.funder, by=None)
        self.client.force_login(self.morgan)

    def rows(self):
        body = self.client.get(
            reverse("funders:export_csv", args=[self.funder.slug])
        ).content.decode()
        return {r["name"]: r for r in csv.DictReader(io.StringIO(body))}

    def test_csv_has_identifiers_statuses_and_only_shared_figures(self):
        rows = self.rows()
        shares = rows["Alice's Youth Club"]
        self.assertEqual(shares["org_id"], "GB-CHC-1111111")
        self.assertEqual(shares["scores_status"], "answered")
        self.assertEqual(shares["register_status"], "answered-not-shared")
        self.assertEqual(shares["question_risk-check"], "answered")
        self.assertEqual(shares["score:access"], "100.0")
        keeps = rows["Charlie's Sports Club"]
        self.assertEqual(keeps["status"], "Answered, not shared")
        self.assertEqual(keeps["scores_status"], "answered-not-shared")
        self.assertEqual(keeps["score:access"], "")
        stops = rows[self.stops.grantee.name]
        self.assertEqual(stops["status"], "Consent withdrawn")
        self.assertEqual(stops["score:access"], "")

    def test_json_says_the_same(self):
        data = json.loads(
            self.client.get(reverse("funders:export_json", args=[self.funder.slug])).content
        )
        by_name = {g["name"]: g for g in data["grantees"]}
        self.assertEqual(by_name["Alice's Youth Club"]["score:access"], 100.0)
        self.assertEqual(data["figure_labels"]["score:access"], "Score: Access")

    def test_other_funders_and_groups_get_404(self):
        for person in (self.sam, self.alice):
            self.client.force_login(person)
            for name in ("funders:export_csv", "funders:export_json"):
                self.assertEqual(
                    self.client.get(reverse(name, args=[self.funder.slug])).status_code, 404
                )
