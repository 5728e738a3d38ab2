"""Every format the check reads, and every kind of bad file, gets text or a plain message."""

import pytest

from digikind.policycheck import ExtractionError, Limits, check_files, extract
from tests.policycheck import samples


def texts(document):
    return [block.text for block in document.blocks]


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("policy.pdf", lambda: samples.pdf(samples.POLICY.splitlines())),
        ("policy.docx", samples.docx),
        ("policy.odt", samples.odt),
        ("policy.html", samples.html),
        ("policy.md", lambda: samples.POLICY.replace("1. CONTACT", "## 1. CONTACT").encode()),
        ("policy.txt", lambda: samples.POLICY.encode()),
    ],
)
def test_every_format_gives_the_same_findings(name, make):
    report = check_files([(name, make())])
    assert report.topic("approved-channels").state == "covered"
    assert report.topic("availability-hours").state == "covered"
    assert report.topic("reporting-concerns").state == "covered"
    assert report.topic("governance-review").state == "covered"
    assert report.topic("devices").state == "missing"
    assert "WhatsApp group" in report.topic("approved-channels").evidence[0].text


def test_headings_and_pages_are_kept_as_evidence_locations():
    pdf_report = check_files([("p.pdf", samples.pdf(samples.POLICY.splitlines()))])
    assert "page 1" in pdf_report.topic("reporting-concerns").evidence[0].where
    docx_report = check_files([("p.docx", samples.docx())])
    assert "2. REPORTING" in docx_report.topic("reporting-concerns").evidence[0].where


def test_html_skips_scripts_styles_and_navigation():
    document = extract("p.html", samples.html())
    joined = " ".join(texts(document))
    assert "alert" not in joined and "color" not in joined and "Home | About" not in joined
    assert document.title == "Online Safety Policy"


def test_an_encrypted_pdf_says_to_remove_the_password():
    with pytest.raises(ExtractionError, match="locked with a password"):
        extract("locked.pdf", samples.pdf(["Some policy text here."], encrypt_with="secret"))


def test_a_scanned_pdf_says_there_is_no_text_layer():
    with pytest.raises(ExtractionError, match=r"found no text in scan.pdf: it may be a scan.*OCR"):
        extract("scan.pdf", samples.blank_pdf())


def test_a_corrupt_pdf_is_reported_plainly():
    with pytest.raises(ExtractionError, match="damaged PDF"):
        extract("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage" + b"\x00" * 50)


def test_an_empty_file():
    with pytest.raises(ExtractionError, match="is empty"):
        extract("empty.txt", b"   \n ")


def test_a_zip_bomb_disguised_as_docx_is_not_opened():
    bomb = samples.zip_bomb_docx(200)
    assert len(bomb) < 1024 * 1024  # small on the way in ...
    with pytest.raises(ExtractionError, match="unpacks to far more than a policy could be"):
        extract("policy.docx", bomb)  # ... and never unpacked


def test_a_file_over_the_limit_is_refused_before_reading():
    with pytest.raises(ExtractionError, match="more than the 1 MB"):
        extract("huge.txt", b"a" * (2 * 1024 * 1024), Limits(max_bytes=1024 * 1024))


def test_a_file_whose_extension_lies_is_read_by_its_content():
    document = extract("policy.docx", samples.pdf(["Staff must report concerns to the DSL."]))
    assert document.notes[0] == "policy.docx is a PDF file named .docx: we read it as a PDF file."
    assert "report concerns" in " ".join(texts(document))


def test_a_picture_is_refused():
    with pytest.raises(ExtractionError, match="picture, not a document"):
        extract("photo.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)


def test_other_encodings_are_read():
    windows = "Staff mustn’t text young people – use the club’s group.".encode("cp1252")
    assert "mustn’t" in texts(extract("old.txt", windows))[0]
    utf16 = "Staff must use the club phone.".encode("utf-16")
    assert texts(extract("u16.txt", utf16))[0] == "Staff must use the club phone."


def test_a_very_long_text_is_cut_with_a_note():
    long_text = ("Staff must use the club phone. " * 2000).encode()
    document = extract("long.txt", long_text, Limits(max_characters=10_000))
    assert sum(len(t) for t in texts(document)) <= 10_000
    assert "very long" in document.notes[-1]


def test_a_welsh_policy_gets_an_honest_message():
    welsh = (
        "Polisi Diogelu Ar-lein\n\nMae'r polisi hwn yn esbonio sut rydym yn cadw pobl ifanc yn ddiogel ar-lein. "
        "Dylai staff ddefnyddio ffôn y clwb yn unig. Ni ddylai staff anfon negeseuon preifat at bobl ifanc. "
        "Rhaid rhoi gwybod i'r arweinydd diogelu am unrhyw bryder ar yr un diwrnod."
    )
    report = check_files([("polisi.txt", welsh.encode())])
    assert report.language == "cy"
    assert "Welsh" in report.notes[0] and "English version" in report.notes[0]
    assert "cannot check a Welsh policy yet" in report.notes[0]
    assert "We have not guessed" in report.notes[0]
    assert all(t.state == "missing" for t in report.topics)


def test_several_files_are_checked_together():
    safeguarding = b"Safeguarding\n\nConcerns must be reported to the DSL the same day."
    social = b"Social media\n\nStaff must not accept friend requests from young people on personal accounts."
    report = check_files([("safeguarding.txt", safeguarding), ("social.txt", social)])
    assert report.documents == ["safeguarding.txt", "social.txt"]
    assert report.topic("reporting-concerns").evidence[0].document == "safeguarding.txt"
    assert report.topic("contact-boundaries").evidence[0].document == "social.txt"
