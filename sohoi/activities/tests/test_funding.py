"""Point 2: state support follows an assigned task; finances add up; the ratios match hand calculations on fixed
test data (not the demo), in Python and in SQL alike."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sohoi.activities import finance, selectors, services
from sohoi.activities.models import FinanceYear, StateSupport, StateTask

pytestmark = pytest.mark.django_db


def _task(actor, a, **extra) -> StateTask:
    return services.state_task_record(actor=actor, association=a, data={
        "document_number": "77/QĐ-UBND", "content": "Tư vấn quy hoạch đô thị.", "year_from": 2023, **extra})


def _lines(**lines) -> dict:
    data = {"rev_dues": 0, "rev_donations": 0, "rev_services": 0, "rev_state": 0, "rev_foreign": 0, "rev_other": 0,
            "exp_programmes": 0, "exp_staff": 0, "exp_office": 0, "exp_assets": 0, "exp_other": 0}
    data.update(lines)
    return data


# State support must name an assigned task --------------------------------------------------------------

def test_support_without_a_task_is_refused_by_service_page_and_api(users, login, kts, unchanged):
    check = unchanged(StateSupport)
    with pytest.raises(ValidationError) as exc:
        services.state_support_record(actor=users["ubnd"], task=None, data={
            "year": 2024, "amount": 10_000_000, "budget_source": "city", "document_number": "1/QĐ"})
    assert "nhiệm vụ" in exc.value.message_dict["task"][0]
    client = login("ubnd")
    page = client.post(f"/hoat-dong/hoi/{kts.pk}/kinh-phi/them/", {
        "task": "", "year": 2024, "amount": 10_000_000, "budget_source": "city", "document_number": "1/QĐ"})
    assert page.status_code == 200 and "Kinh phí Nhà nước chỉ cấp cho nhiệm vụ" in page.content.decode()
    api = client.post("/api/v1/activities/state-supports", {
        "year": 2024, "amount": 10_000_000, "budget_source": "city", "document_number": "1/QĐ"},
        content_type="application/json")
    body = api.json()
    assert api.status_code == 400 and set(body) == {"code", "message", "fields"} and "task" in body["fields"]
    check()


def test_support_with_a_task_is_recorded_and_the_year_must_be_in_the_task_period(users, kts, unchanged):
    task = _task(users["noivu"], kts, year_to=2024)
    check = unchanged(StateSupport)
    with pytest.raises(ValidationError) as exc:
        services.state_support_record(actor=users["ubnd"], task=task, data={
            "year": 2025, "amount": 5_000_000, "budget_source": "city", "document_number": "2/QĐ"})
    assert "2025" in exc.value.message_dict["year"][0]
    with pytest.raises(ValidationError) as exc:
        services.state_support_record(actor=users["ubnd"], task=task, data={
            "year": 2024, "amount": -5_000_000, "budget_source": "city", "document_number": "2/QĐ"})
    assert "không được âm" in exc.value.message_dict["amount"][0]
    check()
    support = services.state_support_record(actor=users["ubnd"], task=task, data={
        "year": 2024, "amount": 5_000_000, "budget_source": "city", "document_number": "2/QĐ"})
    assert support.task == task and support.amount == 5_000_000


def test_only_the_state_records_tasks_and_support(users, kts, unchanged):
    check = unchanged(StateTask)
    for name in ("hoi.khuyenhoc", "canbonoivu", "dandan", "mattran"):
        with pytest.raises(PermissionDenied):
            _task(users[name], kts)
    check()
    assert _task(users["ubnd"], kts).association == kts


def test_task_names_its_deciding_document_by_register_or_number(users, kts, unchanged):
    check = unchanged(StateTask)
    with pytest.raises(ValidationError) as exc:
        _task(users["ubnd"], kts, document_number="")
    assert "document_number" in exc.value.message_dict
    check()


# Finances ---------------------------------------------------------------------------------------------

def test_negative_amounts_and_lines_not_adding_up_are_refused_naming_the_field(users, login, unchanged):
    staff = users["hoi.khuyenhoc"]
    a = staff.unit.association
    check = unchanged(FinanceYear)
    with pytest.raises(ValidationError) as exc:
        services.finance_report(actor=staff, association=a, data={
            "year": 2026, **_lines(rev_dues=-5), "revenue_total": -5, "expenditure_total": 0})
    assert "Hội phí không được âm" in exc.value.message_dict["rev_dues"][0]
    with pytest.raises(ValidationError) as exc:
        services.finance_report(actor=staff, association=a, data={
            "year": 2026, **_lines(rev_dues=300, rev_state=600, exp_staff=100), "revenue_total": 1000,
            "expenditure_total": 100})
    message = exc.value.message_dict["revenue_total"][0]
    assert "hội phí 300 đồng" in message and "hỗ trợ của Nhà nước 600 đồng" in message and "chênh 100 đồng" in message
    client = login("hoi.khuyenhoc")
    page = client.post(f"/hoat-dong/hoi/{a.pk}/tai-chinh/them/", {
        "year": 2026, **_lines(exp_office=50, exp_other=20), "revenue_total": 0, "expenditure_total": 60})
    assert page.status_code == 200 and "Tổng chi ghi 60 đồng nhưng cộng các dòng" in page.content.decode()
    api = client.post("/api/v1/activities/finances", {
        "association_id": a.pk, "year": 2026, "revenue_total": 10, "rev_dues": 10, "expenditure_total": -1,
        "exp_other": -1}, content_type="application/json")
    assert api.status_code == 400 and "expenditure_total" in api.json()["fields"]
    with pytest.raises(ValidationError) as exc:
        services.finance_report(actor=staff, association=a, data={
            "year": 2026, **_lines(), "revenue_total": 0, "expenditure_total": 0, "staff_paid": 2,
            "staff_state_paid": 3})
    assert "staff_state_paid" in exc.value.message_dict
    check()


def test_finance_year_before_founding_or_in_the_future_is_refused(users, kts, unchanged):
    check = unchanged(FinanceYear)
    admin = users["quantri"]
    for year, words in ((2009, "trước khi hội được thành lập"), (datetime.date.today().year + 1, "chưa tới")):
        with pytest.raises(ValidationError) as exc:
            services.finance_report(actor=admin, association=kts, data={
                "year": year, **_lines(), "revenue_total": 0, "expenditure_total": 0})
        assert words in exc.value.message_dict["year"][0]
    check()


def _report(actor, a, year, **lines):
    rev = {k: v for k, v in lines.items() if k.startswith("rev_")}
    exp = {k: v for k, v in lines.items() if k.startswith("exp_")}
    staff = {k: v for k, v in lines.items() if k.startswith("staff_")}
    return services.finance_report(actor=actor, association=a, data={
        "year": year, **_lines(**rev, **exp), "revenue_total": sum(rev.values()),
        "expenditure_total": sum(exp.values()), **staff})


def test_ratios_match_hand_calculations(users, kts):
    from sohoi.associations.models import Association

    admin = users["quantri"]
    other = Association.objects.get(name="Hội Làm vườn thành phố Cần Thơ")
    # 2023: revenue 1000 of which state 600; spent 800; 10 paid staff, 6 state-paid.
    _report(admin, kts, 2023, rev_dues=200, rev_donations=100, rev_state=600, rev_other=100, exp_programmes=500,
            exp_staff=300, staff_paid=10, staff_state_paid=6)
    # 2024: revenue 2000 (state 500), spent 2000, 4 paid staff, none state-paid.
    _report(admin, kts, 2024, rev_dues=1500, rev_state=500, exp_programmes=2000, staff_paid=4, staff_state_paid=0)
    # The other association in 2024: revenue 1000 (no state money), spent 500, 2 staff both state-paid.
    _report(admin, other, 2024, rev_services=1000, exp_office=500, staff_paid=2, staff_state_paid=2)

    y23 = FinanceYear.objects.get(association=kts, year=2023).figures
    assert y23 == {"state_support_share": 0.6, "self_financing": 0.5, "state_staff_share": 0.6, "admin_index": 0.6}
    y24 = FinanceYear.objects.get(association=kts, year=2024).figures
    assert y24 == {"state_support_share": 0.25, "self_financing": 0.75, "state_staff_share": 0.0,
                   "admin_index": 0.125}
    assert FinanceYear.objects.get(association=kts, year=2023).flagged
    assert not FinanceYear.objects.get(association=kts, year=2024).flagged
    # Totals are ratios of sums: 2024 over both = revenue 3000, state 500, spent 2500, staff 6, state-paid 2.
    totals = finance.totals_by_year(FinanceYear.objects.filter(association__in=[kts, other]))
    assert [t["year"] for t in totals] == [2023, 2024]
    t24 = totals[1]
    assert (t24["revenue_total"], t24["rev_state"], t24["expenditure_total"], t24["associations"]) == (3000, 500, 2500, 2)
    assert t24["state_support_share"] == pytest.approx(1 / 6)
    assert t24["self_financing"] == pytest.approx(1.0)
    assert t24["state_staff_share"] == pytest.approx(1 / 3)
    assert t24["admin_index"] == pytest.approx(0.25)
    # The per-association totals of the association page are the same sums for one association.
    mine = selectors.finance_totals(user=users["thuongtruc"], association=kts)
    assert [(t["year"], t["admin_index"]) for t in mine] == [(2023, 0.6), (2024, 0.125)]


def test_sql_figures_equal_python_figures_on_every_row(users):
    rows = list(selectors.finances(user=users["thuongtruc"]))
    assert len(rows) >= 20
    for row in rows:
        py = finance.figures(row)
        for key, value in py.items():
            assert getattr(row, key) == pytest.approx(value), (row, key)


def test_zero_totals_do_not_divide_by_zero(users, kts):
    row = _report(users["quantri"], kts, 2022)
    assert row.figures == {"state_support_share": 0.0, "self_financing": None, "state_staff_share": 0.0,
                           "admin_index": 0.0}
    annotated = selectors.finances(user=users["thuongtruc"]).get(pk=row.pk)
    assert annotated.self_financing is None and annotated.admin_index == 0.0


def test_a_second_report_of_the_same_year_corrects_the_first(users, kts):
    admin = users["quantri"]
    _report(admin, kts, 2024, rev_dues=100, exp_office=50)
    row = _report(admin, kts, 2024, rev_dues=200, exp_office=50)
    assert FinanceYear.objects.filter(association=kts, year=2024).count() == 1 and row.revenue_total == 200
