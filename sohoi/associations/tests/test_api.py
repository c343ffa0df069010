"""The API reads through the same scoping and writes through the same services."""

from __future__ import annotations

from sohoi.associations.models import Association
from sohoi.core.models import AuditEntry


def test_list_filters_ordering_pagination_and_scope(login, django_assert_max_num_queries):
    client = login("noivu")
    with django_assert_max_num_queries(8):
        data = client.get("/api/v1/associations/", {"q": "khuyen hoc", "page_size": 2, "ordering": "-name"}).json()
    from sohoi.associations.models import Association as A

    assert data["count"] == A.objects.filter(name_folded__contains="khuyen hoc").count() >= 5 and len(data["items"]) == 2
    assert data["items"][0]["name"] >= data["items"][1]["name"]
    mine = login("hoi.khuyenhoc").get("/api/v1/associations/").json()
    assert mine["count"] == 2


def test_members_sensitive_fields_only_for_allowed_roles(login):
    a = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    outsider = login("mattran").get(f"/api/v1/associations/{a.pk}/members").json()
    assert all(m["id_number"] is None and m["is_party_member"] is None for m in outsider.get("items", []))
    staff = login("hoi.khuyenhoc").get(f"/api/v1/associations/{a.pk}/members").json()["items"]
    assert any(m["id_number"] for m in staff)  # the association keeps its own roster (issue 4)
    before = AuditEntry.objects.filter(action="associations.member.sensitive_viewed").count()
    allowed = login("dandan").get(f"/api/v1/associations/{a.pk}/members").json()["items"]
    assert any(m["id_number"] for m in allowed) and any(m["is_party_member"] for m in allowed)
    assert AuditEntry.objects.filter(action="associations.member.sensitive_viewed").count() == before + 1
    leaders = login("mattran").get(f"/api/v1/associations/{a.pk}/leaders").json()
    assert leaders and all(x["is_party_member"] is None for x in leaders)


def test_transition_through_api_uses_the_service(login):
    a = Association.objects.get(name="Hội Tin học thành phố Cần Thơ")
    client = login("noivu")
    bad = client.post(f"/api/v1/associations/{a.pk}/transitions", {
        "action": "resume", "decision_number": "1/QĐ", "decision_date": "2026-01-05", "decision_issuer": "UBND",
        "version": a.version}, content_type="application/json")
    assert bad.status_code == 400 and "Không thể" in bad.json()["message"]
    ok = client.post(f"/api/v1/associations/{a.pk}/transitions", {
        "action": "suspend", "decision_number": "1/QĐ", "decision_date": "2026-01-05", "decision_issuer": "UBND",
        "note": "Vi phạm điều lệ", "version": a.version}, content_type="application/json")
    assert ok.status_code == 201 and ok.json()["status"] == "suspended"
    stale = client.patch(f"/api/v1/associations/{a.pk}", {"version": a.version, "head_office": "x"},
                         content_type="application/json")
    assert stale.status_code == 400
    hist = client.get(f"/api/v1/associations/{a.pk}/transitions").json()
    assert hist["items"][0]["action"] == "suspend"


def test_assignments_and_staff_cannot_assign(login, users):
    a = Association.objects.get(name="Hội Tin học thành phố Cần Thơ")
    payload = {"association_id": a.pk, "officer_id": users["canbonoivu"].pk, "started_on": "2026-02-02"}
    assert login("hoi.khuyenhoc").post("/api/v1/associations/assignments", payload,
                                       content_type="application/json").status_code == 404
    resp = login("noivu").post("/api/v1/associations/assignments", payload, content_type="application/json")
    assert resp.status_code == 201
    rows = login("noivu").get("/api/v1/associations/assignments", {"officer_id": users["canbonoivu"].pk,
                                                                   "current": True}).json()
    assert rows["count"] == 14
