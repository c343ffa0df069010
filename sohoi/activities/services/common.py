"""Checks every activities service shares: amounts, years, required text, dates in order."""

from __future__ import annotations

import datetime
from typing import Any

from sohoi.core.deadlines import today


def cap(text: str) -> str:
    """Upper-case the first letter only (str.capitalize would lower-case "Nhà nước")."""
    return text[:1].upper() + text[1:]


def vnd(n: int) -> str:
    return f"{n:,}".replace(",", ".") + " đồng"


def amount(data: dict[str, Any], name: str, label: str, errors: dict[str, str], *, required: bool = True) -> int:
    value = data.get(name)
    if value in (None, ""):
        if required:
            errors[name] = f"Nhập {label} (số đồng, 0 nếu không có)."
        return 0
    try:
        number = int(value)
    except (TypeError, ValueError):
        errors[name] = f"{cap(label)} phải là số đồng, không có dấu chấm hay chữ (đã nhập “{value}”)."
        return 0
    if number < 0:
        errors[name] = f"{cap(label)} không được âm (đã nhập {vnd(number)}). Nhập 0 hoặc một số dương."
    return number


def count(data: dict[str, Any], name: str, label: str, errors: dict[str, str]) -> int:
    value = data.get(name) or 0
    try:
        number = int(value)
    except (TypeError, ValueError):
        errors[name] = f"{cap(label)} phải là một số nguyên."
        return 0
    if number < 0:
        errors[name] = f"{cap(label)} không được âm (đã nhập {number}). Nhập 0 hoặc một số dương."
    return number


def text(data: dict[str, Any], name: str, label: str, errors: dict[str, str], *, required: bool = True) -> str:
    value = (data.get(name) or "").strip()
    if required and not value:
        errors[name] = f"Nhập {label}."
    return value


def year_of(data: dict[str, Any], name: str, errors: dict[str, str], *, founded: int | None = None,
            label: str = "năm") -> int | None:
    value = data.get(name)
    try:
        year = int(value)
    except (TypeError, ValueError):
        errors[name] = f"Nhập {label} bằng 4 chữ số, ví dụ {today().year - 1}."
        return None
    this = today().year
    if year > this:
        errors[name] = f"{cap(label)} {year} chưa tới (năm nay là {this}). Chọn {this} hoặc một năm trước."
    elif founded is not None and year < founded:
        errors[name] = (f"{cap(label)} {year} là trước khi hội được thành lập (năm {founded}). Chọn một năm từ "
                        f"{founded} trở đi.")
    elif year < 1945:
        errors[name] = f"{cap(label)} {year} không hợp lệ. Chọn một năm từ 1945 trở đi."
    return year


def ordered(start: datetime.date | None, end: datetime.date | None, name: str, errors: dict[str, str],
            message: str = "Ngày kết thúc không thể trước ngày bắt đầu. Sửa lại ngày.") -> None:
    if start and end and end < start:
        errors[name] = message
