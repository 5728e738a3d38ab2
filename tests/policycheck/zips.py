"""Write ZIP files by hand, so a test can make one whose directory lies about its sizes."""

import io
import struct
import zlib
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass
class Member:
    name: str
    packed: bytes  # raw deflate data (or the bytes themselves when stored)
    size: int  # the unpacked size the ZIP declares, true or not
    crc: int = 0
    deflated: bool = True
    flags: int = 0


def deflated(content: bytes) -> Member:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return Member("", packer.compress(content) + packer.flush(), len(content), zlib.crc32(content))


def zeros(megabytes: int) -> bytes:
    """Raw deflate data that unpacks to `megabytes` MB of zeros, made quickly: one megabyte
    is packed once, fully flushed so it stands alone, and repeated."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    one = packer.compress(b"\0" * MB) + packer.flush(zlib.Z_FULL_FLUSH)
    return one * megabytes + b"\x03\x00"


def build(members: list[Member]) -> bytes:
    out = io.BytesIO()
    central = []
    for member in members:
        offset = out.tell()
        name = member.name.encode()
        method = 8 if member.deflated else 0
        header = struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            20,
            member.flags,
            method,
            0,
            0x21,
            member.crc,
            len(member.packed),
            member.size,
            len(name),
            0,
        )
        out.write(header + name + member.packed)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                member.flags,
                method,
                0,
                0x21,
                member.crc,
                len(member.packed),
                member.size,
                len(name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + name
        )
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(
        struct.pack(
            "<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), start, 0
        )
    )
    return out.getvalue()


def named(name: str, member: Member) -> Member:
    member.name = name
    return member
