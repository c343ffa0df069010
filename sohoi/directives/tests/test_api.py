"""The API: same scope, same services, the shared error shape."""

from __future__ import annotations

import pytest

from sohoi.directives.models import Assignment, ProgressReport

pytestmark = pytest.mark.django_db
API = "/api/v1/directives"


def test_documents_list_filter_and_detail(login, letter):
    client = login("thuongtruc")
    body = client.get(f"{API}/documents", {"q": "752", "doc_type": "cong_van"}).json()
    assert body["count"] == 1 and body["items"][0]["code"] == "752-CV/TU"
    # the implementing plans (the letter's other children: the demo inspection's conclusion notices, oversight)
    plans = client.get(f"{API}/documents", {"parent": letter.pk, "doc_type": "ke_hoach", "ordering": "code"}).json()
    assert [d["code"] for d in plans["items"]] == ["38-KH/HU", "45-KH/QU"]
    detail = client.get(f"{API}/documents/{letter.pk}").json()
    assert len(detail["task_ids"]) == 6 and detail["distribution"][0] == "Như trên"


def test_assignments_carry_the_computed_state(login, letter):
    body = login("thuongtruc").get(f"{API}/assignments", {"document": letter.pk, "state": "open_overdue"}).json()
    # The 2012 letter's open work is past its default deadline today: every assignment not done is overdue.
    from sohoi.directives.models import Assignment

    open_work = Assignment.objects.filter(task__document=letter, done_on__isnull=True).count()
    assert body["count"] == open_work > 1
    bad = login("thuongtruc").get(f"{API}/assignments", {"state": "khong-co"}).json()
    assert bad["code"] == "invalid" and "state" in bad["fields"]


def test_report_create_accept_and_return_through_the_api(login):
    assignment = Assignment.objects.get(task__document__code="752-CV/TU", task__no="4")
    staff = login("noivu")
    created = staff.post(f"{API}/assignments/{assignment.pk}/reports",
                         {"text": "Đã phân công 3 cán bộ theo dõi hội", "percent": 100}, content_type="application/json")
    assert created.status_code == 201 and created.json()["is_final"]
    rid = created.json()["id"]
    refused = login("dandan").post(f"{API}/reports/{rid}/return", {"comment": ""}, content_type="application/json")
    assert refused.status_code == 400 and refused.json()["fields"]["comment"]
    accepted = login("dandan").post(f"{API}/reports/{rid}/accept", {}, content_type="application/json")
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    assert Assignment.objects.get(pk=assignment.pk).done_on is not None


def test_api_errors_use_the_shared_shape(login):
    assignment = Assignment.objects.get(task__document__code="752-CV/TU", task__no="4")
    client = login("hoi.khuyenhoc")
    not_found = client.get(f"{API}/assignments/{assignment.pk}")
    assert not_found.status_code == 404 and not_found.json()["code"] == "not_found"
    own = Assignment.objects.get(task__document__code="752-CV/TU", task__no="3",
                                 unit__name="Hội Liên hiệp Phụ nữ thành phố")
    forbidden = login("dandan").post(f"{API}/assignments/{own.pk}/reports", {"text": "x"},
                                     content_type="application/json")
    assert forbidden.status_code == 403 and forbidden.json()["code"] == "forbidden"
    assert not ProgressReport.objects.filter(assignment=own).exists()
    invalid = login("quantri").post(f"{API}/assignments/{own.pk}/reports", {"text": "x", "percent": 300},
                                    content_type="application/json")
    assert invalid.status_code == 422 and "percent" in invalid.json()["fields"]
