"""The page and API of the default task deadlines (DeadlineRule): everyone reads, the administrator adds and
corrects dated rows (audited), an overlapping row is refused naming the field and the row, and nothing changes
on a refusal."""

from __future__ import annotations

import datetime

import pytest

from sohoi.core.models import AuditEntry
from sohoi.directives.deadline_rules import default_due
from sohoi.directives.models import DeadlineRule

pytestmark = pytest.mark.django_db
D = datetime.date
URL = "/van-ban/thoi-han-mac-dinh/"


def _last() -> int:
    return AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _notice() -> DeadlineRule:
    return DeadlineRule.objects.get(doc_type="thong_bao", recurrence="")


def _row(**extra: str) -> dict[str, str]:
    return {"doc_type": "chi_thi", "recurrence": "", "days": "120", "legal_basis": "Quy chế làm việc (thử)",
            "valid_from": "01/01/2000", "valid_to": "", **extra}


def test_the_table_is_shown_to_everyone_and_the_edit_links_only_to_the_administrator(login):
    page = login("dandan").get(URL).content.decode()
    assert "Thông báo" in page and "thông báo kết luận thực hiện trong 90 ngày" in page
    assert f"{URL}them/" not in page
    assert f"{URL}them/" in login("quantri").get(URL).content.decode()
    assert URL in login("dandan").get("/van-ban/").content.decode()  # linked from the register


def test_the_administrator_adds_a_row_which_drives_the_default_deadline(login):
    assert default_due("chi_thi", "", D(2014, 1, 10))[0] == D(2015, 1, 10)  # the general row, 365 days
    response = login("quantri").post(f"{URL}them/", _row())
    assert response.status_code == 302
    rule = DeadlineRule.objects.get(doc_type="chi_thi")
    assert default_due("chi_thi", "", D(2014, 1, 10)) == (D(2014, 5, 10), rule)
    entry = AuditEntry.objects.filter(action="directives.deadline_rule.created").latest("pk")
    assert entry.target_id == str(rule.pk)


def test_a_new_rule_ends_the_old_row_and_starts_a_new_one(login):
    old, client = _notice(), login("quantri")
    response = client.post(f"{URL}{old.pk}/", {
        "doc_type": old.doc_type, "recurrence": "", "days": old.days, "legal_basis": old.legal_basis,
        "is_default": "on", "valid_from": old.valid_from.strftime("%d/%m/%Y"), "valid_to": "31/12/2026",
        "version": old.version})
    assert response.status_code == 302
    assert client.post(f"{URL}them/", _row(doc_type="thong_bao", days="60", valid_from="01/01/2027"))\
        .status_code == 302
    assert default_due("thong_bao", "", D(2026, 12, 1))[0] == D(2027, 3, 1)  # 90 days under the old row
    assert default_due("thong_bao", "", D(2027, 1, 10))[0] == D(2027, 3, 11)
    assert AuditEntry.objects.filter(action="directives.deadline_rule.updated", target_id=str(old.pk)).exists()


def test_an_overlapping_row_is_refused_on_its_field_and_nothing_is_stored(login):
    count, last = DeadlineRule.objects.count(), _last()
    response = login("quantri").post(f"{URL}them/", _row(doc_type="thong_bao", valid_from="01/01/2027"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "chồng lên dòng 90 ngày (Thông báo" in errors["valid_from"][0]
    assert "Đặt ngày hết hiệu lực cho dòng cũ" in errors["valid_from"][0]
    assert (DeadlineRule.objects.count(), _last()) == (count, last)


def test_an_end_before_the_start_is_refused_on_the_end_date(login):
    count, last = DeadlineRule.objects.count(), _last()
    response = login("quantri").post(f"{URL}them/", _row(valid_from="01/01/2020", valid_to="01/01/2019"))
    assert "không thể trước ngày bắt đầu" in response.context["form"].errors["valid_to"][0]
    assert (DeadlineRule.objects.count(), _last()) == (count, last)


def test_only_the_administrator_changes_the_table(login):
    rule = _notice()
    before, count, last = (rule.days, rule.version), DeadlineRule.objects.count(), _last()
    client = login("dandan")
    assert client.post(f"{URL}them/", _row()).status_code == 403
    response = client.post(f"{URL}{rule.pk}/", {
        "doc_type": rule.doc_type, "recurrence": "", "days": 5, "legal_basis": rule.legal_basis,
        "valid_from": rule.valid_from.strftime("%d/%m/%Y"), "valid_to": "", "version": rule.version})
    assert response.status_code == 403
    rule.refresh_from_db()
    assert ((rule.days, rule.version), DeadlineRule.objects.count(), _last()) == (before, count, last)


def test_the_api_reads_adds_and_refuses_as_the_page(login):
    client = login("quantri")
    body = client.get("/api/v1/directives/deadline-rules").json()
    assert body["count"] == DeadlineRule.objects.count()
    response = client.post("/api/v1/directives/deadline-rules", {
        "doc_type": "chi_thi", "days": 120, "legal_basis": "Quy chế (API)", "valid_from": "2000-01-01"},
        content_type="application/json")
    assert response.status_code == 201 and response.json()["days"] == 120
    count, last = DeadlineRule.objects.count(), _last()
    response = client.post("/api/v1/directives/deadline-rules", {
        "doc_type": "chi_thi", "days": 30, "legal_basis": "Trùng", "valid_from": "2010-01-01"},
        content_type="application/json")
    assert response.status_code == 400 and "chồng lên dòng 120 ngày" in response.json()["fields"]["valid_from"][0]
    rule = _notice()
    response = login("dandan").patch(f"/api/v1/directives/deadline-rules/{rule.pk}", {"days": 5},
                                     content_type="application/json")
    assert response.status_code == 403
    assert (DeadlineRule.objects.count(), _last(), _notice().days) == (count, last, 90)
