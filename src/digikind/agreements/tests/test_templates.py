"""The pages' own words are plain: grade 9 or lower for staff, 6 or lower on the page young
people open."""

import html
import re
from pathlib import Path

from digikind.readability import flesch_kincaid_grade

TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "agreements"
FOR_YOUNG_PEOPLE = {"agreement_shared.html", "_intro.html", "_sections.html"}


def words_of(template: str) -> str:
    src = re.sub(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", " ", template, flags=re.S)
    src = re.sub(r"{#.*?#}|<(script|style)\b.*?</\1>", " ", src, flags=re.S)
    src = re.sub(r"{%.*?%}|<[^>]+>", "\n", src, flags=re.S)
    src = re.sub(r"{{.*?}}", "it", src, flags=re.S)
    chunks = [c.strip() for c in html.unescape(src).splitlines() if re.search("[A-Za-z]", c)]
    return "\n".join(c if c.endswith((".", "!", "?", ":")) else c + "." for c in chunks)


def test_every_template_is_plain():
    grades = {
        path.name: flesch_kincaid_grade(words_of(path.read_text(encoding="utf-8")))
        for path in TEMPLATES.glob("*.html")
    }
    assert len(grades) >= 7
    too_hard = {
        name: grade
        for name, grade in grades.items()
        if grade > (6 if name in FOR_YOUNG_PEOPLE else 9)
    }
    assert too_hard == {}
