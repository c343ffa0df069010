"""The one overdue classification and the working-day calendar, shared by every workflow.

The Government's task-tracking classes (domain.md §5): done on time, done late, open within deadline,
open overdue; plus "not started". `classify()` decides one item in Python; `state_expression()` is the
same rule as a SQL CASE so lists and dashboards count in the database. A test keeps the two in step.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import memo


class TrackState(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa triển khai")
    OPEN_ON_TIME = "open_on_time", _("Đang thực hiện, trong hạn")
    OPEN_OVERDUE = "open_overdue", _("Chưa hoàn thành, quá hạn")
    DONE_ON_TIME = "done_on_time", _("Hoàn thành đúng hạn")
    DONE_LATE = "done_late", _("Hoàn thành quá hạn")


DONE_STATES = frozenset({TrackState.DONE_ON_TIME, TrackState.DONE_LATE})
CSS_CLASS = {
    TrackState.NOT_STARTED: "", TrackState.OPEN_ON_TIME: "info", TrackState.OPEN_OVERDUE: "bad",
    TrackState.DONE_ON_TIME: "ok", TrackState.DONE_LATE: "warn",
}


def today() -> datetime.date:
    return timezone.localdate()


def classify(*, due: datetime.date | None, done_on: datetime.date | None, started: bool,
             on: datetime.date | None = None, opened: datetime.date | None = None,
             undated_days: int | None = None) -> TrackState:
    """`done_on` is the day the work was actually done (not the day a report about it was accepted).
    An item without a deadline is not "on time" forever: opened more than `undated_days` ago and still
    open, it is overdue (the caller takes the number from its rule table)."""
    on = on or today()
    if done_on is not None:
        return TrackState.DONE_LATE if due is not None and done_on > due else TrackState.DONE_ON_TIME
    if due is not None and on > due:
        return TrackState.OPEN_OVERDUE
    if (due is None and opened is not None and undated_days is not None
            and opened < on - datetime.timedelta(days=undated_days)):
        return TrackState.OPEN_OVERDUE
    return TrackState.OPEN_ON_TIME if started else TrackState.NOT_STARTED


def state_expression(*, due: str, done_on: str, started: str, on: datetime.date | None = None,
                     opened: str | None = None, undated_days: int | None = None) -> Case:
    """`classify` as a database expression over the given field names."""
    on = on or today()
    undated = []
    if opened is not None and undated_days is not None:
        undated = [When(Q(**{f"{due}__isnull": True}) & Q(**{f"{opened}__lt": on - datetime.timedelta(days=undated_days)}),
                        then=Value(TrackState.OPEN_OVERDUE.value))]
    return Case(
        When(Q(**{f"{done_on}__isnull": False}) & Q(**{f"{due}__isnull": False}) & Q(**{f"{done_on}__gt": models.F(due)}),
             then=Value(TrackState.DONE_LATE.value)),
        When(**{f"{done_on}__isnull": False}, then=Value(TrackState.DONE_ON_TIME.value)),
        When(**{f"{due}__lt": on}, then=Value(TrackState.OPEN_OVERDUE.value)),
        *undated,
        When(**{started: True}, then=Value(TrackState.OPEN_ON_TIME.value)),
        default=Value(TrackState.NOT_STARTED.value),
        output_field=models.CharField(),
    )


def due_soon(due: datetime.date | None, days: int, on: datetime.date | None = None) -> bool:
    on = on or today()
    return due is not None and on <= due <= on + datetime.timedelta(days=days)


# Working days --------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _holidays(stamp: int) -> frozenset[datetime.date]:
    from .models import Holiday

    return frozenset(Holiday.objects.values_list("day", flat=True))


def holidays() -> frozenset[datetime.date]:
    from .models import Holiday

    # The cache key changes whenever the table changes (count + latest id), so edits are seen at once; the
    # check itself is made once per request.
    agg = memo.remember("holidays", lambda: Holiday.objects.aggregate(n=models.Count("id"), m=models.Max("id")))
    return _holidays(hash((agg["n"], agg["m"])))


def is_working_day(day: datetime.date, off: frozenset[datetime.date] | None = None) -> bool:
    off = holidays() if off is None else off
    return day.weekday() < 5 and day not in off


def add_working_days(start: datetime.date, days: int, off: frozenset[datetime.date] | None = None) -> datetime.date:
    """The date `days` working days after `start` (start itself not counted), skipping weekends and holidays
    (`off`, read from the table unless given)."""
    off = holidays() if off is None else off
    day = start
    remaining = days
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day, off):
            remaining -= 1
    return day


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after `start` up to and including `end`."""
    off = holidays()
    count, day = 0, start
    while day < end:
        day += datetime.timedelta(days=1)
        if is_working_day(day, off):
            count += 1
    return count
