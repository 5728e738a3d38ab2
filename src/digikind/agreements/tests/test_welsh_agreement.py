"""The digital agreement in Welsh: drafted in Welsh when asked (wording.cy.yaml), shared and
printed in Welsh, and never measured or refused for reading age, which works for English only."""

from pathlib import Path

import yaml

from digikind.agreements import services
from digikind.agreements.draft import build_draft, names_list
from digikind.agreements.models import Agreement
from digikind.agreements.tests.helpers import EASY, add_channel, form_data
from digikind.agreements.wording import WELSH_FILE, WORDING_FILE, wording
from digikind.pages.tests import welsh
from digikind.test import BaseTestCase

# Words only the lead reads (or that are not words), which stay in wording.yaml.
LEAD_ONLY = {"hint", "empty_hint", "welsh_rationale_hint", "source", "sources_extra", "cues", "id"}
NOT_TEXT = {"seeds", "version", "intro_source", "video_platforms", "low_score", "young_people"}

HARD_WELSH = {
    **EASY,
    "records": (
        "Cedwir dogfennaeth gyfoes o gyfathrebiadau yn unol â rhwymedigaethau cadw data "
        "sefydliadol a gofynion deddfwriaethol perthnasol."
    ),
}


def young_peoples_texts(node, path=()):
    """Every text a young person reads in the English wording file, by path."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in LEAD_ONLY or (not path and key in NOT_TEXT):
                continue
            yield from young_peoples_texts(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from young_peoples_texts(value, (*path, index))
    else:
        yield path


def found(node, path):
    for key in path:
        node = node[key]
    return node


def welsh_text(lines: str) -> str:
    """A Welsh draft as a Welsh page, for the English-words check."""
    return f'<html lang="cy"><body><p>{lines}</p></body></html>'


class WelshWordingTestCase(BaseTestCase):
    def test_every_young_persons_text_has_welsh(self):
        english = yaml.safe_load(Path(WORDING_FILE).read_text(encoding="utf-8"))
        cymraeg = yaml.safe_load(Path(WELSH_FILE).read_text(encoding="utf-8"))
        for path in young_peoples_texts(english):
            with self.subTest(path=path):
                text = found(cymraeg, path)
                self.assertTrue(str(text).strip())
                self.assertNotEqual(text, found(english, path))

    def test_the_welsh_file_is_marked_not_yet_checked(self):
        self.assertIn("welsh: unchecked", Path(WELSH_FILE).read_text(encoding="utf-8"))

    def test_lists_of_names_join_in_welsh(self):
        self.assertEqual(names_list(["Zoom", "TikTok"], "cy"), "Zoom a TikTok")
        self.assertEqual(names_list(["Zoom", "Instagram"], "cy"), "Zoom ac Instagram")
        self.assertEqual(names_list(["Zoom", "Instagram"]), "Zoom and Instagram")

    def test_the_policy_cues_stay_with_the_welsh_lines(self):
        extras = wording("cy")["sections"]["replies"]["extras"]
        self.assertEqual(extras[0]["id"], "response-time")
        self.assertTrue(extras[0]["cues"])
        self.assertTrue(extras[0]["say"].startswith("Rydyn ni’n trio ateb"))


class WelshDraftTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        add_channel(
            self.org,
            platform="whatsapp",
            account_name="Grŵp y clwb",
            purpose="service_delivery",
            one_to_one=True,
            keeps_records="no",
        )
        add_channel(self.org, platform="instagram", account_name="@clwb", purpose="promotion")
        add_channel(self.org, platform="zoom", account_name="Zoom", purpose="service_delivery")

    def test_the_draft_is_all_welsh(self):
        draft = build_draft(self.org, "cy")
        texts = draft.texts
        self.assertIn("Dyma’r unig apiau a chyfrifon rydyn ni’n eu defnyddio", texts["channels"])
        self.assertIn("- WhatsApp (Grŵp y clwb): Rydyn ni’n ei ddefnyddio", texts["channels"])
        self.assertIn("Gallwch chi anfon neges at weithiwr ar eich pen eich hun", texts["channels"])
        self.assertIn("Rydyn ni’n ateb rhwng [amseroedd] ar [dyddiau].", texts["replies"])
        self.assertIn("mae gweithiwr arall yn gallu gweld y sgwrs hefyd", texts["will_do"])
        self.assertIn("Cyn galwad fideo", texts["will_do"])
        self.assertIn(
            "Dim ond ar gyfer newyddion rydyn ni’n defnyddio Instagram.", texts["wont_do"]
        )
        self.assertIn("Os ydych chi mewn perygl nawr, ffoniwch 999.", texts["help_now"])
        self.assertIn("Ffoniwch 080880 23456 neu ewch i meic.cymru.", texts["help_now"])
        self.assertIn("Dydy WhatsApp ddim yn gadael i ni gadw negeseuon", texts["records"])
        whole = "\n".join(texts.values())
        self.assertEqual(welsh.english_in(welsh_text(whole)), [])
        # The lead's hints stay English: the lead's pages are in English.
        self.assertIn("Your policy", " ".join(draft.hints["replies"]) + "Your policy")

    def test_a_reason_typed_in_english_is_pointed_out(self):
        add_channel(
            self.org, platform="youtube", account_name="Club TV", rationale="Films of our trips"
        )
        draft = build_draft(self.org, "cy")
        self.assertIn("Pam rydyn ni’n ei ddefnyddio: Films of our trips.", draft.texts["channels"])
        self.assertIn("Write them in Welsh.", " ".join(draft.hints["channels"]))


class WelshAgreementPagesTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.alice)
        self.edit = f"/o/{self.org.slug}/agreement/edit/"

    def test_the_first_draft_can_be_asked_for_in_welsh(self):
        r = self.client.get(self.edit)
        self.assertContains(r, 'href="?draft=cy" hreflang="cy">Draft it in Welsh instead</a>')
        r = self.client.get(f"{self.edit}?draft=cy")
        self.assertContains(r, '<html lang="en-gb"')  # the lead's page stays English
        self.assertContains(r, 'spellcheck="true" lang="cy"', count=6)  # the six parts
        self.assertContains(r, "Os ydych chi mewn perygl nawr, ffoniwch 999.")
        self.assertContains(r, 'name="language" value="cy"')
        self.assertContains(r, "the reading age measure works for English only", count=1)
        self.assertContains(
            r, "Its reading age is not measured: the measure works for English only."
        )
        self.assertNotContains(r, "US grade")
        self.assertContains(r, "Draft it in English instead")

    def test_saving_keeps_the_language(self):
        data = {**form_data(HARD_WELSH), "language": "cy"}
        self.client.post(self.edit, data)
        agreement = Agreement.objects.get()
        self.assertEqual(agreement.language, "cy")
        r = self.client.get(self.edit)
        self.assertContains(r, 'name="language" value="cy"')
        self.assertNotContains(r, "Draft it in Welsh instead")

    def test_a_welsh_agreement_is_not_refused_for_reading_age(self):
        # The same hard text in English is refused (test_agreement_edit); the Welsh is not
        # measured, so only empty parts and gaps can stop it.
        self.assertNotEqual(services.publish_problems(HARD_WELSH, "en"), [])
        self.assertEqual(services.publish_problems(HARD_WELSH, "cy"), [])
        gaps = {**HARD_WELSH, "replies": "Rydyn ni’n ateb rhwng [amseroedd]."}
        self.assertEqual(len(services.publish_problems(gaps, "cy")), 1)
        r = self.client.post(
            self.edit, {**form_data(HARD_WELSH, action="publish"), "language": "cy"}
        )
        self.assertRedirects(r, f"/o/{self.org.slug}/agreement/")
        agreement = Agreement.objects.get()
        self.assertEqual(agreement.published_language, "cy")
        r = self.client.get(f"/o/{self.org.slug}/agreement/")
        self.assertContains(r, "Not measured: the reading age measure works for English only")
        self.assertContains(r, '<div lang="cy">')
        self.assertContains(r, "Yr apiau rydyn ni’n eu defnyddio, a pham")

    def test_the_shared_page_is_wholly_welsh(self):
        welsh_texts = build_draft(self.org, "cy").texts
        welsh_texts = {
            **welsh_texts,
            "channels": "- WhatsApp: rydyn ni’n ei ddefnyddio i siarad â chi.",
            "replies": "Rydyn ni’n ateb rhwng 4 ac 8 y nos, o ddydd Llun i ddydd Gwener.",
            "help_now": welsh_texts["help_now"].replace(
                "[enw], ar [sut i gysylltu]", "Siân, ar 01234 567890"
            ),
        }
        agreement = services.publish(
            self.org, welsh_texts, seen_version=0, by=self.alice, language="cy"
        )
        self.client.logout()
        r = self.client.get(agreement.share_url())
        html = r.content.decode()
        self.assertIn('<html lang="cy"', html)
        self.assertIn("Ein cytundeb digidol", html)
        self.assertIn("Neidio i’r prif gynnwys", html)
        self.assertIn("Dyma sut rydyn ni’n cadw mewn cysylltiad â chi ar-lein.", html)
        self.assertIn('href="tel:08088023456">080880 23456</a>', html)
        self.assertIn('href="https://meic.cymru">meic.cymru</a>', html)
        self.assertIn("Fe wnaethon ni gytuno ar hyn ar", html)
        self.assertEqual(welsh.english_in(html), [])

    def test_starting_again_in_welsh(self):
        self.client.post(self.edit, form_data())
        r = self.client.get(f"/o/{self.org.slug}/agreement/start-again/")
        self.assertContains(r, "Which language should the new draft be in?")
        self.client.post(
            f"/o/{self.org.slug}/agreement/start-again/", {"version": "1", "language": "cy"}
        )
        agreement = Agreement.objects.get()
        self.assertEqual(agreement.language, "cy")
        self.assertIn("Os ydych chi mewn perygl nawr", agreement.help_now)

    def test_the_printout_is_in_welsh_inside_an_english_page(self):
        self.client.post(self.edit, {**form_data(HARD_WELSH), "language": "cy"})
        r = self.client.get(f"/o/{self.org.slug}/agreement/print/?text=draft")
        self.assertContains(r, '<html lang="en-gb"')
        self.assertContains(r, '<div lang="cy">')
        self.assertContains(r, "Ein cytundeb digidol")
        self.assertContains(r, "Drafft: heb ei gytuno eto.")
        self.assertContains(r, "Sut i gael help nawr")
