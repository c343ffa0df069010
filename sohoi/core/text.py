"""Vietnamese text utilities: comparison that ignores diacritics, case and spacing."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s/-]", re.UNICODE)


def fold(text: str | None) -> str:
    """'Ban Dân vận Thành ủy' -> 'ban dan van thanh uy': the key used to compare names."""
    if not text:
        return ""
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
