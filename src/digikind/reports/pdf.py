"""Turn a page of HTML into a PDF with WeasyPrint, using only files Digikind ships."""

from pathlib import Path

STYLESHEET = Path(__file__).with_name("print.css")


class PdfUnavailable(Exception):
    """This server cannot make PDFs; the message says what the operator should install."""


def _no_fetching(url: str, timeout: int = 10, ssl_context: object = None) -> dict[str, object]:
    from weasyprint.urls import URLFetchingError

    # A report must never reach out to the network or read files it was not given.
    raise URLFetchingError(f"Digikind does not fetch {url} when it makes a PDF.")


def html_to_pdf(html: str) -> bytes:
    # Imported here so the rest of Digikind runs on a server without Pango.
    try:
        import weasyprint
    except OSError as error:
        raise PdfUnavailable(
            "This server cannot make PDFs yet. Ask whoever runs it to install Pango "
            "(on Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0). "
            "You can print this page from your browser instead."
        ) from error
    document = weasyprint.HTML(string=html, url_fetcher=_no_fetching)
    # PDF/UA-1: tagged, so a screen reader can follow headings, lists and tables.
    return bytes(
        document.write_pdf(
            stylesheets=[weasyprint.CSS(filename=str(STYLESHEET))], pdf_variant="pdf/ua-1"
        )
    )
