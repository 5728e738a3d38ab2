"""QR codes as standalone SVG images, for review links and the shared agreement."""

import io

import segno
from django.http import HttpResponse


def qr_svg_response(url: str, title: str) -> HttpResponse:
    """An SVG served as an image, so it needs its namespace (segno's inline SVG has none
    and browsers then show a broken image)."""
    out = io.BytesIO()
    segno.make(url, error="m").save(
        out, kind="svg", scale=4, xmldecl=False, svgns=True, title=title, nl=False
    )
    return HttpResponse(out.getvalue(), content_type="image/svg+xml")
