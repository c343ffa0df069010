"""The header block: issuer, number and symbol, place and date, type, subject.

A printed header is two columns (issuer with number and subject on the left,
national motto or Party name with place and date on the right). Once the
file has been through Word, PDF or OCR those columns arrive stacked,
flattened onto one line, interleaved line by line, or split by "|". The
reader therefore does not rely on positions: it cuts the header zone into
segments, takes out the pieces it recognises by their wording (motto, "Số",
"..., ngày ... tháng ... năm ...") and reads the rest in order.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from . import patterns as p
from .actors import is_body_name
from .announce import is_party_body
from .casing import cite_case

_HEADER_SCAN_LIMIT = 60
# How far into a pasted text the header may start (after portal furniture, a
# lead paragraph, a table of contents or a list of related documents).
_HEADER_SEARCH_LIMIT = 400
# Lines above the motto or the number that still belong to the header
# (the issuer's name, a separator, "*"), read upwards from there.
_ISSUER_LOOKBACK = 8
_PROSE_START_RE = re.compile(
    r"^(?:Căn\s+cứ|Thực\s+hiện|Thi\s+hành|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị|Để\s|Nhằm\s"
    r"|Ngày\s+\d|Trong\s+(?:thời\s+gian|những\s+năm)|Thời\s+gian\s+qua|Trên\s+cơ\s+sở"
    r"|Sau\s+khi|Hiện\s+nay|Vừa\s+qua|Qua\s+\d|Giao\s|Đề\s+nghị\s|Yêu\s+cầu\s|Phân\s+công\s)"
)
# An urban district or ward may be named by its number: "Quận 8, ngày ...".
_NUMBERED_AREA = r"(?:Quận|Phường)[ \t]+\d{1,2}"
_PLACE_TAIL_RE = re.compile(
    rf"(?<!\w)(?:(?:Thành\s+phố|thành\s+phố|TP\.|Tp\.)[ \t]*)?"
    rf"(?:(?:{p.CAP_WORD}(?:[ \t]+|-)){{0,5}}{p.CAP_WORD}|{_NUMBERED_AREA})$"
)
_PLACE_ONLY_RE = re.compile(
    rf"(?:(?:Thành\s+phố|TP\.|Tp\.)[ \t]*)?(?:{p.CAP_WORD}[ \t]+){{0,3}}{p.CAP_WORD}"
)
_LETTER_RE = re.compile(r"[^\W\d_]")
_OF_BODY_RE = re.compile(r"\bCỦA\s+([^\n]{0,60})")


@dataclass
class Header:
    system: str | None = None
    issuer: str | None = None
    code: str | None = None
    number: str | None = None
    symbol: str | None = None
    doc_type: str | None = None
    place: str | None = None
    date: str | None = None
    subject: str | None = None
    start: int = 0  # index of the first line of the header zone
    note: str | None = None  # "(Ban hành kèm theo Quyết định số ...)" of an annexed regulation
    end: int = 0  # index of the first line after the header zone
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Span:
    kind: str  # party | state | code | date
    start: int
    end: int
    match: re.Match[str] | None = None
    place: str | None = None


# One piece of the header zone: ("text" | "blank" | a span's kind, its text, the span).
_Item = tuple[str, str, "_Span | None"]


def _is_caps(text: str) -> bool:
    letters = _LETTER_RE.findall(text)
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _mostly_lower(text: str) -> bool:
    """Sentence case: more lowercase letters than capitals ("Xà HỘI" is still capitals)."""
    letters = _LETTER_RE.findall(text)
    return sum(c.islower() for c in letters) * 2 > len(letters)


def _party_mottos(text: str) -> list[re.Match[str]]:
    """The Party's name as a header motto: in capitals or alone on its line.

    "... trên Cổng thông tin điện tử Đảng Cộng sản Việt Nam" in a subject or a
    sentence names the Party; it does not start a header column.
    """
    found: list[re.Match[str]] = []
    if "ảng" not in text and "ẢNG" not in text:
        return found
    for m in p.PARTY_MOTTO_RE.finditer(text):
        if m.group(0).isupper():
            found.append(m)
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start : len(text) if line_end < 0 else line_end]
        if line.strip(" \t*|-_") == m.group(0):
            found.append(m)
    return found


def _has_header_piece(line: str) -> bool:
    return bool(
        p.HEADER_CODE_RE.search(line)
        or _party_mottos(line)
        or p.STATE_MOTTO_RE.search(line)
        or p.date_words(line)
    )


def looks_like_body(line: str) -> bool:
    if p.DIEU_RE.match(line) or p.ARABIC_RE.match(line) or p.PART_RE.match(line):
        return True
    if p.ROMAN_RE.match(line):
        return True
    if _PROSE_START_RE.match(p.BULLET_RE.sub("", line)):
        return True
    if line.endswith(";") and len(line) > 40 and not _is_caps(line):
        return True  # a ground of the decision ("... ngày 24 tháng 01 năm 2019 ...;")
    if line.endswith("như sau:") and not _is_caps(line):
        return True  # "... có ý kiến như sau:", "... cụ thể như sau:"
    return len(line) >= 100 and not _is_caps(line) and not _has_header_piece(line)


_CAPITAL_SO_CODE_RE = re.compile(r"(?<![^\W\d_])S[ốỐ]\s*[:.]?\s*\d")
_CLUSTER = 15
# "(Ban hành kèm theo Quyết định số ...)" under the title of an annexed regulation.
_ANNEX_IN_ZONE_RE = re.compile(r"\(\s*(?:Ban\s+hành\s+)?kèm\s+theo[^)]{0,300}\)", re.IGNORECASE)
_ANNEX_NOTE_RE = re.compile(r"^\(\s*(?:Ban\s+hành(?:\s+kèm|\s*$)|kèm\s+theo)", re.IGNORECASE)  # motto and number of one header are this close


def _anchor(lines: list[str]) -> int | None:
    """The first line of the header's core: its motto or its "Số:" line.

    The earlier of the two counts when they are close (the seed letter puts
    the number above the Party's name); a number far above the motto is a
    portal's summary table, not the header.
    """
    limit = min(len(lines), _HEADER_SEARCH_LIMIT)
    motto = code = None
    for i in range(limit):
        line = lines[i]
        if len(line) > 400:
            continue
        if motto is None and (p.STATE_MOTTO_RE.search(line) or _party_mottos(line)):
            motto = i
        if code is None and _CAPITAL_SO_CODE_RE.search(line) and p.HEADER_CODE_RE.search(line):
            code = i
        if motto is not None and code is not None:
            break
    if motto is None or code is None:
        return code if motto is None else (motto if code is None else code)
    return min(motto, code) if abs(motto - code) <= _CLUSTER else motto


def _title_anchor(lines: list[str]) -> int | None:
    """A reprint without the header block: its title line ("NGHỊ QUYẾT", "CHƯƠNG
    TRÌNH", "NGHỊ QUYẾT CỦA BỘ CHÍNH TRỊ về ...") under the portal's or
    paper's lead still opens the document."""
    for i in range(min(len(lines), _HEADER_SEARCH_LIMIT)):
        line = lines[i].strip()
        m = p.TITLE_RE.match(line) if line[:1].isupper() else None
        if m is None:
            continue
        rest = m.group("rest")
        if not rest or rest.startswith("CỦA "):
            return i
    return None


_BLANK_NUMBER_RE = re.compile(r"^S[ốỐ]\s*[:.]")


def _header_line(line: str) -> bool:
    """A line that can sit in a header above its motto or number."""
    return (
        not line
        or p.SEPARATOR_RE.match(line.replace("|", "")) is not None
        or _BLANK_NUMBER_RE.match(line) is not None
        or (_is_caps(line) and len(line) < 120)
        or _has_header_piece(line)
        or p.COLUMN_SPLIT_RE.search(line) is not None and _is_caps(p.COLUMN_SPLIT_RE.split(line)[0])
    )


def find_header_start(lines: list[str]) -> int:
    """Index of the first line of the header block.

    A copied text may carry anything above the header: a portal's menu and
    summary, a news lead ("Ngày 6/8, Ban Thường vụ Tỉnh ủy đã ban hành..."),
    a list of related documents. The header is found by its motto or, failing
    that, its "Số:" line; the issuer's lines above it belong to it. When
    nothing but header lines precede the anchor the text starts at 0.
    """
    anchor = _anchor(lines)
    if anchor is None:
        anchor = _title_anchor(lines)
    if anchor is None:
        return 0
    start = anchor
    taken = 0
    while start > 0 and taken < _ISSUER_LOOKBACK:
        line = lines[start - 1].strip()
        if not _header_line(line):
            break
        start -= 1
        if line:
            taken += 1
    if not any(lines[i].strip() for i in range(start)):
        return 0
    while start < anchor and not lines[start].strip():
        start += 1
    return start


def _subject_opening(line: str) -> bool:
    """A subject under a lone title may open like prose: "KẾ HOẠCH" / "Thực hiện
    Chỉ thị 13-CT/TW ...". A sentence that ends in a colon is the body."""
    return line.startswith("Thực hiện ") and len(line) < 160 and not line.rstrip().endswith(":")


def find_header_end(lines: list[str], start: int = 0) -> int:
    """Index of the first line after the header: "Kính gửi" or the body."""
    in_block = False  # inside a V/v subject or a title with its subject lines
    lone_title = False  # a title alone on its line: its subject may follow a blank line
    caps_block = False  # the subject so far is in capitals
    limit = min(len(lines), start + _HEADER_SCAN_LIMIT)
    note_lines = 0  # lines left inside a parenthesised note broken over lines ("(Ban hành" / "kèm theo ...")
    for i in range(start, limit):
        line = lines[i].strip()
        if note_lines:
            note_lines = 0 if ")" in line else note_lines - 1
            continue
        if _ANNEX_NOTE_RE.match(line) and ")" not in line:
            note_lines = 6
            continue
        if not line:
            in_block = lone_title
            continue
        if p.KINH_GUI_RE.match(line):
            return i
        if lone_title:
            lone_title = False
            if (
                not p.SEPARATOR_RE.match(line)
                and (not _PROSE_START_RE.match(line) or _subject_opening(line))
                and len(line) < 300
            ):
                in_block = True
                caps_block = not _mostly_lower(line)
                continue  # the subject, however long
        if in_block:
            if p.SEPARATOR_RE.match(line):
                in_block = False
                continue
            if _PROSE_START_RE.match(p.BULLET_RE.sub("", line)) or p.PART_RE.match(line):
                return i  # "Căn cứ ..." or "Chương I" right under the title, no blank line
            if p.ROMAN_RE.match(line) or p.DIEU_RE.match(line):
                return i  # "I. ĐÁNH GIÁ TÌNH HÌNH", "Điều 1." right under the subject
            if (
                caps_block and _mostly_lower(line) and len(line) > 25 and not line[:1].islower()
                and not p.COLUMN_SPLIT_RE.search(line) and not _has_header_piece(line)
            ):
                return i  # a subject in capitals does not go on in sentence case
            caps_block = caps_block and not _mostly_lower(line)
            if len(line) < 100:
                continue
            in_block = False  # a paragraph-long line is no longer the subject
        segments = [s.strip() for s in p.COLUMN_SPLIT_RE.split(line)]
        if any(p.VV_RE.match(s) or p.TITLE_RE.match(s) for s in segments if s):
            in_block = True
            lone_title = any((m := p.TITLE_RE.match(s)) and not m.group("rest") for s in segments if s)
            continue
        if looks_like_body(line):
            return i
    return limit


# --- reading the zone ----------------------------------------------------------


def _segments(lines: list[str]) -> list[str]:
    segs: list[str] = []
    for line in lines:
        if not line.strip():
            segs.append("")
            continue
        segs.extend(part.strip() for part in p.COLUMN_SPLIT_RE.split(line) if part.strip())
    return segs


def _place_before(text: str, date_start: int, floor: int) -> tuple[int, str | None]:
    """Start of the place written before the date, and the place itself."""
    k = date_start
    while k > floor and text[k - 1] in " \t\n,":
        k -= 1
    line_start = max(text.rfind("\n", 0, k) + 1, floor)
    m = _PLACE_TAIL_RE.search(text, line_start, k)
    if m is None:
        return date_start, None
    start, place = m.start(), m.group(0)
    if m.start() == line_start and len(place.split()) <= 2 and line_start > floor:
        # A place cut across lines: "Cần" / "Thơ, ngày ..."
        prev_start = max(text.rfind("\n", 0, line_start - 1) + 1, floor)
        prev = text[prev_start : line_start - 1].strip()
        if prev and _PLACE_ONLY_RE.fullmatch(prev):
            start, place = prev_start, f"{prev} {place}"
    return start, " ".join(place.split())


def _find_spans(text: str) -> list[_Span]:
    spans: list[_Span] = []
    for m in _party_mottos(text):
        spans.append(_Span("party", m.start(), m.end()))
    for m in p.STATE_MOTTO_RE.finditer(text):
        spans.append(_Span("state", m.start(), m.end()))
    # The number and date of the decision an annexed regulation is issued with
    # ("(Ban hành kèm theo Quyết định số: 59/QĐ-UBND ngày ...)") are not the header's.
    annex = _ANNEX_IN_ZONE_RE.search(text) if "kèm" in text else None
    code = next(
        (m for m in p.HEADER_CODE_RE.finditer(text) if annex is None or not annex.start() <= m.start() < annex.end()),
        None,
    )
    if code:
        spans.append(_Span("code", code.start(), code.end(), code))
    date = p.date_words(text) or p.HEADER_NUM_DATE_RE.search(text)
    if date:
        floor = max((s.end for s in spans if s.end <= date.start()), default=0)
        start, place = _place_before(text, date.start(), floor)
        spans.append(_Span("date", start, date.end(), date, place))
    spans.sort(key=lambda s: s.start)
    kept: list[_Span] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue  # overlapping: the first one wins
        kept.append(span)
    return kept


def _items(text: str, spans: list[_Span]) -> list[_Item]:
    """The zone as a sequence of pieces, in reading order."""
    items: list[_Item] = []

    def add_text(chunk: str) -> None:
        parts = chunk.split("\n")
        for idx, part in enumerate(parts):
            part = part.strip(" \t,;")
            if part:
                items.append(("text", part, None))
            elif 0 < idx < len(parts) - 1:
                items.append(("blank", "", None))

    pos = 0
    for span in spans:
        add_text(text[pos : span.start])
        items.append((span.kind, text[span.start : span.end], span))
        pos = span.end
    add_text(text[pos:])
    return items


def _issuer_lines(items: list[_Item]) -> list[str]:
    code_at = next((i for i, it in enumerate(items) if it[0] == "code"), None)
    lines: list[str] = []
    for i, (kind, text, _) in enumerate(items):
        if code_at is not None and i >= code_at:
            break
        if kind != "text" or p.SEPARATOR_RE.match(text):
            continue
        if p.TITLE_RE.match(text):
            break  # what follows the title is its subject, not a body
        if text.isascii() and not _ORG_HEAD_RE.match(text):
            continue  # a page's furniture in capitals ("YOMEDIA", "ADSENSE"): a Vietnamese body's name has tone marks
        if _is_caps(text) and not p.TITLE_RE.match(text) and not text.startswith("CỦA ") and not p.CODE_RE.search(text):
            lines.append(text)
        elif code_at is None and lines:
            break
    return lines


_ORG_HEAD_RE = re.compile(
    r"^(?:THÀNH|TỈNH|HUYỆN|QUẬN|THỊ|ĐẢNG)\s+(?:ỦY|UỶ)"
    r"|^(?:BAN|TIỂU\s+BAN|SỞ|BỘ|CỤC|CHI\s+CỤC|TỔNG\s+CỤC|VĂN\s+PHÒNG|PHÒNG|ỦY\s+BAN|UBND|UBMTTQ"
    r"|CHÍNH\s+PHỦ|QUỐC\s+HỘI|THỦ\s+TƯỚNG|HỘI|LIÊN\s+HIỆP|LIÊN\s+ĐOÀN|MẶT\s+TRẬN|ĐOÀN"
    r"|TRUNG\s+TÂM|CÔNG\s+AN|CHI\s+BỘ|ĐẢNG\s+ĐOÀN|HỘI\s+ĐỒNG|TÒA\s+ÁN|VIỆN|TRƯỜNG)\b"
)


_CONTINUED_BODY_RE = re.compile(r"^(?:BAN\s+CHẤP\s+HÀNH|BAN\s+THƯỜNG\s+VỤ)(?:\s+TRUNG\s+ƯƠNG)?$")
_COMMITTEE_RE = re.compile(r"^(?:THÀNH|TỈNH|HUYỆN|QUẬN|THỊ|ĐẢNG)\s+(?:ỦY|UỶ)\b")
_BARE_COMMITTEE_RE = re.compile(r"^(?:THÀNH|TỈNH|HUYỆN|QUẬN|THỊ|ĐẢNG)\s+(?:ỦY|UỶ)$")
_SUB_BODY_RE = re.compile(
    r"^(?:BAN|TIỂU\s+BAN|VĂN\s+PHÒNG|ỦY\s+BAN\s+KIỂM\s+TRA|UỶ\s+BAN\s+KIỂM\s+TRA)\b"
)


_BROKEN_HEAD_RE = re.compile(
    r"^(?:(?:ỦY|UỶ)|(?:ỦY|UỶ)\s+BAN(?:\s+NHÂN|\s+THƯỜNG\s+VỤ)?|CỘNG|BAN\s+CHẤP\s+HÀNH)$"
)
_TRAILING_STARS_RE = re.compile(r"[\s*]+$")


# A PDF font without the letters of the Vietnamese Extended block drops them: "ỦY BAN" arrives as
# "Y BAN" (or "U BAN" for "UỶ BAN") at the head of the issuer's line.
_DROPPED_UY_RE = re.compile(r"^[UY][ \t]+(?=BAN\s+(?:NHÂN\s+DÂN|THƯỜNG\s+VỤ|MẶT\s+TRẬN|MTTQ|KIỂM\s+TRA)\b)")


def _join_broken(lines: list[str]) -> list[str]:
    """Rejoin a name a narrow column broke: "ỦY" / "BAN NHÂN DÂN", "UỶ BAN NHÂN" / "DÂN"."""
    out: list[str] = []
    for line in lines:
        line = _DROPPED_UY_RE.sub("ỦY ", line)
        if out and _BROKEN_HEAD_RE.match(out[-1]):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _issuer_from(lines: list[str]) -> str | None:
    """The issuing body: the last line naming a body, with its continuation.

    "ĐẢNG BỘ TỈNH X" / "HUYỆN ỦY Y" names the superior then the issuer;
    "ỦY BAN NHÂN DÂN" / "THÀNH PHỐ CẦN THƠ" is one name on two lines.
    """
    if not lines:
        return None
    # A portal may list the header's lines as bullets ("• ỦY BAN MTTQ VIỆT NAM").
    lines = _join_broken([_TRAILING_STARS_RE.sub("", p.BULLET_RE.sub("", line)) for line in lines])
    lines = [line for line in lines if line]
    if not lines:
        return None
    start = 0
    for i, line in enumerate(lines):
        if _ORG_HEAD_RE.match(line):
            start = i
    if start > 0 and lines[start - 1] == "BAN CHẤP HÀNH TRUNG ƯƠNG" and _SUB_BODY_RE.match(lines[start]):
        # "BAN CHẤP HÀNH TRUNG ƯƠNG" / "BAN TUYÊN GIÁO": a department of the Central Committee
        return cite_case(f"{' '.join(lines[start:])} TRUNG ƯƠNG")
    if start > 0 and _CONTINUED_BODY_RE.match(lines[start - 1]):
        start -= 1  # "BAN CHẤP HÀNH TRUNG ƯƠNG" / "ĐOÀN TNCS HỒ CHÍ MINH" is one name
    issuer = " ".join(lines[start:])
    superior = lines[start - 1] if start > 0 else ""
    if _BARE_COMMITTEE_RE.match(issuer) and superior.startswith("ĐẢNG BỘ "):
        # "ĐẢNG BỘ KHỐI ..." / "ĐẢNG ỦY" -> "Đảng ủy Khối ..."
        issuer = f"{issuer} {superior[len('ĐẢNG BỘ '):]}"
    elif _SUB_BODY_RE.match(issuer) and _COMMITTEE_RE.match(superior):
        # "THÀNH ỦY CẦN THƠ" / "BAN DÂN VẬN" -> "Ban Dân vận Thành ủy Cần Thơ"
        issuer = f"{issuer} {superior}"
    elif _SUB_BODY_RE.match(issuer) and start > 0:
        # "ỦY BAN MTTQ VIỆT NAM" / "QUẬN BÌNH THỦY" / "BAN THƯỜNG TRỰC": the board of that committee
        top = max((i for i in range(start) if _ORG_HEAD_RE.match(lines[i])), default=None)
        if top is not None:
            issuer = f"{issuer} {' '.join(lines[top:start])}"
    return cite_case(issuer)


# The enacting body restated under the subject ("ỦY BAN NHÂN DÂN TỈNH KON TUM",
# "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH") ends it.
_AUTHORITY_RE = re.compile(
    r"^(?:(?:CHỦ\s+TỊCH\s+)?(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|CHỦ\s+TỊCH"
    r"|THỦ\s+TƯỚNG|BỘ\s+TRƯỞNG|BAN\s+(?:THƯỜNG\s+VỤ|CHẤP\s+HÀNH|BÍ\s+THƯ)|CHÍNH\s+PHỦ|GIÁM\s+ĐỐC"
    r"|TRƯỞNG\s+BAN)\b"
    # the central bodies restated alone on their line
    r"|^(?:QUỐC\s+HỘI|(?:ỦY|UỶ)\s+BAN\s+THƯỜNG\s+VỤ\s+QUỐC\s+HỘI|HỘI\s+ĐỒNG\s+(?:BỘ\s+TRƯỞNG|CHÍNH\s+PHỦ|NHÀ\s+NƯỚC))$"
)


_JOINING_WORDS = (" CỦA", " VÀ", " VỚI", " CHO", " VỀ", " TẠI", " GIỮA", " THUỘC")
_SENTENCE_LINE = 40  # a line of running text, not the tail of a wrapped subject


def _follow(items: list[_Item], start: int, stop_on_caps: bool, lone_title: bool = False) -> list[str]:
    """Text pieces continuing a subject line, up to a blank line or separator.

    Under a title standing alone ("QUYẾT ĐỊNH", blank line, subject) the
    blank lines before the subject are skipped.
    """
    out: list[str] = []
    gap = False
    for kind, text, _ in items[start:]:
        if kind == "blank":
            if lone_title and not out:
                continue
            gap = True
            continue
        if gap and not (kind == "text" and text[:1].islower()):
            break  # a blank line ends the subject unless it goes on in lowercase ("của Chính phủ ...")
        if kind != "text":
            continue  # the other column's pieces sit between subject lines
        if lone_title and not out and p.SEPARATOR_RE.match(text):
            continue
        if lone_title and not out and text.startswith("CỦA ") and _is_caps(text):
            continue  # "CHỈ THỊ" / "CỦA BAN BÍ THƯ" / "Về ...": the issuer restated, then the subject
        title = p.TITLE_RE.match(text)
        if lone_title and not out and title and title.group("rest"):
            pass  # "QUYẾT ĐỊNH" / "QUY ĐỊNH CHẾ ĐỘ BÁO CÁO ...": the subject starts with a type word
        elif p.SEPARATOR_RE.match(text) or title or p.VV_RE.match(text):
            break
        if (_PROSE_START_RE.match(text) and not (lone_title and not out and _subject_opening(text))) or _ANNEX_NOTE_RE.match(text):
            break
        if stop_on_caps and _is_caps(text):
            break
        # The enacting body restated ends the subject, but not "HỘI NGHỊ LẦN THỨ BẢY" / "BAN CHẤP
        # HÀNH ĐẢNG BỘ TỈNH": there it names the conference's committee.
        # Nor after a line cut at a joining word ("... CỦA" / "QUỐC HỘI").
        continued = bool(out) and (out[-1].startswith("HỘI NGHỊ") or out[-1].endswith(_JOINING_WORDS))
        if (out or not lone_title) and _is_caps(text) and _AUTHORITY_RE.match(text) and not continued:
            break
        if out and not any(_mostly_lower(x) for x in out) and _mostly_lower(text) and len(text) > 25 and not text[:1].islower():
            break  # a subject in capitals does not go on in sentence case
        if (
            out and out[-1][:1].islower() and not out[-1].endswith(",") and text[:1].isupper()
            and _mostly_lower(text) and len(text) >= _SENTENCE_LINE and not is_body_name(text)
        ):
            # "... định hướng đến năm 2030" / "Hội nghị lần thứ bảy ... họp": a new sentence, the body;
            # a line naming a body ("Thành phố Hồ Chí Minh", "Ban Thường vụ ...") still continues the subject
            break
        out.append(text)
    return out


def _gazette(items: list[_Item]) -> tuple[str, str | None, str] | None:
    """The Official Gazette's headline: "CHỈ THỊ / CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 16/2001/CT-TTG /
    NGÀY 21 THÁNG 6 NĂM 2001 VỀ VIỆC ..." -> (issuer, subject, doc_type)."""
    for i, (kind, text, _) in enumerate(items):
        m = p.TITLE_RE.match(text) if kind == "text" else None
        if m is None or m.group("rest"):
            continue
        if i + 1 >= len(items) or items[i + 1][0] != "text" or not items[i + 1][1].startswith("CỦA "):
            return None
        names: list[str] = []
        j = i + 1
        while j < len(items) and items[j][0] == "text":
            names.append(items[j][1])
            j += 1
        if j >= len(items) or items[j][0] != "code":
            return None
        issuer = cite_case(" ".join(names)[len("CỦA "):])
        k = j + 1
        if k < len(items) and items[k][0] == "date":
            k += 1
        rest = _follow(items, k, False, lone_title=True)
        return issuer, p.collapse(" ".join(rest)) or None, p.TYPE_BY_TITLE[m.group("title")]
    return None


_LOST_TITLE_SUBJECT_RE = re.compile(r"^(?:BAN\s+HÀNH|VỀ\s+VIỆC|VỀ)\s+\S+\s+\S+")


def _headline_body(rest: str) -> str | None:
    """The body of a headline "TỜ TRÌNH CỦA HỘI ĐỒNG BỘ TRƯỞNG": "CỦA" and a name in capitals."""
    if rest.startswith("CỦA ") and _is_caps(rest):
        return rest[len("CỦA "):].strip()
    return None


def headline_issuer(items: list[_Item]) -> str | None:
    """The issuer a headline names when no header block does."""
    for kind, text, _ in items:
        m = p.TITLE_RE.match(text) if kind == "text" else None
        if m is not None:
            body = _headline_body(m.group("rest"))
            return cite_case(body) if body else None
    return None


# The Gazette's headline on one line: "QUYẾT ĐỊNH SỐ 291/QĐ-UBDT NGÀY 08 THÁNG 11 NĂM 2006 CỦA
# ỦY BAN DÂN TỘC BAN HÀNH ...": number, date and issuer before the subject.
_GAZETTE_LINE_RE = re.compile(
    r"^(?:CỦA\s.{3,80}?\s)?S[Ốố]\s*:?\s*\S+\s+NGÀY\s+\d{1,2}\s+THÁNG\s+\d{1,2}\s+NĂM\s+\d{4}\s*"
)
# Where the subject starts after the issuer's name (a PDF may glue the two: "DÂN TỘCBAN HÀNH").
_GAZETTE_SUBJECT_RE = re.compile(r"(?:VỀ|BAN\s+HÀNH|PHÊ\s+DUYỆT|QUY\s+ĐỊNH)\s")


def _gazette_rest(rest: str) -> str:
    """The subject in a one-line Gazette headline's rest; the rest itself otherwise."""
    m = _GAZETTE_LINE_RE.match(rest)
    if m is None:
        return rest
    after = rest[m.end():]
    if after.startswith("CỦA "):
        start = _GAZETTE_SUBJECT_RE.search(after)
        after = after[start.start():] if start else ""
    return after


def _subject(items: list[_Item]) -> tuple[str | None, str | None]:
    """(subject, doc_type from a title line)."""
    for i, (kind, text, _) in enumerate(items):
        if kind == "text" and p.VV_RE.match(text):
            above = next((it for it in reversed(items[:i]) if it[0] != "blank"), None)
            title = p.TITLE_RE.match(above[1]) if above and above[0] == "text" else None
            title_type = p.TYPE_BY_TITLE[title.group("title")] if title and not title.group("rest") else None
            # "TỜ TRÌNH" / "Về việc ...": the subject of a titled document, not a công văn's V/v
            return p.collapse(" ".join([text, *_follow(items, i + 1, True)])), title_type
    for i, (kind, text, _) in enumerate(items):
        if kind != "text":
            continue
        m = p.TITLE_RE.match(text)
        if m is None:
            continue
        title = m.group("title")
        rest = m.group("rest")
        if rest and _headline_body(rest):
            rest = ""  # "TỜ TRÌNH CỦA HỘI ĐỒNG BỘ TRƯỞNG" / "VỀ ...": the subject is the next line
        elif rest:
            rest = _gazette_rest(rest)
        parts = [rest] if rest else []
        parts.extend(_follow(items, i + 1, False, lone_title=not parts))
        subject = p.collapse(" ".join(parts)) if parts else title[:1] + title[1:].lower()
        return subject, p.TYPE_BY_TITLE[title]
    dated = False
    for i, (kind, text, _) in enumerate(items):
        dated = dated or kind == "date"
        if dated and kind == "text" and _is_caps(text) and _LOST_TITLE_SUBJECT_RE.match(text):
            # The title line was lost in the copy: "Số: 41/2019/QĐ-UBND | Quảng Trị, ngày ..." /
            # "BAN HÀNH QUY ĐỊNH CHẾ ĐỘ BÁO CÁO ..." is the subject of a Quyết định.
            return p.collapse(" ".join(_follow(items, i, False))) or None, None
    return None, None


def _apply_date(header: Header, span: _Span) -> None:
    m = span.match
    assert m is not None
    if "d" in m.re.groupindex:
        header.date = p.iso_date(m.group("d"), m.group("m"), m.group("y"))
    else:
        header.date = p.iso_date(m.group("nd"), m.group("nm"), m.group("ny"))
    header.place = span.place
    if header.date is None:
        header.warnings.append("Ngày ban hành không đầy đủ hoặc không hợp lệ: cần kiểm tra.")


# A PDF text layer can run a whole page onto one line: header columns, title, grounds and
# articles. Such a line is cut back into lines where the header's pieces and the body's
# openings stand, so the usual readers see a header.
_RUN_ON_MIN = 400
_RUN_ON_PAGE_NO_RE = re.compile(rf"^\s*\d{{1,3}}\.\s+(?=[{p.UPPER}])")  # a sharing site's "1." page number
# The title, followed by its subject in capitals or glued to "Về việc" ("QUYẾT ĐỊNHVề việc").
_RUN_ON_TITLE_RE = re.compile(rf"(?<![{p.UPPER}{p.LOWER}] )(?:{p._TITLE_ALT})(?= [{p.UPPER}]|V[ềỀ] )")
_RUN_ON_CUTS_RE = re.compile(
    r"(?<![-*])(?=-{3,}|\*{3,})|(?=\bV/[vV]\s|Về\s+việc\s|\bKính\s+gửi\b|\bCăn\s+cứ\s|\bXét\s+đề\s+nghị\b|\bTheo\s+đề\s+nghị\b"
    r"|\b(?:QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ)\s*:|\bĐiều\s+\d{1,3}\s*[.:]|\bNơi\s+nhận\b)"
    r"|(?<=-{3})(?!-)|(?<=\*{3})(?!\*)"
    rf"|(?<=[{p.UPPER}] )(?=(?:BỘ\s+TRƯỞNG|CHỦ\s+TỊCH|THỦ\s+TƯỚNG|GIÁM\s+ĐỐC|TRƯỞNG\s+BAN)\b)"
)


# A motto glued to the end of the other column's line: "Số: 367-QĐ/TWĐTN-VPĐOÀN TNCS HỒ CHÍ MINH".
_GLUED_MOTTO_RE = re.compile(
    r"(?<=[A-ZĐ])(?=(?:ĐOÀN\s+TNCS\s+HỒ\s+CHÍ\s+MINH|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|CỘNG\s+H[OÒ][AÀ]\s+XÃ\s+HỘI)\b)"
)


def unfold_run_on(text: str) -> str:
    """Cut a page run onto one line back into the lines of its header and body."""
    lines = text.split("\n")
    for i, line in enumerate(lines[:_HEADER_SEARCH_LIMIT]):
        if len(line) < _RUN_ON_MIN:
            if "CỘNG HÒA" in line or "CỘNG HOÀ" in line or "ĐẢNG CỘNG SẢN" in line:
                return text  # a header laid out on its own lines: nothing was run together
            continue
        head = line[:_RUN_ON_MIN]
        if "ố" not in head and "Ố" not in head:
            continue  # no "Số" in sight
        if not p.HEADER_CODE_RE.search(head) or not (
            p.STATE_MOTTO_RE.search(head) or _party_mottos(head) or _CAPITAL_SO_CODE_RE.search(head)
        ):
            continue
        line = _GLUED_MOTTO_RE.sub("\n", _RUN_ON_PAGE_NO_RE.sub("", line))
        cuts = {0, len(line)}
        spans = _find_spans(line[:_RUN_ON_MIN])
        for span in spans:
            cuts.update((span.start, span.end))
        after = max(s.end for s in spans)
        title = _RUN_ON_TITLE_RE.search(line, after)
        if title:
            cuts.add(title.start())
        cuts.update(m.start() for m in _RUN_ON_CUTS_RE.finditer(line, after))
        points = sorted(cuts)
        pieces = [line[a:b].strip() for a, b in zip(points, points[1:], strict=False)]
        lines[i] = "\n".join(x for x in pieces if x)
        return "\n".join(lines)
    return text


_ENACTING_RE = re.compile(r"^(QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ)\s*:\s*$")
_ENACTING_SCAN = 80


def _enacting_type(lines: list[str], start: int) -> str | None:
    """The type an enacting formula alone on its line gives: "QUYẾT ĐỊNH:" (a decision),
    "QUYẾT NGHỊ:" (a resolution)."""
    for line in lines[start : start + _ENACTING_SCAN]:
        m = _ENACTING_RE.match(line.strip())
        if m:
            return "quyet_dinh" if "ĐỊNH" in m.group(1) else "nghi_quyet"
    return None


# Capital letters to their base letter, spaces dropped (one C-level str.translate per line).
_BARE_TABLE = {
    ord(c): unicodedata.normalize("NFD", c)[0] for c in p.UPPER if not c.isascii() and c not in "-"
} | {ord("Đ"): "D", ord(" "): None, ord("\t"): None}


def _bare_key(text: str) -> str:
    """Capitals without tone marks or spaces: "K ÉT LUẬN" and "KẾT LUẬN" -> "KETLUAN"."""
    return text.translate(_BARE_TABLE)


_TITLE_BY_BARE = {_bare_key(t): t for t in p.TYPE_BY_TITLE}
_TITLE_MAX = max(len(t) for t in p.TYPE_BY_TITLE) + 4


def mend_titles(lines: list[str]) -> list[str]:
    """A title line OCR damaged ("K ÉT LUẬN": a tone mark moved, a space added) read as the title."""
    for i, line in enumerate(lines[:_HEADER_SEARCH_LIMIT]):
        if len(line) > _TITLE_MAX + 8 or not line.isupper():
            continue
        text = line.strip()
        if len(text) > _TITLE_MAX or text[-1] in ":.;":
            continue  # "QUYẾT ĐỊNH:" is the enacting formula, not a title
        title = _TITLE_BY_BARE.get(_bare_key(text))
        if title is not None and title != text:
            lines[i] = title
    return lines


def parse_header(lines: list[str]) -> Header:
    start = find_header_start(lines)
    header = Header(start=start, end=find_header_end(lines, start))
    text = "\n".join(_segments(lines[start : header.end]))
    spans = _find_spans(text)
    items = _items(text, spans)
    kinds = {s.kind for s in spans}
    code_system = None
    kind_abbr = None
    for span in spans:
        if span.kind == "code" and span.match is not None:
            header.code, header.number, header.symbol, kind_abbr, code_system = p.code_parts(span.match)
        elif span.kind == "date":
            _apply_date(header, span)
    if header.code is None:
        previous = ""
        for kind, item_text, _ in items:
            m = p.CODE_RE.fullmatch(item_text) if kind == "text" else None
            if m and previous.endswith("/"):
                break  # "Số: /" / "2017/QH14": a draft's blank number and the year of its symbol
            previous = item_text if kind == "text" else previous
            if m:  # a bare code whose "Số" was lost
                header.code, header.number, header.symbol, kind_abbr, code_system = p.code_parts(m)
                break
    raw_issuer_part = None
    for span in spans:
        if span.kind == "code" and span.match is not None and "pn" in span.match.re.groupindex and span.match.group("pn"):
            raw_issuer_part = span.match.group("piss")
    annex = _ANNEX_IN_ZONE_RE.search(text)
    if annex:
        header.note = p.collapse(annex.group(0))
    gazette = _gazette(items)
    if gazette is not None:
        header.issuer, header.subject, title_type = gazette
    else:
        header.issuer = _issuer_from(_issuer_lines(items))
        header.subject, title_type = _subject(items)
        if header.issuer is None:
            header.issuer = headline_issuer(items)
    if header.code is not None and header.symbol is not None:
        local = p.local_tu(header.code, raw_issuer_part, header.issuer)
        if local != header.code:
            header.code, header.symbol = local, header.symbol[:-2] + "TU"
    if "party" in kinds or code_system == "party":
        header.system = "party"
    elif "state" in kinds or code_system == "state":
        header.system = "state"
    elif (of := _OF_BODY_RE.search(text)) and is_party_body(of.group(1)):
        header.system = "party"  # "NGHỊ QUYẾT CỦA BỘ CHÍNH TRỊ về ..." in a reprint without its header
    if title_type not in (None, "other") and kind_abbr in p.TYPE_BY_ABBR:
        # The title a reader sees wins over the number's abbreviation when they differ: the
        # Party numbers its Quy định "QĐ" like its Quyết định; a "55/2007/CT-UBND" can be a Quyết định.
        header.doc_type = title_type
    elif (
        title_type is None and (kind_abbr is None or kind_abbr not in p.TYPE_BY_ABBR)
        and (enacted := _enacting_type(lines, header.end))
    ):
        # No title and a number without a type ("72-HĐBT"): "QUYẾT ĐỊNH:" over the articles says it.
        header.doc_type = enacted
    elif kind_abbr is not None and (kind_abbr in p.TYPE_BY_ABBR or title_type is None):
        header.doc_type = p.doc_type_for(kind_abbr, code_system or "state")
    elif title_type is not None:
        header.doc_type = title_type
    elif header.subject and p.VV_RE.match(header.subject):
        header.doc_type = "cong_van"
    if header.code is None:
        header.warnings.append("Không đọc được số, ký hiệu văn bản: cần kiểm tra.")
    if "date" not in kinds:
        header.warnings.append("Không đọc được ngày ban hành: cần kiểm tra.")
    if header.issuer is None:
        header.warnings.append("Không đọc được cơ quan ban hành: cần kiểm tra.")
    if header.subject is None:
        header.warnings.append("Không đọc được trích yếu (V/v hoặc tên văn bản): cần kiểm tra.")
    return header
