"""Read the tables on a page as a person sees them: each row as {column heading: cell text}."""

from html.parser import HTMLParser


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def table_rows(html: str, caption_start: str) -> dict[str, dict[str, str]]:
    """The table whose first row follows a caption starting with `caption_start`, as
    {row heading: {column heading: cell}}."""
    before, _caption, _after = html.partition(caption_start)
    assert _caption, f"no table captioned {caption_start!r}"
    index = before.count("<table")
    parser = _Tables()
    parser.feed(html)
    table = parser.tables[index - 1]
    head, *body = [row for row in table if row]
    return {row[0]: dict(zip(head[1:], row[1:], strict=False)) for row in body}
