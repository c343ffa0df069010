"""Vietnamese alphabetical order for sorting names: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
and tones after the base letter (none, huyền, hỏi, ngã, sắc, nặng), compared only when the letters are equal.

Written here because no well-kept library gives a sort key that a database can index: ICU (PyICU) needs a C
library on the server, and database collations differ between SQLite and PostgreSQL. The key is made of
digits only, so it sorts the same under SQLite's binary order and any PostgreSQL collation.
"""

from __future__ import annotations

import unicodedata

# Primary order: separator, digits, then the Vietnamese alphabet (f, j, w, z kept for foreign words).
_LETTERS = [" ", *"0123456789", "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l",
            "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
_PRIMARY = {ch: f"{10 + i:02d}" for i, ch in enumerate(_LETTERS)}
# Combining marks of the five tones, in dictionary order (no mark = 0).
_TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}
# Marks that make a distinct letter (ă, â/ê/ô, ơ/ư) are kept in the primary letter.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
MAX_CHARS = 250
KEY_LENGTH = MAX_CHARS * 3 + 1


def _split(ch: str) -> tuple[str, str]:
    """'ẫ' -> ('â', '3'): the letter with its letter-forming marks, and the tone digit."""
    if ch in "đĐ":
        return "đ", "0"
    parts = unicodedata.normalize("NFD", ch.lower())
    tone = "0"
    base = ""
    for p in parts:
        if p in _TONES:
            tone = _TONES[p]
        elif unicodedata.combining(p) and p not in _LETTER_MARKS:
            continue
        else:
            base += p
    return unicodedata.normalize("NFC", base), tone


def sort_key(text: str | None) -> str:
    """A string of digits that sorts `text` in Vietnamese order (letters first, then tones)."""
    primary: list[str] = []
    tones: list[str] = []
    last_space = True
    for ch in unicodedata.normalize("NFC", text or "")[:MAX_CHARS]:
        if ch.isspace() or not ch.isalnum():
            if not last_space:
                primary.append(_PRIMARY[" "])
                last_space = True
            continue
        base, tone = _split(ch)
        code = _PRIMARY.get(base)
        if code is None:  # a letter from another alphabet: its base Latin letter, or skipped
            code = _PRIMARY.get(unicodedata.normalize("NFD", base)[:1])
            if code is None:
                continue
        primary.append(code)
        tones.append(tone)
        last_space = False
    while primary and primary[-1] == _PRIMARY[" "]:
        primary.pop()
    return "".join(primary) + "0" + "".join(tones)
