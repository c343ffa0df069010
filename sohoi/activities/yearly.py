"""When a yearly report is due, and the state of each (association, year), computed from dates, never typed.

The deadline is the `yearly_report` row of the associations' legal rule table (a day/month, default 31/12,
domain.md §3) valid on the last day of the report year. A day/month in the second half of the year is in the
report year itself (31/12/Y for the report on Y); one in the first half is in the following year (a rule
"31/03" means 31/03/Y+1). The states are core.deadlines' five, renamed for a report:

    not filed, before the window opens (WINDOW_DAYS before the deadline)  -> not due   (NOT_STARTED)
    not filed, window open, deadline not passed                          -> due       (OPEN_ON_TIME)
    not filed, deadline passed                                           -> missing   (OPEN_OVERDUE)
    filed on or before the deadline                                      -> on time   (DONE_ON_TIME)
    filed after the deadline                                             -> late      (DONE_LATE)

Missing two report years in a row (both deadlines passed, the association existing in both) is a ground for
dissolution review under Decree 126/2024 (domain.md §3).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Exists, OuterRef, Q

from sohoi.associations.choices import ENDED, RuleCode
from sohoi.associations.rules import rule_for
from sohoi.core.deadlines import TrackState, classify, today

from .choices import FilingState

WINDOW_DAYS = 30
STATE_OF = {TrackState.NOT_STARTED: FilingState.NOT_DUE, TrackState.OPEN_ON_TIME: FilingState.DUE,
            TrackState.OPEN_OVERDUE: FilingState.MISSING, TrackState.DONE_ON_TIME: FilingState.ON_TIME,
            TrackState.DONE_LATE: FilingState.LATE}


def deadline(year: int) -> tuple[datetime.date, Any]:
    """The deadline of the report on `year` and the rule row it comes from (31/12/year when no row applies)."""
    rule = rule_for(RuleCode.YEARLY_REPORT, datetime.date(year, 12, 31))
    day, month = rule.parsed() if rule is not None else (31, 12)
    on_year = year if month >= 7 else year + 1
    return datetime.date(on_year, month, min(day, 28) if month == 2 and day == 29 else day), rule


def state(year: int, submitted_on: datetime.date | None, on: datetime.date | None = None) -> FilingState:
    on = on or today()
    due, _rule = deadline(year)
    opened = on >= due - datetime.timedelta(days=WINDOW_DAYS)
    return STATE_OF[classify(due=due, done_on=submitted_on, started=opened, on=on)]


def founded_year(association: Any) -> int | None:
    start = association.founding_decision_date or association.status_since
    return start.year if start else None


def existing_in(year: int) -> Q:
    """Associations that existed in `year` (founded on or before its last day)."""
    end = datetime.date(year, 12, 31)
    ended_before = Q(status__in=ENDED, status_since__lt=datetime.date(year, 1, 1))
    return (Q(founding_decision_date__lte=end)
            | Q(founding_decision_date__isnull=True, status_since__lte=end)) & ~ended_before


def missing_q(year: int) -> Q:
    """Associations (filter of Association) with no report on `year`, existing that year."""
    from .models import YearlyReport

    filed = YearlyReport.objects.filter(association=OuterRef("pk"), year=year)
    return existing_in(year) & ~Q(Exists(filed))


def last_closed_year(on: datetime.date | None = None) -> int:
    """The latest report year whose deadline has passed."""
    on = on or today()
    year = on.year
    while deadline(year)[0] >= on:
        year -= 1
    return year


def two_years_missing_q(on: datetime.date | None = None) -> Q:
    """Associations that missed the last two closed report years (a ground for dissolution review)."""
    last = last_closed_year(on)
    return missing_q(last) & missing_q(last - 1)
