import datetime

import pytest

from sohoi.reports.registry import Filters, Period, evaluate, get, indicators


def test_periods_parse_and_step_back():
    q3 = Period.parse("2026-Q3")
    assert (q3.start, q3.end) == (datetime.date(2026, 7, 1), datetime.date(2026, 9, 30))
    assert Period.parse("2026-q1").previous().code == "2025-Q4"
    assert Period.parse("2026-H1").previous() == Period.parse("2025-H2")
    assert Period.parse("2024").end == datetime.date(2024, 12, 31)
    assert Period.parse("2024-H1").previous().previous().code == "2023-H1"
    custom = Period(datetime.date(2026, 3, 1), datetime.date(2026, 3, 10))
    assert custom.previous() == Period(datetime.date(2026, 2, 19), datetime.date(2026, 2, 28))


@pytest.mark.parametrize("bad", ["", "26", "2026-Q5", "2026-H3", "2026/Q1"])
def test_bad_periods_name_the_format(bad):
    with pytest.raises(ValueError, match="2026-Q3"):
        Period.parse(bad)


def test_years_outside_the_register_are_refused():
    with pytest.raises(ValueError, match="1900-2100"):
        Period.parse("1800-Q1")


@pytest.mark.django_db
def test_indicators_are_discovered_and_scoped(users):
    assert get("associations.by_status") in indicators(point=2)
    board = evaluate(["associations.by_status"], Filters(users["dandan"], Period.parse("2026")))[0].value
    assoc = evaluate(["associations.by_status"], Filters(users["hoi.khuyenhoc"], Period.parse("2026")))[0].value
    assert sum(board.values()) > sum(assoc.values()) >= 1
