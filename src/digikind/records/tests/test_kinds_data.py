"""records/data/kinds.yaml is valid, matches the kinds the log knows, and reads plainly."""

import html
import re
from pathlib import Path

import pytest

from digikind.orgs.services import create_organisation
from digikind.readability import flesch_kincaid_grade
from digikind.records import kinds
from digikind.records.forms import form_for
from digikind.records.models import Kind

TEMPLATES = Path(kinds.__file__).with_name("templates") / "records"


def test_the_data_file_is_valid_and_names_every_kind():
    loaded = kinds.load()
    assert set(loaded) == set(Kind.values)
    for kind in loaded.values():
        assert kind.label == Kind(kind.id).label
    assert set(kinds.form_kinds()) == {"contact", "concern", "consent", "debrief"}


@pytest.mark.django_db
def test_each_form_asks_the_data_files_questions_in_order():
    organisation = create_organisation("Data Club")
    for kind_id, kind in kinds.form_kinds().items():
        form = form_for(kind_id)(organisation=organisation)
        asked = [name for name in form.fields if name not in ("form_id", "person", "new_person")]
        assert asked == [f.id for f in kind.form_fields]
        assert [form.fields[f.id].label for f in kind.form_fields] == [
            f.label for f in kind.form_fields
        ]


def test_a_broken_file_is_refused_with_the_place_named(tmp_path):
    broken = tmp_path / "kinds.yaml"
    broken.write_text(
        "version: 1\nkinds:\n  contact:\n    label: X\n    fields:\n"
        "      - {id: note, type: essay, heading: Note}\n",
        encoding="utf-8",
    )
    with pytest.raises(kinds.KindsError, match=r"kinds\.yaml: kinds/contact/fields/0/type"):
        kinds.load(broken)


def test_lists_are_joined_in_plain_english():
    assert kinds.join_words([]) == ""
    assert kinds.join_words(["Police"]) == "Police"
    assert kinds.join_words(["Police", "CEOP"]) == "Police and CEOP"
    assert kinds.join_words(["A", "B", "C"]) == "A, B and C"


def test_the_words_are_plain_for_staff():
    texts = []
    for kind in kinds.kinds().values():
        for field in kind.fields:
            texts += [field.label, field.heading, *dict(field.errors).values()]
            texts += [c.label for c in field.choices]
    assert flesch_kincaid_grade(".\n".join(texts)) <= 9
    for path in TEMPLATES.glob("*.html"):
        source = path.read_text(encoding="utf-8")
        source = re.sub(r"{%.*?%}|<[^>]+>", "\n", source, flags=re.S)
        source = re.sub(r"{{.*?}}", "it", source, flags=re.S)
        chunks = [c.strip() for c in html.unescape(source).splitlines() if re.search("[A-Za-z]", c)]
        words = "\n".join(c if c.endswith((".", "!", "?", ":")) else c + "." for c in chunks)
        assert flesch_kincaid_grade(words) <= 9, path.name
