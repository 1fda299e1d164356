"""Bytes to text: detect binary files, decode with a fixed fallback chain.

Order: a byte-order mark decides (utf-8-sig, utf-16); then strict utf-8, then
strict cp1252 (Windows "ANSI", the usual non-UTF-8 source of news text), then
latin-1, which decodes anything. The encoding used is reported per file, so a
cp1252/latin-1 fallback is visible in the load report.
"""

from __future__ import annotations

import re

#: magic numbers of common binary formats found in scraped folders
MAGIC = {
    b"%PDF": "PDF", b"\x89PNG": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF8": "GIF", b"PK\x03\x04": "ZIP/Office",
    b"\x1f\x8b": "gzip", b"BZh": "bzip2", b"\xfd7zXZ": "xz", b"7z\xbc\xaf": "7z", b"RIFF": "RIFF media",
    b"\x7fELF": "ELF executable", b"PAR1": "Parquet", b"SQLite format 3": "SQLite", b"\xd0\xcf\x11\xe0": "MS Office",
}
BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
FALLBACKS = ("utf-8", "cp1252", "latin-1")
#: Unicode category Cc minus the usual text controls (tab, newlines, form feed)
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
#: share of control characters above which decoded text is taken for binary
MAX_CONTROL_SHARE = 0.10  # random bytes as latin-1 are ~23% controls; text with a stray C1 byte is far below


class NotText(ValueError):
    """The bytes are not text (binary file)."""


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) for ``data``; raise :class:`NotText` for binary data."""
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            raise NotText(f"binary file ({kind})")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), encoding), encoding
            except UnicodeDecodeError:
                break
    head = data[:8192]
    if b"\x00" in head:
        if (encoding := _utf16_without_bom(head)) is not None:
            try:
                return _checked(data.decode(encoding), encoding), encoding
            except UnicodeDecodeError:
                pass
        # a stray NUL (one bad CSV row) is text with a fault, which the readers
        # and the cleaner handle; many NULs are a binary file
        if head.count(b"\x00") > max(2, len(head) // 200):
            raise NotText("binary file (NUL bytes)")
    for encoding in FALLBACKS:
        try:
            return _checked(data.decode(encoding), encoding), encoding
        except UnicodeDecodeError:
            continue
    raise NotText("undecodable bytes")  # unreachable: latin-1 decodes everything


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when NULs sit in every other byte, as Latin
    text in UTF-16 has them (``"K\\0y\\0i\\0v\\0"``), else None."""
    even, odd = head[0::2], head[1::2]
    if len(odd) < 4:
        return None
    if odd.count(0) >= 0.6 * len(odd) and even.count(0) <= 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.6 * len(even) and odd.count(0) <= 0.05 * len(odd):
        return "utf-16-be"
    return None


def _checked(text: str, encoding: str) -> str:
    sample = text[:20000]
    if sample:
        controls = len(CONTROL.findall(sample))
        if controls / len(sample) > MAX_CONTROL_SHARE:
            raise NotText(f"binary file ({controls} control characters in the first {len(sample)} as {encoding})")
    return text
