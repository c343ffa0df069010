"""The activities indicators: discovered, scoped, and equal to the lists they link to."""

from __future__ import annotations

import pytest

from sohoi.activities import selectors, yearly
from sohoi.reports.registry import Filters, Period, evaluate, get, indicators

pytestmark = pytest.mark.django_db


def _f(user, year: int) -> Filters:
    return Filters(user, Period.parse(str(year)))


def test_declared_on_the_letter_points():
    assert get("activities.yearly_reports") in indicators(point=5)
    assert get("activities.self_financing") in indicators(point=2)
    assert get("activities.exchanges_without_report") in indicators(point=5)


def test_values_equal_their_lists_and_follow_scope(users, login):
    year = yearly.last_closed_year()
    board = _f(users["thuongtruc"], year)
    values = {r.indicator.key: r.value for r in evaluate(None, board) if r.indicator.key.startswith("activities.")}
    assert values["activities.yearly_reports"] == selectors.filing_counts(user=users["thuongtruc"], year=year)
    assert values["activities.yearly_reports"]["missing"] >= 1
    totals = selectors.finance_totals(user=users["thuongtruc"])
    this = next(t for t in totals if t["year"] == year)
    assert values["activities.state_support_share"] == round(this["state_support_share"] * 100, 1)
    assert values["activities.self_financing"] == round(this["self_financing"] * 100, 1)
    assert values["activities.administrativised"] >= 1
    assert values["activities.good_models"] >= 12 and values["activities.replications"] >= 0
    late = selectors.exchanges_missing_report(user=users["thuongtruc"]).count()
    assert values["activities.exchanges_without_report"] == late >= 1
    # The list behind the figure shows the same rows.
    ind = get("activities.administrativised")
    page = login("thuongtruc").get(ind.list_url(board, None))
    assert page.status_code == 200 and page.context["page"].paginator.count == values["activities.administrativised"]
    url = get("activities.yearly_reports").list_url(board, "missing")
    page = login("thuongtruc").get(url)
    assert page.context["page"].paginator.count == values["activities.yearly_reports"]["missing"]
    # An association sees only its own.
    own = evaluate(["activities.yearly_reports"], _f(users["hoi.khuyenhoc"], year))[0].value
    assert 1 <= sum(own.values()) < sum(values["activities.yearly_reports"].values())
