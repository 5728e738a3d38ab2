import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.policycheck import samples

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("check_policy", *map(str, args), stdout=out)
    return out.getvalue()


def test_it_prints_a_readable_report(tmp_path):
    path = tmp_path / "policy.txt"
    path.write_text(samples.POLICY)
    out = run(path)
    assert "TOPICS:" in out and "✓ Approved channels: covered" in out
    assert "READABILITY" in out and "FAILINGS" in out


def test_json_has_the_full_findings(tmp_path):
    path = tmp_path / "policy.docx"
    path.write_bytes(samples.docx())
    data = json.loads(run(path, "--json"))
    assert data["report"]["topics"][0]["id"] == "approved-channels"
    assert data["report"]["topics"][0]["evidence"][0]["text"]


def test_a_folder_is_checked_file_by_file(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(samples.POLICY)
    (tmp_path / "b.pdf").write_bytes(samples.pdf(samples.POLICY.splitlines()))
    data = json.loads(run(tmp_path, "--json"))
    assert [item["files"][0].rsplit("/", 1)[-1] for item in data] == ["a.txt", "b.pdf"]
    assert "2/2" in capsys.readouterr().err  # the progress bar


def test_fail_options_set_the_exit_status(tmp_path):
    path = tmp_path / "ban.txt"
    path.write_text(
        "Contact\n\nStaff must not contact young people by text or any social media under any circumstances."
    )
    with pytest.raises(CommandError) as caught:
        run(path, "--fail-under", "10", "--fail-on", "overly-restrictive")
    assert caught.value.returncode == 1
    assert "fewer than 10 topics covered" in str(caught.value)
    assert "overly-restrictive found" in str(caught.value)


def test_an_unreadable_file_is_reported_not_crashed(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(samples.blank_pdf())
    with pytest.raises(CommandError, match="could not be read"):
        run(path)


def test_a_missing_path_is_explained(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        run(tmp_path / "nope.txt")
