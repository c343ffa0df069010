"""Officer assignments (the Department's decision) and the officers' monitoring log."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sohoi.core.permissions import require
from sohoi.core.services import object_create, object_update

from ..models import Association, MonitoringLog, OfficerAssignment
from ..permissions import is_monitoring_officer


@transaction.atomic
def officer_assign(*, actor: Any, association: Association, officer: Any, started_on: datetime.date,
                   note: str = "") -> OfficerAssignment:
    """Assign (or reassign) the dedicated officer; the previous assignment ends the day before."""
    require(actor, "associations.assign_officer", association)
    if not is_monitoring_officer(officer):
        raise ValidationError({"officer": (_("“%(officer)s” không có vai trò cán bộ theo dõi hội. Chọn cán "
                                             "bộ khác hoặc nhờ quản trị cấp vai trò.")
                                           % {"officer": officer})})
    if association.has_ended:
        raise ValidationError({"association": _("Hội đã chấm dứt hoạt động; không phân công theo dõi.")})
    current = OfficerAssignment.objects.select_for_update().filter(association=association,
                                                                  ended_on__isnull=True).first()
    if current is not None:
        if current.officer_id == officer.pk:
            raise ValidationError({"officer": _("“%(officer)s” đang theo dõi hội này.")
                                              % {"officer": officer}})
        if started_on <= current.started_on:
            raise ValidationError({"started_on": (_("Ngày bắt đầu phải sau %(started_on)s (ngày cán bộ hiện "
                                                    "tại bắt đầu theo dõi).")
                                                  % {"started_on": format(current.started_on, '%d/%m/%Y')})})
        officer_unassign(actor=actor, assignment=current, ended_on=started_on - datetime.timedelta(days=1))
    return object_create(actor=actor, model=OfficerAssignment, action="associations.officer.assigned", data={
        "association": association, "officer": officer, "started_on": started_on, "note": note})


@transaction.atomic
def officer_unassign(*, actor: Any, assignment: OfficerAssignment, ended_on: datetime.date) -> OfficerAssignment:
    require(actor, "associations.assign_officer", assignment.association)
    if ended_on < assignment.started_on:
        raise ValidationError({"ended_on": _("Ngày kết thúc không thể trước ngày bắt đầu theo dõi.")})
    return object_update(actor=actor, obj=assignment, data={"ended_on": ended_on},
                         action="associations.officer.unassigned")


@transaction.atomic
def monitoring_log_add(*, actor: Any, association: Association, on: datetime.date, kind: str, text: str,
                       follow_up_due: datetime.date | None = None, officer: Any = None) -> MonitoringLog:
    """`officer` defaults to the actor (a system import may name the officer explicitly)."""
    require(actor, "associations.log_monitoring", association)
    if follow_up_due and follow_up_due < on:
        raise ValidationError({"follow_up_due": _("Hạn theo dõi tiếp phải sau ngày ghi nhật ký.")})
    if not (text or "").strip():
        raise ValidationError({"text": _("Nhập nội dung làm việc.")})
    return object_create(actor=actor, model=MonitoringLog, action="associations.monitoring.logged", data={
        "association": association,
        "officer": officer or (actor if getattr(actor, "is_authenticated", False) else None),
        "on": on, "kind": kind, "text": text, "follow_up_due": follow_up_due})


@transaction.atomic
def monitoring_log_close(*, actor: Any, log: MonitoringLog, done_on: datetime.date) -> MonitoringLog:
    require(actor, "associations.log_monitoring", log.association)
    if done_on < log.on:
        raise ValidationError({"follow_up_done_on": _("Ngày xử lý không thể trước ngày ghi nhật ký.")})
    return object_update(actor=actor, obj=log, data={"follow_up_done_on": done_on},
                         action="associations.monitoring.followed_up")
