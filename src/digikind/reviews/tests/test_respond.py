"""A respondent's journey through a link: no account, one question per page."""

from django.conf import settings
from django.core.cache import cache

from digikind.reviews import services
from digikind.reviews.models import Answer, Response
from digikind.reviews.tests.helpers import start
from digikind.test import BaseTestCase, read_page


class RespondTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.cycle = start(self.org)
        self.staff_link = self.cycle.links.get(role="staff")
        self.url = f"/r/{self.staff_link.token}/"

    def begin(self):
        r = self.client.post(self.url)
        self.assertRedirects(r, f"{self.url}q/1/", fetch_redirect_response=False)
        return Response.objects.latest("pk")

    def test_the_start_page_explains_privacy(self):
        r = self.client.get(self.url)
        self.assertContains(r, "Your answers are private")
        self.assertContains(r, "There are 2 short questions")
        self.assertContains(r, "It takes about 5 minutes.")
        self.assertContains(r, "fewer than 5 people")
        self.assertNotContains(r, "<script")  # light pages for cheap phones

    def test_staff_get_the_practice_wording_with_progress(self):
        self.begin()
        r = self.client.get(f"{self.url}q/1/")
        self.assertContains(r, "Question 1 of 2")
        self.assertContains(r, "In the last month I have used my own phone")
        self.assertContains(r, "Once or twice")
        self.assertContains(r, "I don’t know")

    def test_the_whole_journey(self):
        response = self.begin()
        self.assertRedirects(
            self.client.post(f"{self.url}q/1/", {"value": "often", "comment": "Every week."}),
            f"{self.url}q/2/",
            fetch_redirect_response=False,
        )
        self.assertRedirects(
            self.client.post(f"{self.url}q/2/", {"value": "agree"}),
            f"{self.url}check/",
            fetch_redirect_response=False,
        )
        r = self.client.get(f"{self.url}check/")
        self.assertContains(r, "Check your answers")
        self.assertContains(r, "Often")
        self.assertContains(r, "Every week.")
        self.assertRedirects(
            self.client.post(f"{self.url}check/"),
            f"{self.url}thanks/",
            fetch_redirect_response=False,
        )
        response.refresh_from_db()
        self.assertIsNotNone(response.submitted_at)
        thanks = self.client.get(f"{self.url}thanks/")
        self.assertContains(thanks, "What happens next")
        # Staff are told where to take a worry about a young person, not to call Childline.
        self.assertContains(thanks, "tell the group’s safeguarding lead")
        self.assertNotContains(thanks, "Childline")
        # Coming back shows that the answers were sent, not a new form.
        self.assertContains(self.client.get(self.url), "You have already answered")

    def test_going_back_changes_an_answer_and_never_counts_it_twice(self):
        response = self.begin()
        self.client.post(f"{self.url}q/1/", {"value": "often"})
        r = self.client.get(f"{self.url}q/1/")
        self.assertContains(r, 'value="often" checked')
        self.client.post(f"{self.url}q/1/", {"value": "never"})
        self.assertEqual(
            list(Answer.objects.filter(response=response).values_list("value", flat=True)),
            ["never"],
        )

    def test_two_tabs_and_a_double_click_count_once(self):
        response = self.begin()
        self.client.post(f"{self.url}q/1/", {"value": "often"})
        self.client.post(f"{self.url}q/1/", {"value": "often"})
        self.client.post(f"{self.url}check/")
        self.client.post(f"{self.url}check/")
        self.assertEqual(Answer.objects.filter(response=response).count(), 1)
        self.assertEqual(Response.objects.filter(submitted_at__isnull=False).count(), 1)

    def test_answers_cannot_change_after_sending(self):
        response = self.begin()
        self.client.post(f"{self.url}q/1/", {"value": "often"})
        self.client.post(f"{self.url}check/")
        r = self.client.post(f"{self.url}q/1/", {"value": "never"})
        self.assertRedirects(r, self.url, fetch_redirect_response=False)
        self.assertEqual(Answer.objects.get(response=response).value, "often")

    def test_leaving_and_coming_back_carries_on(self):
        self.begin()
        self.client.post(f"{self.url}q/1/", {"value": "never"})
        r = self.client.get(self.url)
        self.assertContains(r, "Carry on")
        self.assertRedirects(
            self.client.post(self.url), f"{self.url}q/2/", fetch_redirect_response=False
        )
        self.assertEqual(Response.objects.count(), 1)

    def test_a_missing_answer_gets_a_plain_message(self):
        self.begin()
        r = self.client.post(f"{self.url}q/1/", {"value": "", "comment": "Not sure what to pick."})
        self.assertContains(r, "Choose one of the answers", status_code=400)
        self.assertContains(r, "Not sure what to pick.", status_code=400)  # nothing typed is lost

    def test_a_very_long_comment_is_refused_but_kept_on_screen(self):
        response = self.begin()
        long = "word " * 500
        r = self.client.post(f"{self.url}q/1/", {"value": "often", "comment": long})
        self.assertContains(r, "under 2000 characters", status_code=400)
        self.assertContains(r, long.strip()[:200], status_code=400)
        self.assertFalse(Answer.objects.filter(response=response).exists())

    def test_a_closed_review_says_so_and_shows_the_note(self):
        self.cycle.closed_at = self.cycle.created_at
        self.cycle.you_said_we_did = "You said replies were slow. We now reply within a day."
        self.cycle.save()
        r = self.client.get(self.url)
        self.assertContains(r, "has closed")
        self.assertContains(r, "We now reply within a day.")
        self.client.post(self.url)
        self.assertFalse(Response.objects.exists())

    def test_a_revoked_link_stops_working(self):
        self.staff_link.revoked_at = self.cycle.created_at
        self.staff_link.save()
        self.assertContains(self.client.get(self.url), "no longer works", status_code=410)

    def test_an_unknown_link(self):
        self.assertContains(
            self.client.get("/r/not-a-real-token/"), "cannot find this review", status_code=404
        )

    def test_a_link_for_another_cycle_starts_its_own_response(self):
        self.begin()
        second = services.start_cycle(
            self.org,
            name="Second",
            framework_versions=list(self.cycle.framework_versions.all()),
            roles=["staff"],
            closes_on=self.cycle.closes_on,
            created_by=None,
        )
        r = self.client.get(f"/r/{second.links.get().token}/")
        self.assertContains(
            r, "Start now"
        )  # this device's answers to the first cycle don't carry over

    def test_young_people_get_their_own_wording(self):
        link = self.cycle.links.get(role="young_person")
        self.client.post(f"/r/{link.token}/")
        r = self.client.get(f"/r/{link.token}/q/1/")
        self.assertContains(r, "Question 1 of 1")
        self.assertContains(r, "Do you know who to talk to if something online worries you?")
        self.client.post(f"/r/{link.token}/q/1/", {"value": "yes"})
        self.client.post(f"/r/{link.token}/check/")
        thanks = self.client.get(f"/r/{link.token}/thanks/")
        self.assertContains(thanks, "call Childline free on 0800 1111")
        self.assertNotContains(thanks, "tell the group’s safeguarding lead")

    def test_one_network_cannot_flood_a_cycle(self):
        cache.clear()
        for _ in range(settings.REVIEW_STARTS_PER_HOUR):
            self.client.cookies.clear()
            self.client.post(self.url)
        self.client.cookies.clear()
        r = self.client.post(self.url)
        self.assertEqual(r.status_code, 429)
        self.assertContains(r, "try again later", status_code=429)
        self.assertEqual(Response.objects.count(), settings.REVIEW_STARTS_PER_HOUR)


