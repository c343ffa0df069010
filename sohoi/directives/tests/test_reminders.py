"""Reminders and urging, with the clock moved explicitly."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from sohoi.core.models import AuditEntry, Notification
from sohoi.directives.models import Assignment
from sohoi.directives.services import reminders_send, unit_urge

pytestmark = pytest.mark.django_db
D = datetime.date


def _a(code, no, unit):
    return Assignment.objects.get(task__document__code=code, task__no=no, unit__name=unit)


def test_due_soon_then_overdue_each_once_per_period(users, django_capture_on_commit_callbacks):
    a = _a("752-CV/TU", "6", "Ban Dân vận Thành ủy")  # due 30/06/2013
    dandan = users["dandan"]
    reminders_send(days=7, on=D(2013, 6, 1))  # a month ahead: not yet
    assert not Notification.objects.filter(user=dandan, key__startswith=f"directives.remind:{a.pk}:").exists()
    with django_capture_on_commit_callbacks(execute=True):  # e-mails go out once their batch is committed
        reminders_send(days=7, on=D(2013, 6, 25))
    soon = Notification.objects.filter(user=dandan, key=f"directives.remind:{a.pk}:20130630:due_soon")
    assert soon.count() == 1 and "Sắp đến hạn" in soon.get().title
    assert any(dandan.email in m.to for m in mail.outbox) and soon.get().emailed
    reminders_send(days=7, on=D(2013, 6, 26))  # a daily run does not repeat itself
    assert soon.count() == 1
    reminders_send(days=7, on=D(2013, 7, 2))
    overdue = Notification.objects.filter(user=dandan, key=f"directives.remind:{a.pk}:20130630:overdue")
    assert overdue.count() == 1 and overdue.get().title.startswith("Quá hạn")
    # Only the assigned unit's users hear about it.
    assert not Notification.objects.filter(key__startswith=f"directives.remind:{a.pk}:").exclude(
        user__unit_id=a.unit_id).exists()


def test_nothing_due_means_nothing_sent(users):
    assert reminders_send(days=7, on=D(2012, 10, 13)) == 0


def test_remind_command(users):
    out = io.StringIO()
    call_command("remind", "--days", "3", "--on", "2013-07-02", stdout=out)
    assert "Đã gửi" in out.getvalue()
    assert Notification.objects.filter(user=users["dandan"], kind="directives.overdue").exists()
    out2 = io.StringIO()
    call_command("remind", "--on", "2013-07-02", stdout=out2)
    assert "Đã gửi 0 thông báo" in out2.getvalue()


def test_urge_is_logged_and_not_repeated_the_same_day(users):
    unit = Assignment.objects.get(task__document__code="38-KH/HU", task__no="1").unit
    from sohoi.accounts.services import user_create

    staff = user_create(actor=None, username="hoi.ctd.phongdien", password="x", full_name="Người thử",
                        unit=unit, roles=["association_staff"], check_password=False)
    sent = unit_urge(actor=users["dandan"], unit_id=unit.pk, on=D(2026, 1, 5))
    assert sent == 2  # the district plan's task, and the 2012 letter's, long past its default deadline
    note = Notification.objects.filter(user=staff, kind="directives.urge").first()
    assert note.title.startswith("Đôn đốc")
    entry = AuditEntry.objects.filter(action="directives.assignment.urged", note__endswith=":20260105").first()
    assert entry.actor == users["dandan"]
    with pytest.raises(ValidationError):
        unit_urge(actor=users["dandan"], unit_id=unit.pk, on=D(2026, 1, 5))
    assert unit_urge(actor=users["dandan"], unit_id=unit.pk, on=D(2026, 1, 6)) == 2


def test_only_the_board_urges(users):
    with pytest.raises(PermissionDenied):
        unit_urge(actor=users["quanuy.ninhkieu"], unit_id=users["hoi.khuyenhoc"].unit_id)


def _more_work(document, unit, start: int, count: int, due: datetime.date) -> None:
    from sohoi.directives.models import Task

    tasks = Task.objects.bulk_create([Task(document=document, no=f"R{i}", position=900 + i, text=f"Việc thử {i}",
                                           due=due) for i in range(start, start + count)])
    Assignment.objects.bulk_create([Assignment(task=t, unit=unit, due_on=due) for t in tasks])


def test_reminders_cost_the_same_queries_at_any_size_and_nothing_twice(users, django_capture_on_commit_callbacks):
    """Set operations: the reminders to send are one query (assignments x their units' users, minus the
    (user, key) pairs already notified), one read and one INSERT per batch, one audit row. 10 and 100 new
    assignments cost the same number of queries; a second run sends nothing in one query."""
    import datetime

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sohoi.core.models import AuditEntry

    on = D(2031, 3, 10)
    reminders_send(days=7, on=on)  # everything open in the demo is overdue by then: notified once, here
    a = _a("752-CV/TU", "6", "Ban Dân vận Thành ủy")
    users_of_unit = a.unit.users.filter(is_active=True).count()
    assert users_of_unit >= 1
    counts = []
    for start, size in ((0, 10), (10, 100)):
        _more_work(a.task.document, a.unit, start, size, on + datetime.timedelta(days=3))
        with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
            assert reminders_send(days=7, on=on) == size * users_of_unit
        counts.append(len(queries))
    assert counts[0] == counts[1] and counts[0] <= 10, counts
    audits = AuditEntry.objects.filter(action="directives.reminders.sent").count()
    with CaptureQueriesContext(connection) as queries:
        assert reminders_send(days=7, on=on) == 0  # a second run sends nothing...
    from sohoi.core.contributions import app_modules

    # ...and costs one query, plus one per app whose deadlines take the same path (oversight's recommendations)
    assert len(queries) == 1 + len(list(app_modules("reminders")))
    assert AuditEntry.objects.filter(action="directives.reminders.sent").count() == audits
    keys = Notification.objects.filter(key__startswith="directives.remind:").values_list("user_id", "key")
    assert keys.count() == len(set(keys))
