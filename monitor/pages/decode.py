"""Bytes to text: the charset the page declares, else a guess (windows-1251 is common)."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.-]+)""", re.I)


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(raw: bytes, header: str | None = None) -> str | None:
    """The charset from a Content-Type header value, a BOM, an XML declaration or a meta tag."""
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if header:
        match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", header, re.I)
        if match and _known(match.group(1)):
            return _known(match.group(1))
    head = raw[:4096]
    for pattern in (XML_ENCODING, META_CHARSET):
        found = pattern.search(head)
        if found:
            name = _known(found.group(1).decode("ascii", "replace"))
            if name:
                return name
    return None


def decode_html(raw: bytes, header: str | None = None) -> str:
    """Decode a page; a wrong declaration falls back to detection, never to an exception."""
    charset = declared_charset(raw, header)
    if charset:
        try:
            return raw.decode(charset).lstrip("\ufeff")
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1251"
    return raw.decode(encoding, errors="replace")
