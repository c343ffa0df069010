"""Regular expressions and tables shared by the readers, compiled once.

Parsing speed matters (the benchmark target is 500 letters a second), so
every pattern lives here at module level.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

# Character classes for Vietnamese letters; Python's re has no \p{Lu}.
_BASES = "aăâeêioôơuưy"
_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_VN_LOWER = sorted(
    {unicodedata.normalize("NFC", b + m) for b in _BASES for m in _MARKS} | {"đ"}
)
LOWER = "a-z" + "".join(c for c in _VN_LOWER if not c.isascii())
UPPER = "A-Z" + "".join(c.upper() for c in _VN_LOWER if not c.isascii())
CAP_WORD = rf"[{UPPER}][{LOWER}]*"

DASH = "[-–—]"

# --- numbers and symbols --------------------------------------------------------
# Party: number, hyphen, type, slash, issuer  (752-CV/TU, 31-QĐ/TW).
_PARTY_CODE = (
    r"(?P<pn>\d{1,5}[A-Za-z]?)(?:[ \t]*-[ \t]*|[ \t]+(?=[A-ZĐ][A-Za-zĐđ]{0,5}/))(?P<ptype>[A-ZĐ][A-Za-zĐđ]{0,5})[ \t]*/[ \t]*"
    r"(?P<piss>[A-ZĐƯ][A-ZĐƯa-z0-9]*(?:-[A-ZĐƯ][A-ZĐƯa-z0-9]*)*)"
)
# State: number, optional year, symbol with hyphens (454/UBND-NCTH, 45/2010/NĐ-CP).
_STATE_CODE = (
    r"(?P<sn>\d{1,5}[a-z]?)[ \t]*/[ \t]*(?:(?P<year>(?:19|20)\d\d)[ \t]*/[ \t]*)?"
    r"(?P<ssym>[A-ZĐ][A-Za-zĐđ0-9]*(?:[ \t]*-[ \t]*\n?[ \t]*[A-ZĐ][A-Za-zĐđ0-9&]*|\.[A-ZĐ][A-Za-zĐđ0-9]*)*"
    # a joint document's two-part symbol: 01/QCPH/UBND-UBMTTQ, 19/2008/NQLT/CP-UBTUMTTQVN
    r"(?:/[A-ZĐ]{2,}(?:-[A-ZĐ][A-Za-zĐđ0-9]*)+)?)"
)
# A code ends before a letter, digit or slash; a PDF copy glues the next word
# ("70-TB/TWngày 06 tháng 01").
_CODE_END = r"(?:(?![\w/])|(?=ngày))"
# The leading (?=\d) lets the engine skip non-digits before trying the lookbehind.
CODE_RE = re.compile(rf"(?=\d)(?<![\w/.])(?:{_PARTY_CODE}|{_STATE_CODE}){_CODE_END}")
# "Số 752-CV/TU", "Số: 454/UBND-NCTH", "số31-QĐ/TW"
# A lowercase "số" counts only at the start of a line: mid-line it is a
# citation in the subject ("Chỉ thị số 17-CT/TW"), not the document's own number.
# Before the 1990s a State number was "21-NV", "130-CP": number, hyphen, symbol, no slash.
_OLD_CODE = r"(?P<on>\d{1,5})[ \t]*[-–][ \t]*(?P<osym>[A-ZĐ][A-Za-zĐđ]{1,5}(?:-[A-Z0-9]{1,6})*)"
# Old copies glue the number to its type: "Số: 01NQ/UBTVQH9" (read only after "Số").
_GLUED_CODE = r"(?P<gn>\d{1,5})(?P<gsym>(?:NQ|QĐ|CT|TB|KH|BC|HD|NĐ|TT)/[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*)"
# "Số: 752-CV/TU"; a lowercase "số" with a colon ("Nghị quyết số: 653/2019/UBTVQH14") too.
HEADER_CODE_RE = re.compile(
    rf"(?:(?<![{LOWER}{UPPER}])S[ốỐ]|(?m:^)[ \t]*s[ốỐ]|s[ốỐ](?=[ \t]*:))[ \t]*[:.]?(?:[ \t]*|[ \t]*\n[ \t]*(?=\d))"
    rf"(?:{_PARTY_CODE}|{_STATE_CODE}|{_OLD_CODE}|{_GLUED_CODE}){_CODE_END}"
)
# An old-style number cited in the text, only after "số" ("nghị định số 130 –CP").
OLD_CODE_RE = re.compile(rf"(?<=số )(?:{_OLD_CODE})(?![\w/])")
_SPACES_RE = re.compile(r"\s+")
# OCR reads the W of TW as Ư (and the U of a Tỉnh ủy's TU as Ư too: see local_tu).
_OCR_TW_RE = re.compile(r"^TƯ$")
# "ngày" with its tone mark misplaced by a copy-scrambling site ("ngàỷ 24/01/2025").
NGAY = r"ng[aàáảãạ][yỳýỷỹỵ]"
_LOCAL_COMMITTEE_RE = re.compile(r"^(?:Ban\s+Thường\s+vụ\s+)?(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+[ủu][yỷ]", re.IGNORECASE)


_PARTY_AS_STATE_RE = re.compile(r"^([A-ZĐ][A-Za-zĐđ]{0,5})-(TW|TƯ|TU|HU|QU|ĐU)$")


def local_tu(code: str, raw_issuer_part: str | None, issuer: str | None) -> str:
    """"445-KL/TƯ" of a Tỉnh ủy is its TU misread, not the Central Committee's TW."""
    if raw_issuer_part == "TƯ" and issuer and _LOCAL_COMMITTEE_RE.match(issuer) and code.endswith("/TW"):
        return code[:-2] + "TU"
    return code


