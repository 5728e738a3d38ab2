"""Bad framework files get a message naming the file, the line, the item and the fix."""

from digikind.frameworks.files import check_file
from digikind.frameworks.tests.helpers import write_framework


def only_problem(path):
    result = check_file(path)
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    return result.problems[0]


def test_a_valid_file_has_no_problems(tmp_path):
    result = check_file(write_framework(tmp_path))
    assert result.problems == []
    assert [q["id"] for q in result.questions()] == ["unofficial-accounts", "who-runs-accounts"]


def test_it_fills_in_what_questions_inherit(tmp_path):
    result = check_file(write_framework(tmp_path))
    question = result.questions()[1]
    assert question["area"] == "organisational"
    assert question["source"] == {
        "seed": "000_70ce34ac66ec9fda.txt",
        "section": "Ownership and control",
    }
    assert question["leader"] == {
        "en": "Is it clear who may set up an account in your name?",
        "cy": "",
    }
    assert question["practice_answer"] == "maturity"
    assert "yes-no" in result.data["scales"] and "maturity" in result.data["scales"]


def test_a_duplicate_question_id(tmp_path):
    path = write_framework(tmp_path, replace=("id: who-runs-accounts", "id: unofficial-accounts"))
    problem = only_problem(path)
    assert problem.file == "test-set.yaml"
    assert problem.line == 27
    assert "used twice (first on line 16)" in problem.message
    assert "give each question its own id" in problem.fix


def test_a_missing_field(tmp_path):
    path = write_framework(
        tmp_path,
        replace=(
            "        hint: Without a rule, anyone can make a page that looks like yours.\n",
            "",
        ),
    )
    problem = only_problem(path)
    assert problem.line == 27
    assert "question who-runs-accounts" in problem.item
    assert "`hint` is missing" in problem.message
    assert "add `hint:`" in problem.fix


def test_an_unknown_topic(tmp_path):
    path = write_framework(
        tmp_path, replace=("[approved-channels, governance-review]", "[approved-channels, phones]")
    )
    problem = only_problem(path)
    assert problem.line == 31
    assert "'phones' is not a known value" in problem.message
    assert "devices" in problem.fix  # the list of real topic ids


def test_a_misspelt_field(tmp_path):
    path = write_framework(tmp_path, replace=("        hint: Fake", "        hnit: Fake"))
    messages = [str(p) for p in check_file(path).problems]
    assert any("hnit" in m and "check the spelling" in m for m in messages), messages


def test_a_key_given_twice(tmp_path):
    path = write_framework(
        tmp_path,
        replace=(
            "        answer: maturity\n        practice_answer",
            "        answer: maturity\n        answer: yes-no\n        practice_answer",
        ),
    )
    problem = only_problem(path)
    assert "given twice" in problem.message
    assert problem.line == 26
    assert "keep only one" in problem.fix


def test_broken_yaml(tmp_path):
    path = write_framework(tmp_path, replace=("title: Ownership and control", "title: [Ownership"))
    problem = only_problem(path)
    assert "not valid YAML" in problem.message
    assert problem.line is not None


def test_young_people_asked_without_their_wording(tmp_path):
    path = write_framework(
        tmp_path, replace=("roles: [lead, trustee]", "roles: [lead, young_person]")
    )
    problem = only_problem(path)
    assert "no young-person wording" in problem.message


def test_young_people_asked_without_their_own_hint(tmp_path):
    path = write_framework(
        tmp_path, replace=("        young_person_hint: A fake page can trick you.\n", "")
    )
    problem = only_problem(path)
    assert "no young-person hint" in problem.message
    assert "young_person_hint" in problem.fix


def test_the_young_person_hint_has_the_lower_bar(tmp_path):
    hard = "Counterfeit organisational accounts frequently disseminate misinformation."
    path = write_framework(tmp_path, replace=("A fake page can trick you.", hard))
    problem = only_problem(path)
    assert "young-person wording" in problem.message


def test_an_undefined_answer_scale(tmp_path):
    path = write_framework(tmp_path, replace=("practice_answer: yes-no", "practice_answer: stars"))
    problem = only_problem(path)
    assert "'stars' is not defined" in problem.message
    assert "free-text" in problem.fix


def test_hard_wording_is_named(tmp_path):
    hard = (
        "Is there an institutionalised organisational accountability methodology "
        "for digital governance?"
    )
    problem = only_problem(write_framework(tmp_path, leader=hard))
    assert "reading grade" in problem.message
    assert hard in problem.message
    assert problem.line == 17


def test_young_person_wording_has_a_lower_bar(tmp_path):
    # Grade 7 to 9: fine for staff, too hard for young people.
    wording = "Has your youth worker explained which websites and applications the group uses?"
    path = write_framework(
        tmp_path, replace=("Have you seen a page that looked like ours, but was not?", wording)
    )
    problem = only_problem(path)
    assert "young-person wording" in problem.message


WELSH_LEADER = (
    '{en: "Do you spot and deal with pages that look like yours but are not?", '
    'cy: "Ydych chi’n sylwi ar dudalennau sy’n edrych fel eich rhai chi ond sydd ddim, '
    'ac yn delio â nhw?"}'
)


def test_a_file_with_some_welsh_needs_welsh_for_every_text(tmp_path):
    path = write_framework(
        tmp_path, leader=WELSH_LEADER, replace=("audience:", "welsh: unchecked\n  audience:")
    )
    problems = check_file(path).problems
    missing = {p.item for p in problems}
    assert all("has no Welsh, but other texts in this file do" in p.message for p in problems)
    assert "add `cy:` beside its `en:`" in problems[0].fix
    # Every other text of the file is named: the set's name, headings, wordings and hints.
    assert len(problems) == 9, [str(p) for p in problems]
    assert any("unofficial-accounts" in item for item in missing), missing


def test_a_file_with_welsh_says_whether_it_was_checked(tmp_path):
    path = write_framework(tmp_path, leader=WELSH_LEADER)
    messages = [p.message for p in check_file(path).problems]
    assert any("does not say whether a Welsh speaker has checked it" in m for m in messages)


def test_a_file_without_welsh_is_fine_and_the_common_scales_have_welsh(tmp_path):
    result = check_file(write_framework(tmp_path))
    assert result.problems == []
    scale = result.data["scales"]["frequency"]
    assert [o["label"]["cy"] for o in scale["options"]] == [
        "Byth",
        "Unwaith neu ddwywaith",
        "Weithiau",
        "Yn aml",
    ]
