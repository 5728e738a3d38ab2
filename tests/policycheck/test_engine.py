"""The check's judgements on small, clear cases, each resting on quoted sentences."""

from digikind.policycheck import check_text


def state(text, topic):
    return check_text(text).topic(topic).state


def flagged(text, failing):
    return check_text(text).failing(failing).flagged


def test_a_rule_covers_a_mention_only_touches():
    assert (
        state(
            "Social media\n\nStaff must keep personal and professional accounts separate.",
            "contact-boundaries",
        )
        == "covered"
    )
    assert (
        state(
            "Social media\n\nSocial media is part of young people's lives. Professional boundaries matter.",
            "contact-boundaries",
        )
        == "touched"
    )
    assert (
        state("Swimming\n\nChildren must wear a hat in the pool.", "contact-boundaries")
        == "missing"
    )


def test_digital_topics_need_a_digital_context():
    # A general rule about copying in a parent is about letters, not messages, here.
    offline = "Trips\n\nLetters about trips must always be copied to a parent."
    online = "Messages\n\nText messages to players must always be copied to a parent."
    assert state(offline, "record-keeping") != "covered"
    assert state(online, "record-keeping") == "covered"


def test_non_digital_topics_count_anywhere():
    assert (
        state(
            "Safeguarding policy\n\nAll volunteers complete safeguarding training every three years.",
            "training",
        )
        == "covered"
    )


def test_a_bare_pointer_to_another_policy_only_touches_governance():
    assert state("Code\n\nSee our Safeguarding Policy for more.", "governance-review") == "touched"
    assert (
        state("Code\n\nThis policy is reviewed every year by the trustees.", "governance-review")
        == "covered"
    )


def test_a_reason_clause_is_not_a_rule_about_hours():
    text = "Phones\n\nLeaders use the group mobile, so that it can be switched off outside meeting times."
    assert state(text, "availability-hours") == "touched"
    assert (
        state("Phones\n\nStaff will not reply to messages after 9pm.", "availability-hours")
        == "covered"
    )


def test_sports_training_is_not_staff_training():
    assert (
        state("Club rules\n\nPlayers must arrive at training ten minutes early.", "training")
        == "missing"
    )


def test_photo_consent_belongs_to_images_not_digital_contact_consent():
    text = "Photos\n\nPhotos may only be taken with a parent's written consent."
    assert state(text, "recording-and-images") == "covered"
    assert state(text, "consent-and-age") == "missing"


def test_a_blanket_ban_without_reason_or_route_is_overly_restrictive():
    ban = "Contact\n\nStaff must not contact young people by text, email or any social media under any circumstances."
    assert flagged(ban, "overly-restrictive")
    with_route = ban + " Messages about sessions go to parents through the club's group chat."
    assert not flagged(with_route, "overly-restrictive")
    targeted = "Contact\n\nStaff must not send private messages to young people on any platform."
    assert not flagged(targeted, "overly-restrictive")


def test_obsolete_platforms_make_a_policy_out_of_date_unless_historical():
    assert flagged("E-safety\n\nStaff must not add young people on MSN or Bebo.", "out-of-date")
    historical = (
        "E-safety\n\nOur first guidance was written in 2007, when most young people used MSN."
    )
    assert not flagged(historical, "out-of-date")
    in_a_list = "Social media\n\nThis covers Facebook, Instagram, WhatsApp, TikTok and Bebo. Staff must use the club account."
    assert not flagged(in_a_list, "out-of-date")
    report = check_text("Checks\n\nAll leaders must have a CRB check.")
    assert report.failing("out-of-date").flagged
    assert "DBS" in report.failing("out-of-date").reasons[0]


def test_absent_and_narrow():
    general = "Safeguarding\n\nConcerns must be reported to the welfare officer. Leaders must have a DBS check."
    assert flagged(general, "absent")
    photos = "Photos\n\nPhotos of members must not be posted on social media without consent."
    assert flagged(photos, "absent") and flagged(photos, "narrow")
    whatsapp = "WhatsApp groups\n\nLeaders must add a second adult to every WhatsApp group. WhatsApp groups are for members aged 16+."
    assert flagged(whatsapp, "narrow")
    broad = "Contact\n\nStaff must only message young people through official accounts on any social media platform."
    assert not flagged(broad, "narrow") and not flagged(broad, "absent")


