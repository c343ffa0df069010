"""Helpers the registry services share: scope checks and the 'document that decided it' validation."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models

from sohoi.core.deadlines import today
from sohoi.core.scoping import CHANGE, can

from ..models.scope import CHANGE_ALL


def require_change(actor: Any, obj: models.Model, what: str) -> None:
    """System jobs (actor None: demo loader, imports run from the command line) are trusted."""
    if actor is None:
        return
    if not can(actor, CHANGE, obj):
        raise PermissionDenied(f"Bạn không có quyền {what} của “{obj}”. Liên hệ Sở Nội vụ nếu cần quyền này.")


def require_department(actor: Any, what: str) -> None:
    if actor is None:
        return
    if not (actor.role_codes & CHANGE_ALL):
        raise PermissionDenied(f"Chỉ Sở Nội vụ (hoặc quản trị hệ thống) được {what}.")


def validate_decision(number: str, date: datetime.date | None, issuer: str) -> None:
    errors: dict[str, str] = {}
    if not (number or "").strip():
        errors["decision_number"] = "Nhập số, ký hiệu văn bản quyết định (ví dụ 123/QĐ-UBND)."
    if date is None:
        errors["decision_date"] = "Nhập ngày ban hành văn bản (dd/mm/yyyy)."
    elif date > today():
        errors["decision_date"] = "Ngày văn bản không được sau hôm nay. Kiểm tra lại ngày."
    if not (issuer or "").strip():
        errors["decision_issuer"] = "Nhập cơ quan ban hành văn bản (ví dụ Ủy ban nhân dân thành phố Cần Thơ)."
    if errors:
        raise ValidationError(errors)
