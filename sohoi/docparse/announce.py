"""The document a reprint announces in its lead, when its header is missing.

Newspapers, portals and notice boards often drop the header block and say
instead: "Ngày 15/1/2019, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số
114-KH/TU về ...", "Ban biên tập giới thiệu toàn văn Nghị quyết số 10-NQ/TU,
ngày 18/8/2021 của ...", "... đã ký Chỉ thị của Ban Bí thư về ... (Chỉ thị số
55-CT/TW ngày 22/12/2025)". That sentence gives the document's own number,
date and type, and whether it is the Party's or the State's. A citation
("Thực hiện Kế hoạch số ...", "Căn cứ ...") is not an announcement.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from . import patterns as p

# How far into the text a lead sentence is looked for.
_LEAD_LIMIT = 3000
_VERB = (
    r"(?:ký\s+ban\s+hành|ban\s+hành|(?:đã|vừa)\s+có|giới\s+thiệu\s+toàn\s+văn|đăng\s+toàn\s+văn"
    r"|trích\s+đăng|đã\s+ký|vừa\s+ký)"
)
_TYPE_WORDS = sorted((t.lower() for t in p.TYPE_BY_TITLE), key=len, reverse=True)
_TYPE_ALT = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in _TYPE_WORDS)
_ANNOUNCE_RE = re.compile(
    rf"(?<!\w){_VERB}\s+(?P<type>{_TYPE_ALT}|văn\s+bản)(?:\s+hành\s+động)?(?!\w)", re.IGNORECASE
)
_NUMBER_AT_RE = re.compile(r"\s+số\s*:?\s*", re.IGNORECASE)
_PAREN_RE = re.compile(rf"\(\s*(?:{_TYPE_ALT}|văn\s+bản)\s+số\s*:?\s*", re.IGNORECASE)
_DATE_AFTER_RE = re.compile(r"\s*,?\s*(?:ngày|ngay)\s+" + p.DATE_ANY, re.IGNORECASE)
_DATE_RE = re.compile(r"(?<!\w)[Nn]gày\s+" + p.DATE_ANY)
_CITATION_START_RE = re.compile(r"^\W*(?:Căn\s+cứ|Thực\s+hiện|Theo\s|Tiếp\s+theo|Triển\s+khai)", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"\n|[.!?](?=\s)")
# Bodies that tell a Party document from a State one when no motto or number does.
PARTY_BODY_RE = re.compile(
    r"Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư|Ban\s+Chấp\s+hành\s+(?:Trung\s+ương|Đảng\s+bộ)"
    r"|(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s+[ủu][yỷ]|Chi\s+bộ|Đảng\s+đoàn|Ban\s+cán\s+sự\s+đảng"
    r"|Văn\s+phòng\s+Trung\s+ương\s+Đảng"
    r"|Ban\s+(?:Tuyên\s+giáo|Dân\s+vận|Tổ\s+chức|Kinh\s+tế|Nội\s+chính|Đối\s+ngoại)(?:\s+và\s+Dân\s+vận)?"
    r"\s+(?:Trung\s+ương|(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s+[ủu][yỷ])",
    re.IGNORECASE,
)
_STANDING_RE = re.compile(r"(?:Ban\s+Thường\s+vụ|Thường\s+trực)\s+", re.IGNORECASE)


def is_party_body(name: str) -> bool:
    """Whether ``name`` opens with a Party body ("BAN THƯỜNG VỤ TỈNH ỦY", "Bộ Chính trị")."""
    standing = _STANDING_RE.match(name)
    return PARTY_BODY_RE.match(name, standing.end() if standing else 0) is not None


# The lead-in of an enacting sentence: "Ngày 8/1/2020, Ban Thường vụ ...".
_LEAD_IN_RE = re.compile(rf"(?:Ngày\s+{p.DATE_ANY}\s*,?\s*)?(?:Ban\s+Thường\s+vụ\s+|Thường\s+trực\s+)?")


@dataclass
class Announced:
    code: str | None = None
    number: str | None = None
    symbol: str | None = None
    kind: str | None = None  # the number's type abbreviation ("KH")
    system: str | None = None
    doc_type: str | None = None
    date: str | None = None


def _sentence(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in _SENTENCE_END_RE.finditer(text, 0, pos):
        start = m.end()
    m = _SENTENCE_END_RE.search(text, pos)
    return start, (m.start() if m else len(text))


def _date_before(text: str, start: int, verb: int) -> str | None:
    """The last full date of the sentence before its verb, not one that dates a citation."""
    found = None
    for m in _DATE_RE.finditer(text, start, verb):
        between = text[m.end() : verb]
        if p.CODE_RE.search(between):
            continue
        head = text[max(start, m.start() - 3) : m.start()]
        if "," in head and p.CODE_RE.search(text[max(start, m.start() - 40) : m.start()]):
            continue  # "Kết luận số 102-KL/TW, ngày 22/9/2014": the citation's date
        found = p.date_from_any(m)
    return found


def _system_of(phrase: str) -> str | None:
    if PARTY_BODY_RE.search(phrase):
        return "party"
    return None


# A headline naming the document by type and number: "Quyết định số 290-QĐ/TW, ngày
# 25/02/2010 của Bộ Chính trị ...", "KẾT LỦẬN 127-KL/TW CỦÀ BỘ CHÍNH TRỊ ..." (tone marks
# scrambled by the site: the type is compared without them).
_HEADLINE_RE = re.compile(
    rf"^[ \t]*(?P<words>[{p.UPPER}][{p.UPPER}{p.LOWER}]*(?:\s+[{p.UPPER}{p.LOWER}]+)?)\s+(?:số\s*:?\s*)?(?=\d)"
)
_HEADLINE_LINES = 2


def _bare(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).upper().split())


def find_headline(lines: list[str]) -> Announced | None:
    """The document a page's headline names by its type and number."""
    seen = 0
    for line in lines:
        if not line.strip():
            continue
        seen += 1
        if seen > _HEADLINE_LINES or line.rstrip().endswith(":"):
            break
        m = _HEADLINE_RE.match(line)
        code_match = p.CODE_RE.match(line, m.end()) if m else None
        if code_match is None:
            continue
        code, number, symbol, kind, system = p.code_parts(code_match)
        label = p.TYPE_LABEL.get(kind)
        if label is None or _bare(m.group("words")) != _bare(label):
            continue
        found = Announced(code, number, symbol, kind, system, p.TYPE_BY_ABBR.get(kind))
        after = _DATE_AFTER_RE.match(line, code_match.end())
        if after:
            found.date = p.date_from_any(after)
        return found
    return None


