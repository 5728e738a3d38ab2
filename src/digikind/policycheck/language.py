"""Tell Welsh sentences from English ones, so a Welsh policy gets an honest message."""

import re

WELSH_WORDS = frozenset(
    (
        "y yr a'r ac yn mae bod ein eich gyda fydd neu pobl ifanc ddim hefyd dylai gan wedi "
        "oes i'r o'r ar-lein rhaid staff-aelod cyfryngau cymdeithasol plant polisi hwn hon "
        "sydd ei eu fel ond am ni chi nhw rydym byddwn dylid drwy trwy rhwng lle pan os ydy "
        "ydyn diogelu"
    ).split()
)
ENGLISH_WORDS = frozenset(
    "the and to of is are be will must should for with that this by in".split()
)
WORD = re.compile(r"[a-zA-Zâêîôûŵŷ']+")


def is_welsh(text: str) -> bool:
    words = [w.lower() for w in WORD.findall(text)]
    if len(words) < 4:
        return False
    welsh = sum(1 for w in words if w in WELSH_WORDS)
    english = sum(1 for w in words if w in ENGLISH_WORDS)
    return welsh >= 0.2 * len(words) and welsh > 2 * english
