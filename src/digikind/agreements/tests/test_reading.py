from digikind.agreements.reading import measure, read_agreement, sentences
from digikind.agreements.tests.helpers import EASY, HARD


def test_list_items_count_as_sentences():
    assert sentences("- One thing\n- Two things. And more") == [
        "One thing.",
        "Two things.",
        "And more.",
    ]


def test_the_easy_text_reads_at_grade_6_or_lower_and_the_hard_one_does_not():
    assert read_agreement(EASY).overall.easy_enough
    hard = read_agreement(HARD)
    assert not hard.easy_enough
    assert [part.id for part, _reading in hard.too_hard] == ["records"]
    assert hard.hardest[0].sentence.startswith("Contemporaneous documentation")
    assert hard.hardest[0].section == "How we keep records, and why"


def test_an_empty_text_has_no_words():
    assert measure("").words == 0


def test_gaps_in_square_brackets_are_found():
    texts = {**EASY, "replies": "We reply between [times] on [days]."}
    assert read_agreement(texts).placeholders == ["[days]", "[times]"]
