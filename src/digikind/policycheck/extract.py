"""Turn an uploaded file into a Document, safely.

The file's own bytes decide its type (a .docx that is really a PDF is read as a PDF).
Every limit is checked before the work it protects, so a hostile file costs bounded
memory and time, and every failure is an ExtractionError with a plain message that
says what to do next.
"""

import io
import logging
import re
import zipfile
import zlib
from copy import copy
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
    # The check's time grows with the text (about 7 seconds a million characters), so the
    # text is cut here, before the work: 400,000 characters is about 130 pages of policy.
    max_characters: int = 400_000
    max_unzipped_bytes: int = 60 * 1024 * 1024
    max_zip_ratio: int = 100
    max_zip_members: int = 3000
    # Counted before parsing: a long real policy has a few thousand paragraphs or tags.
    max_paragraphs: int = 50_000
    max_html_tags: int = 100_000
    # For the child process that reads each file (see sandbox.py).
    memory_mb: int = 512
    seconds: int = 60


DEFAULT_LIMITS = Limits()
MB = 1024 * 1024
CHUNK = 64 * 1024

KINDS = {"pdf": "PDF", "docx": "Word", "odt": "OpenDocument", "html": "web page", "text": "text"}
EXTENSIONS = {
    "pdf": {"pdf"},
    "docx": {"docx"},
    "odt": {"odt"},
    "html": {"html", "htm"},
    "text": {"txt", "md", "text", "markdown"},
}
READABLE = set().union(*EXTENSIONS.values())
SAY_WHAT_WE_READ = "Upload your policy as PDF, Word (.docx), OpenDocument (.odt), web page or text."


