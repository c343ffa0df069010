"""States computed from dates (moving the clock), report periods, reports and their review."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sohoi.core.deadlines import TrackState, classify
from sohoi.directives.deadline_rules import undated_days
from sohoi.directives.models import Assignment, ProgressReport
from sohoi.directives.selectors import with_state
from sohoi.directives.services import (
    period_bounds,
    progress_report_submit,
    progress_report_transition,
)

pytestmark = pytest.mark.django_db
D = datetime.date


def _a(letter_or_code, no, unit):
    return Assignment.objects.select_related("task__document", "unit").get(
        task__document__code=letter_or_code, task__no=no, unit__name=unit)


def test_demo_shows_every_state():
    # Today the 2012 letter's open work is overdue; early in 2013 some of it was still on time or not started.
    states = set(with_state(Assignment.objects.all()).values_list("state", flat=True))
    states |= set(with_state(Assignment.objects.all(), on=D(2013, 1, 20)).values_list("state", flat=True))
    assert states == set(TrackState.values)


@pytest.mark.parametrize("on", [D(2012, 11, 1), D(2012, 12, 1), D(2013, 7, 1), D(2030, 1, 1)])
def test_sql_state_agrees_with_classify_on_any_day(on):
    for a in with_state(Assignment.objects.all(), on=on):
        assert a.state == a.state_on(on) == classify(
            due=a.due_on, done_on=a.done_on, started=a.has_report, on=on,
            opened=a.task.document.date if a.due_on is None else None, undated_days=undated_days(on))


def test_moving_the_clock_turns_open_work_overdue(users):
    a = _a("45-KH/QU", "3", "Hội Khuyến học quận Ninh Kiều")
    assert a.due_on == D(2013, 10, 31)
    assert a.state_on(D(2013, 10, 31)) == TrackState.NOT_STARTED
    assert a.state_on(D(2013, 11, 1)) == TrackState.OPEN_OVERDUE
    progress_report_submit(actor=users["quantri"], assignment=a, text="Đang chuẩn bị", percent=30, on=D(2013, 10, 1))
    a.refresh_from_db()
    assert a.state_on(D(2013, 10, 2)) == TrackState.OPEN_ON_TIME
    assert a.state_on(D(2013, 11, 2)) == TrackState.OPEN_OVERDUE


def test_demo_done_on_time_and_late():
    assert _a("45-KH/QU", "1", "Hội Khuyến học quận Ninh Kiều").state_on() == TrackState.DONE_ON_TIME
    assert _a("45-KH/QU", "2", "Hội Khuyến học quận Ninh Kiều").state_on() == TrackState.DONE_LATE


def test_district_user_reports_and_board_accepts(users):
    a = _a("752-CV/TU", "1", "Quận ủy Ninh Kiều")
    a.done_on = None
    a.save(update_fields=["done_on"])
    report = progress_report_submit(actor=users["quanuy.ninhkieu"], assignment=a, text="Đã quán triệt xong",
                                    percent=100, on=D(2013, 2, 1))
    assert report.is_final and report.status == "submitted"
    progress_report_transition(actor=users["dandan"], report=report, action="accept")
    a.refresh_from_db()
    assert a.done_on == D(2013, 2, 1) and a.state_on() == TrackState.DONE_ON_TIME
    with pytest.raises(ValidationError):  # reviewed once only
        progress_report_transition(actor=users["dandan"], report=report, action="return", comment="x")


def test_report_rules(users):
    a = _a("752-CV/TU", "5", "Hội Chữ thập đỏ thành phố Cần Thơ")
    with pytest.raises(PermissionDenied):  # another unit cannot report for it
        progress_report_submit(actor=users["hoi.khuyenhoc"], assignment=a, text="x")
    with pytest.raises(ValidationError) as exc:
        progress_report_submit(actor=users["hoi.chuthapdo"], assignment=a, text="  ", percent=140)
    assert set(exc.value.message_dict) == {"text", "percent"}
    report = progress_report_submit(actor=users["hoi.chuthapdo"], assignment=a, text="Đã làm một phần", percent=40)
    with pytest.raises(ValidationError):  # one pending report at a time
        progress_report_submit(actor=users["hoi.chuthapdo"], assignment=a, text="Thêm")
    with pytest.raises(ValidationError) as exc:
        progress_report_transition(actor=users["dandan"], report=report, action="return")
    assert "lý do" in exc.value.message_dict["comment"][0]
    with pytest.raises(PermissionDenied):  # an association does not review
        progress_report_transition(actor=users["hoi.khuyenhoc"], report=report, action="accept")
    progress_report_transition(actor=users["dandan"], report=report, action="return", comment="Bổ sung số liệu")
    assert ProgressReport.objects.get(pk=report.pk).status == "returned"
    # A returned report does not finish the work, but the work has started.
    a.refresh_from_db()
    assert a.done_on is None and a.state_on(D(2013, 1, 20)) == TrackState.OPEN_ON_TIME
    assert a.state_on() == TrackState.OPEN_OVERDUE  # untouched since 2012: not "on time" today


def test_no_self_review(users):
    a = _a("752-CV/TU", "6", "Ban Dân vận Thành ủy")
    report = progress_report_submit(actor=users["dandan"], assignment=a, text="Báo cáo kỳ 2", on=D(2013, 6, 20))
    with pytest.raises(PermissionDenied):
        progress_report_transition(actor=users["dandan"], report=report, action="accept")
    progress_report_transition(actor=users["thuongtruc"], report=report, action="accept")


def test_periodic_task_opens_one_period_after_another(users):
    a = _a("752-CV/TU", "6", "Ban Dân vận Thành ủy")
    periods = list(a.periods.order_by("seq"))
    # Demo: period 1 (12/10 - 31/12/2012) reported and accepted, period 2 (first half of 2013) open.
    assert [(p.start, p.end, p.done_on) for p in periods] == [
        (D(2012, 10, 12), D(2012, 12, 31), D(2012, 12, 28)), (D(2013, 1, 1), D(2013, 6, 30), None)]
    assert a.due_on == D(2013, 6, 30) and a.state_on(D(2013, 7, 1)) == TrackState.OPEN_OVERDUE
    report = progress_report_submit(actor=users["dandan"], assignment=a, text="Kỳ 2", on=D(2013, 7, 5))
    assert report.period == periods[1]
    progress_report_transition(actor=users["thuongtruc"], report=report, action="accept")
    a.refresh_from_db()
    third = a.periods.get(seq=3)
    assert (third.start, third.due) == (D(2013, 7, 1), D(2013, 12, 31))
    assert a.due_on == D(2013, 12, 31) and a.done_on is None
    assert a.periods.get(seq=2).state_on() == TrackState.DONE_LATE


@pytest.mark.parametrize(("start", "months", "end"), [
    (D(2012, 10, 12), 6, D(2012, 12, 31)), (D(2013, 1, 1), 6, D(2013, 6, 30)), (D(2013, 2, 10), 3, D(2013, 3, 31)),
    (D(2013, 2, 10), 1, D(2013, 2, 28)), (D(2013, 2, 10), 12, D(2013, 12, 31)),
])
def test_period_bounds(start, months, end):
    assert period_bounds(start, months) == (start, end)


def test_period_length_is_configurable_on_the_task(users):
    from sohoi.directives.services import assignment_open
    from sohoi.orgs.models import Unit

    task = _a("752-CV/TU", "6", "Ban Dân vận Thành ủy").task
    task.period_months = 1  # "định kỳ" is half-yearly unless the task says otherwise
    task.save(update_fields=["period_months"])
    a = assignment_open(actor=None, task=task, unit=Unit.objects.get(name="Ban Tuyên giáo Thành ủy"))
    assert a.periods.get().due == D(2012, 10, 31) and a.due_on == D(2012, 10, 31)
    task.recurrence, task.period_months = "monthly", None
    task.save(update_fields=["recurrence", "period_months"])
    b = assignment_open(actor=None, task=task, unit=Unit.objects.get(name="Văn phòng Thành ủy"))
    assert b.periods.get().end == D(2012, 10, 31)
