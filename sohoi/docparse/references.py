"""Documents cited in the subject and body, with date and issuer if stated.

A citation gives its date and issuer after the code ("Chỉ thị số 17-CT/TW
ngày 28/8/2012 của Ban Bí thư") or before it ("Ngày 28/8/2012 Bộ Chính trị
ban hành Chỉ thị 17-CT/TW"). The first citation that names an issuer wins;
a later one naming another issuer is reported, because a person has to
decide (the seed letter credits 17-CT/TW to two different bodies).
"""

from __future__ import annotations

import re

from . import patterns as p

_KNOWN_ISSUER = (
    r"(?:Ban\s+Bí\s+thư|Bộ\s+Chính\s+trị|Ban\s+Chấp\s+hành\s+Trung\s+ương(?:\s+Đảng)?"
    r"|Hội\s+nghị\s+Trung\s+ương(?:\s+\d+)?|Thủ\s+tướng\s+Chính\s+phủ|Chính\s+phủ"
    r"|Ủy\s+ban\s+Thường\s+vụ\s+Quốc\s+hội|Quốc\s+hội"
    r"|Ban\s+Thường\s+vụ\s+(?:Thành|Tỉnh|Huyện|Quận|Thị)\s+[ủu][yỷ]"
    r"|Thường\s+trực\s+(?:Thành|Tỉnh|Huyện|Quận|Thị)\s+[ủu][yỷ]"
    r"|Ban\s+(?:Dân\s+vận|Tổ\s+chức|Tuyên\s+giáo)\s+Trung\s+ương|Văn\s+phòng\s+Trung\s+ương\s+Đảng"
    r"|Bộ\s+Nội\s+vụ|Bộ\s+Tài\s+chính)"
)
_KNOWN_RE = re.compile(_KNOWN_ISSUER)
_DATE_AT_RE = re.compile(r"\s*,?\s*(?:ban\s+hành\s+)?" + p.NGAY + r"\s*" + p.DATE_ANY, re.IGNORECASE)
_ISSUER_AT_RE = re.compile(
    rf"\s*,?\s*(?:\([^)\n]{{0,30}}\)\s*)?(?:của|do)\s+(?P<iss>{_KNOWN_ISSUER}|[{p.UPPER}][^,.;:()\n]{{0,80}})"
)
_PAREN_AT_RE = re.compile(r"\s*\([^)\n]{0,30}\)")
_ISSUER_STOP_RE = re.compile(
    r"\s+(?:về|và|ban\s+hành|khóa|khoá|ngày|đã|trong|nhằm|để|tại|theo|quy\s+định|hướng\s+dẫn"
    r"|thực\s+hiện|năm|số|với|đối|cho)\b"
)
_ENACTED_RE = re.compile(r"ban\s+hành\s+(?:\S+\s+){0,3}$")
_DATE_IN_WINDOW_RE = re.compile(r"[Nn]gày\s+" + p.DATE_ANY)
_PAREN_DATE_RE = re.compile(r"\s*\([^)\n]{0,30}\)\s*,?\s*" + p.NGAY + r"\s*" + p.DATE_ANY, re.IGNORECASE)
_SENTENCE_START_RE = re.compile(r"[.;\n]\s")
_WINDOW = 250


def _trim_issuer(raw: str) -> str | None:
    known = _KNOWN_RE.match(raw)
    if known:
        return " ".join(known.group(0).split())
    name = _ISSUER_STOP_RE.split(raw, maxsplit=1)[0]
    words = name.split()[:8]
    name = " ".join(words).strip(" ,;:-")
    return name or None


def _before(text: str, start: int, floor: int) -> tuple[str | None, str | None]:
    """(date, issuer) from "Ngày ... X ban hành <type> <code>" before a code."""
    window_start = max(floor, start - _WINDOW)
    window = text[window_start:start]
    starts = [m.end() for m in _SENTENCE_START_RE.finditer(window)]
    if starts:
        window = window[starts[-1]:]
    if not _ENACTED_RE.search(window):
        return None, None
    issuer = None
    for m in _KNOWN_RE.finditer(window):
        issuer = " ".join(m.group(0).split())
    date = None
    for m in _DATE_IN_WINDOW_RE.finditer(window):
        date = p.date_from_any(m)
    return date, issuer


def _after(text: str, end: int) -> tuple[str | None, str | None]:
    date = issuer = None
    pos = end
    m = _DATE_AT_RE.match(text, pos) or _PAREN_DATE_RE.match(text, pos)
    if m:
        date, pos = p.date_from_any(m), m.end()  # "8B-NQ/TW (khoá VI) ngày 27-3-1990"
    m = _ISSUER_AT_RE.match(text, pos)
    if m:
        issuer, pos = _trim_issuer(m.group("iss")), m.end()
        if date is None:
            paren = _PAREN_AT_RE.match(text, pos)
            m = _DATE_AT_RE.match(text, paren.end() if paren else pos)
            if m:
                date = p.date_from_any(m)
    return date, issuer


def _same(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a.startswith(b) or b.startswith(a)


def find_references(
    subject: str, body: str, own_code: str | None
) -> tuple[list[dict[str, str | None]], list[str]]:
    """References cited in ``subject`` then ``body``, and warnings."""
    text = f"{subject}\n{body}" if subject else body
    subject_end = len(subject) if subject else -1
    refs: dict[str, dict[str, str | None]] = {}
    kinds: dict[str, str] = {}
    seen_issuers: dict[str, list[tuple[str, str]]] = {}
    floor = 0
    matches = list(p.CODE_RE.finditer(text))
    if "số " in text:
        matches.extend(p.OLD_CODE_RE.finditer(text))
        matches.sort(key=lambda m: m.start())
    for m in matches:
        code, _number, symbol, kind, system = p.code_parts(m)
        weak = m.re is p.CODE_RE and not m.group("year") and "-" not in symbol
        if system == "state" and weak and not _DATE_AT_RE.match(text, m.end()):
            continue  # "12/BC" in running text is too weak to be a code, unless dated
        if code == own_code:
            floor = m.end()
            continue
        date, issuer = _after(text, m.end())
        if m.re is p.CODE_RE and m.group("pn"):
            code = p.local_tu(code, m.group("piss"), issuer)
        if date is None or issuer is None:
            before_date, before_issuer = _before(text, m.start(), floor)
            date = date or before_date
            issuer = issuer or before_issuer
        floor = m.end()
        where = "trích yếu" if m.start() < subject_end else "nội dung"
        ref = refs.setdefault(code, {"code": code, "date": None, "issuer": None})
        kinds.setdefault(code, kind)
        if ref["date"] is None:
            ref["date"] = date
        if issuer:
            if ref["issuer"] is None:
                ref["issuer"] = issuer
            seen = seen_issuers.setdefault(code, [])
            if not any(_same(issuer, other) for other, _ in seen):
                seen.append((issuer, where))
    warnings: list[str] = []
    for code, seen in seen_issuers.items():
        if len(seen) < 2:
            continue
        label = p.TYPE_LABEL.get(kinds[code], "Văn bản")
        (first, first_where), others = seen[0], seen[1:]
        for other, other_where in others:
            warnings.append(
                f"{label} {code} được ghi là của {first} ({first_where}) nhưng là của "
                f"{other} ({other_where}): cần kiểm tra cơ quan ban hành."
            )
    return list(refs.values()), warnings