def test_absent_needs_contact_between_the_organisations_adults_and_its_young_people():
    # Each of these mentions messages or phones and young people, but none is a rule about
    # the organisation's adults being in touch with them online (rules/absent.yaml).
    not_about_contact = {
        "pupils' own use": "Internet rules\n\nI will only e-mail people I know. Pupils will not use chat rooms.",
        "calling home": "Phones\n\nMembers may use a phone to contact their parents at the end of the day.",
        "photo sharing": "Photos\n\nPhotos of children must only be shared in the private WhatsApp group.",
        "following a policy": "Internet\n\nAll staff must follow the internet policy when children use the computers.",
    }
    for case, text in not_about_contact.items():
        assert flagged(text, "absent"), case
    contact = "Messages\n\nLeaders must not send private messages to young people on social media."
    report = check_text(contact)
    assert not report.failing("absent").flagged
    assert report.failing("absent").evidence[0].text.startswith("Leaders must not send private")


def test_readability_names_hard_sections_vague_terms_and_jargon():
    text = (
        "Policy\n\nEASY PART\nUse the club phone. Tell the lead if you are worried.\n\n"
        "HARD PART\nNotwithstanding the aforementioned provisions, practitioners shall endeavour, "
        "wherever reasonably practicable, to utilise organisationally sanctioned communication "
        "infrastructure in accordance with the prevailing data protection legislation.\n"
    )
    report = check_text(text)
    reading = report.readability
    grades = {s.section: s.grade for s in reading.sections}
    assert grades["HARD PART"] > grades.get("EASY PART", 0)
    assert {"reasonable", "where possible"} <= {t.term for t in reading.vague_terms}
    jargon = {t.term: t.instead for t in reading.jargon}
    assert jargon["notwithstanding"] == "even though, or despite"
    assert "utilise" in jargon
    assert reading.longest_sentences[0].text.startswith("Notwithstanding")


def test_every_finding_quotes_the_policy():
    text = "Online safety\n\nStaff must only use the club WhatsApp group. Concerns must be reported to the DSL."
    report = check_text(text)
    for topic in report.topics:
        for evidence in topic.evidence:
            assert evidence.text in text


def test_a_next_review_date_that_has_passed_is_a_finding_of_its_own():
    from datetime import date

    from digikind.policycheck import extract
    from digikind.policycheck.engine import check

    text = (
        "Online safety policy\n\nApproved by the trustees in March 2022.\n"
        "Next review: March 2023\n\nStaff must use the club's WhatsApp group only."
    )
    report = check([extract("p.txt", text.encode())], today=date(2026, 12, 4))
    assert report.review_date is not None
    assert report.review_date.due == "2023-03-31"
    assert report.review_date.overdue
    assert "should have been reviewed by 31 March 2023" in report.review_date.message
    assert report.review_date.evidence.text == "Next review: March 2023"
    later = check([extract("p.txt", text.encode())], today=date(2023, 1, 10))
    assert not later.review_date.overdue
    assert "will be reviewed by 31 March 2023" in later.review_date.message


def test_a_policy_with_no_review_date_has_no_review_finding():
    from digikind.policycheck import check_text

    assert check_text("Policy\n\nStaff must not text young people.").review_date is None


def test_site_furniture_is_never_evidence():
    from digikind.policycheck import check_text

    report = check_text(
        "Online safety\n\nSkip to content\n\nWe use cookies to improve your experience.\n\n"
        "Share this page\n\nPage 1 of 3\n\nStaff must report concerns to the DSL the same day."
    )
    quoted = [e.text for t in report.topics for e in t.evidence]
    assert quoted and not any(
        w in q for q in quoted for w in ("cookies", "Skip to", "Share this", "Page 1")
    )