def code_parts(match: re.Match[str]) -> tuple[str, str, str, str, str | None]:
    """(code, number, symbol, type abbreviation, system) from a code match.

    For a State legal document the year is part of the code but not of the
    symbol: 45/2010/NĐ-CP has number 45 and symbol NĐ-CP.
    """
    if "gn" in match.re.groupindex and match.group("gn"):
        symbol = match.group("gsym")
        return f"{match.group('gn')}{symbol}", match.group("gn"), symbol, symbol.split("/", 1)[0], "state"
    if "on" in match.re.groupindex and match.group("on"):
        symbol = match.group("osym")
        return f"{match.group('on')}-{symbol}", match.group("on"), symbol, symbol.split("-", 1)[0], "state"
    if match.group("pn"):
        number = match.group("pn")
        kind = match.group("ptype")
        issuer = _OCR_TW_RE.sub("TW", match.group("piss"))
        symbol = f"{kind}/{issuer}"
        return f"{number}-{symbol}", number, symbol, kind, "party"
    number = match.group("sn")
    symbol = _SPACES_RE.sub("", match.group("ssym"))
    if "-" not in symbol:
        # "QĐ.TTg" in old copies stands for QĐ-TTg; a dot inside a hyphenated symbol is printed
        # so ("QC-TT.HĐND-UBND": the Standing Committee of the Council; "TTr-PGD.Q8").
        symbol = symbol.replace(".", "-")
    year = match.group("year")
    party = _PARTY_AS_STATE_RE.match(symbol) if not year else None
    if party and party.group(1) in TYPE_BY_ABBR:
        # "217/QĐ-TW", "22/CT-TW": a Party number printed in the State's form; TW, TU or HU
        # name a Party committee, never a State body.
        kind, issuer = party.group(1), _OCR_TW_RE.sub("TW", party.group(2))
        return f"{number}-{kind}/{issuer}", number, f"{kind}/{issuer}", kind, "party"
    code = f"{number}/{year}/{symbol}" if year else f"{number}/{symbol}"
    kind = symbol.split("-", 1)[0]
    return code, number, symbol, kind, "state"


