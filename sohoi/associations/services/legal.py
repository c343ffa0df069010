"""The rule table (administrator only) and the founding dossier."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sohoi.core.dated_rows import check_dated_row
from sohoi.core.permissions import require
from sohoi.core.services import object_create, object_update

from ..choices import DossierItem
from ..models import FoundingDossier, LegalRule


def _check_overlap(rule: LegalRule, code: str, scope_level: str, start: datetime.date | None,
                   end: datetime.date | None) -> None:
    """Two rows for the same rule and scope must not be valid on the same day, or a check would be ambiguous."""
    check_dated_row(LegalRule.objects.filter(code=code, scope_level=scope_level), row=rule, start=start, end=end,
                    describe=lambda other: f"“{other.label}”")


@transaction.atomic
def legal_rule_create(*, actor: Any, data: dict[str, Any]) -> LegalRule:
    require(actor, "associations.edit_legal_rules")
    _check_overlap(LegalRule(), data.get("code", ""), data.get("scope_level", ""), data.get("valid_from"),
                   data.get("valid_to"))
    return object_create(actor=actor, model=LegalRule, data=data, action="associations.legalrule.created")


@transaction.atomic
def legal_rule_update(*, actor: Any, rule: LegalRule, data: dict[str, Any],
                      expected_version: int | None = None) -> LegalRule:
    require(actor, "associations.edit_legal_rules")
    _check_overlap(rule, data.get("code", rule.code), data.get("scope_level", rule.scope_level),
                   data.get("valid_from", rule.valid_from), data.get("valid_to", rule.valid_to))
    return object_update(actor=actor, obj=rule, data=data, action="associations.legalrule.updated",
                         expected_version=expected_version)


@transaction.atomic
def dossier_update(*, actor: Any, dossier: FoundingDossier, data: dict[str, Any],
                   expected_version: int | None = None) -> FoundingDossier:
    require(actor, "associations.edit_dossier", dossier.association)
    items = data.get("submitted")
    if items is not None:
        unknown = [i for i in items if i not in DossierItem.values]
        if unknown:
            raise ValidationError({"submitted": _("Giấy tờ không có trong danh mục: %(unknown)s.")
                                                % {"unknown": ', '.join(unknown)}})
    filed = data.get("filed_on", dossier.filed_on)
    complete = data.get("complete_on", dossier.complete_on)
    if filed and complete and complete < filed:
        raise ValidationError({"complete_on": _("Ngày nhận đủ hồ sơ không thể trước ngày nộp hồ sơ.")})
    if data.get("extension_days") and data["extension_days"] > 365:
        raise ValidationError({"extension_days": _("Số ngày gia hạn không hợp lý.")})
    return object_update(actor=actor, obj=dossier, data=data, action="associations.dossier.updated",
                         expected_version=expected_version)
