"""Turn an uploaded file into a Document, safely.

The file's own bytes decide its type (a .docx that is really a PDF is read as a PDF).
Every limit is checked before the work it protects, so a hostile file costs bounded
memory and time, and every failure is an ExtractionError with a plain message that
says what to do next.
"""

import io
import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from xml.etree import ElementTree

from digikind.policycheck.document import Block, Document


class ExtractionError(Exception):
    """A file Digikind cannot read; the message is shown to the person who uploaded it."""


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20 * 1024 * 1024
    max_pages: int = 400
    max_characters: int = 1_500_000
    max_unzipped_bytes: int = 60 * 1024 * 1024
    max_zip_ratio: int = 100


DEFAULT_LIMITS = Limits()
MB = 1024 * 1024


def extract(name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    if len(data) > limits.max_bytes:
        raise ExtractionError(
            f"{name} is {len(data) // MB} MB, more than the {limits.max_bytes // MB} MB "
            "Digikind reads. Save the policy without pictures, or as plain text, and upload that."
        )
    if not data.strip():
        raise ExtractionError(f"{name} is empty. Check you chose the right file.")
    kind = sniff(data)
    readers = {
        "pdf": _read_pdf,
        "docx": _read_docx,
        "odt": _read_odt,
        "html": _read_html,
        "text": _read_text,
    }
    document = readers[kind](name, data, limits)
    stated = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    expected = {"pdf": {"pdf"}, "docx": {"docx"}, "odt": {"odt"}, "html": {"html", "htm"}}
    if kind in expected and stated and stated not in expected[kind]:
        document.notes.append(
            f"{name} is named .{stated} but is really a {kind.upper()} file; "
            f"we read it as {kind.upper()}."
        )
    total = sum(len(b.text) for b in document.blocks)
    if total > limits.max_characters:
        kept: list[Block] = []
        room = limits.max_characters
        for block in document.blocks:
            if len(block.text) > room:
                if room > 0:
                    kept.append(
                        Block(block.text[:room], block.section, block.page, block.is_heading)
                    )
                break
            kept.append(block)
            room -= len(block.text)
        document.blocks = kept
        document.notes.append(
            f"{name} is very long; we checked the first {limits.max_characters:,} characters."
        )
    if not any(b.text.strip() for b in document.blocks):
        raise ExtractionError(
            f"We found no text in {name}. Check it is the policy and not a blank page."
        )
    if not document.title:
        document.title = next((b.text for b in document.blocks if b.text.strip()), name)[:200]
    return document


def sniff(data: bytes) -> str:
    head = data[:2048]
    if head.lstrip().startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "content.xml" in names:
                    return "odt"
        except zipfile.BadZipFile:
            raise ExtractionError(
                "This file looks like a Word or OpenDocument file but is damaged. "
                "Open it and save it again, then upload the new copy."
            ) from None
        raise ExtractionError(
            "This is a ZIP file, not a policy. Upload the policy as PDF, Word, "
            "OpenDocument, web page or text."
        )
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        raise ExtractionError(
            "This is a picture, not a document. If your policy is only on paper or in a "
            "photo, type it out or ask for the Word version."
        )
    sample = _decode(head, strict=False).lower()
    if re.search(r"<(html|body|p|h1|div)[\s>]", sample):
        return "html"
    return "text"


def _check_zip(name: str, archive: zipfile.ZipFile, limits: Limits, compressed_size: int) -> None:
    unzipped = sum(info.file_size for info in archive.infolist())
    if (
        unzipped > limits.max_unzipped_bytes
        or unzipped > max(compressed_size, 1) * limits.max_zip_ratio
    ):
        raise ExtractionError(
            f"{name} unpacks to far more data than a policy needs, so we did not open it. "
            "Open it and save it again as a normal Word file, then upload that."
        )


def _read_pdf(name: str, data: bytes, limits: Limits) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError(
                f"{name} is locked with a password. Save a copy without the password, "
                "or upload the Word version."
            )
        pages = reader.pages
        if len(pages) > limits.max_pages:
            raise ExtractionError(
                f"{name} has {len(pages)} pages, more than the {limits.max_pages} we read. "
                "Upload just the policy pages."
            )
        title = reader.metadata.title if reader.metadata else None
        document = Document(name=name, title=str(title or ""))
        for number, page in enumerate(pages, start=1):
            text = page.extract_text() or ""
            document.blocks.extend(_blocks_from_text(text, page=number))
    except ExtractionError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise ExtractionError(
            f"{name} is a damaged PDF ({type(error).__name__}). Open it and save or "
            "export it again, or upload the Word version."
        ) from None
    characters = sum(len(b.text) for b in document.blocks)
    if characters < 8 * len(pages):
        raise ExtractionError(
            f"{name} has no text we can read: it looks like a scan, made of pictures of pages. "
            "Upload the Word version, or run it through a tool that adds text (OCR) first."
        )
    return document


def _read_docx(name: str, data: bytes, limits: Limits) -> Document:
    import docx

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        _check_zip(name, archive, limits, len(data))
    try:
        word = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds for damaged files
        raise ExtractionError(
            f"{name} is a damaged Word file ({type(error).__name__}). Open it and save it "
            "again, then upload the new copy."
        ) from None
    document = Document(name=name, title=word.core_properties.title or "")
    section = ""
    for paragraph in word.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "").lower()
        if style.startswith(("heading", "title")) or _looks_like_heading(text):
            section = text
            document.blocks.append(Block(text, section, None, is_heading=True))
        else:
            document.blocks.append(Block(text, section))
    for table in word.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.text.strip():
                    document.blocks.extend(_blocks_from_text(cell.text, section=section))
    return document


