"""Bounded reads (design.md §13): each list page of the app runs the same number of queries and builds at most
a page of rows (50, each with its association and the like) whether the demo holds a few rows or ten times more."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext

from sohoi.activities.models import (
    Exchange,
    FinanceYear,
    GoodModel,
    MemberCase,
    Replication,
    Review,
    YearlyReport,
)
from sohoi.associations.models import Association, LegalRule
from sohoi.orgs.models import Unit

pytestmark = pytest.mark.django_db
PAGES = ["/hoat-dong/", "/hoat-dong/tai-chinh/", "/hoat-dong/bao-cao-nam/", "/hoat-dong/bao-cao-nam/tinh-hinh/",
         "/hoat-dong/bao-cao-nam/tinh-hinh/?state=all", "/hoat-dong/bao-cao-nam/tinh-hinh/?state=two_years", "/hoat-dong/so-ket/", "/hoat-dong/mo-hinh/",
         "/hoat-dong/doi-ngoai/", "/hoat-dong/vu-viec/", "/hoat-dong/da-dang/", "/hoat-dong/nhiem-vu/",
         "/hoat-dong/kinh-phi/", "/hoat-dong/du-an/", "/api/v1/activities/finances?page_size=20",
         "/api/v1/activities/good-models?page_size=20", "/api/v1/activities/yearly-reports?page_size=20"]


def _measure(client, url: str) -> tuple[int, int]:
    built = []

    def seen(**kwargs):
        built.append(1)

    post_init.connect(seen, dispatch_uid="activities-bounded")
    try:
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
    finally:
        post_init.disconnect(dispatch_uid="activities-bounded")
    assert response.status_code == 200, url
    return len(ctx.captured_queries), len(built)


def _grow() -> None:
    """Ten times the demo's rows of each kind (written directly: this test is about reads)."""
    assocs = list(Association.objects.order_by("pk")[:120])
    unit = Unit.objects.get(name="Ban Dân vận Thành ủy")
    models = []
    for i, a in enumerate(assocs):
        FinanceYear.objects.get_or_create(association=a, year=2019, defaults={
            "revenue_total": 100 + i, "rev_dues": 100 + i, "expenditure_total": 50, "exp_other": 50})
        YearlyReport.objects.get_or_create(association=a, year=2019, defaults={
            "submitted_on": datetime.date(2020, 1, 5), "activities": "x"})
        Exchange.objects.create(association=a, direction="out", partner="P", country="C",
                                starts_on=datetime.date(2024, 1, 1), ends_on=datetime.date(2024, 1, 3),
                                purpose="x", approval_number="1", report_due=datetime.date(2024, 1, 20))
        MemberCase.objects.create(association=a, kind="need", raised_by="x", raised_on=datetime.date(2025, 1, 1),
                                  summary="x")
        Review.objects.create(unit=unit, programme=f"P{i}", kind="interim", held_on=datetime.date(2025, 1, 1),
                              period_from=datetime.date(2024, 1, 1), period_to=datetime.date(2024, 12, 31), findings="x")
        models.append(GoodModel.objects.create(association=a, title=f"M{i}", field=a.field,
                                               started_on=datetime.date(2024, 1, 1), description="x", results="x"))
    for m, a in zip(models, reversed(assocs), strict=True):
        if a.unit_id != m.association.unit_id:
            Replication.objects.create(good_model=m, adopter=a.unit, adopted_on=datetime.date(2025, 1, 1))


def test_pages_do_not_grow_with_the_data(login):
    client = login("thuongtruc")
    client.get("/")
    small = {url: _measure(client, url) for url in PAGES}
    _grow()
    large = {url: _measure(client, url) for url in PAGES}
    for url in PAGES:
        assert large[url][0] == small[url][0], (url, small[url], large[url])
        # At most a page of 50 rows with their association, field or unit, the filter's choices, and the legal
        # rule table read once per request (reference rows: its size does not follow the data).
        assert large[url][1] <= 50 * 4 + 40 + LegalRule.objects.count(), (url, small[url], large[url])