# Type abbreviation -> doc_type (domain.md §5).
TYPE_BY_ABBR = {
    "CV": "cong_van", "CT": "chi_thi", "KH": "ke_hoach", "HD": "huong_dan",
    "QĐ": "quyet_dinh", "QyĐ": "quy_dinh", "QĐi": "quy_dinh", "QC": "quy_che",
    "TB": "thong_bao", "NQ": "nghi_quyet", "KL": "ket_luan", "BC": "bao_cao",
    "NĐ": "nghi_dinh", "TT": "thong_tu", "TTr": "to_trinh", "CTr": "chuong_trinh",
}
# Abbreviations of other known types (plan, scheme, minutes, invitation ...).
OTHER_ABBR = frozenset(
    {"PA", "ĐA", "BB", "GM", "GGT", "BS", "HĐ", "GUQ", "PL", "GCN", "GNP", "PC", "PG", "PTr", "TC"}
)
TYPE_LABEL = {
    "CV": "Công văn", "CT": "Chỉ thị", "KH": "Kế hoạch", "HD": "Hướng dẫn",
    "QĐ": "Quyết định", "QyĐ": "Quy định", "QĐi": "Quy định", "QC": "Quy chế",
    "TB": "Thông báo", "NQ": "Nghị quyết", "KL": "Kết luận", "BC": "Báo cáo",
    "NĐ": "Nghị định", "TT": "Thông tư", "TTr": "Tờ trình", "CTr": "Chương trình",
}
# Title lines ("KẾ HOẠCH") -> doc_type.
TYPE_BY_TITLE = {
    "CÔNG VĂN": "cong_van", "CHỈ THỊ": "chi_thi", "KẾ HOẠCH": "ke_hoach",
    "HƯỚNG DẪN": "huong_dan", "QUYẾT ĐỊNH": "quyet_dinh", "QUY ĐỊNH": "quy_dinh",
    "QUY CHẾ": "quy_che", "THÔNG BÁO": "thong_bao", "NGHỊ QUYẾT": "nghi_quyet",
    "KẾT LUẬN": "ket_luan", "BÁO CÁO": "bao_cao", "NGHỊ ĐỊNH": "nghi_dinh",
    "THÔNG TƯ": "thong_tu", "TỜ TRÌNH": "to_trinh", "CHƯƠNG TRÌNH": "chuong_trinh",
    "PHƯƠNG ÁN": "other", "ĐỀ ÁN": "other", "BIÊN BẢN": "other", "GIẤY MỜI": "other",
    "LUẬT": "other", "PHÁP LỆNH": "other", "SẮC LỆNH": "other", "ĐIỀU LỆ": "other",
    # Titles of two words more: the subject starts on the next line, not with "HÀNH ĐỘNG".
    "CHƯƠNG TRÌNH HÀNH ĐỘNG": "chuong_trinh", "CHƯƠNG TRÌNH PHỐI HỢP": "chuong_trinh",
    "THÔNG TƯ LIÊN TỊCH": "thong_tu", "NGHỊ QUYẾT LIÊN TỊCH": "nghi_quyet", "KẾ HOẠCH LIÊN TỊCH": "ke_hoach",
    "HƯỚNG DẪN LIÊN TỊCH": "huong_dan", "THÔNG BÁO KẾT LUẬN": "thong_bao",
}
_TITLE_ALT = "|".join(sorted(TYPE_BY_TITLE, key=len, reverse=True))
# The title stands alone or is followed by its subject; "QUYẾT ĐỊNH:" with a
# colon is the enacting formula of the body, not a title.
TITLE_RE = re.compile(rf"^(?P<title>{_TITLE_ALT})(?![{UPPER}{LOWER}])(?![ \t]*:)[ \t]*(?P<rest>.*)$")


def doc_type_for(kind: str, system: str) -> str:
    if kind in TYPE_BY_ABBR:
        return TYPE_BY_ABBR[kind]
    if kind.upper() in TYPE_BY_ABBR and kind.isupper():
        return TYPE_BY_ABBR[kind.upper()]
    if kind in OTHER_ABBR or system == "party":
        return "other"
    return "cong_van"  # a State symbol without a type is a công văn (454/UBND-NCTH)


