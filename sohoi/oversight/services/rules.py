"""The rule table of response deadlines (OversightRule): dated rows an authorised user adds or corrects
(design.md §6). Two rows of the same rule valid on the same day would make the default deadline ambiguous,
so they are refused; a new law is a new row from its date, the old row gets an end date."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sohoi.core.dated_rows import dated_row_errors
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
    if code in RuleCode.values:  # the end-before-start check and the overlap with the rule's other rows
        errors.update(dated_row_errors(OversightRule.objects.filter(code=code), row=rule, start=start, end=end,
                                  describe=lambda other: _("%(days)s ngày") % {"days": other.days}))
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
