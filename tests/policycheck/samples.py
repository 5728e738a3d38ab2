"""Build policy files in every format the check reads, and hostile ones, for the tests."""

import io
import zipfile

POLICY = """Online Safety Policy

1. CONTACT WITH YOUNG PEOPLE
Staff must only contact young people through the club WhatsApp group, and a parent is always copied in.
Staff will not reply to messages after 9pm or at weekends.

2. REPORTING
Any concern about something that happens online must be reported to the Designated Safeguarding Lead the same day.

3. REVIEW
This policy is reviewed every year by the trustees.
"""


def pdf(lines: list[str], *, encrypt_with: str | None = None) -> bytes:
    """A small PDF with a real text layer (one line of text per line)."""
    from pypdf import PdfReader, PdfWriter

    def escape(text: str) -> str:
        return text.replace("\\\\", "\\\\\\\\").replace("(", "\\\\(").replace(")", "\\\\)")

    body = (
        "BT /F1 11 Tf 40 800 Td 14 TL " + " ".join(f"({escape(line)}) '" for line in lines) + " ET"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(body)} >>\nstream\n{body}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{obj}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    data = out.getvalue()
    if encrypt_with is None:
        return data
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(encrypt_with)
    encrypted = io.BytesIO()
    writer.write(encrypted)
    return encrypted.getvalue()


def blank_pdf(pages: int = 2) -> bytes:
    """A PDF of pages with no text layer, like a scan."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx(text: str = POLICY) -> bytes:
    import docx as python_docx

    document = python_docx.Document()
    lines = [line for line in text.splitlines() if line.strip()]
    document.core_properties.title = lines[0]
    for line in lines[1:]:
        if line[0].isdigit() and line.isupper():
            document.add_heading(line, level=2)
        else:
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def odt(text: str = POLICY) -> bytes:
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    paragraphs = []
    for line in (line for line in text.splitlines() if line.strip()):
        tag = "text:h" if line.isupper() or line == text.splitlines()[0] else "text:p"
        paragraphs.append(f"<{tag}>{line.replace('&', '&amp;')}</{tag}>")
    content = (
        f'<?xml version="1.0"?><office:document-content {ns}><office:body><office:text>'
        f"{''.join(paragraphs)}</office:text></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return out.getvalue()


def html(text: str = POLICY) -> bytes:
    lines = [line for line in text.splitlines() if line.strip()]
    body = "".join(f"<h2>{line}</h2>" if line.isupper() else f"<p>{line}</p>" for line in lines[1:])
    return (
        f"<!DOCTYPE html><html><head><title>{lines[0]}</title><style>p {{color: red}}</style></head>"
        f"<body><nav>Home | About</nav><h1>{lines[0]}</h1>{body}<script>alert(1)</script></body></html>"
    ).encode()


def zip_bomb_docx(unpacked_mb: int = 200) -> bytes:
    """A .docx-shaped ZIP whose document unpacks to hundreds of megabytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(unpacked_mb):
                member.write(chunk)
    return out.getvalue()
