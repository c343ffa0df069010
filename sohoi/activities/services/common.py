"""Checks every activities service shares: amounts, years, required text, dates in order."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from sohoi.core.deadlines import today


def cap(text: str) -> str:
    """Upper-case the first letter only (str.capitalize would lower-case "Nhà nước")."""
    return text[:1].upper() + text[1:]


def vnd(n: int) -> str:
    return _("%(amount)s đồng") % {"amount": f"{n:,}".replace(",", ".")}


def amount(data: dict[str, Any], name: str, label: str, errors: dict[str, str], *, required: bool = True) -> int:
    value = data.get(name)
    if value in (None, ""):
        if required:
            errors[name] = _("Nhập %(label)s (số đồng, 0 nếu không có).") % {"label": label}
        return 0
    try:
        number = int(value)
    except (TypeError, ValueError):
        errors[name] = _("%(label)s phải là số đồng, không có dấu chấm hay chữ (đã nhập “%(value)s”).") % {"label": cap(label), "value": value}
        return 0
    if number < 0:
        errors[name] = _("%(label)s không được âm (đã nhập %(amount)s). Nhập 0 hoặc một số dương.") % {"label": cap(label), "amount": vnd(number)}
    return number


def count(data: dict[str, Any], name: str, label: str, errors: dict[str, str]) -> int:
    value = data.get(name) or 0
    try:
        number = int(value)
    except (TypeError, ValueError):
        errors[name] = _("%(label)s phải là một số nguyên.") % {"label": cap(label)}
        return 0
    if number < 0:
        errors[name] = _("%(label)s không được âm (đã nhập %(number)s). Nhập 0 hoặc một số dương.") % {"label": cap(label), "number": number}
    return number


def text(data: dict[str, Any], name: str, label: str, errors: dict[str, str], *, required: bool = True) -> str:
    value = (data.get(name) or "").strip()
    if required and not value:
        errors[name] = _("Nhập %(label)s.") % {"label": label}
    return value


def year_of(data: dict[str, Any], name: str, errors: dict[str, str], *, founded: int | None = None,
            label: str = pgettext_lazy("field label", "năm")) -> int | None:
    value = data.get(name)
    try:
        year = int(value)
    except (TypeError, ValueError):
        errors[name] = _("Nhập %(label)s bằng 4 chữ số, ví dụ %(example)s.") % {"label": label, "example": today().year - 1}
        return None
    this = today().year
    if year > this:
        errors[name] = _("%(label)s %(year)s chưa tới (năm nay là %(this)s). Chọn %(this)s hoặc một năm "
                         "trước.") % {"label": cap(label), "year": year, "this": this}
    elif founded is not None and year < founded:
        errors[name] = (_("%(label)s %(year)s là trước khi hội được thành lập (năm %(founded)s). Chọn một "
                          "năm từ %(founded)s trở đi.") % {"label": cap(label), "year": year, "founded": founded})
    elif year < 1945:
        errors[name] = _("%(label)s %(year)s không hợp lệ. Chọn một năm từ 1945 trở đi.") % {"label": cap(label), "year": year}
    return year


def ordered(start: datetime.date | None, end: datetime.date | None, name: str, errors: dict[str, str],
            message: str = gettext_lazy("Ngày kết thúc không thể trước ngày bắt đầu. Sửa lại ngày.")) -> None:
    if start and end and end < start:
        errors[name] = message