ODT_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _read_odt(name: str, data: bytes, limits: Limits) -> Document:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        _check_zip(name, archive, limits, len(data))
        try:
            # Python's expat refuses entity-expansion attacks and ElementTree never fetches
            # external entities; the ZIP size was checked above.
            root = ElementTree.fromstring(archive.read("content.xml"))  # noqa: S314
        except ElementTree.ParseError:
            raise ExtractionError(
                f"{name} is a damaged OpenDocument file. Open it and save it again."
            ) from None
    document = Document(name=name)
    section = ""
    for element in root.iter():
        if element.tag in (ODT_TEXT + "h", ODT_TEXT + "p"):
            text = " ".join("".join(element.itertext()).split())
            if not text:
                continue
            if element.tag == ODT_TEXT + "h" or _looks_like_heading(text):
                section = text
                document.blocks.append(Block(text, section, None, is_heading=True))
            else:
                document.blocks.append(Block(text, section))
    return document


class _HTMLText(HTMLParser):
    BLOCKS = {
        "p",
        "li",
        "td",
        "th",
        "div",
        "br",
        "tr",
        "dd",
        "dt",
        "blockquote",
        "section",
        "article",
    }
    HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.section = ""
        self.title = ""
        self._buffer: list[str] = []
        self._skip = 0
        self._in_heading = False
        self._in_title = False

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        self._buffer = []
        if not text:
            return
        if self._in_heading:
            self.section = text
            self.blocks.append(Block(text, text, None, is_heading=True))
        else:
            self.blocks.append(Block(text, self.section))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "nav", "footer", "noscript"):
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag in self.HEADINGS:
            self._flush()
            self._in_heading = True
        elif tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "nav", "footer", "noscript"):
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in self.HEADINGS:
            self._flush()
            self._in_heading = False
        elif tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self._buffer.append(data)


def _read_html(name: str, data: bytes, limits: Limits) -> Document:
    parser = _HTMLText()
    parser.feed(_decode(data))
    parser.close()
    parser._flush()
    return Document(name=name, title=" ".join(parser.title.split()), blocks=parser.blocks)


def _read_text(name: str, data: bytes, limits: Limits) -> Document:
    text = _decode(data)
    if "\x00" in text:
        raise ExtractionError(
            f"{name} is not a text document we can read. Upload it as PDF, Word or text."
        )
    return Document(name=name, blocks=_blocks_from_text(text))


def _decode(data: bytes, strict: bool = True) -> str:
    """UTF-8 (with or without a byte-order mark), UTF-16 with a mark, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


BULLET = re.compile(r"^\s*(?:[-*•▪◦●o·–]|\(?[a-z0-9]{1,3}[.)])\s+")
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")


def _looks_like_heading(line: str) -> bool:
    stripped = BULLET.sub("", line).strip()
    if (
        not stripped
        or len(stripped) > 90
        or (stripped.endswith((".", ",", ";", ":")) and not stripped.isupper())
    ):
        return False
    words = stripped.split()
    if len(words) > 12:
        return False
    if stripped.isupper() and any(c.isalpha() for c in stripped):
        return True
    if (
        re.match(r"^(\d+(\.\d+)*\.?|[A-Z]\.|Section \d+|Part \d+)\s+[A-Z]", line.strip())
        and len(words) <= 8
    ):
        return not stripped.endswith((".", "?"))
    return False


def _stands_alone_as_heading(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 10
        and not BULLET.match(line)
        and line[0].isupper()
        and not line.rstrip().endswith((".", "?", "!", ",", ";", ":"))
    )


def _blocks_from_text(text: str, *, page: int | None = None, section: str = "") -> list[Block]:
    """Split plain text into headings, list items and paragraphs (lines wrapped inside a
    paragraph are joined again)."""
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        nonlocal section
        if len(paragraph) == 1 and _stands_alone_as_heading(paragraph[0]):
            # A short line on its own, with no full stop ("Social media"), is a heading.
            section = paragraph[0]
            blocks.append(Block(section, section, page, is_heading=True))
        elif paragraph:
            blocks.append(Block(" ".join(paragraph), section, page))
        paragraph.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        if MARKDOWN_HEADING.match(line) or _looks_like_heading(line):
            flush()
            section = MARKDOWN_HEADING.sub("", line).strip()
            blocks.append(Block(section, section, page, is_heading=True))
        elif BULLET.match(raw):
            flush()
            paragraph.append(line)
        else:
            paragraph.append(line)
    flush()
    return blocks
