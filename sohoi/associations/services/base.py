"""Helpers the registry services share: the 'document that decided it' validation. Who may write is
asked of `associations/permissions.py` through `core.permissions.require`."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from sohoi.core.deadlines import today


def validate_decision(number: str, date: datetime.date | None, issuer: str) -> None:
    errors: dict[str, str] = {}
    if not (number or "").strip():
        errors["decision_number"] = _("Nhập số, ký hiệu văn bản quyết định (ví dụ 123/QĐ-UBND).")
    if date is None:
        errors["decision_date"] = _("Nhập ngày ban hành văn bản (dd/mm/yyyy).")
    elif date > today():
        errors["decision_date"] = _("Ngày văn bản không được sau hôm nay. Kiểm tra lại ngày.")
    if not (issuer or "").strip():
        errors["decision_issuer"] = _("Nhập cơ quan ban hành văn bản (ví dụ Ủy ban nhân dân thành phố Cần Thơ).")
    if errors:
        raise ValidationError(errors)
