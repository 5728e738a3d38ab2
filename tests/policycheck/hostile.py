"""A corpus of hostile and broken files, made at test time (no binaries in git).

Each family is a function yielding (file name, bytes); `write_corpus(folder)` writes them
all. Run `python -m tests.policycheck.hostile FOLDER` to look at them by hand.
"""

import io
import random
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from tests.policycheck import samples, zips

Files = Iterator[tuple[str, bytes]]
MB = zips.MB
SENTENCE = "Staff must report any online concern to the safeguarding lead the same day. "
CONTENT_TYPES = zips.named("[Content_Types].xml", zips.deflated(b"<Types/>"))


def _docx(document: zips.Member, *extra: zips.Member) -> bytes:
    return zips.build([CONTENT_TYPES, zips.named("word/document.xml", document), *extra])


def _odt(content: zips.Member) -> bytes:
    return zips.build([zips.named("content.xml", content)])


def zip_bombs_that_tell_the_truth() -> Files:
    for megabytes in (70, 200, 600, 1200):
        bomb = zips.Member("", zips.zeros(megabytes), megabytes * MB)
        yield f"true-{megabytes}mb.docx", _docx(bomb)
        yield f"true-{megabytes}mb.odt", _odt(bomb)
    yield "true-python-zipfile.docx", samples.zip_bomb_docx(100)


def zip_bombs_that_lie() -> Files:
    for declared in (0, 1, 1024, 100 * 1024, MB, 8 * MB, 59 * MB):
        bomb = zips.Member("", zips.zeros(1200), declared)
        yield f"lying-{declared}.docx", _docx(bomb)
        yield f"lying-{declared}.odt", _odt(bomb)
    # The packed size lies too: it says 1 KB of the 1.2 MB stream.
    yield "lying-packed.docx", _docx(zips.Member("", zips.zeros(1200)[:1024], 100 * 1024))


def nested_zips() -> Files:
    inner = _docx(zips.Member("", zips.zeros(1000), 1000 * MB))
    good = samples.docx()
    for depth in (1, 2, 5):
        data = inner
        for level in range(depth):
            data = zips.build([zips.named(f"level{level}.zip", zips.deflated(data)), CONTENT_TYPES])
        yield f"nested-{depth}.docx", data
    with_bomb = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(with_bomb, "w") as out:
        for info in source.infolist():
            out.writestr(info, source.read(info))
        out.writestr("word/embeddings/bomb.docx", inner)
    yield "embedded-bomb.docx", with_bomb.getvalue()
    yield "zip-of-docx.zip", zips.build([zips.named("policy.docx", zips.deflated(good))])
    yield "zip-of-docx.docx", zips.build([zips.named("policy.docx", zips.deflated(good))])


def many_members() -> Files:
    empty = zips.deflated(b"")
    for count in (3_001, 20_000):
        members = [CONTENT_TYPES, zips.named("word/document.xml", zips.deflated(b"<w:document/>"))]
        members += [
            zips.named(f"word/media/{n}.bin", zips.Member("", empty.packed, 0))
            for n in range(count)
        ]
        yield f"members-{count}.docx", zips.build(members)


LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""
EXTERNAL = """<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"""


def entity_expansion() -> Files:
    for label, xml in (("laughs", LAUGHS), ("external", EXTERNAL)):
        for encoding in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
            data = xml.replace('version="1.0"?>', f'version="1.0" encoding="{encoding}"?>', 1)
            raw = data.encode(encoding)
            yield f"{label}-{encoding}.docx", _docx(zips.deflated(raw))
            yield f"{label}-{encoding}.odt", _odt(zips.deflated(raw))
        good = zips.named("word/document.xml", zips.deflated(b"<w:document/>"))
        for part in ("word/styles.xml", "[Content_Types].xml", "_rels/.rels", "docProps/core.xml"):
            members = [good, zips.named(part, zips.deflated(xml.encode()))]
            if part != "[Content_Types].xml":
                members.append(CONTENT_TYPES)
            yield f"{label}-in-{part.replace('/', '-')}.docx", zips.build(members)
    yield (
        "laughs-lowercase.docx",
        _docx(zips.deflated(LAUGHS.replace("DOCTYPE", "doctype").encode())),
    )


