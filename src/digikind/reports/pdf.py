"""Turn a page of HTML into a PDF with WeasyPrint, using only files Digikind ships."""

from pathlib import Path

import weasyprint
from weasyprint.urls import URLFetchingError

STYLESHEET = Path(__file__).with_name("print.css")


def _no_fetching(url: str, timeout: int = 10, ssl_context: object = None) -> dict[str, object]:
    # A report must never reach out to the network or read files it was not given.
    raise URLFetchingError(f"Digikind does not fetch {url} when it makes a PDF.")


def html_to_pdf(html: str) -> bytes:
    document = weasyprint.HTML(string=html, url_fetcher=_no_fetching)
    return bytes(document.write_pdf(stylesheets=[weasyprint.CSS(filename=str(STYLESHEET))]))
