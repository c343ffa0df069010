"""Clean-up of text before parsing: one form for the same visible text.

Documents copied out of Word, PDF viewers and old web portals carry
decomposed letters (NFD), non-breaking and typographic spaces, zero-width
characters and the Icelandic Ð (U+00D0) standing in for the Vietnamese Đ
(U+0110), which looks the same on screen but defeats every string match.
"""

from __future__ import annotations

import html
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
# An article body served as raw HTML ("Ng&agrave;y 5/1/2017 ... <br />"): a portal
# that stores markup in a text field. Entities become letters, line tags line breaks.
_HTML_HINT_RE = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5});|<(?:br|p|div|span|html|body)\b", re.IGNORECASE)
_HTML_BREAK_RE = re.compile(r"<\s*(?:br|/p|p|/div|div)\b[^>]*>", re.IGNORECASE)
_HTML_TAG_RE = re.compile(r"<[a-zA-Z/!][^<>]{0,400}>")
# "26-TB/T.Ư": the Party's Trung ương abbreviated with a dot, as newspapers print it.
_DOTTED_TW_RE = re.compile(r"(?<=/)T\.\s?Ư(?![\w.])")


def _strip_html(text: str) -> str:
    text = _HTML_BREAK_RE.sub("\n", text)
    text = _HTML_TAG_RE.sub("", text)
    return html.unescape(text)


def normalize(text: str) -> str:
    """Return ``text`` in NFC with Vietnamese Đ, plain spaces and LF line ends."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD_RE.search(text):
        text = text.translate(_TRANSLATE)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if ("&" in text or "<" in text) and _HTML_HINT_RE.search(text):
        text = _strip_html(text)
        if _ODD_RE.search(text):  # &nbsp; became U+00A0
            text = text.translate(_TRANSLATE)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    if "Ð" in text or "ð" in text:
        text = _ETH_RE.sub(lambda m: _ETH_FIX[m.group(0)], text)
    if "T.Ư" in text or "T. Ư" in text:
        text = _DOTTED_TW_RE.sub("TW", text)
    return text
