"""Legacy Vietnamese font encodings (TCVN3/ABC and VNI-Windows) to Unicode.

Before Unicode (government offices until about 2017) Vietnamese was typed in
8-bit "font encodings": the bytes are ordinary Latin-1 code points, so a
document read as Unicode shows garbage such as "Thµnh ñy" (TCVN3) or
"Thaønh uûy" (VNI). Both tables below were written for this package from the
encoding definitions:

* TCVN3 / ABC: TCVN 5712:1993, character set VN3, the one used by the
  ".Vn" fonts (.VnTime, .VnArial). One byte per precomposed lowercase letter
  plus seven base capitals; capitals with a tone were typed with the same
  lowercase codes in an all-caps font (.VnTimeH). The VN1 variant places
  some toned capitals in the gaps of the VN3 table; those are added too.
* VNI-Windows: the VNI fonts (VNI-Times). A base letter followed by one
  modifier byte for the tone (and circumflex/breve); a few letters (ơ ư đ,
  the toned i, ỵ) are single bytes. Capitals use the modifier byte minus 0x20.

Which encoding a text is in is decided by trying both and keeping the one
whose result looks most like Vietnamese (see ``repair_legacy``).
"""

from __future__ import annotations

import re
import unicodedata

# Combining marks in the order TCVN3 lists tones: huyền, hỏi, ngã, sắc, nặng.
_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
_TCVN3_TONE_ORDER = (_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT)


def _compose(base: str, mark: str = "") -> str:
    return unicodedata.normalize("NFC", base + mark)


# --- TCVN3 (VN3) --------------------------------------------------------------
# Byte values of each vowel's five toned forms, in _TCVN3_TONE_ORDER.
_TCVN3_TONED_ROWS = (
    ("a", (0xB5, 0xB6, 0xB7, 0xB8, 0xB9)),
    ("ă", (0xBB, 0xBC, 0xBD, 0xBE, 0xC6)),
    ("â", (0xC7, 0xC8, 0xC9, 0xCA, 0xCB)),
    ("e", (0xCC, 0xCE, 0xCF, 0xD0, 0xD1)),
    ("ê", (0xD2, 0xD3, 0xD4, 0xD5, 0xD6)),
    ("i", (0xD7, 0xD8, 0xDC, 0xDD, 0xDE)),
    ("o", (0xDF, 0xE1, 0xE2, 0xE3, 0xE4)),
    ("ô", (0xE5, 0xE6, 0xE7, 0xE8, 0xE9)),
    ("ơ", (0xEA, 0xEB, 0xEC, 0xED, 0xEE)),
    ("u", (0xEF, 0xF1, 0xF2, 0xF3, 0xF4)),
    ("ư", (0xF5, 0xF6, 0xF7, 0xF8, 0xF9)),
    ("y", (0xFA, 0xFB, 0xFC, 0xFD, 0xFE)),
)
# Untoned letters with a diacritic: capitals at 0xA1-0xA7, lowercase at 0xA8-0xAE.
_TCVN3_PLAIN = "ĂÂÊÔƠƯĐăâêôơưđ"
# VN1 capitals that some files carry in the gaps of the VN3 table.
_TCVN3_VN1_GAPS = {
    0xAF: "Ằ", 0xBA: "Ẳ", 0xBF: "Ẵ", 0xC0: "Ắ", 0xC1: "Ầ", 0xC2: "Ẩ",
    0xC3: "Ẫ", 0xC4: "Ấ", 0xC5: "Ề", 0xCD: "Ể", 0xD9: "Ễ", 0xDA: "Ế",
    0xDB: "Ồ", 0xE0: "Ổ", 0xF0: "Ỗ", 0xFF: "Ố",
}


def _build_tcvn3() -> dict[int, str]:
    table: dict[int, str] = {}
    for base, codes in _TCVN3_TONED_ROWS:
        for code, mark in zip(codes, _TCVN3_TONE_ORDER, strict=True):
            table[code] = _compose(base, mark)
    for offset, letter in enumerate(_TCVN3_PLAIN):
        table[0xA1 + offset] = letter
    table.update(_TCVN3_VN1_GAPS)
    # Keyed by the Latin-1 character the byte shows up as.
    return {code: char for code, char in table.items()}


TCVN3_TABLE: dict[int, str] = _build_tcvn3()

