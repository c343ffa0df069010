"""Clean-up of text before parsing: one form for the same visible text.

Documents copied out of Word, PDF viewers and old web portals carry
decomposed letters (NFD), non-breaking and typographic spaces, zero-width
characters and the Icelandic Ð (U+00D0) standing in for the Vietnamese Đ
(U+0110), which looks the same on screen but defeats every string match.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE = " "
_TRANSLATE = {
    **{cp: _SPACE for cp in (0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, 0x180E)},
    **{cp: _SPACE for cp in range(0x2000, 0x200B)},  # en/em/thin/hair spaces
    **{cp: None for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x034F)},
    0x2028: "\n",  # line separator
    0x2029: "\n",  # paragraph separator
    0x000B: "\n",
    0x000C: "\n",  # form feed: page break from some PDF tools
    0x0085: "\n",
}
# Ð/ð at the start of a syllable: Icelandic never begins a word with it,
# Vietnamese Đ always does. Inside a word it is left alone.
# Finding the rare odd character first is much faster than translating
# every document character by character.
_ODD_RE = re.compile("[" + "".join(re.escape(chr(cp)) for cp in _TRANSLATE) + "]")
_ETH_RE = re.compile(r"(?<![^\W\d_])[Ðð]")
_ETH_FIX = {"Ð": "Đ", "ð": "đ"}


def normalize(text: str) -> str:
    """Return ``text`` in NFC with Vietnamese Đ, plain spaces and LF line ends."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD_RE.search(text):
        text = text.translate(_TRANSLATE)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "Ð" in text or "ð" in text:
        text = _ETH_RE.sub(lambda m: _ETH_FIX[m.group(0)], text)
    return text
