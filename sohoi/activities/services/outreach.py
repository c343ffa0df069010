"""Point 5, outward: good models and their replication, delegations and foreign-funded projects, members'
cases."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sohoi.core.deadlines import today
from sohoi.core.permissions import require
from sohoi.core.services import object_create, object_update

from ..choices import CaseKind, CaseOutcome, Direction, ReplicationResult
from ..models import Exchange, ForeignProject, GoodModel, GoodModelEvidence, MemberCase, Replication
from .common import amount, cap, count, ordered, text
from .files import check_file, store_file


def _date(data: dict[str, Any], name: str, label: str, errors: dict[str, str], *, required: bool = True,
          not_future: bool = False) -> datetime.date | None:
    value = data.get(name)
    if value in (None, ""):
        if required:
            errors[name] = _("Nhập %(label)s (ngày/tháng/năm).") % {"label": label}
        return None
    if not isinstance(value, datetime.date):
        errors[name] = _("%(label)s không phải một ngày hợp lệ (ngày/tháng/năm).") % {"label": cap(label)}
        return None
    if not_future and value > today():
        errors[name] = _("%(label)s không thể sau hôm nay.") % {"label": cap(label)}
    return value


def _choice(data: dict[str, Any], name: str, values: list[str], message: str, errors: dict[str, str]) -> str:
    value = data.get(name) or ""
    if value not in values:
        errors[name] = message
    return value


@transaction.atomic
def good_model_record(*, actor: Any, association: Any, data: dict[str, Any],
                      files: list[tuple[str, bytes]] = ()) -> GoodModel:
    require(actor, "activities.record_good_model", association)
    errors: dict[str, str] = {}
    values = {"association": association, "title": text(data, "title", _("tên mô hình"), errors),
              "description": text(data, "description", _("mô tả cách làm"), errors),
              "results": text(data, "results", _("kết quả, có số liệu (ví dụ: 120 suất học bổng)"), errors),
              "beneficiaries": count(data, "beneficiaries", _("số người hưởng lợi"), errors),
              "commendations": (data.get("commendations") or "").strip(),
              "started_on": _date(data, "started_on", _("ngày bắt đầu"), errors, not_future=True),
              "field": data.get("field") or association.field}
    for name, blob in files:
        try:
            check_file(blob, name, "files")
        except ValidationError as exc:
            errors.update({k: " ".join(v) for k, v in exc.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    model = object_create(actor=actor, model=GoodModel, data=values, action="activities.good_model.recorded")
    for name, blob in files:
        object_create(actor=actor, model=GoodModelEvidence, data={
            "good_model": model, "name": name[:255], "file": store_file(blob, name)},
            action="activities.good_model.evidence_added")
    return model


@transaction.atomic
def replication_record(*, actor: Any, good_model: GoodModel, adopter: Any, data: dict[str, Any]) -> Replication:
    require(actor, "activities.record_replication", good_model)
    errors: dict[str, str] = {}
    if adopter is None:
        errors["adopter"] = _("Chọn đơn vị áp dụng mô hình.")
    elif adopter.pk == good_model.association.unit_id:
        errors["adopter"] = _("Đơn vị áp dụng phải khác hội chủ trì mô hình.")
    elif Replication.objects.filter(good_model=good_model, adopter=adopter).exists():
        errors["adopter"] = _("“%(adopter)s” đã được ghi là áp dụng mô hình này; sửa dòng đã có thay vì ghi "
                              "lần nữa.") % {"adopter": adopter}
    adopted = _date(data, "adopted_on", _("ngày áp dụng"), errors, not_future=True)
    if adopted and adopted < good_model.started_on:
        errors["adopted_on"] = (_("Ngày áp dụng không thể trước khi mô hình bắt đầu (%(started_on)s).") % {"started_on": format(good_model.started_on, '%d/%m/%Y')})
    result = _choice(data, "result", ReplicationResult.values, _("Chọn kết quả trong danh sách."), errors)
    if errors:
        raise ValidationError(errors)
    return object_create(actor=actor, model=Replication, data={
        "good_model": good_model, "adopter": adopter, "adopted_on": adopted, "result": result,
        "note": (data.get("note") or "").strip()[:500]}, action="activities.replication.recorded")


@transaction.atomic
def exchange_record(*, actor: Any, association: Any, data: dict[str, Any]) -> Exchange:
    require(actor, "activities.record_exchange", association)
    errors: dict[str, str] = {}
    direction = _choice(data, "direction", Direction.values, _("Chọn đoàn ra hoặc đoàn vào."), errors)
    start = _date(data, "starts_on", _("ngày bắt đầu"), errors)
    end = _date(data, "ends_on", _("ngày kết thúc"), errors)
    ordered(start, end, "ends_on", errors)
    due = _date(data, "report_due", _("hạn báo cáo kết quả"), errors, required=False) or (
        end + datetime.timedelta(days=15) if end else None)
    if due and end and due < end:
        errors["report_due"] = _("Hạn báo cáo kết quả phải sau ngày kết thúc chuyến đi.")
    values = {"association": association, "direction": direction,
              "partner": text(data, "partner", _("tổ chức đối tác"), errors),
              "country": text(data, "country", _("quốc gia"), errors),
              "purpose": text(data, "purpose", _("mục đích, nội dung"), errors),
              "approval_number": text(data, "approval_number", _("số văn bản cho phép"), errors),
              "starts_on": start, "ends_on": end, "report_due": due}
    if errors:
        raise ValidationError(errors)
    return object_create(actor=actor, model=Exchange, data=values, action="activities.exchange.recorded")


@transaction.atomic
def exchange_report(*, actor: Any, exchange: Exchange, data: dict[str, Any]) -> Exchange:
    """The association reports the result of an exchange (the report due afterwards)."""
    require(actor, "activities.record_exchange", exchange.association)
    errors: dict[str, str] = {}
    on = _date(data, "reported_on", _("ngày báo cáo"), errors, not_future=True)
    if on and on < exchange.starts_on:
        errors["reported_on"] = _("Ngày báo cáo kết quả không thể trước chuyến đi.")
    summary = text(data, "report_summary", _("tóm tắt kết quả chuyến đi"), errors)
    if exchange.reported_on is not None:
        errors["reported_on"] = _("Đoàn này đã có báo cáo kết quả.")
    if errors:
        raise ValidationError(errors)
    return object_update(actor=actor, obj=exchange, data={"reported_on": on, "report_summary": summary},
                         action="activities.exchange.reported")


@transaction.atomic
def foreign_project_record(*, actor: Any, association: Any, data: dict[str, Any]) -> ForeignProject:
    require(actor, "activities.record_exchange", association)
    errors: dict[str, str] = {}
    money = amount(data, "amount", _("giá trị dự án"), errors)
    start = _date(data, "starts_on", _("ngày bắt đầu"), errors)
    end = _date(data, "ends_on", _("ngày kết thúc"), errors)
    ordered(start, end, "ends_on", errors)
    values = {"association": association, "title": text(data, "title", _("tên dự án"), errors),
              "donor": text(data, "donor", _("nhà tài trợ"), errors), "country": text(data, "country", _("quốc "
                                                                                                      "gia"), errors),
              "amount": money, "approval_number": text(data, "approval_number", _("số quyết định phê duyệt"), errors),
              "approved_on": _date(data, "approved_on", _("ngày phê duyệt"), errors, not_future=True),
              "starts_on": start, "ends_on": end}
    if errors:
        raise ValidationError(errors)
    return object_create(actor=actor, model=ForeignProject, data=values, action="activities.foreign_project.recorded")


@transaction.atomic
def member_case_record(*, actor: Any, association: Any, data: dict[str, Any]) -> MemberCase:
    require(actor, "activities.record_case", association)
    errors: dict[str, str] = {}
    raised = _date(data, "raised_on", _("ngày tiếp nhận"), errors, not_future=True)
    closed = _date(data, "closed_on", _("ngày kết thúc"), errors, required=False, not_future=True)
    ordered(raised, closed, "closed_on", errors, _("Ngày kết thúc không thể trước ngày tiếp nhận."))
    outcome = data.get("outcome") or CaseOutcome.OPEN
    if outcome not in CaseOutcome.values:
        errors["outcome"] = _("Chọn kết quả trong danh sách.")
    elif outcome != CaseOutcome.OPEN and closed is None and "closed_on" not in errors:
        errors["closed_on"] = _("Vụ việc đã có kết quả: nhập ngày kết thúc.")
    values = {"association": association,
              "kind": _choice(data, "kind", CaseKind.values, _("Chọn loại vụ việc trong danh sách."), errors),
              "raised_by": text(data, "raised_by", _("người, nhóm nêu (mô tả, không ghi họ tên)"), errors),
              "summary": text(data, "summary", _("nội dung vụ việc"), errors),
              "response": (data.get("response") or "").strip(), "outcome": outcome, "raised_on": raised,
              "closed_on": closed}
    if errors:
        raise ValidationError(errors)
    return object_create(actor=actor, model=MemberCase, data=values, action="activities.member_case.recorded")



