from digikind.spreadsheet import safe_cell


def test_formulas_are_quoted_so_a_spreadsheet_shows_them_as_text():
    for text in ("=SUM(A1)", "+44 7700", "-1", "@riversideyouth", "\t=1", "\r=1"):
        assert safe_cell(text) == "'" + text


def test_empty_stays_empty_and_plain_text_is_untouched():
    assert safe_cell("") == ""
    assert safe_cell(None) == ""
    assert safe_cell("Zoë's group – 3 = good") == "Zoë's group – 3 = good"


def test_lists_and_yes_no_read_as_words():
    assert safe_cell(True) == "Yes"
    assert safe_cell(False) == "No"
    assert safe_cell([{"view": "policy", "text": "No rule"}, "x"]) == "policy No rule | x"