def extract(name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    if len(data) > limits.max_bytes:
        raise ExtractionError(
            f"{name} is {len(data) // MB} MB, more than the {limits.max_bytes // MB} MB "
            "Digikind reads. Save the policy without pictures, or as plain text, and upload that."
        )
    if not data.strip(b" \t\r\n\x00\x0b\x0c"):
        raise ExtractionError(f"The file {name} is empty. Choose the file that holds your policy.")
    kind = sniff(data, name)
    readers = {
        "pdf": _read_pdf,
        "docx": _read_docx,
        "odt": _read_odt,
        "html": _read_html,
        "text": _read_text,
    }
    document = readers[kind](name, data, limits)
    stated = _extension(name)
    # Plain text named .md or .html is still what its name says; text named .pdf is not.
    plain = EXTENSIONS["text"] | EXTENSIONS["html"]
    if stated and stated not in EXTENSIONS[kind] and not (kind == "text" and stated in plain):
        document.notes.insert(
            0,
            f"{name} is {_a(KINDS[kind])} file named .{stated}: "
            f"we read it as {_a(KINDS[kind])} file.",
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
    if total > limits.max_characters and not any("is very long" in n for n in document.notes):
        document.notes.append(_cut_note(name, limits))
    if not any(c.isalnum() for b in document.blocks for c in b.text):
        raise ExtractionError(
            f"We found no text in {name}. Check it is the policy and not a blank page."
        )
    if not document.title:
        document.title = next((b.text for b in document.blocks if b.text.strip()), name)[:200]
    document.title = document.title[:300]
    return document


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


# Other kinds of file people often upload by mistake, told apart by their first bytes.
NOT_POLICIES = [
    ((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*"), "picture"),
    ((b"\xd0\xcf\x11\xe0",), "old-office"),
    ((b"{\\rtf",), "rtf"),
    ((b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!", b"BZh", b"\xfd7zXZ"), "archive"),
    ((b"MZ", b"\x7fELF"), "program"),
]
NOT_POLICY_MESSAGES = {
    "picture": "{name} {is_} a picture, not a document. If your policy is only on paper or in "
    "a photo, type it out or ask for the Word version.",
    "old-office": "{name} {is_} an old Word file (.doc). Open it in Word, save it as .docx, "
    "then upload the new copy.",
    "rtf": "{name} {is_} a rich text file (.rtf). Open it in Word, save it as .docx, "
    "then upload the new copy.",
    "archive": "{name} {is_} a packed folder of files, not a policy. Unpack it, then upload "
    "the policy itself.",
    "program": "{name} {is_} a program, not a policy. " + SAY_WHAT_WE_READ,
    "zip": "{name} {is_} a ZIP file, not a policy. " + SAY_WHAT_WE_READ,
    "spreadsheet": "{name} {is_} a spreadsheet, not a policy. " + SAY_WHAT_WE_READ,
    "slides": "{name} {is_} a set of slides, not a policy. " + SAY_WHAT_WE_READ,
    "binary": "We cannot read {name}: it {is_} not a document. " + SAY_WHAT_WE_READ,
}


def _not_a_policy(kind: str, name: str) -> ExtractionError:
    """The message for a file that cannot hold a policy. When its name says it is a document
    ("policy.docx" that is really a photo), the message says so, so the person knows the name
    is wrong, not Digikind."""
    stated = _extension(name)
    named_as = next((k for k, found in EXTENSIONS.items() if stated in found), None)
    is_ = "is"
    if named_as is not None:
        is_ = f"ends in .{stated}, as {_a(KINDS[named_as])} file would, but is"
    return ExtractionError(NOT_POLICY_MESSAGES[kind].format(name=name, is_=is_))


def _a(word: str) -> str:
    return f"{'an' if word[0] in 'AEIOU' else 'a'} {word}"


def sniff(data: bytes, name: str = "This file") -> str:
    """The file's kind, from its own bytes; refuses kinds that cannot hold a policy."""
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    for starts, kind in NOT_POLICIES:
        if head.startswith(starts):
            raise _not_a_policy(kind, name)
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist()[: 10 * DEFAULT_LIMITS.max_zip_members])
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
            raise _damaged(name, "Word or OpenDocument file") from None
        if "word/document.xml" in names:
            return "docx"
        if "content.xml" in names:
            return "odt"
        if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
            raise _not_a_policy("spreadsheet", name)
        if "ppt/presentation.xml" in names:
            raise _not_a_policy("slides", name)
        raise _not_a_policy("zip", name)
    sample = _decode(head).lower()
    if _looks_binary(sample):
        raise _not_a_policy("binary", name)
    if re.search(r"<(html|body|p|h1|h2|div|article|main)[\s>]", sample):
        return "html"
    return "text"


def _looks_binary(text: str) -> bool:
    """More than one character in ten is a control character: not something people wrote."""
    if not text:
        return False
    control = sum(1 for c in text if (ord(c) < 32 and c not in "\t\n\r\f\v") or c == "\ufffd")
    return control * 10 > len(text)


def _damaged(name: str, kind: str) -> ExtractionError:
    return ExtractionError(
        f"{name} is a damaged {kind}: we could not open it. Open it on your computer and "
        "save it again (or export it again), then upload the new copy."
    )


def _too_big(name: str) -> ExtractionError:
    return ExtractionError(
        f"{name} unpacks to far more than a policy could be, so we stopped reading it. "
        "Open it and save it again as a normal Word file, or save it as PDF, then upload that."
    )


DECLARATIONS = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def _refuse_declarations(name: str, xml: bytes) -> None:
    """Word and OpenDocument files never declare a DOCTYPE or entities; a file that does may
    be built to expand without end ("billion laughs"), so it is refused before parsing. NUL
    bytes are dropped first so UTF-16 text is searched too."""
    if DECLARATIONS.search(xml) or DECLARATIONS.search(xml.replace(b"\x00", b"")):
        raise ExtractionError(
            f"{name} holds hidden instructions that could make it grow without end, so we "
            "did not open it. Open it and save it again as a normal Word file, then upload that."
        )


def _unzip(name: str, data: bytes, limits: Limits, kind: str) -> dict[str, bytes]:
    """Every member of the ZIP, read in small pieces with a running total: the sizes a ZIP
    declares are never trusted, and reading stops as soon as the total passes the limit."""
    budget = min(limits.max_unzipped_bytes, max(len(data), 1) * limits.max_zip_ratio)
    members: dict[str, bytes] = {}
    total = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > limits.max_zip_members:
                raise _too_big(name)
            for info in infos:
                if info.is_dir():
                    continue
                if info.flag_bits & 0x1:
                    raise ExtractionError(
                        f"{name} is locked with a password. Remove the password and upload "
                        "it again."
                    )
                # Deflate never makes data much bigger, so a member whose packed size is
                # larger than its unpacked size is lying about one of them.
                if (
                    info.file_size > budget - total
                    or info.compress_size > info.file_size * 2 + 1024
                ):
                    raise _too_big(name)
                content, total = _inflate(name, archive, info, total, budget)
                if info.filename.endswith((".xml", ".rels")):
                    _refuse_declarations(name, content)
                members[info.filename] = content
    except ExtractionError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError) as error:
        raise _damaged(name, kind) from error
    except (zlib.error, ValueError, OSError, EOFError, RuntimeError, KeyError) as error:
        raise _damaged(name, kind) from error
    return members


def _inflate(
    name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, total: int, budget: int
) -> tuple[bytes, int]:
    """One member, in small pieces, counting every byte. zipfile would stop at the declared
    size, so it is told the room left instead: a member that unpacks to more than it
    declared is a lie, and is refused as one."""
    probe = copy(info)
    probe.file_size = budget - total + 1
    pieces = []
    got = 0
    try:
        with archive.open(probe) as member:
            while piece := member.read(CHUNK):
                got += len(piece)
                if total + got > budget or got > info.file_size:
                    raise _too_big(name)
                pieces.append(piece)
    except zipfile.BadZipFile:  # the check of its contents (CRC) failed
        raise _damaged(name, "Word or OpenDocument file") from None
    if got != info.file_size:
        raise _damaged(name, "Word or OpenDocument file")
    return b"".join(pieces), total + got


def _count_paragraphs(name: str, xml: bytes, tag: bytes, limits: Limits) -> None:
    if xml.count(tag) > limits.max_paragraphs:
        raise ExtractionError(
            f"{name} has more than {limits.max_paragraphs:,} paragraphs, far more than a "
            "policy, so we did not read it. Upload just the policy, or save it as PDF."
        )


def _rezip(members: dict[str, bytes]) -> bytes:
    """A plain, unpacked ZIP of members already read within the limits, for python-docx."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
        for member_name, content in members.items():
            archive.writestr(member_name, content)
    return out.getvalue()


def _cut_note(name: str, limits: Limits) -> str:
    return f"{name} is very long; we checked the first {limits.max_characters:,} characters."


def _read_pdf(name: str, data: bytes, limits: Limits) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on damaged files are noise

    locked = ExtractionError(
        f"{name} is locked with a password. Remove the password and upload it again."
    )
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise locked
        pages = reader.pages
        if len(pages) > limits.max_pages:
            raise ExtractionError(
                f"{name} has {len(pages)} pages, more than the {limits.max_pages} we read. "
                "Upload just the policy pages."
            )
        title = reader.metadata.title if reader.metadata else None
        document = Document(name=name, title=str(title or ""))
        characters = 0
        for number, page in enumerate(pages, start=1):
            text = page.extract_text() or ""
            document.blocks.extend(_blocks_from_text(text, page=number))
            characters += len(text)
            if characters > limits.max_characters:
                document.notes.append(_cut_note(name, limits))
                break
    except ExtractionError:
        raise
    except FileNotDecryptedError:
        raise locked from None
    except NotImplementedError as error:  # pypdf cannot open some kinds of lock
        raise (locked if "crypt" in str(error).lower() else _damaged(name, "PDF")) from None
    except (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        RecursionError,
        IndexError,
        OSError,
        EOFError,
        zlib.error,
        AssertionError,
    ):
        raise _damaged(name, "PDF") from None
    if sum(len(b.text) for b in document.blocks) < 8 * len(pages):
        raise ExtractionError(
            f"We found no text in {name}: it may be a scan, made of pictures of pages. "
            "Upload the Word version, or run it through a tool that adds text (OCR) first."
        )
    return document


def _read_docx(name: str, data: bytes, limits: Limits) -> Document:
    import docx

    members = _unzip(name, data, limits, "Word file")
    _count_paragraphs(name, members.get("word/document.xml", b""), b"<w:p", limits)
    try:
        word = docx.Document(io.BytesIO(_rezip(members)))
    except Exception:  # python-docx raises many kinds for damaged files
        raise _damaged(name, "Word file") from None
    del members
    document = Document(name=name, title=word.core_properties.title or "")
    # paragraph.style searches every style each time (minutes for a long file), so the
    # names are looked up once and each paragraph's style id read from its XML.
    style_names = {style.style_id: (style.name or "").lower() for style in word.styles}
    section = ""
    characters = 0
    for paragraph in word.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = style_names.get(paragraph._p.style or "", "")
        if style.startswith(("heading", "title")) or _looks_like_heading(text):
            section = text
            document.blocks.append(Block(text, section, None, is_heading=True))
        else:
            document.blocks.append(Block(text, section))
        characters += len(text)
        if characters > limits.max_characters:
            return document
    for table in word.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.text.strip():
                    document.blocks.extend(_blocks_from_text(cell.text, section=section))
                    characters += len(cell.text)
                    if characters > limits.max_characters:
                        return document
    return document


ODT_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _read_odt(name: str, data: bytes, limits: Limits) -> Document:
    content = _unzip(name, data, limits, "OpenDocument file").get("content.xml", b"")
    _count_paragraphs(name, content, b"<text:", limits)
    try:
        # _unzip refused any DOCTYPE or entity declaration and bounded the size, and
        # ElementTree never fetches external entities.
        root = ElementTree.fromstring(content)  # noqa: S314
    except (ElementTree.ParseError, ValueError, RecursionError):
        raise _damaged(name, "OpenDocument file") from None
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
        self.characters = 0
        self.tags = 0
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
        self.characters += len(text)
        if self._in_heading:
            self.section = text
            self.blocks.append(Block(text, text, None, is_heading=True))
        else:
            self.blocks.append(Block(text, self.section))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags += 1
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
    """Fed in pieces, so reading stops once there is more text than the limit."""
    parser = _HTMLText()
    text = _decode(data)
    notes = []
    for start in range(0, len(text), CHUNK):
        parser.feed(text[start : start + CHUNK])
        if parser.characters > limits.max_characters or parser.tags > limits.max_html_tags:
            notes.append(_cut_note(name, limits))
            break
    parser.close()
    parser._flush()
    title = " ".join(parser.title[:1000].split())
    return Document(name=name, title=title, blocks=parser.blocks, notes=notes)


def _read_text(name: str, data: bytes, limits: Limits) -> Document:
    text = _decode(data)
    notes = []
    if len(text) > limits.max_characters:
        # Cut before the work of splitting, with a little room for blank lines.
        text = text[: limits.max_characters + limits.max_characters // 10]
        notes.append(_cut_note(name, limits))
    if _looks_binary(text[:100_000]):
        raise _not_a_policy("binary", name)
    text = text.replace("\x00", "")
    return Document(name=name, blocks=_blocks_from_text(text), notes=notes)


def _decode(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), UTF-16 with a mark or without one (told by
    its NUL bytes), else Windows-1252."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return data.decode("utf-32", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(b"\x00") * 3 > len(sample):
        even, odd = sample[0::2].count(b"\x00"), sample[1::2].count(b"\x00")
        encoding = "utf-16-le" if odd > even else "utf-16-be"
        return data[: len(data) // 2 * 2].decode(encoding, errors="replace")
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