class FreeTextQuestionTestCase(BaseTestCase):
    """A question answered in writing has one box: the answer is its own comment."""

    def setUp(self):
        super().setUp()
        self.cycle = start(self.org)
        self.url = f"/r/{self.cycle.links.get(role='lead').token}/"
        self.client.post(self.url)

    def test_it_shows_one_box_with_the_no_names_hint(self):
        r = self.client.get(f"{self.url}q/3/")
        self.assertContains(r, "Which apps do you use to keep in touch with young people?")
        page = read_page(r.content)
        boxes = [c for c in page.controls.values() if c["tag"] == "textarea"]
        self.assertEqual([box["name"] for box in boxes], ["text"])
        self.assertNotContains(r, "Anything you want to add?")
        self.assertContains(
            r,
            "A shared list is the place to start. Please do not write names. Up to 2,000 characters.",
        )

    def test_what_is_written_comes_back_as_written(self):
        typed = "WhatsApp for groups,\n  Instagram for news & events"
        self.client.post(f"{self.url}q/3/", {"text": typed})
        r = self.client.get(f"{self.url}check/")
        self.assertContains(r, "WhatsApp for groups,\n  Instagram for news &amp; events")
        answer = Answer.objects.get(question__key="what-apps")
        self.assertEqual((answer.text, answer.comment), (typed, ""))

    def test_a_question_with_choices_keeps_its_comment_box(self):
        r = self.client.get(f"{self.url}q/1/")
        self.assertContains(r, "Anything you want to add?")


class MinutesToAnswerTestCase(BaseTestCase):
    def test_the_time_grows_with_the_questions(self):
        from digikind.reviews.respondent_views import minutes_to_answer

        # 68 questions (the leads' set) is no quarter of an hour.
        self.assertEqual([minutes_to_answer(n) for n in (2, 20, 38, 68)], [5, 5, 15, 25])
