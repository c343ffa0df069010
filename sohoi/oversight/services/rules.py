"""The rule table of response deadlines (OversightRule): dated rows an authorised user adds or corrects
(design.md §6). Two rows of the same rule valid on the same day would make the default deadline ambiguous,
so they are refused; a new law is a new row from its date, the old row gets an end date."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from sohoi.core.permissions import require
from sohoi.core.services import object_create, object_update

from ..choices import RuleCode
from ..models import OversightRule

FIELDS = ("code", "days", "legal_basis", "is_default", "valid_from", "valid_to")


def _check(rule: OversightRule, code: str, days: Any, basis: str, start: datetime.date | None,
           end: datetime.date | None) -> None:
    errors: dict[str, str] = {}
    if code not in RuleCode.values:
        errors["code"] = _("Chọn quy định: thời hạn trả lời kiến nghị giám sát, phản biện hoặc kiểm tra.")
    if days is None or not 1 <= int(days) <= 365:
        errors["days"] = _("Số ngày phải từ 1 đến 365.")
    if not (basis or "").strip():
        errors["legal_basis"] = _("Nhập căn cứ pháp lý của thời hạn (tên, số văn bản).")
    if start and end and end < start:
        errors["valid_to"] = _("Ngày hết hiệu lực không thể trước ngày bắt đầu hiệu lực. Sửa lại một trong "
                               "hai ngày.")
    if not errors:
        qs = OversightRule.objects.filter(code=code).exclude(pk=rule.pk)
        if end is not None:
            qs = qs.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=end))
        if start is not None:
            qs = qs.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=start))
        other = qs.first()
        if other is not None:
            since = f"{other.valid_from:%d/%m/%Y}" if other.valid_from else "…"
            errors["valid_from"] = (
                _("Thời gian hiệu lực chồng lên dòng %(days)s ngày (%(legal_basis)s, từ %(since)s). Đặt ngày "
                  "hết hiệu lực cho dòng cũ trước, rồi thêm dòng mới từ ngày kế tiếp.") % {"days": other.days, "legal_basis": other.legal_basis, "since": since})
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def rule_create(*, actor: Any, data: dict[str, Any]) -> OversightRule:
    require(actor, "oversight.edit_rules")
    data = {k: v for k, v in data.items() if k in FIELDS}
    _check(OversightRule(), data.get("code", ""), data.get("days"), data.get("legal_basis", ""),
           data.get("valid_from"), data.get("valid_to"))
    data["legal_basis"] = data["legal_basis"].strip()
    return object_create(actor=actor, model=OversightRule, data=data, action="oversight.rule.created")


@transaction.atomic
def rule_update(*, actor: Any, rule: OversightRule, data: dict[str, Any],
                expected_version: int | None = None) -> OversightRule:
    require(actor, "oversight.edit_rules", rule)
    data = {k: v for k, v in data.items() if k in FIELDS}

    def get(name: str) -> Any:
        return data[name] if name in data else getattr(rule, name)

    _check(rule, get("code"), get("days"), get("legal_basis"), get("valid_from"), get("valid_to"))
    if "legal_basis" in data:
        data["legal_basis"] = data["legal_basis"].strip()
    return object_update(actor=actor, obj=rule, data=data, action="oversight.rule.updated",
                         expected_version=expected_version)
