"""The one privacy rule: which groups' figures, and whether the total, may be shown."""

from hypothesis import given
from hypothesis import strategies as st

from digikind.reviews.privacy import MIN_GROUP, hidden_by_rule, shown_parts


def test_groups_of_five_show_and_smaller_ones_hide():
    assert shown_parts({"Staff": 5, "Lead": 5}) == ({"Staff", "Lead"}, True)
    assert shown_parts({"Staff": 4}) == (set(), False)


def test_one_hidden_group_hides_the_next_smallest_too():
    # All (11) minus Staff (10) would give the one young person's own score.
    shown, total = shown_parts({"Staff": 10, "Lead": 6, "Young person": 1})
    assert shown == {"Staff"} and total
    assert hidden_by_rule({"Staff": 10, "Lead": 6, "Young person": 1}) == {"Lead"}


def test_hidden_groups_that_hold_five_together_need_no_more_hiding():
    assert shown_parts({"Staff": 10, "Lead": 3, "Young person": 2}) == ({"Staff"}, True)


def test_a_lone_group_beside_a_tiny_one_leaves_only_the_total():
    assert shown_parts({"Staff": 7, "Lead": 1}) == (set(), True)


@given(st.dictionaries(st.sampled_from("ABCDEF"), st.integers(0, 12), min_size=1))
def test_no_figure_under_five_can_be_worked_out_by_subtraction(counts):
    shown, total_shown = shown_parts(counts)
    assert all(counts[part] >= MIN_GROUP for part in shown)
    if total_shown:
        left = sum(counts.values()) - sum(counts[part] for part in shown)
        assert left == 0 or left >= MIN_GROUP
    else:
        assert not shown