# --- headers --------------------------------------------------------------------
PARTY_MOTTO_RE = re.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM", re.IGNORECASE)
STATE_MOTTO_RE = re.compile(
    r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM"
    r"|VIỆT\s+NAM\s+DÂN\s+CHỦ\s+CỘNG\s+H(?:ÒA|OÀ)"  # before 1976
    rf"|Độc\s+lập\s*{DASH}+\s*Tự\s+do\s*{DASH}+\s*Hạnh\s+phúc",
    re.IGNORECASE,
)
# "ngày 12 tháng 10 năm 2012" (days may be left blank on a template)
# Also "Hà Nội, 06 tháng 10 năm 1998" without "ngày", and a model's "ngày … tháng … năm …".
DATE_WORDS_RE = re.compile(
    r"(?:ngày[\s.…]*|(?<=, )(?=\d{1,2}\s*tháng))(?P<d>\d{1,2})?[\s.…]*tháng[\s.…]*(?P<m>\d{1,2})?[\s.…]*năm"
    r"[ \t]*(?:(?P<y>\d{4})|[.…]+)",
    re.IGNORECASE,
)


def date_words(text: str) -> re.Match[str] | None:
    """DATE_WORDS_RE.search, skipping at once the many lines without "tháng"."""
    if "tháng" not in text and "THÁNG" not in text and "Tháng" not in text:
        return None
    return DATE_WORDS_RE.search(text)


DATE_NUM = r"(?P<nd>\d{1,2})\s*[/.-]\s*(?P<nm>\d{1,2})\s*[/.-]\s*(?P<ny>\d{4})"
HEADER_NUM_DATE_RE = re.compile(rf"ngày\s+{DATE_NUM}(?!\d)", re.IGNORECASE)
SEPARATOR_RE = re.compile(r"^[\s\-_=*~.·•+–—]*$")
VV_RE = re.compile(r"^(?:V/[vV]|V\.v|Về\s+việc)\b")
KINH_GUI_RE = re.compile(r"^Kính\s+gửi\s*:?\s*", re.IGNORECASE)
NOI_NHAN_RE = re.compile(r"^Nơi\s+nhận\s*:?\s*", re.IGNORECASE)
BULLET_RE = re.compile(r"^[-–—+•*▪●◦]\s*")

# --- dates in running text ------------------------------------------------------
DATE_ANY = (
    r"(?:(?P<ad>\d{1,2})\s*[/.-]\s*(?P<am>\d{1,2})\s*[/.-]\s*(?P<ay>\d{4}|(?:19|20)[ ]\d\d(?!\d))"
    r"|(?P<wd>\d{1,2})\s*tháng\s*(?P<wm>\d{1,2})\s*năm\s*(?P<wy>\d{4}))"
)


def iso_date(day: str | int | None, month: str | int | None, year: str | int | None) -> str | None:
    """ISO string for a calendar date, None if any part is missing or invalid."""
    if not (day and month and year):
        return None
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def date_from_any(match: re.Match[str]) -> str | None:
    if match.group("ad"):
        # "16/7/20 21": a PDF copy splits the year
        return iso_date(match.group("ad"), match.group("am"), match.group("ay").replace(" ", ""))
    return iso_date(match.group("wd"), match.group("wm"), match.group("wy"))


def collapse(text: str) -> str:
    """Single spaces, no line breaks, trimmed."""
    return " ".join(text.split())

# --- numbered items of the body -------------------------------------------------
DIEU_RE = re.compile(r"^Điều\s+(?P<n>\d{1,3})\s*[.:]\s*")
ROMAN_RE = re.compile(r"^(?P<n>(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))\s*[.)–—-]\s*(?=\S)")
ARABIC_RE = re.compile(r"^(?P<n>\d{1,2})\s*(?:[.)/](?!\d)|[-–—](?!\d))\s*(?=\S)")
LETTER_RE = re.compile(r"^(?P<n>[a-zđ])\s*[).]\s*(?=\S)")
SUBNUM_RE = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s")
PART_RE = re.compile(
    r"^(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+(?:[IVXLC]+|\d+)\b"
    r"|^(?:Phần|PHẦN)\s+(?:thứ|THỨ)\s+(?:nhất|hai|ba|tư|năm|sáu|NHẤT|HAI|BA|TƯ|NĂM|SÁU)\b"
)
ROMAN_VALUES = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8,
                "IX": 9, "X": 10, "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15}
COLUMN_SPLIT_RE = re.compile(r"[ \t]*\|[ \t]*|\t+|[ ]{3,}")
