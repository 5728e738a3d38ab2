"""Word and OpenDocument files are ZIPs: one that lies about its sizes, or unpacks without
end, is stopped early with a plain message, in a child process with a memory limit."""

import zlib
from copy import copy

import pytest

from digikind.policycheck import ExtractionError, Limits, extract
from digikind.policycheck.sandbox import read_in_child
from tests.policycheck import samples, zips

TOO_BIG = "unpacks to far more than a policy could be"
PEAK_KB = 200 * 1024


def docx_with(document: zips.Member) -> bytes:
    return zips.build(
        [
            zips.named("[Content_Types].xml", zips.deflated(b"<Types/>")),
            zips.named("word/document.xml", document),
        ]
    )


@pytest.mark.parametrize("declared", [100 * 1024, 1200 * 1024 * 1024])
def test_a_bomb_is_stopped_whatever_size_it_declares(declared):
    # 1.2 MB that unpacks to 1.2 GB, declaring 100 KB (a lie) or 1.2 GB (the truth)
    bomb = docx_with(zips.Member("", zips.zeros(1200), declared))
    reading = read_in_child("policy.docx", bomb)
    assert reading.document is None
    assert reading.error.startswith(f"policy.docx {TOO_BIG}, so we stopped reading it.")
    assert 0 < reading.peak_rss_kb < PEAK_KB
    assert reading.seconds < 10


def test_many_small_members_that_add_up_are_stopped():
    # Each member alone is fine (1 MB); together they pass the 60 MB limit.
    one = zips.Member("", zips.zeros(1), zips.MB, zlib.crc32(b"\0" * zips.MB))
    members = [zips.named("[Content_Types].xml", zips.deflated(b"<Types/>"))]
    members += [zips.named(f"word/media/{n}.bin", copy(one)) for n in range(80)]
    members.append(zips.named("word/document.xml", zips.deflated(b"<w:document/>")))
    with pytest.raises(ExtractionError, match=TOO_BIG):
        extract("policy.docx", zips.build(members), Limits(max_zip_ratio=10_000))


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_entity_declarations_are_refused_before_parsing(encoding):
    xml = BILLION_LAUGHS.decode().encode(encoding)
    with pytest.raises(ExtractionError, match="hidden instructions that could make it grow"):
        extract("policy.docx", docx_with(zips.deflated(xml)))
    with pytest.raises(ExtractionError, match="hidden instructions"):
        extract("policy.odt", zips.build([zips.named("content.xml", zips.deflated(xml))]))


def test_a_child_that_needs_more_memory_than_allowed_gets_a_plain_message():
    reading = read_in_child("policy.txt", samples.POLICY.encode() * 5000, Limits(memory_mb=1))
    assert reading.document is None
    assert TOO_BIG in reading.error


def test_a_child_that_takes_too_long_is_stopped():
    reading = read_in_child("policy.docx", samples.docx(), Limits(seconds=0))
    assert reading.document is None
    assert reading.error.startswith("policy.docx took too long to read, so we stopped.")


def test_a_good_file_comes_back_whole_from_the_child():
    reading = read_in_child("policy.docx", samples.docx())
    assert reading.error == ""
    assert reading.document.title == "Online Safety Policy"
    assert "2. REPORTING" in [b.text for b in reading.document.blocks]
