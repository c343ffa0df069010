"""Officer assignments (the Department's decision) and the officers' monitoring log."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from sohoi.accounts.choices import Role
from sohoi.core.services import object_create, object_update

from ..models import Association, MonitoringLog, OfficerAssignment
from ..models.scope import CHANGE_ALL, assigned_association_ids
from .base import require_department


@transaction.atomic
def officer_assign(*, actor: Any, association: Association, officer: Any, started_on: datetime.date,
                   note: str = "") -> OfficerAssignment:
    """Assign (or reassign) the dedicated officer; the previous assignment ends the day before."""
    require_department(actor, "phân công cán bộ theo dõi hội")
    if not officer.has_role(Role.HOME_AFFAIRS_OFFICER):
        raise ValidationError({"officer": f"“{officer}” không có vai trò cán bộ theo dõi hội. Chọn cán bộ khác "
                                          "hoặc nhờ quản trị cấp vai trò."})
    if association.has_ended:
        raise ValidationError({"association": "Hội đã chấm dứt hoạt động; không phân công theo dõi."})
    current = OfficerAssignment.objects.select_for_update().filter(association=association,
                                                                  ended_on__isnull=True).first()
    if current is not None:
        if current.officer_id == officer.pk:
            raise ValidationError({"officer": f"“{officer}” đang theo dõi hội này."})
        if started_on <= current.started_on:
            raise ValidationError({"started_on": f"Ngày bắt đầu phải sau {current.started_on:%d/%m/%Y} "
                                                 "(ngày cán bộ hiện tại bắt đầu theo dõi)."})
        officer_unassign(actor=actor, assignment=current, ended_on=started_on - datetime.timedelta(days=1))
    return object_create(actor=actor, model=OfficerAssignment, action="associations.officer.assigned", data={
        "association": association, "officer": officer, "started_on": started_on, "note": note})


@transaction.atomic
def officer_unassign(*, actor: Any, assignment: OfficerAssignment, ended_on: datetime.date) -> OfficerAssignment:
    require_department(actor, "kết thúc phân công theo dõi hội")
    if ended_on < assignment.started_on:
        raise ValidationError({"ended_on": "Ngày kết thúc không thể trước ngày bắt đầu theo dõi."})
    return object_update(actor=actor, obj=assignment, data={"ended_on": ended_on},
                         action="associations.officer.unassigned")


def _require_log(actor: Any, association: Association) -> None:
    """The Department, or the officer who follows this association (the log is their working record)."""
    if actor is None or actor.role_codes & CHANGE_ALL:
        return
    if actor.has_role(Role.HOME_AFFAIRS_OFFICER) and Association.objects.filter(
            pk=association.pk, pk__in=assigned_association_ids(actor)).exists():
        return
    raise PermissionDenied("Chỉ cán bộ được phân công theo dõi hội này (hoặc Sở Nội vụ) được ghi nhật ký theo dõi.")


@transaction.atomic
def monitoring_log_add(*, actor: Any, association: Association, on: datetime.date, kind: str, text: str,
                       follow_up_due: datetime.date | None = None, officer: Any = None) -> MonitoringLog:
    """`officer` defaults to the actor (a system import may name the officer explicitly)."""
    _require_log(actor, association)
    if follow_up_due and follow_up_due < on:
        raise ValidationError({"follow_up_due": "Hạn theo dõi tiếp phải sau ngày ghi nhật ký."})
    if not (text or "").strip():
        raise ValidationError({"text": "Nhập nội dung làm việc."})
    return object_create(actor=actor, model=MonitoringLog, action="associations.monitoring.logged", data={
        "association": association,
        "officer": officer or (actor if getattr(actor, "is_authenticated", False) else None),
        "on": on, "kind": kind, "text": text, "follow_up_due": follow_up_due})


@transaction.atomic
def monitoring_log_close(*, actor: Any, log: MonitoringLog, done_on: datetime.date) -> MonitoringLog:
    _require_log(actor, log.association)
    if done_on < log.on:
        raise ValidationError({"follow_up_done_on": "Ngày xử lý không thể trước ngày ghi nhật ký."})
    return object_update(actor=actor, obj=log, data={"follow_up_done_on": done_on},
                         action="associations.monitoring.followed_up")
