"""The rule table of response deadlines (page, dated rows, audited, refusals), the downloads of an activity's
files (scoped; a confidential draft only for participants) and the inspected units side by side."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from sohoi.core.models import AuditEntry
from sohoi.directives.models import Assignment
from sohoi.oversight import services
from sohoi.oversight.models import Activity, OversightRule
from sohoi.oversight.rules import default_due

pytestmark = pytest.mark.django_db
D = datetime.date
TEXT = b"KET LUAN GIAM SAT\n\nDoan thu nhat.\n\nDoan thu hai."


def _last() -> int:
    return AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _rule() -> OversightRule:
    return OversightRule.objects.get(code="supervision_answer_days")


def test_the_rule_table_is_shown_to_everyone_and_edit_links_only_to_the_administrator(login):
    page = login("mattran").get("/giam-sat/thoi-han/").content.decode()
    assert "Hạn trả lời kiến nghị giám sát (ngày)" in page and "Luật Mặt trận Tổ quốc Việt Nam 2015" in page
    assert "/giam-sat/thoi-han/them/" not in page
    assert "/giam-sat/thoi-han/them/" in login("quantri").get("/giam-sat/thoi-han/").content.decode()


def test_a_new_law_is_a_new_dated_row_and_drives_the_default_deadline(login):
    old = _rule()
    client = login("quantri")
    response = client.post(f"/giam-sat/thoi-han/{old.pk}/", {
        "code": old.code, "days": old.days, "legal_basis": old.legal_basis, "is_default": "on",
        "valid_from": old.valid_from.isoformat(), "valid_to": "2026-12-31", "version": old.version})
    assert response.status_code == 302
    response = client.post("/giam-sat/thoi-han/them/", {
        "code": old.code, "days": 45, "legal_basis": "Quy định mới (thử)", "valid_from": "2027-01-01",
        "valid_to": ""})
    assert response.status_code == 302
    assert default_due("supervision", D(2026, 12, 1))[0] == D(2026, 12, 31)  # 30 days under the old row
    due, rule = default_due("supervision", D(2027, 1, 10))
    assert (due, rule.legal_basis) == (D(2027, 2, 24), "Quy định mới (thử)")
    entry = AuditEntry.objects.filter(action="oversight.rule.created").latest("pk")
    assert entry.target_id == str(rule.pk)
    assert AuditEntry.objects.filter(action="oversight.rule.updated", target_id=str(old.pk)).exists()


def test_an_overlapping_row_is_refused_with_the_fix_and_nothing_stored(login):
    count, last = OversightRule.objects.count(), _last()
    response = login("quantri").post("/giam-sat/thoi-han/them/", {
        "code": "supervision_answer_days", "days": 45, "legal_basis": "Quy định trùng", "valid_from": "2027-01-01",
        "valid_to": ""})
    assert response.status_code == 200
    assert "chồng lên dòng 30 ngày" in response.content.decode()
    assert (OversightRule.objects.count(), _last()) == (count, last)
    with pytest.raises(ValidationError) as exc:
        services.rule_create(actor=None, data={"code": "supervision_answer_days", "days": 0, "legal_basis": " ",
                                               "valid_from": D(2000, 1, 1), "valid_to": D(1999, 1, 1)})
    assert set(exc.value.message_dict) == {"days", "legal_basis", "valid_to"}


def test_only_the_administrator_changes_the_rule_table(login):
    rule = _rule()
    before, last = (rule.days, rule.version), _last()
    response = login("mattran").post(f"/giam-sat/thoi-han/{rule.pk}/", {
        "code": rule.code, "days": 5, "legal_basis": rule.legal_basis, "valid_from": rule.valid_from.isoformat(),
        "valid_to": "", "version": rule.version})
    assert response.status_code == 403
    rule.refresh_from_db()
    assert ((rule.days, rule.version), _last()) == (before, last)


def _concluded_with_file(users, demo) -> Activity:
    act = demo("Giám sát thường xuyên")
    return services.conclusion_save(actor=users["mattran"], activity=act, text="",
                                    file=("ket-luan.txt", TEXT))


def test_the_conclusion_file_is_downloaded_in_scope_only(login, users, demo):
    act = _concluded_with_file(users, demo)
    page = login("mattran").get(act.get_absolute_url()).content.decode()
    assert f"/giam-sat/{act.pk}/tep-ket-luan/" in page
    response = login("quanuy.ninhkieu").get(f"/giam-sat/{act.pk}/tep-ket-luan/")  # examined: sees the activity
    assert response.status_code == 200 and b"".join(response.streaming_content) == TEXT
    assert 'filename="ket-luan.txt"' in response["Content-Disposition"]
    assert login("huyenuy.phongdien").get(f"/giam-sat/{act.pk}/tep-ket-luan/").status_code == 404


def test_a_confidential_draft_is_downloaded_by_participants_only(login, demo):
    act = demo("Phản biện xã hội dự thảo")
    assert login("hoi.khuyenhoc").get(f"/giam-sat/{act.pk}/tep-du-thao/").status_code == 200
    assert login("ubnd").get(f"/giam-sat/{act.pk}/tep-du-thao/").status_code == 200  # not confidential yet
    Activity.objects.filter(pk=act.pk).update(confidential=True)
    assert login("ubnd").get(f"/giam-sat/{act.pk}/tep-du-thao/").status_code == 403  # criticised, not a participant
    assert login("hoi.khuyenhoc").get(f"/giam-sat/{act.pk}/tep-du-thao/").status_code == 200


def test_the_evidence_is_downloaded_by_who_sees_the_recommendation(login, users, demo):
    rec = demo("Giám sát việc thực hiện chính sách").recommendations.get(addressee__name="Quận ủy Ninh Kiều")
    rec = services.recommendation_answer(actor=users["quanuy.ninhkieu"], recommendation=rec, answer="accepted")
    services.recommendation_report(actor=users["quanuy.ninhkieu"], recommendation=rec, text="Đã làm",
                                   evidence=("minh-chung.txt", b"anh chup"))
    response = login("mattran").get(f"/giam-sat/kien-nghi/{rec.pk}/minh-chung/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"anh chup"
    assert login("huyenuy.phongdien").get(f"/giam-sat/kien-nghi/{rec.pk}/minh-chung/").status_code == 404


def test_the_inspection_shows_the_inspected_units_task_states_side_by_side(login, demo):
    act = demo("Kiểm tra việc thực hiện")
    response = login("dandan").get(f"/giam-sat/{act.pk}/doi-chieu/")
    rows = {r["unit"].name: r for r in response.context["side_by_side"]}
    assert set(rows) == {"Quận ủy Ninh Kiều", "Huyện ủy Phong Điền", "Quận ủy Bình Thủy"}
    for row in rows.values():
        expected = Assignment.objects.filter(task__document_id=act.document_id,
                                             unit__path__startswith=row["unit"].path).count()
        assert row["total"] == expected == sum(n for _, n in row["cells"])
    assert rows["Quận ủy Bình Thủy"]["total"] > 0
    assert 'id="so-sanh"' in response.content.decode()


def test_a_team_member_with_an_account_is_linked_by_user_name(login, users, demo):
    act = demo("Giám sát thường xuyên")
    client = login("mattran")
    assert client.post(f"/giam-sat/{act.pk}/doan/", {"name": "", "role": "member",
                                                     "username": "hoi.khuyenhoc"}).status_code == 302
    member = act.team.get(user=users["hoi.khuyenhoc"])
    assert member.unit == users["hoi.khuyenhoc"].unit and member.name
    count, last = act.team.count(), _last()
    response = client.post(f"/giam-sat/{act.pk}/doan/", {"name": "Ai đó", "role": "member", "username": "khong.co"})
    assert "Không có tài khoản “khong.co”" in response.content.decode()
    assert (act.team.count(), _last()) == (count, last)
