"""Which script a letter or a word is written in."""

from __future__ import annotations

from typing import Literal

Script = Literal["latin", "cyrillic", "georgian", "armenian", "arabic", "other"]


def script_of_char(ch: str) -> Script:
    code = ord(ch)
    if 0x0400 <= code <= 0x04FF:
        return "cyrillic"
    if 0x10A0 <= code <= 0x10FF or 0x1C90 <= code <= 0x1CBF:
        return "georgian"
    if 0x0530 <= code <= 0x058F or 0xFB13 <= code <= 0xFB17:
        return "armenian"
    if 0x0600 <= code <= 0x06FF:
        return "arabic"
    if ch.isascii() or 0x00C0 <= code <= 0x024F or 0x0250 <= code <= 0x02AF:
        return "latin"
    return "other"


def script_of(text: str) -> Script:
    """The script most letters of ``text`` are written in ("latin" when there are none)."""
    counts: dict[Script, int] = {}
    for ch in text:
        if ch.isalpha():
            script = script_of_char(ch)
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return "latin"
    return max(counts.items(), key=lambda item: item[1])[0]


def is_cyrillic(text: str) -> bool:
    """Whether ``text`` holds any Cyrillic letter."""
    return any("\u0400" <= ch <= "\u04ff" for ch in text)