def pdfs() -> Files:
    good = samples.pdf(samples.POLICY.splitlines())
    yield "encrypted.pdf", samples.pdf(["Some policy text here."], encrypt_with="secret")
    yield "encrypted-named.docx", samples.pdf(["Some policy text."], encrypt_with="pw")
    for pages in (1, 3, 40):
        yield f"image-only-{pages}.pdf", samples.blank_pdf(pages)
    yield "too-many-pages.pdf", samples.blank_pdf(401)
    for cut in (10, 50, 100, 200, 300, 400, len(good) // 2, len(good) - 40, len(good) - 5):
        yield f"truncated-{cut}.pdf", good[:cut]
    rng = random.Random(7)
    for n in range(8):
        junk = bytes(rng.randrange(256) for _ in range(rng.choice([64, 2048, 50_000])))
        yield f"corrupt-{n}.pdf", b"%PDF-1.7\n" + junk
    yield "header-only.pdf", b"%PDF-1.4\n"
    yield "nested-arrays.pdf", b"%PDF-1.4\n1 0 obj\n" + b"[" * 100_000 + b"\nendobj\n%%EOF"
    yield "nested-dicts.pdf", b"%PDF-1.4\n1 0 obj\n" + b"<<" * 50_000 + b"\nendobj\n%%EOF"
    yield "xref-loop.pdf", good.replace(b"/Root 1 0 R", b"/Root 1 0 R /Prev 0")
    yield "self-parent.pdf", good.replace(b"/Parent 2 0 R", b"/Parent 3 0 R")
    yield "flate-bomb.pdf", _pdf_with_stream(zips.zeros(600), b"/Filter /FlateDecode")
    yield "bad-flate.pdf", _pdf_with_stream(b"\x78\x9c" + b"\xff" * 500, b"/Filter /FlateDecode")
    yield "huge-length.pdf", _pdf_with_stream(b"BT ET", b"", length=10**12)
    yield "pdf-after-junk.pdf", b"\x00" * 500 + good


def _pdf_with_stream(stream: bytes, filters: bytes, length: int | None = None) -> bytes:
    raw = stream
    body = b"\n".join(
        [
            b"%PDF-1.4",
            b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
            b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
            b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj",
            b"4 0 obj << /Length %d %s >> stream" % (length or len(raw), filters),
        ]
    )
    # A FlateDecode stream needs a zlib header around raw deflate data.
    if filters and not raw.startswith(b"\x78"):
        raw = b"\x78\x01" + raw
    return body + b"\n" + raw + b"\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def lying_extensions() -> Files:
    pdf = samples.pdf(["Staff must report concerns to the DSL the same day."])
    docx = samples.docx()
    for name in ("policy.docx", "policy.txt", "policy.html", "policy.odt", "policy"):
        yield f"pdf-as-{name}", pdf
    for name in ("policy.pdf", "policy.odt", "policy.txt"):
        yield f"docx-as-{name}", docx
    yield "odt-as-policy.docx", samples.odt()
    yield "html-as-policy.pdf", samples.html()
    yield "png-as-policy.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 500
    yield "exe-as-policy.docx", b"MZ\x90\x00" + b"\x00" * 500


def nul_bytes() -> Files:
    text = (SENTENCE * 20).encode()
    yield "few-nuls.txt", text[:500] + b"\x00" + text[500:]
    yield "nul-every-word.txt", text.replace(b" ", b" \x00")
    yield "mostly-nuls.txt", b"\x00" * 5000 + text[:100]
    yield "only-nuls.txt", b"\x00" * 5000
    yield "nul-then-text.html", b"\x00" * 20 + samples.html()
    yield "nuls-in-docx-xml.docx", _rewrite_docx(lambda xml: xml.replace(b"Staff", b"St\x00aff"))


def _rewrite_docx(change: Callable[[bytes], bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(samples.docx())) as source, zipfile.ZipFile(out, "w") as copy:
        for info in source.infolist():
            data = source.read(info)
            copy.writestr(info, change(data) if info.filename == "word/document.xml" else data)
    return out.getvalue()


def encodings() -> Files:
    text = samples.POLICY + "Don’t use “personal” phones – ever. Café crèche naïve. "
    yield "utf16-le-no-bom.txt", text.encode("utf-16-le")
    yield "utf16-be-no-bom.txt", text.encode("utf-16-be")
    yield "utf16-bom.txt", text.encode("utf-16")
    yield "utf16-odd-length.txt", text.encode("utf-16-le")[:-1]
    yield "utf32.txt", text.encode("utf-32")
    yield (
        "latin1.txt",
        text.replace("’", "'")
        .replace("“", '"')
        .replace("”", '"')
        .replace("–", "-")
        .encode("latin-1"),
    )
    yield "cp1252.txt", text.encode("cp1252")
    yield "mixed.txt", text.encode("utf-8") + text.encode("cp1252") + text.encode("utf-16-le")
    yield "bad-utf8.txt", b"Staff must \xc3\x28 report \xa0\xa1 concerns \xf0\x28\x8c\xbc daily."
    yield "overlong-utf8.txt", b"Staff must report \xc0\xaf\xe0\x80\xaf concerns."
    yield "surrogates.txt", b"Staff must report \xed\xa0\x80\xed\xb0\x80 concerns."
    yield "utf16-html-no-bom.html", samples.html().decode().encode("utf-16-le")
    yield (
        "bom-then-latin1.txt",
        b"\xef\xbb\xbf" + "Café policy: staff must report.".encode("latin-1"),
    )
    yield "utf7.txt", text.encode("utf-7")


def html_files() -> Files:
    for depth in (1_000, 50_000, 200_000):
        yield (
            f"nested-div-{depth}.html",
            b"<html><body>" + b"<div>" * depth + SENTENCE.encode() + b"</div>" * depth,
        )
    yield "unclosed.html", b"<html><body>" + b"<p><b><i><span>" * 20_000 + SENTENCE.encode()
    yield (
        "huge-attribute.html",
        b'<html><body><p title="' + b"a" * (3 * MB) + b'">' + SENTENCE.encode(),
    )
    yield "huge-comment.html", b"<html><body><!--" + b"x" * (3 * MB) + b"--><p>" + SENTENCE.encode()
    yield "unclosed-comment.html", b"<html><body><p>" + SENTENCE.encode() + b"<!--" + b"x" * MB
    yield (
        "only-script.html",
        b"<html><body><script>" + b"var a=1;" * 50_000 + b"</script></body></html>",
    )
    yield "entities.html", b"<html><body><p>" + b"&amp;&lt;&#65;&#x42;&nbsp;" * 100_000 + b"</p>"
    yield "doctype-laughs.html", LAUGHS.replace("w:document", "html").encode()
    yield (
        "huge-title.html",
        b"<html><head><title>" + b"T" * (2 * MB) + b"</title></head><body><p>" + SENTENCE.encode(),
    )
    yield (
        "many-paragraphs.html",
        b"<html><body>" + b"<p>" + SENTENCE.encode() * 1 + b"</p>" * 1 + (b"<p>a</p>" * 300_000),
    )


def huge_lines() -> Files:
    yield "one-letter-line.txt", b"a" * (5 * MB)
    yield "one-long-sentence.txt", (b"staff must report " * 300_000)
    yield "full-stops.txt", b"." * (3 * MB)
    yield "spaces-between.txt", b"Staff" + b" " * (4 * MB) + b"must report."
    yield "long-word-lines.txt", (b"x" * 50_000 + b"\n") * 60
    yield "bullets.txt", b"- " * (2 * MB)
    yield "headings.txt", b"1. A\n" * 400_000
    yield "markdown-hashes.txt", b"#" * (2 * MB)
    yield "blank-lines.txt", b"\n" * (5 * MB) + SENTENCE.encode()
    yield "carriage-returns.txt", SENTENCE.encode() + b"\r" * (3 * MB)
    yield "over-the-limit.txt", SENTENCE.encode() * (21 * MB // len(SENTENCE) + 1)


def empty_files() -> Files:
    for label, data in [
        ("empty", b""),
        ("space", b" "),
        ("whitespace", b" \n\t\r\n  \x0b\x0c"),
        ("bom-only", b"\xef\xbb\xbf"),
        ("utf16-bom-spaces", "   \n ".encode("utf-16")),
        ("nbsp-only", "\u00a0\u00a0\u2003\n".encode()),
        ("zero-width", "\u200b\u200b\ufeff".encode()),
    ]:
        for extension in ("txt", "docx", "pdf", "html"):
            yield f"{label}.{extension}", data
    yield "empty-body.html", b"<html><body></body></html>"
    yield "empty-docx.docx", samples.docx("Title only")
    yield "empty-odt.odt", samples.odt("   ")
    yield "empty-zip.docx", zips.build([])


def other_kinds() -> Files:
    yield "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\x00" * 1000
    yield "photo.gif", b"GIF89a" + b"\x00" * 500
    yield "scan.tiff", b"II*\x00" + b"\x00" * 500
    yield "picture.bmp", b"BM" + b"\x00" * 500
    yield "program.exe", b"MZ" + b"\x90" * 1000
    yield "program.elf", b"\x7fELF" + b"\x00" * 1000
    yield "archive.gz", b"\x1f\x8b\x08" + b"\x00" * 500
    yield "archive.7z", b"7z\xbc\xaf\x27\x1c" + b"\x00" * 500
    yield "archive.rar", b"Rar!\x1a\x07" + b"\x00" * 500
    yield "old-word.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000
    yield "rich.rtf", b"{\\rtf1\\ansi Staff must report concerns.}"
    yield "sheet.xlsx", zips.build([zips.named("xl/workbook.xml", zips.deflated(b"<workbook/>"))])
    yield "slides.pptx", zips.build([zips.named("ppt/presentation.xml", zips.deflated(b"<p/>"))])
    yield "book.epub", zips.build([zips.named("mimetype", zips.deflated(b"application/epub+zip"))])
    yield "locked.docx", _docx(zips.Member("", b"\x00" * 64, 64, flags=1))
    yield "bzip2-member.docx", _unusual_member(zipfile.ZIP_BZIP2)
    yield "lzma-member.docx", _unusual_member(zipfile.ZIP_LZMA)


def _unusual_member(method: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=method) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            "\0" * (100 * MB) if method == zipfile.ZIP_BZIP2 else "<w:document/>",
        )
    return out.getvalue()


def broken_office_files() -> Files:
    docx = samples.docx()
    odt = samples.odt()
    for fraction in (0.1, 0.3, 0.5, 0.7, 0.9, 0.99):
        yield f"truncated-{int(fraction * 100)}.docx", docx[: int(len(docx) * fraction)]
        yield f"truncated-{int(fraction * 100)}.odt", odt[: int(len(odt) * fraction)]
    rng = random.Random(11)
    for n in range(6):
        flipped = bytearray(docx)
        for _ in range(20):
            flipped[rng.randrange(200, len(flipped))] ^= 0xFF
        yield f"bit-flips-{n}.docx", bytes(flipped)
    yield "bad-xml.odt", _odt(zips.deflated(b"<office:document-content><unclosed"))
    yield "deep-xml.odt", _odt(zips.deflated(b"<a>" * 100_000 + b"</a>" * 100_000))
    yield "deep-xml.docx", _docx(zips.deflated(b"<a>" * 100_000 + b"</a>" * 100_000))
    yield "bad-crc.docx", _docx(zips.Member("", zips.deflated(b"<w:document/>").packed, 13, 12345))
    yield (
        "missing-document.docx",
        zips.build([CONTENT_TYPES, zips.named("word/document.xml", zips.Member("", b"", 0))]),
    )
    yield "giant-paragraph.docx", _docx_body(_paragraph(SENTENCE * 30_000))
    yield "many-paragraphs.docx", _docx_body(_paragraph("Staff must report.") * 50_000)
    yield "many-empty-paragraphs.docx", _docx_body(b"<w:p/>" * 500_000)


def _paragraph(text: str) -> bytes:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()


def _docx_body(paragraphs: bytes) -> bytes:
    return _rewrite_docx(lambda xml: xml.replace(b"</w:body>", paragraphs + b"</w:body>"))


def random_bytes() -> Files:
    rng = random.Random(3)
    for n in range(15):
        size = rng.choice([1, 7, 100, 4096, 100_000, MB])
        yield f"random-{n}.{rng.choice(['txt', 'pdf', 'docx', 'html', 'odt'])}", rng.randbytes(size)
    for n in range(5):
        yield f"random-zip-{n}.docx", b"PK\x03\x04" + rng.randbytes(rng.choice([10, 1000, 100_000]))


FAMILIES: list[Callable[[], Files]] = [
    zip_bombs_that_tell_the_truth,
    zip_bombs_that_lie,
    nested_zips,
    many_members,
    entity_expansion,
    pdfs,
    lying_extensions,
    nul_bytes,
    encodings,
    html_files,
    huge_lines,
    empty_files,
    other_kinds,
    broken_office_files,
    random_bytes,
]


def write_corpus(folder: Path) -> list[Path]:
    written = []
    for family in FAMILIES:
        place = folder / family.__name__
        place.mkdir(parents=True, exist_ok=True)
        for name, data in family():
            path = place / name
            assert not path.exists(), f"two files named {path}"
            path.write_bytes(data)
            written.append(path)
    return written


if __name__ == "__main__":
    paths = write_corpus(Path(sys.argv[1]))
    print(f"Wrote {len(paths)} hostile files to {sys.argv[1]}")
