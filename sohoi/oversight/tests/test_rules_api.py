"""The rule table of response deadlines through the API (issue 17: API parity): the same services as the
pages /giam-sat/thoi-han/ (administrator only, overlap check, audit), read by everyone, errors in the API's
one shape."""

from __future__ import annotations

import datetime

import pytest

from sohoi.core.models import AuditEntry
from sohoi.oversight.models import OversightRule
from sohoi.oversight.rules import default_due

pytestmark = pytest.mark.django_db
D = datetime.date
JSON = "application/json"


def _last() -> int:
    return AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _rule() -> OversightRule:
    return OversightRule.objects.get(code="supervision_answer_days")


def test_everyone_reads_the_rule_table_page_by_page(login):
    client = login("hoi.khuyenhoc")
    body = client.get("/api/v1/oversight/rules").json()
    assert body["count"] == OversightRule.objects.count()
    row = next(r for r in body["items"] if r["code"] == "supervision_answer_days")
    assert row["days"] == 30 and "Luật Mặt trận Tổ quốc Việt Nam 2015" in row["legal_basis"]
    one = client.get(f"/api/v1/oversight/rules/{row['id']}").json()
    assert one == row
    assert client.get("/api/v1/oversight/rules/999999").status_code == 404


def test_a_new_law_through_the_api_is_a_new_dated_row_as_on_the_page(login):
    old = _rule()
    client = login("quantri")
    response = client.patch(f"/api/v1/oversight/rules/{old.pk}", {"valid_to": "2026-12-31", "version": old.version},
                            content_type=JSON)
    assert response.status_code == 200 and response.json()["valid_to"] == "2026-12-31"
    response = client.post("/api/v1/oversight/rules", {
        "code": old.code, "days": 45, "legal_basis": " Quy định mới (API) ", "valid_from": "2027-01-01"},
        content_type=JSON)
    assert response.status_code == 201, response.content
    assert response.json()["legal_basis"] == "Quy định mới (API)"
    assert default_due("supervision", D(2026, 12, 1))[0] == D(2026, 12, 31)
    due, rule = default_due("supervision", D(2027, 1, 10))
    assert (due, rule.pk) == (D(2027, 2, 24), response.json()["id"])
    assert AuditEntry.objects.filter(action="oversight.rule.created", target_id=str(rule.pk)).exists()
    assert AuditEntry.objects.filter(action="oversight.rule.updated", target_id=str(old.pk)).exists()


def test_an_overlapping_row_is_refused_with_the_pages_message_and_nothing_stored(login):
    count, last = OversightRule.objects.count(), _last()
    response = login("quantri").post("/api/v1/oversight/rules", {
        "code": "supervision_answer_days", "days": 45, "legal_basis": "Quy định trùng", "valid_from": "2027-01-01"},
        content_type=JSON)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid" and "chồng lên dòng 30 ngày" in body["fields"]["valid_from"][0]
    response = login("quantri").post("/api/v1/oversight/rules", {
        "code": "supervision_answer_days", "days": 0, "legal_basis": " ", "valid_from": "2000-01-01",
        "valid_to": "1999-01-01"}, content_type=JSON)
    assert response.status_code == 400 and set(response.json()["fields"]) == {"days", "legal_basis", "valid_to"}
    assert (OversightRule.objects.count(), _last()) == (count, last)


def test_only_the_administrator_changes_the_rule_table_through_the_api(login):
    rule = _rule()
    before, last = (rule.days, rule.version), _last()
    client = login("mattran")
    response = client.patch(f"/api/v1/oversight/rules/{rule.pk}", {"days": 5, "version": rule.version},
                            content_type=JSON)
    assert response.status_code == 403 and response.json()["message"] == "Chỉ quản trị hệ thống sửa bảng thời hạn."
    response = client.post("/api/v1/oversight/rules", {"code": rule.code, "days": 5, "legal_basis": "X",
                                                       "valid_from": "2000-01-01", "valid_to": "2000-12-31"},
                           content_type=JSON)
    assert response.status_code == 403
    rule.refresh_from_db()
    assert ((rule.days, rule.version), _last(), OversightRule.objects.filter(legal_basis="X").exists()) == (
        before, last, False)