# --- VNI-Windows ----------------------------------------------------------------
# Lowercase modifier bytes; the capital form of each is the byte minus 0x20.
_VNI_TONE = {_ACUTE: "ù", _GRAVE: "ø", _HOOK: "û", _TILDE: "õ", _DOT: "ï"}
_VNI_CIRCUMFLEX = {"": "â", _ACUTE: "á", _GRAVE: "à", _HOOK: "å", _TILDE: "ã", _DOT: "ä"}
_VNI_BREVE = {"": "ê", _ACUTE: "é", _GRAVE: "è", _HOOK: "ú", _TILDE: "ü", _DOT: "ë"}
# Letters that are one byte on their own.
_VNI_SINGLE = {"ơ": "ô", "ư": "ö", "đ": "ñ", "í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î"}


def _upper_byte(ch: str) -> str:
    return chr(ord(ch) - 0x20)


def _build_vni() -> dict[str, str]:
    """Map each VNI byte sequence (as Latin-1 text) to its Unicode letter."""
    lower: dict[str, str] = {}
    for base in "aeouy":
        for mark, mod in _VNI_TONE.items():
            lower[base + mod] = _compose(base, mark)
    for base in "aeo":
        for mark, mod in _VNI_CIRCUMFLEX.items():
            lower[base + mod] = _compose(base + "\u0302", mark)
    for mark, mod in _VNI_BREVE.items():
        lower["a" + mod] = _compose("a\u0306", mark)
    for letter, code in (("ơ", "ô"), ("ư", "ö")):
        for mark, mod in _VNI_TONE.items():
            lower[code + mod] = _compose(letter, mark)
    for letter, code in _VNI_SINGLE.items():
        lower[code] = letter
    table: dict[str, str] = {}
    for seq, letter in lower.items():
        table[seq] = letter
        upper_seq = "".join(c.upper() if c.isascii() else _upper_byte(c) for c in seq)
        table[upper_seq] = letter.upper()
        if len(seq) == 2:
            # Capital base with a lowercase modifier also occurs in old files.
            table[upper_seq[0] + seq[1]] = letter.upper()
    return table


VNI_TABLE: dict[str, str] = _build_vni()
_VNI_RE = re.compile(
    "|".join(re.escape(k) for k in sorted(VNI_TABLE, key=len, reverse=True))
)

# --- Detection ------------------------------------------------------------------
# Letters that exist only in Vietnamese Unicode text (never in Latin-1).
_VIET_RE = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]")
# Latin-1 characters that plain Vietnamese Unicode text does not use; legacy
# text is full of them. The Vietnamese Latin-1 letters (à á â ã è é ...) and
# common symbols (° « ») are left out.
_WEIRD_RE = re.compile("[\u0080-\u009f\u00a1-\u00aa\u00ac-\u00af\u00b1-\u00ba\u00bc-\u00bf"
                       "\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de-\u00df"
                       "\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]")
_ASCII_LOWER_RE = re.compile("[a-z]")


def _is_caps_word(word: str) -> bool:
    return len(word) >= 2 and word.isalpha() and word.isupper()
_WORD_RE = re.compile(r"[^\W\d_]+")


# Frequent syllables of administrative Vietnamese that carry a diacritic. A
# wrong decoding also yields Vietnamese letters, but in nonsense syllables;
# counting real ones tells the right decoding from the wrong ones.
_COMMON_WORDS = """của và các được những người năm thành phố hội nhân dân đảng thực hiện tổ chức việc ngày
    tháng có không này để với đã về là ủy nội vụ số một trên đến tại đồng chí cấp quản lý kế
    hoạch báo cáo nhiệm chỉ đạo thị hướng dẫn phối hợp chủ trì tỉnh huyện xã phường quận sở cơ
    đơn vị nhà nước chính phủ trị động hoạt triển đối kết quả tình hình tăng cường thường
    xuyên viên cán bộ trách công văn đề nghị yêu cầu ban hành quyết định tế mặt trận quốc
    việt đoàn thể điều lệ giao trong địa bàn đây rằng cũng như sau"""
_COMMON = frozenset(_COMMON_WORDS.split())
_SYLLABLE_RE = re.compile(r"[^\W\d_]+")


def _common_hits(text: str) -> int:
    return sum(1 for word in _SYLLABLE_RE.findall(text.lower()) if word in _COMMON)


