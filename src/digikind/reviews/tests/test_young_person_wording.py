"""Young people (and parents) see words written for them: every question and hint they are
asked, across every shipped question set, and nothing written only for staff."""

from datetime import date, timedelta
from html import unescape
from io import StringIO

from django.core.management import call_command
from django.test import Client

from digikind.frameworks.models import FrameworkVersion, Question
from digikind.reviews import services
from digikind.reviews.questions import questions_for
from digikind.test import BaseTestCase


class YoungPersonWordingTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        call_command("frameworks", "load", stdout=StringIO())
        self.cycle = services.start_cycle(
            self.org,
            name="Everything",
            framework_versions=list(FrameworkVersion.objects.all()),
            roles=["young_person", "parent_carer", "staff"],
            closes_on=date.today() + timedelta(days=7),
            created_by=None,
        )

    def walk(self, role):
        """Every question page someone in this role sees: (question, page text)."""
        browser = Client()
        url = self.cycle.links.get(role=role).get_absolute_url()
        browser.post(url)
        for asked in questions_for(self.cycle, role):
            page = browser.get(f"{url}q/{asked.number}/")
            self.assertEqual(page.status_code, 200)
            main = unescape(page.text.split('id="main-content"')[1])
            yield asked.question, main

    def test_every_question_a_young_person_sees_is_in_their_words(self):
        for role in ("young_person", "parent_carer"):
            seen = 0
            for question, main in self.walk(role):
                seen += 1
                where = f"{role}, {question.key}"
                self.assertIn(question.young_person["en"], main, where)
                self.assertIn(question.young_person_hint["en"], main, where)
                self.assertNotIn(question.hint["en"], main, where)  # written for staff
                self.assertNotIn(question.leader["en"], main, where)
                if question.practice["en"]:
                    self.assertNotIn(question.practice["en"], main, where)
            self.assertEqual(seen, len(questions_for(self.cycle, role)))
            self.assertGreater(seen, 20)

    def test_the_staff_hint_from_the_report_never_reaches_them(self):
        staff_hint = "Digital tools should serve your aims for young people"
        pages = " ".join(main for _q, main in self.walk("young_person"))
        self.assertNotIn(staff_hint, pages)
        self.assertIn("We use apps and chats to help you. Tell us if they do.", pages)

    def test_staff_still_get_the_staff_hint(self):
        question = Question.objects.filter(key="digital-helps-outcomes").latest("pk")
        pages = [main for q, main in self.walk("staff") if q.pk == question.pk]
        self.assertEqual(len(pages), 1)
        self.assertIn(question.hint["en"], pages[0])
