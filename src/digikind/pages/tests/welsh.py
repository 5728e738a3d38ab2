"""What a Welsh page must not show: English outside text marked lang="en".

Used by the Welsh tests of every page that is in Welsh (digikind.pages.languages.WELSH_PAGES).
"""

import ast
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from digikind.settings import PACKAGE_DIR

# Everyday English words that are not Welsh words too. One of them in a Welsh page's text
# means a string was not translated (or not marked as English).
ENGLISH_WORDS = frozenset(
    """the and you your are this that what with for from have has not was were will
    they them their there here when which who how why answer answers question questions
    review reviews sign please thank thanks send start now back continue change page error
    know don’t don't cannot should would could our about more only any some""".split()
)
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
SEEN_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")


class _Text(HTMLParser):
    """The text a person reads or hears, outside elements marked lang="en"."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.chunks: list[str] = []
        self.html_lang = ""

    def _english(self) -> bool:
        return any(english for _tag, english in self.stack)

    def _hidden(self) -> bool:
        return any(tag in ("script", "style") for tag, _e in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        lang = (values.get("lang") or "").lower()
        if tag == "html":
            self.html_lang = lang
        english = lang.startswith("en")
        if not (english or self._english()):
            self.chunks.extend(v for k, v in attrs if k in SEEN_ATTRIBUTES and v)
        if tag not in VOID:
            self.stack.append((tag, english))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if not (self._english() or self._hidden()):
            self.chunks.append(data)


def read(html: str) -> tuple[str, str]:
    """(the page's lang attribute, its text outside lang="en")."""
    parser = _Text()
    parser.feed(html)
    return parser.html_lang, " ".join(parser.chunks)


def english_in(html: str) -> list[str]:
    """The English words on a Welsh page, outside quoted material marked lang="en"."""
    _lang, text = read(html)
    words = re.findall(r"[A-Za-z’']+", text)
    return sorted({w for w in words if w.lower() in ENGLISH_WORDS})


def untranslated(html: str) -> list[str]:
    """Texts in the Welsh catalogue that a Welsh page shows in English."""
    _lang, text = read(html)
    text = " ".join(text.split())
    return sorted(
        msgid
        for msgid, msgstr in catalogue().items()
        if len(msgid) > 12 and msgid != msgstr and "%(" not in msgid and msgid in text
    )


WELSH_PO = Path(PACKAGE_DIR) / "locale" / "cy" / "LC_MESSAGES" / "django.po"


@dataclass
class Entry:
    comments: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)

    @property
    def msgid(self) -> str:
        return self.texts.get("msgid", "")

    @property
    def translations(self) -> list[str]:
        return [v for k, v in self.texts.items() if k.startswith("msgstr")]


def entries(path: Path = WELSH_PO) -> list[Entry]:
    """The entries of a .po file as makemessages writes it (the header left out)."""
    found = []
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        entry, key = Entry(), ""
        for line in block.splitlines():
            if line.startswith("#"):
                entry.comments.append(line)
            elif match := re.match(
                r'^(msgid|msgid_plural|msgctxt|msgstr(?:\[\d\])?) (".*")$', line
            ):
                key = match.group(1)
                entry.texts[key] = ast.literal_eval(match.group(2))
            elif line.startswith('"'):
                entry.texts[key] += ast.literal_eval(line)
        if entry.msgid:
            found.append(entry)
    return found


def catalogue() -> dict[str, str]:
    """English → Welsh, from the Welsh .po file (singular forms)."""
    return {e.msgid: e.texts["msgstr"] for e in entries() if "msgstr" in e.texts}
