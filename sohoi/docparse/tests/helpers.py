"""Test helpers: fixture paths and encoders that turn Unicode into the legacy
font encodings the package must read back.

The encoders are written independently of the package's decoding tables
(TCVN3 as a literal byte table, VNI from Unicode decomposition), so a test
that round-trips through both checks two separate readings of the standards.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES / "752-CV-TU.txt"


def fixture(name: str) -> Path:
    return FIXTURES / name


# --- TCVN3 (ABC) ------------------------------------------------------------------
# Each row: the letter without tone, then huyền, hỏi, ngã, sắc, nặng; the bytes
# the ABC fonts use for them.
_TCVN3_ROWS = (
    ("aàảãáạ", b"a\xb5\xb6\xb7\xb8\xb9"),
    ("ăằẳẵắặ", b"\xa8\xbb\xbc\xbd\xbe\xc6"),
    ("âầẩẫấậ", b"\xa9\xc7\xc8\xc9\xca\xcb"),
    ("eèẻẽéẹ", b"e\xcc\xce\xcf\xd0\xd1"),
    ("êềểễếệ", b"\xaa\xd2\xd3\xd4\xd5\xd6"),
    ("iìỉĩíị", b"i\xd7\xd8\xdc\xdd\xde"),
    ("oòỏõóọ", b"o\xdf\xe1\xe2\xe3\xe4"),
    ("ôồổỗốộ", b"\xab\xe5\xe6\xe7\xe8\xe9"),
    ("ơờởỡớợ", b"\xac\xea\xeb\xec\xed\xee"),
    ("uùủũúụ", b"u\xef\xf1\xf2\xf3\xf4"),
    ("ưừửữứự", b"\xad\xf5\xf6\xf7\xf8\xf9"),
    ("yỳỷỹýỵ", b"y\xfa\xfb\xfc\xfd\xfe"),
    ("đ", b"\xae"),
    ("ĂÂÊÔƠƯĐ", b"\xa1\xa2\xa3\xa4\xa5\xa6\xa7"),
)
_TCVN3 = {ch: bytes([code]) for letters, codes in _TCVN3_ROWS for ch, code in zip(letters, codes, strict=True)}


def tcvn3_encode(text: str) -> bytes:
    """Unicode -> TCVN3 bytes as typed with the ABC fonts.

    ABC has no toned capitals: in capitals the lowercase code was typed in
    the all-caps font (.VnTimeH), which is what this does.
    """
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in _TCVN3:
            out += _TCVN3[ch]
        elif ch.lower() in _TCVN3 and not ch.isascii():
            out += _TCVN3[ch.lower()]
        else:
            out += ch.encode("ascii")
    return bytes(out)


# --- VNI-Windows ------------------------------------------------------------------
_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
_CIRCUMFLEX, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_TONE_BYTE = {_ACUTE: 0xF9, _GRAVE: 0xF8, _HOOK: 0xFB, _TILDE: 0xF5, _DOT: 0xEF, None: None}
_CIRC_BYTE = {None: 0xE2, _ACUTE: 0xE1, _GRAVE: 0xE0, _HOOK: 0xE5, _TILDE: 0xE3, _DOT: 0xE4}
_BREVE_BYTE = {None: 0xEA, _ACUTE: 0xE9, _GRAVE: 0xE8, _HOOK: 0xFA, _TILDE: 0xFC, _DOT: 0xEB}
_I_BYTE = {_ACUTE: 0xED, _GRAVE: 0xEC, _HOOK: 0xE6, _TILDE: 0xF3, _DOT: 0xF2}


def _vni_letter(ch: str) -> bytes:
    if ch in "đĐ":
        return bytes([0xF1 if ch == "đ" else 0xD1])
    parts = unicodedata.normalize("NFD", ch)
    base, marks = parts[0], set(parts[1:])
    upper = base.isupper()
    shift = 0x20 if upper else 0
    tone = next((m for m in (_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT) if m in marks), None)
    lower = base.lower()
    if lower == "i" and tone:
        return bytes([_I_BYTE[tone] - shift])
    if lower == "y" and tone == _DOT:
        return bytes([0xEE - shift])
    if _HORN in marks:
        head = bytes([(0xF4 if lower == "o" else 0xF6) - shift])
        return head + (bytes([_TONE_BYTE[tone] - shift]) if tone else b"")
    if _CIRCUMFLEX in marks:
        return base.encode() + bytes([_CIRC_BYTE[tone] - shift])
    if _BREVE in marks:
        return base.encode() + bytes([_BREVE_BYTE[tone] - shift])
    if tone:
        return base.encode() + bytes([_TONE_BYTE[tone] - shift])
    return base.encode("ascii")


def vni_encode(text: str) -> bytes:
    """Unicode -> VNI-Windows bytes."""
    return b"".join(_vni_letter(ch) for ch in unicodedata.normalize("NFC", text))


# --- cp1258 -----------------------------------------------------------------------
_TONES = {_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT}


def cp1258_encode(text: str) -> bytes:
    """Windows-1258: letters with their hat or horn precomposed, tones combining."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in parts if m in _TONES)
        rest = unicodedata.normalize("NFC", "".join(m for m in parts if m not in _TONES))
        out.append(rest + tones)
    return "".join(out).encode("cp1258")
