"""Urging: the scheduled reminder and the board's one-click urge, both through `core.notify` (in-app and
e-mail, never twice for the same key)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from sohoi.core import audit, deadlines
from sohoi.core.deadlines import TrackState
from sohoi.core.notify import notify
from sohoi.core.permissions import require

from ..models import Assignment
from .tracking import _unit_users


def _open_due(on: datetime.date, days: int):
    horizon = on + datetime.timedelta(days=days)
    return (Assignment.objects.filter(done_on__isnull=True, due_on__isnull=False, due_on__lte=horizon)
            .select_related("task__document", "unit").order_by("due_on", "pk"))


def _message(assignment: Assignment, on: datetime.date) -> tuple[str, str]:
    task, document = assignment.task, assignment.task.document
    overdue = assignment.due_on < on
    if overdue:
        title = f"Quá hạn: {task} (hạn {assignment.due_on:%d/%m/%Y})"
    else:
        title = f"Sắp đến hạn: {task} (hạn {assignment.due_on:%d/%m/%Y})"
    # Only unit users who may read the document are notified at all (see _unit_users), so the body may
    # quote the task; it still never quotes a secret document's subject.
    body = f"Đơn vị: {assignment.unit}. " + ("" if document.is_secret else task.text[:300])
    return title, body


def reminders_send(*, days: int = 7, on: datetime.date | None = None) -> int:
    """Notify the users of assigned units about work due within `days` days and overdue work. The key holds
    the assignment, the due date of its current period and the kind, so a daily run never repeats itself
    for the same period. Returns the number of notifications created."""
    if days < 0:
        raise ValidationError({"days": "Số ngày phải từ 0 trở lên."})
    on = on or deadlines.today()
    sent = 0
    for assignment in _open_due(on, days):
        kind = "overdue" if assignment.due_on < on else "due_soon"
        title, body = _message(assignment, on)
        created = notify(users=_unit_users(assignment.unit_id, assignment.task.document),
                         kind=f"directives.{kind}", title=title, body=body, url=assignment.get_absolute_url(),
                         key=f"directives.remind:{assignment.pk}:{assignment.due_on:%Y%m%d}:{kind}")
        sent += len(created)
    if sent:
        audit.record(actor=None, action="directives.reminders.sent", changes={"notifications": [None, sent]},
                     note=f"Nhắc hạn ngày {on:%d/%m/%Y}, trong {days} ngày tới")
    return sent


@transaction.atomic
def unit_urge(*, actor: Any, unit_id: int, on: datetime.date | None = None) -> int:
    """One click on the urge page: remind a unit of all its overdue assignments the actor can see. Logged
    as an urge per assignment; a second click the same day sends nothing."""
    require(actor, "directives.urge")
    on = on or deadlines.today()
    from ..selectors import overdue_assignments

    sent = 0
    for assignment in overdue_assignments(user=actor, on=on).filter(unit_id=unit_id):
        key = f"directives.urge:{assignment.pk}:{on:%Y%m%d}"
        title, body = _message(assignment, on)
        created = notify(users=_unit_users(assignment.unit_id, assignment.task.document), kind="directives.urge",
                         title=f"Đôn đốc – {title}", body=body, url=assignment.get_absolute_url(), key=key)
        if created:
            audit.record(actor=actor, action="directives.assignment.urged", target=assignment,
                         changes={"state": [None, TrackState.OPEN_OVERDUE.value], "notified": [None, len(created)]},
                         note=key)
            sent += len(created)
    if not sent:
        raise ValidationError("Không có thông báo nào được gửi: đơn vị đã được đôn đốc hôm nay, không còn việc quá "
                              "hạn, hoặc chưa có người dùng nào của đơn vị.")
    return sent
