"""The tracking board sorts its units in SQL, the units late the longest first by default (issue 16 item 8)."""

import datetime

import pytest

from sohoi.core.deadlines import TrackState
from sohoi.directives import selectors
from sohoi.directives.models import Assignment, Document

ON = datetime.date(2026, 11, 30)


def _board(users, **kw):
    document = Document.objects.get(code="752-CV/TU")
    return selectors.document_board(document=document, user=users["thuongtruc"], on=ON, **kw)


@pytest.mark.django_db
def test_units_late_the_longest_come_first_by_default(users):
    rows = _board(users)["units"]
    late = [r["late_days"] for r in rows if r["late_days"] is not None]
    assert late and late == sorted(late, reverse=True)
    assert rows[:len(late)] == [r for r in rows if r["late_days"] is not None]  # late units before the others
    # The first row is the unit with the oldest deadline still missed, as the assignments say.
    document = Document.objects.get(code="752-CV/TU")
    oldest = min(a.due_on for a in selectors.with_state(Assignment.objects.filter(task__document=document), ON)
                 if a.state == TrackState.OPEN_OVERDUE)
    assert rows[0]["late_days"] == (ON - oldest).days


@pytest.mark.django_db
def test_other_orders_and_an_unknown_one(users):
    by_tree = [r["unit"].path for r in _board(users, order="ten")["units"]]
    assert by_tree == sorted(by_tree)
    totals = [r["total"] for r in _board(users, order="tong")["units"]]
    assert totals == sorted(totals, reverse=True)
    assert _board(users, order="x; drop")["order"] == "tre"


@pytest.mark.django_db
def test_board_page_offers_the_orders_and_groups_day_counts(login):
    document = Document.objects.get(code="752-CV/TU")
    html = login("thuongtruc").get(f"/van-ban/{document.pk}/theo-doi/").content.decode()
    assert "Trễ lâu nhất" in html and "?sap-xep=ten" in html and 'aria-sort="descending"' in html
