from django.urls import reverse

from digikind.funders import services
from digikind.funders.portfolio import Filter, figures
from digikind.funders.tests.helpers import FunderTestCase


class PortfolioPageTests(FunderTestCase):
    def url(self, **query):
        url = reverse("funders:portfolio", args=[self.funder.slug])
        return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")

    def test_a_funder_lands_on_its_portfolio_with_its_own_menu(self):
        self.client.force_login(self.morgan)
        response = self.client.get(reverse("orgs:dashboard", args=[self.funder.slug]), follow=True)
        self.assertContains(response, "Your portfolio")
        nav = [item.label for item in response.context["service_nav"].items]
        self.assertEqual(nav, ["Portfolio", "People"])
        self.assertNotContains(response, "Policy check")

    def test_statuses_are_counted_and_listed(self):
        grantees = self.grantees(4, region="North")
        round_ = self.ask()
        self.answer(grantees[0], round_)
        self.answer(grantees[1], round_, share=False)
        self.answer(grantees[2], round_)
        services.withdraw(grantees[2].grantee, self.funder, by=None)
        self.add(self.org)  # not asked: added after the round
        self.client.force_login(self.morgan)
        counts = self.client.get(self.url()).context["counts"]
        self.assertEqual(
            counts,
            {
                "not_asked": 1,
                "asked": 1,
                "overdue": 0,
                "answered": 1,
                "not_shared": 1,
                "withdrawn": 1,
            },
        )
        body = self.client.get(self.url(status="withdrawn")).content.decode()
        self.assertIn(grantees[2].grantee.name, body)
        self.assertNotIn(grantees[0].grantee.name, body)

    def test_overdue_requests_show_as_overdue(self):
        grantee = self.grantees(1)[0]
        round_ = self.ask()
        round_.due_on = round_.due_on.replace(year=2020)
        round_.save()
        self.client.force_login(self.morgan)
        response = self.client.get(self.url(status="overdue"))
        self.assertContains(response, grantee.grantee.name)
        self.assertEqual(response.context["counts"]["overdue"], 1)

    def test_no_figure_rests_on_fewer_than_five_grantees(self):
        grantees = self.grantees(4)
        round_ = self.ask()
        for grantee in grantees:
            self.answer(grantee, round_)
        self.client.force_login(self.morgan)
        response = self.client.get(self.url())
        self.assertContains(response, "too few grantees to show figures")
        self.assertIsNone(response.context["figures"].grantees)
        self.assertFalse([p for p in response.context["figures"].patterns if p.value is not None])

    def test_five_grantees_show_their_average(self):
        grantees = self.grantees(5)
        round_ = self.ask()
        for number, grantee in enumerate(grantees):
            self.answer(grantee, round_, value="yes" if number < 3 else "not-yet")
        self.client.force_login(self.morgan)
        shown = self.client.get(self.url()).context["figures"]
        self.assertEqual(shown.grantees, 5)
        access = next(p for p in shown.scores if p.name == "score:access")
        self.assertEqual(access.value, 60.0)  # three at 100, two at 0

    def test_a_small_filter_group_is_hidden_and_so_is_its_complement(self):
        north = self.grantees(7, region="North")
        south = self.grantees(3, region="South")
        round_ = self.ask()
        for grantee in [*north, *south]:
            self.answer(grantee, round_)
        round_.publications.all().delete()
        services.refresh_publication(round_)
        # South has 3: hidden. North has 7 and is the only other region: the whole portfolio
        # minus North would give South away, so North is hidden too.
        self.assertIsNone(figures(round_, Filter("region", "South")).grantees)
        self.assertIsNone(figures(round_, Filter("region", "North")).grantees)
        self.assertTrue(
            all(p.value is None for p in figures(round_, Filter("region", "North")).patterns)
        )
        self.assertEqual(figures(round_).grantees, 10)

    def test_a_filter_group_shows_when_the_rest_is_big_enough(self):
        north = self.grantees(6, region="North")
        south = self.grantees(5, region="South")
        round_ = self.ask()
        for grantee in [*north, *south]:
            self.answer(grantee, round_)
        # Answers that came one by one are added in fives; start afresh to see them all.
        round_.publications.all().delete()
        services.refresh_publication(round_)
        self.assertEqual(figures(round_, Filter("region", "North")).grantees, 6)
        self.assertEqual(figures(round_, Filter("region", "South")).grantees, 5)

    def test_a_share_is_hidden_when_few_grantees_differ(self):
        grantees = self.grantees(6)
        round_ = self.ask()
        for grantee in grantees:
            self.answer(grantee, round_)
        # Every grantee has no policy check, so every policy figure is absent; the channels
        # figure rests on all six.
        shown = figures(round_)
        self.assertFalse([p for p in shown.patterns if p.name.startswith("missing:")])
        channels = next(p for p in shown.patterns if p.name == "register:channels")
        self.assertEqual(channels.value, 0.0)

    def test_one_more_answer_does_not_change_the_figures(self):
        grantees = self.grantees(6)
        round_ = self.ask()
        for grantee in grantees[:5]:
            self.answer(grantee, round_)
        before = figures(round_)
        self.answer(grantees[5], round_, value="not-yet")
        after = figures(round_)
        self.assertEqual(
            [(p.name, p.value) for p in before.patterns],
            [(p.name, p.value) for p in after.patterns],
        )
        self.assertEqual(after.waiting, 1)

    def test_withdrawal_holds_figures_back_until_enough_has_changed(self):
        grantees = self.grantees(10)
        round_ = self.ask()
        for grantee in grantees[:9]:
            self.answer(grantee, round_)
        round_.publications.all().delete()
        services.refresh_publication(round_)
        self.assertEqual(figures(round_).grantees, 9)
        services.withdraw(grantees[0].grantee, self.funder, by=None)
        held = figures(round_)
        self.assertTrue(held.held_back)
        self.assertFalse(held.patterns)
        self.client.force_login(self.morgan)
        self.assertContains(self.client.get(self.url()), "figures are held back")
        for grantee in grantees[1:4]:
            services.withdraw(grantee.grantee, self.funder, by=None)
        self.assertTrue(figures(round_).held_back)  # four changes are not enough
        services.withdraw(grantees[4].grantee, self.funder, by=None)
        self.assertIsNone(figures(round_).grantees)  # four left: too few for any figure
        self.answer(grantees[9], round_)
        # 5 gone, 1 new since the first figures: six changes, so new figures from five.
        self.assertEqual(figures(round_).grantees, 5)

    def test_a_trustee_of_the_funder_reads_but_cannot_ask(self):
        self.client.force_login(self.fund_trustee)
        response = self.client.get(self.url())
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Ask your grantees")
        self.assertEqual(
            self.client.get(reverse("funders:ask", args=[self.funder.slug])).status_code, 403
        )

    def test_outsiders_get_404_and_a_youth_organisation_has_no_portfolio(self):
        for person in (self.alice, self.sam):
            self.client.force_login(person)
            self.assertEqual(self.client.get(self.url()).status_code, 404)
        self.client.force_login(self.alice)
        response = self.client.get(reverse("funders:portfolio", args=[self.org.slug]))
        self.assertContains(response, "This page is for funders.", status_code=403)
