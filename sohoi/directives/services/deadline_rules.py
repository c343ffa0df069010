"""The table of default task deadlines (DeadlineRule, read by directives/deadline_rules.py): dated rows the
administrator adds or corrects (design.md §6). Two rows of the same document type and recurrence valid on the
same day would make a task's default deadline ambiguous, so they are refused (core.dated_rows)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sohoi.core.dated_rows import dated_row_errors
from sohoi.core.permissions import require
from sohoi.core.services import object_create, object_update

from ..choices import DocType, Recurrence
from ..models import DeadlineRule

FIELDS = ("doc_type", "recurrence", "days", "legal_basis", "is_default", "valid_from", "valid_to")
MAX_DAYS = 3650  # ten years: a longer default deadline is a typing error, not a working rule


def _describe(rule: DeadlineRule) -> str:
    return _("%(days)s ngày (%(type)s / %(recurrence)s)") % {
        "days": rule.days, "type": rule.get_doc_type_display() or _("mọi loại văn bản"),
        "recurrence": rule.get_recurrence_display() if rule.recurrence else _("không định kỳ")}


def _check(rule: DeadlineRule, doc_type: str, recurrence: str, days: Any, basis: str,
           start: datetime.date | None, end: datetime.date | None) -> None:
    errors: dict[str, str] = {}
    if doc_type not in ("", *DocType.values):
        errors["doc_type"] = _("Chọn loại văn bản trong danh sách, hoặc để trống cho mọi loại văn bản.")
    if recurrence not in Recurrence.values:
        errors["recurrence"] = _("Chọn định kỳ báo cáo trong danh sách, hoặc để trống nếu không định kỳ.")
    if days is None or not 1 <= int(days) <= MAX_DAYS:
        errors["days"] = _("Số ngày phải từ 1 đến %(max)s.") % {"max": MAX_DAYS}
    if not (basis or "").strip():
        errors["legal_basis"] = _("Nhập căn cứ của thời hạn (tên, số văn bản, hoặc ghi rõ là mặc định).")
    if "doc_type" not in errors and "recurrence" not in errors:
        errors.update(dated_row_errors(DeadlineRule.objects.filter(doc_type=doc_type, recurrence=recurrence),
                                       row=rule, start=start, end=end, describe=_describe))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def deadline_rule_create(*, actor: Any, data: dict[str, Any]) -> DeadlineRule:
    require(actor, "directives.edit_deadline_rules")
    data = {k: v for k, v in data.items() if k in FIELDS}
    data.setdefault("doc_type", "")
    data.setdefault("recurrence", "")
    _check(DeadlineRule(), data["doc_type"] or "", data["recurrence"] or "", data.get("days"),
           data.get("legal_basis", ""), data.get("valid_from"), data.get("valid_to"))
    data["legal_basis"] = data["legal_basis"].strip()
    return object_create(actor=actor, model=DeadlineRule, data=data, action="directives.deadline_rule.created")


@transaction.atomic
def deadline_rule_update(*, actor: Any, rule: DeadlineRule, data: dict[str, Any],
                         expected_version: int | None = None) -> DeadlineRule:
    require(actor, "directives.edit_deadline_rules", rule)
    data = {k: v for k, v in data.items() if k in FIELDS}

    def get(name: str) -> Any:
        return data[name] if name in data else getattr(rule, name)

    _check(rule, get("doc_type") or "", get("recurrence") or "", get("days"), get("legal_basis"),
           get("valid_from"), get("valid_to"))
    if "legal_basis" in data:
        data["legal_basis"] = data["legal_basis"].strip()
    return object_update(actor=actor, obj=rule, data=data, action="directives.deadline_rule.updated",
                         expected_version=expected_version)
