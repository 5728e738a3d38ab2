from django.urls import reverse

from digikind.funders.models import Request, Sharing
from digikind.funders.tests.helpers import FunderTestCase, all_answers
from digikind.gaps.models import Action, Status
from digikind.records.models import Entry
from digikind.test import make_person


class RequestPageTests(FunderTestCase):
    def setUp(self):
        super().setUp()
        self.grantee = self.add(self.org, region="North")
        self.round = self.ask("light")
        self.asked = Request.objects.get(round=self.round)
        self.url = reverse("funders:request", args=[self.org.slug, self.asked.pk])

    def post(self, share=True, value="partly", parts=("scores", "register")):
        data = {f"q_{q}": value for q in all_answers("light")}
        data["parts"] = list(parts)
        if share:
            data["share"] = "on"
        return self.client.post(self.url, data)

    def test_the_lead_sees_what_would_be_shared_and_with_whom(self):
        self.client.force_login(self.alice)
        response = self.client.get(self.url)
        self.assertContains(response, "What Northfield Fund would see")
        self.assertContains(response, "Never your answers one by one")
        self.assertContains(
            response, "Do your trustees know enough about online work to oversee it?"
        )

    def test_sharing_is_recorded_time_stamped_and_only_the_parts_chosen_reach_the_funder(self):
        self.client.force_login(self.alice)
        self.post()
        sharing = Sharing.objects.get(organisation=self.org, funder=self.funder)
        self.assertIsNone(sharing.withdrawn_at)
        entry = Entry.objects.for_org(self.org).get(kind="sharing")
        self.assertEqual(entry.public["funder"], "Northfield Fund")
        self.assertEqual(entry.public["decision"], "Agreed to share")
        self.asked.refresh_from_db()
        self.assertEqual({f.part for f in self.asked.figures.all()}, {"scores", "register"})
        score = self.asked.figures.get(name="score:access")
        self.assertEqual(score.value, 50.0)

    def test_answering_without_sharing_shares_nothing(self):
        self.client.force_login(self.alice)
        self.post(share=False)
        self.asked.refresh_from_db()
        self.assertIsNotNone(self.asked.answered_at)
        self.assertFalse(self.asked.figures.exists())
        self.assertFalse(Sharing.objects.exists())

    def test_withdrawing_is_recorded_and_stops_the_funder_reading(self):
        self.client.force_login(self.alice)
        self.post()
        self.client.post(reverse("funders:withdraw", args=[self.org.slug, self.asked.pk]))
        self.assertIsNotNone(Sharing.objects.get().withdrawn_at)
        decisions = list(
            Entry.objects.for_org(self.org)
            .filter(kind="sharing")
            .values_list("public__decision", flat=True)
        )
        self.assertEqual(decisions, ["Agreed to share", "Withdrew consent"])
        self.client.force_login(self.morgan)
        page = self.client.get(reverse("funders:grantee", args=[self.funder.slug, self.org.slug]))
        self.assertContains(page, "shares nothing with you now")
        self.assertNotContains(page, "Score:")

    def test_an_answer_given_to_another_funder_is_carried_forward(self):
        self.add(self.org, funder=self.other_funder)
        other_round = self.ask("light", funder=self.other_funder)
        self.answer(Request.objects.get(round=other_round).grantee, other_round, value="not-yet")
        self.client.force_login(self.alice)
        response = self.client.get(self.url)
        self.assertContains(
            response, "We filled this in:</strong> Not yet. You answered this for Southby Trust"
        )
        self.assertEqual(response.context["form"].initial["q_trustees-know"], "not-yet")

    def test_the_action_plan_is_carried_forward(self):
        full = self.ask("full")
        request = Request.objects.get(round=full)
        Action.objects.create(
            organisation=self.org,
            topic="training",
            title="Train staff",
            owner="Alice",
            status=Status.DONE,
        )
        self.client.force_login(self.alice)
        response = self.client.get(reverse("funders:request", args=[self.org.slug, request.pk]))
        self.assertContains(response, "Your action plan has a done action on training.")
        self.assertEqual(response.context["form"].initial["q_skills-kept-up"], "yes")

    def test_a_missing_answer_gets_a_plain_message_and_loses_nothing(self):
        self.client.force_login(self.alice)
        data = {"q_risk-check": "yes", "share": "on"}
        response = self.client.post(self.url, data)
        self.assertContains(response, "Answer this question, or confirm the answer we filled in")
        self.assertEqual(response.context["form"]["q_risk-check"].value(), "yes")
        self.assertFalse(Sharing.objects.exists())

    def test_a_trustee_reads_but_cannot_answer_or_withdraw(self):
        trustee = make_person("tina@example.org", self.org, "trustee")
        self.client.force_login(trustee)
        self.assertContains(self.client.get(self.url), "Only a lead can answer")
        self.post()
        self.assertIsNone(Request.objects.get(pk=self.asked.pk).answered_at)
        r = self.client.post(reverse("funders:withdraw", args=[self.org.slug, self.asked.pk]))
        self.assertEqual(r.status_code, 403)

    def test_staff_other_organisations_and_funders_cannot_open_it(self):
        self.client.force_login(self.bob)  # staff
        self.assertEqual(self.client.get(self.url).status_code, 403)
        for person in (self.charlie, self.morgan, self.sam):
            self.client.force_login(person)
            self.assertEqual(self.client.get(self.url).status_code, 404)
            self.assertEqual(
                self.client.post(
                    reverse("funders:withdraw", args=[self.org.slug, self.asked.pk])
                ).status_code,
                404,
            )
        # Charlie's own address with Alice's request number
        self.client.force_login(self.charlie)
        self.assertEqual(
            self.client.get(
                reverse("funders:request", args=[self.other_org.slug, self.asked.pk])
            ).status_code,
            404,
        )
