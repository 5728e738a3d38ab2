"""The fixed wording is plain: young people's lines at grade 6 or lower, hints for leads at
grade 9 or lower, and every part says which guide it draws on."""

import re

from digikind.agreements import wording
from digikind.agreements.reading import sentences
from digikind.readability import flesch_kincaid_grade

# Keys whose text is for the lead, not for young people; and keys that are not wording.
STAFF_KEYS = {"hint", "empty_hint", "prompt", "general"}
NOT_WORDING = {"source", "sources_extra", "intro_source", "cues", "seeds", "id", "section"}


def _strings(node, staff=False):
    """(text, is_for_staff) for every piece of wording in the data file."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in NOT_WORDING:
                continue
            yield from _strings(value, staff or key in STAFF_KEYS)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value, staff)
    elif isinstance(node, str):
        yield node, staff


def _filled(text):
    # Gaps and names read as the plain words a lead or the register puts there.
    return re.sub(r"\[([^\]]+)\]", r"\1", re.sub(r"\{[a-z_]+\}", "Sam", text))


def _sentences(staff):
    data = {k: v for k, v in wording.wording().items() if k not in ("video_platforms",)}
    found = [
        _filled(s)
        for text, is_staff in _strings(data)
        if is_staff == staff
        for s in sentences(text)
    ]
    assert found
    return found


def test_every_young_person_sentence_is_grade_6_or_lower():
    too_hard = {s: g for s in _sentences(staff=False) if (g := flesch_kincaid_grade(s)) > 6}
    assert too_hard == {}


def test_every_hint_for_leads_is_grade_9_or_lower():
    too_hard = {s: g for s in _sentences(staff=True) if (g := flesch_kincaid_grade(s)) > 9}
    assert too_hard == {}


def test_help_now_names_childline_and_999():
    lines = " ".join(wording.section("help_now")["always"])
    assert "Childline" in lines
    assert "0800 1111" in lines
    assert "999" in lines


def test_every_part_cites_a_known_guide():
    seeds = wording.wording()["seeds"]
    rows = wording.sources()
    parts = {part for part, _seed, _section in rows}
    assert set(wording.titles().values()) <= parts
    assert all(seed in seeds.values() and section for _part, seed, section in rows)


def test_every_young_people_topic_is_a_real_topic_and_section():
    from digikind.vocabulary import ids

    topics = wording.wording()["young_people"]["topics"]
    assert set(topics) <= set(ids("topics"))
    assert {t["section"] for t in topics.values()} <= set(wording.SECTION_IDS)