def find_announced(text: str, own_code: str | None = None) -> Announced | None:
    """The document a lead sentence of ``text`` announces, if any.

    With ``own_code`` (a number read elsewhere) only a sentence announcing
    that number counts: it supplies a missing date or type.
    """
    lead = text[:_LEAD_LIMIT]
    for m in _ANNOUNCE_RE.finditer(lead):
        start, end = _sentence(lead, m.start())
        if _CITATION_START_RE.match(lead[start : m.start()]):
            continue
        found = Announced()
        type_word = " ".join(m.group("type").lower().split())
        code_match = None
        date = None
        num = _NUMBER_AT_RE.match(lead, m.end())
        if num:
            code_match = p.CODE_RE.match(lead, num.end())
        if code_match is None:
            paren = _PAREN_RE.search(lead, m.end(), end)
            if paren:
                code_match = p.CODE_RE.match(lead, paren.end())
        if code_match is not None:
            found.code, found.number, found.symbol, found.kind, found.system = p.code_parts(code_match)
            after = _DATE_AFTER_RE.match(lead, code_match.end())
            if after:
                date = p.date_from_any(after)
        if own_code is not None and found.code != own_code:
            continue
        found.date = date or _date_before(lead, start, m.start())
        if found.kind in p.TYPE_BY_ABBR:
            found.doc_type = p.TYPE_BY_ABBR[found.kind]
        elif type_word.upper() in p.TYPE_BY_TITLE and p.TYPE_BY_TITLE[type_word.upper()] != "other":
            found.doc_type = p.TYPE_BY_TITLE[type_word.upper()]
        if found.system is None:
            found.system = _system_of(lead[start : m.start()])
        if found.code or found.doc_type:
            return found
    return None