def _score(text: str) -> tuple[int, int]:
    """How Vietnamese a decoded text reads: real syllables first, then letters."""
    return _common_hits(text), len(_VIET_RE.findall(text)) - 2 * len(_WEIRD_RE.findall(text))


def _caps_word(match: re.Match[str]) -> str:
    word = match.group(0)
    if any(c.isupper() for c in word[1:]):
        return word.upper()
    return word


def _fix_caps_font(text: str) -> str:
    """Restore capitals typed in a TCVN3 all-caps font with lowercase codes.

    "THµNH ñY" decodes to "THàNH ủY": a word with a capital after its first
    letter is upper-cased, and so is a whole line with no ASCII lowercase
    that has some word in capitals ("BÍ THƯ" arrives as "Bí THƯ"; "Số
    22-CV/QU" has no such word and is left alone).
    """
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _ASCII_LOWER_RE.search(line) is None and any(_is_caps_word(w) for w in line.split()):
            lines[i] = line.upper()
        else:
            lines[i] = _WORD_RE.sub(_caps_word, line)
    return "\n".join(lines)


# Toned vowels: VN3 has no capital code for them, so a typist wrote the capital
# with the lowercase code in the all-caps font (.VnTimeH) for that one letter.
# Read back, "Ủy ban nhân dân" at the head of a sentence is "ủy ban nhân dân".
_TONED = "".join(
    sorted(c for c in TCVN3_TABLE.values() if c.islower() and unicodedata.decomposition(c) and c not in _TCVN3_PLAIN)
)
_SENTENCE_HEAD_RE = re.compile(
    rf"(?m)(^[ \t]*(?:(?:[-–—+•*]|\d{{1,3}}[ \t]*[-.)/]|[a-zđ]\))[ \t]*)?|[.!?][ \t]+)([{_TONED}])"
)
# "ủy ban" naming a body ("Ủy ban nhân dân", "Ủy ban Mặt trận", "Ủy ban Kiểm tra") mid-sentence.
_BODY_RE = re.compile(r"(?<![\w])(?<!các )(?<!những )ủy(?= ban (?:nhân dân|Mặt trận|Kiểm tra|Thường vụ|MTTQ))")


def _restore_capitals(text: str) -> str:
    text = _SENTENCE_HEAD_RE.sub(lambda m: m.group(1) + m.group(2).upper(), text)
    return _BODY_RE.sub("Ủy", text)


def tcvn3_to_unicode(text: str) -> str:
    return _restore_capitals(_fix_caps_font(text.translate(TCVN3_TABLE)))


def vni_to_unicode(text: str) -> str:
    return _VNI_RE.sub(lambda m: VNI_TABLE[m.group(0)], text)


_CONVERTERS = (("TCVN3", tcvn3_to_unicode), ("VNI", vni_to_unicode))


# A letter no 8-bit font encoding can hold (ị, ế, ư, đ ...): the line is Unicode already.
_UNICODE_LETTER_RE = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]")


def repair_legacy(text: str) -> tuple[str, str | None]:
    """Convert text typed in TCVN3 or VNI to Unicode.

    Returns the text and the name of the encoding it was converted from, or
    None when it already was Unicode (or is not Vietnamese at all).
    """
    weird = len(_WEIRD_RE.findall(text))
    if weird < 3:
        return text, None
    viet = len(_VIET_RE.findall(text))
    if viet >= 4 * weird:
        return text, None  # Unicode Vietnamese with a few odd symbols
    original_hits = _common_hits(text)
    best_score, best_text, best_name = _score(text), text, None
    for name, convert in _CONVERTERS:
        out = convert(text)
        score = _score(out)
        if score > best_score:
            best_score, best_text, best_name = score, out, name
    # Convert only when it makes clearly more real Vietnamese words.
    if best_name is not None and best_score[0] < max(2, original_hits + 2):
        return text, None
    if best_name is not None and _UNICODE_LETTER_RE.search(text):
        # A page that mixes both (a portal's Unicode title above an old file's text): the
        # lines already in Unicode, or plain ASCII, are kept; decoding them would garble them.
        convert = dict(_CONVERTERS)[best_name]
        best_text = "\n".join(
            line if _UNICODE_LETTER_RE.search(line) or line.isascii() else convert(line)
            for line in text.split("\n")
        )
    return best_text, best_name


def score_vietnamese(text: str) -> tuple[int, int]:
    """How Vietnamese-looking a decoded text is (used to choose a code page)."""
    return _score(text)
