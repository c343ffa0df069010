"""Deadlines and recurrence of a task, read from its wording.

"trước ngày 30/11/2012", "chậm nhất ngày ...", "trong tháng 12/2012" (the
last day of that month), "trong quý IV/2012"; recurrence "hằng tháng",
"hằng quý", "định kỳ 6 tháng", "hằng năm" and a bare "định kỳ" (periodic,
period not stated).
"""

from __future__ import annotations

import calendar
import re

from .patterns import ROMAN_VALUES, iso_date

# Patterns are matched against the lowercased text: case-insensitive
# matching of Vietnamese letters is several times slower.
_DAY_MONTH = (
    r"(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?"
    r"|(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})(?:\s*(?:,\s*)?năm\s+(?P<wy>\d{4}))?)(?!\d)"
)
_BEFORE_RE = re.compile(
    r"(?:trước|chậm\s+nhất(?:\s+là)?(?:\s+(?:vào|trước))?|hạn\s+chót(?:\s+là)?|không\s+quá"
    r"|hoàn\s+thành\s+trước|xong\s+trước)\s+(?:(?:vào\s+)?ngày\s+)?" + _DAY_MONTH
)
_IN_MONTH_RE = re.compile(r"trong\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:/|-|năm)\s*(?P<y>\d{4}))?(?!\d)")
_IN_QUARTER_RE = re.compile(
    r"trong\s+quý\s+(?P<q>iv|i{1,3}|[1-4])(?:\s*(?:/|-|năm)\s*(?P<y>\d{4}))?(?![\w])"
)
# One pass over the text for every cadence; the group that matched names it.
_PERIOD = (
    r"(?:(?P<n>\d{1,2}|ba|sáu)\s+tháng|(?P<monthly>tháng)|(?P<quarterly>qu[ýí])"
    r"|(?P<half_yearly>nửa\s+năm)|(?P<yearly>năm))(?!\w)"
)
_CADENCE_RE = re.compile(
    rf"\b(?:(?:định\s+kỳ\s+(?:hằng\s+|hàng\s+)?|mỗi\s+|hằng\s+|hàng\s+){_PERIOD}"
    r"|(?P<periodic>định\s+kỳ)|(?P<annual>thường\s+niên)|theo\s+(?P<by_quarter>qu[ýí])(?!\w))"
)
# "6 tháng một lần", "3 tháng/lần", "nửa năm một lần"
_TIMES_RE = re.compile(
    r"(?:(?P<n>\d{1,2}|ba|sáu)\s+tháng|(?P<half>nửa\s+năm))\s*(?:một\s+lần|1\s+lần|/\s*lần)"
)
_CADENCE_WORDS = ("kỳ", "hằng", "hàng", "mỗi", "niên", "theo qu", "lần")
_DEADLINE_WORDS = ("trước", "chậm", "hạn", "không quá", "trong tháng", "trong quý")
_GROUP_KIND = {"annual": "yearly", "by_quarter": "quarterly", "half": "half_yearly"}
_WORD_NUMBERS = {"ba": 3, "sáu": 6}
_BY_MONTHS = {1: "monthly", 3: "quarterly", 6: "half_yearly", 12: "yearly"}
_RANK = {"monthly": 0, "quarterly": 1, "half_yearly": 2, "yearly": 3, "periodic": 4}


def _year(found: str | None, default_year: int | None) -> int | None:
    return int(found) if found else default_year


def _month_end(year: int | None, month: int) -> str | None:
    if year is None or not 1 <= month <= 12:
        return None
    return iso_date(calendar.monthrange(year, month)[1], month, year)


def find_deadline(text: str, default_year: int | None = None) -> str | None:
    """The first deadline stated in ``text`` as an ISO date, or None.

    A date without a year takes the document's year (``default_year``).
    """
    text = text.lower()
    if not any(word in text for word in _DEADLINE_WORDS):
        return None
    found: list[tuple[int, str]] = []
    m = _BEFORE_RE.search(text)
    if m:
        if m.group("d"):
            day, month, year = m.group("d"), m.group("m"), m.group("y")
        else:
            day, month, year = m.group("wd"), m.group("wm"), m.group("wy")
        value = iso_date(day, month, _year(year, default_year))
        if value:
            found.append((m.start(), value))
    m = _IN_MONTH_RE.search(text)
    if m:
        value = _month_end(_year(m.group("y"), default_year), int(m.group("m")))
        if value:
            found.append((m.start(), value))
    m = _IN_QUARTER_RE.search(text)
    if m:
        q = m.group("q").upper()
        quarter = int(q) if q.isdigit() else ROMAN_VALUES[q]
        value = _month_end(_year(m.group("y"), default_year), 3 * quarter)
        if value:
            found.append((m.start(), value))
    return min(found)[1] if found else None


def _months_kind(raw: str) -> str:
    months = _WORD_NUMBERS.get(raw) or int(raw)
    return _BY_MONTHS.get(months, "periodic")


def find_recurrence(text: str) -> str | None:
    """The most frequent cadence stated in ``text``, or None.

    A bare "định kỳ" counts only when no period is named anywhere.
    """
    text = text.lower()
    if not any(word in text for word in _CADENCE_WORDS):
        return None  # most tasks state no cadence: skip the regex
    kinds: set[str] = set()
    matches = list(_CADENCE_RE.finditer(text))
    if "lần" in text:
        matches.extend(_TIMES_RE.finditer(text))
    for m in matches:
        if m.group("n"):
            kinds.add(_months_kind(m.group("n")))
        elif m.lastgroup:
            kinds.add(_GROUP_KIND.get(m.lastgroup, m.lastgroup))
    if len(kinds) > 1:
        kinds.discard("periodic")
    return min(kinds, key=_RANK.__getitem__) if kinds else None
