import datetime

import pytest

from sohoi.core import deadlines
from sohoi.core.deadlines import (
    TrackState,
    add_working_days,
    classify,
    state_expression,
    working_days_between,
)
from sohoi.core.models import Holiday

D = datetime.date


@pytest.mark.parametrize(
    ("due", "done_on", "started", "on", "expected"),
    [
        (D(2026, 3, 31), None, False, D(2026, 3, 1), TrackState.NOT_STARTED),
        (D(2026, 3, 31), None, True, D(2026, 3, 1), TrackState.OPEN_ON_TIME),
        (D(2026, 3, 31), None, True, D(2026, 3, 31), TrackState.OPEN_ON_TIME),  # due day itself is still on time
        (D(2026, 3, 31), None, False, D(2026, 4, 1), TrackState.OPEN_OVERDUE),
        (D(2026, 3, 31), D(2026, 3, 31), True, D(2026, 5, 1), TrackState.DONE_ON_TIME),
        (D(2026, 3, 31), D(2026, 4, 2), True, D(2026, 5, 1), TrackState.DONE_LATE),
        (None, None, True, D(2030, 1, 1), TrackState.OPEN_ON_TIME),
        (None, D(2026, 1, 1), True, D(2030, 1, 1), TrackState.DONE_ON_TIME),
    ],
)
def test_classify_uses_the_governments_four_classes(due, done_on, started, on, expected):
    assert classify(due=due, done_on=done_on, started=started, on=on) == expected


def test_database_expression_agrees_with_python_rule(db):
    """The SQL CASE and the Python function are one rule: check them against each other on real rows."""
    cases = [
        (D(2026, 3, 31), None, False), (D(2026, 3, 31), None, True), (D(2026, 1, 2), None, True),
        (D(2026, 3, 31), D(2026, 3, 30), True), (D(2026, 3, 31), D(2026, 4, 5), True), (None, None, False),
        (None, D(2026, 2, 2), True),
    ]
    on = D(2026, 3, 15)
    rows = []
    for i, (_due, done_on, started) in enumerate(cases):
        # Holiday rows are a convenient real table to carry two dates and a flag through the database.
        rows.append(Holiday.objects.create(day=D(2099, 1, 1) + datetime.timedelta(days=i), name=str(started),
                                           legal_basis=done_on.isoformat() if done_on else ""))
    from django.db.models import Case, DateField, Value, When
    from django.db.models.functions import Cast

    qs = Holiday.objects.filter(pk__in=[r.pk for r in rows]).annotate(
        due=Case(*[When(pk=r.pk, then=Value(c[0])) for r, c in zip(rows, cases, strict=True)], output_field=DateField()),
        done=Case(When(legal_basis="", then=Value(None)), default=Cast("legal_basis", DateField())),
        started=Case(When(name="True", then=Value(True)), default=Value(False)),
    ).annotate(state=state_expression(due="due", done_on="done", started="started", on=on)).order_by("day")
    got = [r.state for r in qs]
    want = [classify(due=c[0], done_on=c[1], started=c[2], on=on).value for c in cases]
    assert got == want


def test_working_days_skip_weekends_and_holidays(db):
    # 2026-04-24 is a Friday; 27/4 (Giỗ Tổ) and 30/4, 1/5 are holidays in the demo calendar.
    assert Holiday.objects.filter(day=D(2026, 4, 27)).exists()
    assert add_working_days(D(2026, 4, 24), 1) == D(2026, 4, 28)
    assert add_working_days(D(2026, 4, 24), 3) == D(2026, 5, 4)
    assert working_days_between(D(2026, 4, 24), D(2026, 5, 4)) == 3


def test_holiday_added_later_is_seen_at_once(db):
    before = add_working_days(D(2026, 6, 1), 1)
    Holiday.objects.create(day=before, name="Nghỉ bù thử nghiệm")
    assert add_working_days(D(2026, 6, 1), 1) == before + datetime.timedelta(days=1)


def test_due_soon_window():
    on = D(2026, 1, 10)
    assert deadlines.due_soon(D(2026, 1, 17), 7, on)
    assert not deadlines.due_soon(D(2026, 1, 18), 7, on)
    assert not deadlines.due_soon(D(2026, 1, 9), 7, on)


@pytest.mark.parametrize(
    ("due", "done_on", "started", "opened", "expected"),
    [
        # Undated work opened in 2012 and never finished is not "on time" in 2026 ...
        (None, None, True, D(2012, 10, 15), TrackState.OPEN_OVERDUE),
        (None, None, False, D(2012, 10, 15), TrackState.OPEN_OVERDUE),
        # ... while recent undated work still is, and done work stays done.
        (None, None, True, D(2026, 1, 10), TrackState.OPEN_ON_TIME),
        (None, None, False, D(2026, 1, 10), TrackState.NOT_STARTED),
        (None, D(2013, 1, 1), True, D(2012, 10, 15), TrackState.DONE_ON_TIME),
        # A dated item is judged by its date, whatever its age.
        (D(2026, 12, 31), None, True, D(2012, 10, 15), TrackState.OPEN_ON_TIME),
    ],
)
def test_undated_open_work_is_classified_by_age(due, done_on, started, opened, expected):
    assert classify(due=due, done_on=done_on, started=started, on=D(2026, 3, 1), opened=opened,
                    undated_days=365) == expected


def test_done_on_the_actual_completion_date_not_the_acceptance_date():
    """The conference held on 20/3 for a 31/3 deadline is done on time even if its report is accepted in May."""
    due = D(2026, 3, 31)
    assert classify(due=due, done_on=D(2026, 3, 20), started=True, on=D(2026, 5, 15)) == TrackState.DONE_ON_TIME
    assert classify(due=due, done_on=D(2026, 5, 15), started=True, on=D(2026, 5, 15)) == TrackState.DONE_LATE


def test_database_expression_agrees_for_undated_work(db):
    cases = [  # (opened, started, done_on)
        (D(2012, 10, 15), True, None), (D(2012, 10, 15), False, None), (D(2026, 1, 10), True, None),
        (D(2026, 1, 10), False, None), (D(2012, 10, 15), True, D(2013, 1, 1)), (None, True, None),
    ]
    on = D(2026, 3, 1)
    rows = [Holiday.objects.create(day=D(2099, 2, 1) + datetime.timedelta(days=i), name=str(started),
                                   legal_basis=done_on.isoformat() if done_on else "")
            for i, (_opened, started, done_on) in enumerate(cases)]
    from django.db.models import Case, DateField, Value, When
    from django.db.models.functions import Cast

    qs = Holiday.objects.filter(pk__in=[r.pk for r in rows]).annotate(
        due=Value(None, output_field=DateField()),
        opened=Case(*[When(pk=r.pk, then=Value(c[0])) for r, c in zip(rows, cases, strict=True)],
                    output_field=DateField()),
        done=Case(When(legal_basis="", then=Value(None)), default=Cast("legal_basis", DateField())),
        started=Case(When(name="True", then=Value(True)), default=Value(False)),
    ).annotate(state=state_expression(due="due", done_on="done", started="started", on=on, opened="opened",
                                      undated_days=365)).order_by("day")
    got = [r.state for r in qs]
    want = [classify(due=None, done_on=c[2], started=c[1], on=on, opened=c[0], undated_days=365).value
            for c in cases]
    assert got == want
    assert got[:2] == [TrackState.OPEN_OVERDUE.value] * 2
