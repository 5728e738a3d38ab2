from digikind import readability


def test_syllables_come_from_the_dictionary_with_british_spelling():
    assert readability.syllables("organisation") == 5
    assert readability.syllables("colour") == 2
    assert readability.syllables("phone") == 1


def test_unknown_words_fall_back_to_hyphenation():
    assert readability.syllables("instagrammable") >= 4


def test_grade_rises_with_long_words_and_sentences():
    easy = "Do you know who to tell if something online worries you?"
    hard = (
        "Organisational safeguarding arrangements necessitate comprehensive consideration "
        "of institutional accountability mechanisms."
    )
    assert readability.flesch_kincaid_grade(easy) < 6
    assert readability.flesch_kincaid_grade(hard) > 16


def test_it_counts_sentences():
    assert readability.sentence_count("One. Two! Three?") == 3
    assert readability.sentence_count("No full stop") == 1


def test_empty_text_has_grade_zero():
    assert readability.flesch_kincaid_grade("") == 0.0


def test_reading_age_is_the_uk_age_with_the_us_grade_beside_it():
    assert readability.reading_age(6.0) == 11
    # Part grades round up: a text is never said to be easier than it is.
    assert readability.reading_age(6.2) == 12
    assert readability.reading_level(6.0) == "reading age about 11 (US grade 6)"
    assert readability.reading_level(9.34) == "reading age about 15 (US grade 9.3)"
    assert readability.reading_level(-2.0) == "reading age about 5 (US grade 0)"
