"""Writes on dissemination sessions, and the board's reminder to units that have not disseminated."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sohoi.core import audit
from sohoi.core.deadlines import today
from sohoi.core.notify import notify
from sohoi.core.permissions import allowed, require
from sohoi.core.services import object_create, object_update

from .. import permissions as access
from ..models import Document
from .models import GROUPS, DisseminationSession

COUNT_FIELDS = [f"{kind}_{stem}" for stem, _label in GROUPS for kind in ("planned", "actual")]
MAX_ATTENDANCE = 5_000_000  # more than the whole population of the city: surely a typing error
EDITABLE = ("held_on", "form", "title", "materials", "note", *COUNT_FIELDS)


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def may_record(actor: Any, unit: Any) -> bool:
    return actor is None or allowed(actor, "directives.record_dissemination", unit)


def _validate(*, document: Document, unit: Any, data: dict[str, Any]) -> None:
    from .selectors import membership_of

    errors: dict[str, str] = {}
    held_on = data.get("held_on")
    if held_on is None:
        errors["held_on"] = _("Nhập ngày tổ chức buổi quán triệt.")
    elif document.date and held_on < document.date:
        errors["held_on"] = (_("Ngày tổ chức %(held_on)s trước ngày ban hành văn bản %(date)s. Sửa lại ngày: "
                               "chỉ quán triệt được văn bản đã ban hành.") % {"held_on": format(held_on, '%d/%m/%Y'), "date": format(document.date, '%d/%m/%Y')})
    labels = dict(GROUPS)
    for name in COUNT_FIELDS:
        value = data.get(name, 0)
        kind, stem = name.split("_", 1)
        label = f"{labels[stem]} ({_('dự kiến') if kind == 'planned' else _('thực tế')})"
        try:
            value = int(value or 0)
        except (TypeError, ValueError):
            errors[name] = _("Số %(lower)s phải là số nguyên. Nhập số người, ví dụ 120.") % {"lower": label.lower()}
            continue
        if value < 0:
            errors[name] = _("Số %(lower)s không được âm (đã nhập %(value)s). Nhập 0 hoặc một số dương.") % {"lower": label.lower(), "value": value}
        elif value > MAX_ATTENDANCE:  # also keeps the value inside the database's integer column
            errors[name] = (_("Số %(lower)s (%(n)s) lớn hơn cả dân số thành phố. Kiểm tra lại số người (tối "
                              "đa %(n2)s).") % {"lower": label.lower(), "n": _n(value), "n2": _n(MAX_ATTENDANCE)})
    membership = membership_of(unit, held_on) if unit is not None and held_on else None
    if membership:
        for kind, word in (("actual", _("thực tế")), ("planned", _("dự kiến"))):
            name = f"{kind}_members"
            value = data.get(name) or 0
            if name not in errors and int(value) > membership:
                errors[name] = (_("Số hội viên %(word)s (%(n)s) lớn hơn tổng số hội viên của các hội thuộc "
                                  "“%(unit)s” (%(n2)s). Kiểm tra lại số liệu; người dự ngoài các hội "
                                  "này ghi vào nhóm “Khác”.") % {"word": word, "n": _n(int(value)), "unit": unit, "n2": _n(membership)})
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def session_record(*, actor: Any, document: Document, unit: Any, data: dict[str, Any]) -> DisseminationSession:
    """Record that `unit` disseminated `document`. The actor must see the document; a unit records its own
    sessions (and those of units under it); the organising boards may record for any unit."""
    if actor is not None and not Document.objects.filter(access.document_q(actor), pk=document.pk).exists():
        raise PermissionDenied(_("Bạn không xem được văn bản này nên không ghi được buổi quán triệt."))
    if unit is None:
        raise ValidationError({"unit": _("Chọn đơn vị tổ chức buổi quán triệt.")})
    if not may_record(actor, unit):
        # The unit is not named: a refused caller must not learn names outside its scope.
        raise PermissionDenied(_("Bạn chỉ ghi được buổi quán triệt của đơn vị mình hoặc đơn vị trực thuộc; "
                                 "chọn một đơn vị trong danh sách."))
    fields = {k: v for k, v in data.items() if k in EDITABLE}
    _validate(document=document, unit=unit, data=fields)
    fields = {k: (int(v or 0) if k in COUNT_FIELDS else v) for k, v in fields.items()}
    return object_create(actor=actor, model=DisseminationSession,
                         data={"document": document, "unit": unit, **fields},
                         action="directives.dissemination.recorded")


@transaction.atomic
def session_update(*, actor: Any, session: DisseminationSession, data: dict[str, Any],
                   expected_version: int | None = None) -> DisseminationSession:
    if not may_record(actor, session.unit):
        raise PermissionDenied(_("Bạn chỉ sửa được buổi quán triệt của đơn vị mình hoặc đơn vị trực thuộc."))
    fields = {k: v for k, v in data.items() if k in EDITABLE}
    merged = {name: getattr(session, name) for name in EDITABLE} | fields
    _validate(document=session.document, unit=session.unit, data=merged)
    fields = {k: (int(v or 0) if k in COUNT_FIELDS else v) for k, v in fields.items()}
    return object_update(actor=actor, obj=session, data=fields, action="directives.dissemination.updated",
                         expected_version=expected_version)


@transaction.atomic
def dissemination_urge(*, actor: Any, document: Document, on: datetime.date | None = None) -> int:
    """Remind every unit in scope that has not disseminated `document` (in-app and e-mail, through
    core.notify). The key holds the document and the unit, so a unit is never reminded twice about the
    same document; each reminder is an urge row in the audit trail. Returns the notifications sent."""
    from ..services.tracking import _unit_users
    from .selectors import coverage

    require(actor, "directives.urge", document,
            _("Chỉ Ban Dân vận (hoặc quản trị) được nhắc các đơn vị chưa quán triệt."))
    on = on or today()
    sent = 0
    for row in coverage(document=document, user=actor)["rows"]:
        if row["held"]:
            continue
        unit = row["unit"]
        key = f"directives.dissemination.remind:{document.pk}:{unit.pk}"
        # i18n: data (a stored notification, written once in the source language)
        created = notify(users=_unit_users(unit.pk, document), kind="directives.dissemination",
                         title=f"Đôn đốc quán triệt {document}", url=document.get_absolute_url(), key=key,
                         body=f"Đơn vị {unit} chưa ghi buổi quán triệt {document} vào Sổ Hội (tính đến "
                              f"{on:%d/%m/%Y}). Tổ chức quán triệt và ghi kết quả vào Sổ Hội.")
        if created:
            audit.record(actor=actor, action="directives.dissemination.urged", target=document,
                         changes={"unit": [None, str(unit)], "notified": [None, len(created)]}, note=key)
            sent += len(created)
    if not sent:
        raise ValidationError(_("Không có thông báo nào được gửi: mọi đơn vị đã quán triệt, đã được nhắc về "
                                "văn bản này, hoặc chưa có người dùng nào của đơn vị."))
    return sent
