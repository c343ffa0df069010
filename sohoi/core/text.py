"""Vietnamese text utilities: comparison that ignores diacritics, case and spacing."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Invisible characters that make two names look identical while comparing different: zero-width
# (U+200B-U+200D, U+2060, U+FEFF) and bidirectional controls (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069).
# A name pasted from a web page or typed to slip past the duplicate check loses them before folding.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
_PUNCT = re.compile(r"[^\w\s/-]", re.UNICODE)


def fold(text: str | None) -> str:
    """'Ban Dân vận Thành ủy' -> 'ban dan van thanh uy': the key used to compare names."""
    if not text:
        return ""
    text = _INVISIBLE.sub("", text)
    text = unicodedata.normalize("NFC", text).replace("Ð", "Đ").replace("ð", "đ")
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    stripped = _PUNCT.sub(" ", stripped.lower())
    return _SPACES.sub(" ", stripped).strip()


def squash(text: str | None) -> str:
    """Collapse runs of whitespace to single spaces (NFC)."""
    if not text:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
