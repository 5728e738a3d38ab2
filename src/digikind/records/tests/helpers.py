"""What a person reads on a records page, pulled out of the HTML for the tests."""

import re
from html.parser import HTMLParser

from digikind.register import services as register_services


class _Reader(HTMLParser):
    """Collects the text of each <dt>/<dd> pair and of the page's headings and list items."""

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[tuple[str, str]] = []
        self.items: list[str] = []
        self.options: dict[str, list[str]] = {}
        self._tag: str | None = None
        self._text: list[str] = []
        self._key = ""
        self._select = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "select":
            self._select = dict(attrs).get("name") or ""
            self.options[self._select] = []
        if tag in ("dt", "dd", "li", "option"):
            self._tag, self._text = tag, []
        elif tag == "br" and self._tag:
            self._text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag != self._tag:
            return
        text = re.sub(r"[ \t\r\f\v]+", " ", "".join(self._text)).strip()
        text = re.sub(r" *\n *", "\n", text)
        if tag == "dt":
            self._key = text
        elif tag == "dd":
            self.pairs.append((self._key, text))
        elif tag == "li":
            self.items.append(text)
        elif tag == "option":
            self.options[self._select].append(text)
        self._tag = None

    def handle_data(self, data: str) -> None:
        if self._tag:
            self._text.append(data)


def read(html: str | bytes) -> _Reader:
    reader = _Reader()
    reader.feed(html.decode() if isinstance(html, bytes) else html)
    return reader


def summary(html: str | bytes) -> dict[str, str]:
    """The page's summary list as heading -> words, exactly as shown."""
    return dict(read(html).pairs)


def club_channel(organisation):  # type: ignore[no-untyped-def]
    return register_services.create_channel(
        organisation,
        {"platform": "whatsapp", "account_name": "Club group", "purpose": "service_delivery"},
        by=None,
    )
