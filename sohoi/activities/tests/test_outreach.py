"""Reviews on the document page, the good-model catalogue, exchanges without their report, members' cases,
the diversity page; bad input on each leaves nothing behind."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sohoi.activities import selectors, services
from sohoi.activities.models import Exchange, MemberCase, Replication, Review
from sohoi.associations.choices import ENDED
from sohoi.associations.models import Association
from sohoi.directives.models import Document
from sohoi.orgs.models import Unit

pytestmark = pytest.mark.django_db
D = datetime.date


def _letter() -> Document:
    return Document.objects.get(code="752-CV/TU")


def test_document_page_lists_its_reviews_by_several_units(login):
    doc = _letter()
    page = login("dandan").get(f"/van-ban/{doc.pk}/").content.decode()
    assert "Sơ kết, tổng kết văn bản này" in page
    units = set(Review.objects.filter(document=doc).values_list("unit__name", flat=True))
    assert len(units) >= 4
    for name in units:
        assert name in page


def test_a_unit_records_only_its_own_review_and_dates_must_be_in_order(users, unchanged):
    check = unchanged(Review)
    data = {"document": _letter().pk, "kind": "interim", "held_on": D(2025, 5, 1), "period_from": D(2025, 1, 1),
            "period_to": D(2024, 12, 31), "findings": "Đạt."}
    with pytest.raises(ValidationError) as exc:
        services.review_record(actor=users["quanuy.ninhkieu"], unit=users["quanuy.ninhkieu"].unit, data=data)
    assert "period_to" in exc.value.message_dict
    with pytest.raises(PermissionDenied):
        services.review_record(actor=users["quanuy.ninhkieu"], unit=Unit.objects.get(name="Huyện ủy Phong Điền"),
                               data={**data, "period_to": D(2025, 4, 1)})
    check()


def test_catalogue_is_most_replicated_first_and_filters(users, login):
    rows = list(selectors.good_model_list(user=users["hoi.chuthapdo"], filters={}).qs)
    assert len(rows) >= 12
    counts = [m.replication_count for m in rows]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0
    for m in rows[:3]:
        assert m.replication_count == Replication.objects.filter(good_model=m).count()
    field = rows[0].field_id
    assert all(m.field_id == field for m in selectors.good_model_list(user=users["mattran"],
                                                                       filters={"field": field}).qs)
    page = login("mattran").get("/hoat-dong/mo-hinh/").content.decode()
    assert rows[0].title in page


def test_replication_refused_twice_or_by_the_owner_itself(users, unchanged):
    model = selectors.good_models(user=users["quantri"]).filter(replication_count__gt=0).first()
    existing = model.replications.first()
    check = unchanged(Replication)
    admin = users["quantri"]
    with pytest.raises(ValidationError) as exc:
        services.replication_record(actor=admin, good_model=model, adopter=existing.adopter,
                                    data={"adopted_on": D(2025, 1, 1), "result": "effective"})
    assert "đã được ghi" in exc.value.message_dict["adopter"][0]
    with pytest.raises(ValidationError):
        services.replication_record(actor=admin, good_model=model, adopter=model.association.unit,
                                    data={"adopted_on": D(2025, 1, 1), "result": "effective"})
    check()


def test_exchanges_without_their_report_are_flagged(users, login):
    late = selectors.exchanges_missing_report(user=users["thuongtruc"])
    assert late.exists() and all(e.reported_on is None and e.report_due < datetime.date.today() for e in late)
    assert Exchange.objects.filter(reported_on__isnull=False).exists()
    page = login("thuongtruc").get("/api/v1/activities/exchanges?report_missing=true").json()
    assert {r["id"] for r in page["items"]} == set(late.values_list("pk", flat=True))


def test_exchange_bad_dates_and_negative_project_amount(users, unchanged):
    a = users["hoi.chuthapdo"].unit.association
    check = unchanged(Exchange)
    with pytest.raises(ValidationError) as exc:
        services.exchange_record(actor=users["hoi.chuthapdo"], association=a, data={
            "direction": "out", "partner": "X", "country": "Lào", "starts_on": D(2025, 5, 6), "ends_on": D(2025, 5, 1),
            "purpose": "Giao lưu", "approval_number": "1/UBND"})
    assert "ends_on" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.foreign_project_record(actor=users["hoi.chuthapdo"], association=a, data={
            "title": "Dự án", "donor": "Quỹ", "country": "Úc", "amount": -1, "approval_number": "1/QĐ",
            "approved_on": D(2025, 1, 1), "starts_on": D(2025, 2, 1), "ends_on": D(2026, 1, 1)})
    assert "không được âm" in exc.value.message_dict["amount"][0]
    check()


def test_case_counts_by_association_and_kind(users):
    a = users["hoi.chuthapdo"].unit.association
    for kind in ("need", "need", "rights"):
        services.member_case_record(actor=users["hoi.chuthapdo"], association=a, data={
            "kind": kind, "raised_by": "Hội viên", "raised_on": D(2025, 4, 1), "summary": "Nội dung"})
    rows = {r["association_id"]: r for r in selectors.case_counts(user=users["thuongtruc"])}
    mine = MemberCase.objects.filter(association=a)
    assert rows[a.pk]["total"] == mine.count()
    assert rows[a.pk]["need"] == mine.filter(kind="need").count() >= 2
    assert rows[a.pk]["rights"] == mine.filter(kind="rights").count() >= 1
    # Staff of another association sees none of these cases.
    assert a.pk not in {r["association_id"] for r in selectors.case_counts(user=users["hoi.khuyenhoc"])}


def test_case_without_closing_date_when_resolved_is_refused(users, unchanged):
    a = users["hoi.chuthapdo"].unit.association
    check = unchanged(MemberCase)
    with pytest.raises(ValidationError) as exc:
        services.member_case_record(actor=users["hoi.chuthapdo"], association=a, data={
            "kind": "complaint", "raised_by": "Nhóm hội viên", "raised_on": D(2025, 4, 1), "summary": "Nội dung",
            "outcome": "resolved"})
    assert "closed_on" in exc.value.message_dict
    check()


def test_diversity_counts_match_the_register(users, login):
    data = selectors.diversity(user=users["thuongtruc"])
    live = Association.objects.exclude(status__in=ENDED).exclude(unit__kind="branch")  # branches report via theirs
    assert sum(r["n"] for r in data["fields"]) == live.count()
    for row in data["scopes"]:
        assert row["n"] == live.filter(scope_level=row["key"]).count()
    page = login("thuongtruc").get("/hoat-dong/da-dang/")
    assert page.status_code == 200 and "<svg" in page.content.decode()


def test_association_page_shows_its_activities(login, users):
    a = users["hoi.khuyenhoc"].unit.association
    page = login("hoi.khuyenhoc").get(f"/hoat-dong/hoi/{a.pk}/").content.decode()
    for text in ("Báo cáo tình hình tổ chức, hoạt động năm", "Nộp báo cáo năm", "Báo cáo tài chính năm", "Dòng họ học tập"):
        assert text in page
    assert "Ghi nhiệm vụ được giao" not in page  # the state's button is not offered to the association
    detail = login("hoi.khuyenhoc").get(f"/hoi/{a.pk}/").content.decode()
    assert f"/hoat-dong/hoi/{a.pk}/" in detail


def test_good_model_through_the_api_with_evidence_checked_by_content(login, users, unchanged):
    import base64

    from sohoi.activities.models import GoodModel, GoodModelEvidence

    a = users["hoi.khuyenhoc"].unit.association
    client = login("hoi.khuyenhoc")
    body = {"association_id": a.pk, "title": "Góc học tập cho trẻ", "started_on": "2025-01-01",
            "description": "Mỗi ấp một góc học tập.", "results": "40 góc học tập.", "evidence_name": "anh.png"}
    check = unchanged(GoodModel, GoodModelEvidence)
    bad = client.post("/api/v1/activities/good-models", {**body, "evidence_base64": base64.b64encode(
        b"MZ not an image").decode()}, content_type="application/json")
    assert bad.status_code == 400 and "files" in bad.json()["fields"]
    check()
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
    ok = client.post("/api/v1/activities/good-models", {**body, "evidence_base64": base64.b64encode(png).decode()},
                     content_type="application/json")
    assert ok.status_code == 201
    assert GoodModelEvidence.objects.get(good_model_id=ok.json()["id"]).name == "anh.png"


def test_tracking_board_shows_which_units_have_reviewed_the_document(login, users):
    from sohoi.directives.models import Assignment

    doc = _letter()
    client = login("dandan")
    reviewer = users["quanuy.ninhkieu"]
    assert Assignment.objects.filter(task__document=doc, unit=reviewer.unit).exists()
    Review.objects.filter(document=doc, unit=reviewer.unit).delete()
    before = client.get(f"/van-ban/{doc.pk}/theo-doi/").content.decode()
    row = before[before.index(f"<td>{reviewer.unit}</td>"):][:300]
    assert "Chưa" in row and "Đã sơ kết" not in row
    services.review_record(actor=reviewer, unit=reviewer.unit, data={
        "document": doc.pk, "kind": "interim", "held_on": D(2025, 5, 6), "period_from": D(2025, 1, 1),
        "period_to": D(2025, 4, 30), "findings": "Đã quán triệt đến các chi hội."})
    after = client.get(f"/van-ban/{doc.pk}/theo-doi/").content.decode()
    row = after[after.index(f"<td>{reviewer.unit}</td>"):][:300]
    assert "Đã sơ kết (06/05/2025)" in row
