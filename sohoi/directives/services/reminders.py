"""Urging: the scheduled reminder and the board's one-click urge, both through `core.notify` (in-app and
e-mail, never twice for the same key)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, When
from django.utils.translation import gettext as _

from sohoi.core import audit, deadlines
from sohoi.core.deadlines import TrackState
from sohoi.core.notify import notify, notify_many
from sohoi.core.permissions import require

from ..choices import Secrecy
from ..models import Assignment
from .tracking import _unit_users

BATCH = 1000


def _open_due(on: datetime.date, days: int):
    horizon = on + datetime.timedelta(days=days)
    return (Assignment.objects.filter(done_on__isnull=True, due_on__isnull=False, due_on__lte=horizon)
            .select_related("task__document", "unit").order_by("due_on", "pk"))


def _due_pairs(on: datetime.date, days: int):
    """(assignment, user, key, kind, e-mail) of every reminder still to send, in ONE query: the open assignments
    due within `days` days or overdue, joined to the active users of their units (for a secret document only
    its readers and its registrar: the same rule as `_unit_users`), minus the (user, key) pairs notified
    before (an anti-join on the notification table). The key is built in SQL exactly as it always was:
    `directives.remind:<assignment>:<due YYYYMMDD>:<overdue|due_soon>`."""
    from django.db.models import CharField, Exists, F, OuterRef, Q, Value
    from django.db.models.functions import Cast, Concat, ExtractDay, ExtractMonth, ExtractYear, LPad

    from sohoi.core.models import Notification

    from ..models import Document

    def text(expr):
        return Cast(expr, CharField())

    horizon = on + datetime.timedelta(days=days)
    kind = Case(When(due_on__lt=on, then=Value("overdue")), default=Value("due_soon"), output_field=CharField())
    readers = Document.readers.through.objects.filter(document_id=OuterRef("task__document_id"),
                                                      user_id=OuterRef("user_id"))
    return (Assignment.objects.filter(done_on__isnull=True, due_on__isnull=False, due_on__lte=horizon)
            # one join to the unit's users, named once and reused below (a second filter() would join again)
            .annotate(user_id=F("unit__users__id"), user_active=F("unit__users__is_active"),
                      user_email=F("unit__users__email"), kind=kind)
            .annotate(key=Concat(Value("directives.remind:"), text("pk"), Value(":"), text(ExtractYear("due_on")),
                                 LPad(text(ExtractMonth("due_on")), 2, Value("0")),
                                 LPad(text(ExtractDay("due_on")), 2, Value("0")), Value(":"), "kind",
                                 output_field=CharField()))
            .filter(user_active=True)
            .filter(Q(task__document__secrecy=Secrecy.NORMAL) | Q(task__document__created_by_id=F("user_id"))
                    | Exists(readers))
            .exclude(Exists(Notification.objects.filter(user_id=OuterRef("user_id"), key=OuterRef("key"))))
            .order_by("pk", "user_id")
            .values_list("pk", "user_id", "key", "kind", "user_email"))


def _message(assignment: Assignment, on: datetime.date) -> tuple[str, str]:
    task, document = assignment.task, assignment.task.document
    overdue = assignment.due_on < on
    if overdue:
        # i18n: data (a stored notification, written once in the source language)
        title = f"Quá hạn: {task} (hạn {assignment.due_on:%d/%m/%Y})"
    else:
        # i18n: data (a stored notification, written once in the source language)
        title = f"Sắp đến hạn: {task} (hạn {assignment.due_on:%d/%m/%Y})"
    # Only unit users who may read the document are notified at all (see _unit_users), so the body may
    # quote the task; it still never quotes a secret document's subject.
    # i18n: data (a stored notification, written once in the source language)
    body = f"Đơn vị: {assignment.unit}. " + ("" if document.is_secret else task.text[:300])
    return title, body


def reminders_send(*, days: int = 7, on: datetime.date | None = None) -> int:
    """Notify the users of assigned units about work due within `days` days and overdue work. The key holds
    the assignment, the due date of its current period and the kind, so a daily run never repeats itself
    for the same period. Returns the number of notifications created.

    Set operations, whatever the size (design.md §13): one streamed query yields the reminders still to send
    (`_due_pairs`); per batch of BATCH of them, one query reads their assignments and one INSERT writes the
    notifications, whose e-mails go out in one connection once the batch is committed; one audit row sums
    up the run. A run with nothing to send costs one query."""
    if days < 0:
        raise ValidationError({"days": _("Số ngày phải từ 0 trở lên.")})
    on = on or deadlines.today()
    sent = 0
    batch: list[tuple[int, int, str, str, str]] = []
    for pair in _due_pairs(on, days).iterator(chunk_size=BATCH):
        batch.append(pair)
        if len(batch) >= BATCH:
            sent += _send(batch, on)
            batch = []
    sent += _send(batch, on)
    # Other apps' deadlines take the same path (oversight: recommendations awaiting an answer).
    from sohoi.core.contributions import app_modules

    for _config, module in app_modules("reminders"):
        sent += module.reminders_send(on=on, days=days)
    if sent:
        audit.record(actor=None, action="directives.reminders.sent", changes={"notifications": [None, sent]},
                     note=f"Nhắc hạn ngày {on:%d/%m/%Y}, trong {days} ngày tới")
    return sent


def _send(batch: list[tuple[int, int, str, str, str]], on: datetime.date) -> int:
    if not batch:
        return 0
    from sohoi.core.models import Notification

    assignments = Assignment.objects.select_related("task__document", "unit").in_bulk({p[0] for p in batch})
    messages: dict[int, tuple[str, str, str]] = {}
    notes = []
    for assignment_id, user_id, key, kind, email in batch:
        if assignment_id not in messages:
            a = assignments[assignment_id]
            messages[assignment_id] = (*_message(a, on), a.get_absolute_url())
        title, body, url = messages[assignment_id]
        notes.append((Notification(user_id=user_id, kind=f"directives.{kind}", title=title[:300], body=body, url=url,
                                   key=key), email or ""))
    return notify_many(notes)


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
        # i18n: data (a stored notification, written once in the source language)
        created = notify(users=_unit_users(assignment.unit_id, assignment.task.document), kind="directives.urge",
                         title=f"Đôn đốc – {title}", body=body, url=assignment.get_absolute_url(), key=key)
        if created:
            audit.record(actor=actor, action="directives.assignment.urged", target=assignment,
                         changes={"state": [None, TrackState.OPEN_OVERDUE.value], "notified": [None, len(created)]},
                         note=key)
            sent += len(created)
    if not sent:
        raise ValidationError(_("Không có thông báo nào được gửi: đơn vị đã được đôn đốc hôm nay, không còn "
                                "việc quá hạn, hoặc chưa có người dùng nào của đơn vị."))
    return sent