def enacting_system(text: str) -> str | None:
    """'party' when the enacting sentence is spoken by a Party body
    ("Ban Tuyên giáo Trung ương hướng dẫn ... như sau:")."""
    for line in text[:_LEAD_LIMIT].split("\n"):
        line = line.strip()
        if not line.endswith("như sau:"):
            continue
        lead_in = _LEAD_IN_RE.match(line)
        if PARTY_BODY_RE.match(line, lead_in.end() if lead_in else 0):
            return "party"
    return None


# A notice posted without its header: a line titled in sentence case ("Thông báo lịch tiếp
# công dân ...") or the enacting sentence "<body> thông báo ... như sau:".
_NOTICE_TITLE_RE = re.compile(r"^(?:Thông\s+báo\s+[a-zđ]|(?P<charter>Điều\s+lệ)\s+[A-ZĐ])")
_NOTICE_SENTENCE_RE = re.compile(rf"^[{p.UPPER}][^.;:]{{2,150}}?[^\W\d_]\s+thông\s+báo\s[^.;]{{0,200}}như\s+sau:$")
_NOTICE_LINES = 20


def notice_type(text: str) -> str | None:
    """'thong_bao' for a notice known only by its title line or its enacting sentence;
    'other' for a charter titled "Điều lệ Hội ..." in sentence case."""
    seen = 0
    for line in text[:_LEAD_LIMIT].split("\n"):
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > _NOTICE_LINES:
            break
        title = _NOTICE_TITLE_RE.match(line)
        if title and len(line) < 200 and not line.endswith((".", ":", ";")):
            return "other" if title.group("charter") else "thong_bao"  # a charter ("Điều lệ Hội ...") is "other"
        if _NOTICE_SENTENCE_RE.match(line):
            return "thong_bao"
    return None


# A page's title or description names who issued the document: "Nghị quyết 08/1998/NQ-CP của
# Chính phủ", "Quyết định số 291/2006/QĐ-UBDT về việc ... do Ủy ban Dân tộc ban hành".
_BY_BODY_RE = re.compile(
    rf"\s(?:của|do)\s+(?P<body>[{p.UPPER}][^\s,.;:]*(?:\s+(?!(?:do|của)\s)[^\s,.;:]+){{0,8}}?)"
    rf"(?=\s+ban\s+hành\b|\s+về\s|\s+ngày\s|\s*[.,;]?\s*$)"
)
_TITLE_LINES = 30


def title_issuer(lines: list[str]) -> str | None:
    """The issuer a page's title line gives for the document it names by type and number."""
    seen = 0
    for line in lines:
        if not line.strip():
            continue
        seen += 1
        if seen > _TITLE_LINES:
            break
        m = _HEADLINE_RE.match(line)
        code_match = p.CODE_RE.match(line, m.end()) if m else None
        if code_match is None:
            continue
        label = p.TYPE_LABEL.get(p.code_parts(code_match)[3])
        if label is None or _bare(m.group("words")) != _bare(label):
            continue
        # The last "của"/"do" names the issuer: "... chế độ báo cáo của Ủy ban Dân tộc do Ủy ban Dân tộc ban hành".
        bodies = [by.group("body") for by in _BY_BODY_RE.finditer(line, code_match.end())]
        if bodies:
            return bodies[-1]
    return None
