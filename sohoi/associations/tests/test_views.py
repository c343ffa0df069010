"""Pages through the test client: journey, sensitive data, public register, exports, query-count pins."""

from __future__ import annotations

import datetime
import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from sohoi.associations.choices import Status
from sohoi.associations.models import Association, FieldOfActivity
from sohoi.core.models import AuditEntry
from sohoi.orgs.models import AdminUnit, Unit


def test_list_filters_search_and_query_count(login, django_assert_max_num_queries):
    client = login("noivu")
    with django_assert_max_num_queries(12):
        page = client.get("/hoi/")
    first = Association.objects.order_by("name_sort").first().name
    assert page.status_code == 200 and first in page.content.decode()
    body = client.get("/hoi/", {"q": "hoi khuyen hoc thanh pho"}).content.decode()
    assert "Hội Khuyến học thành phố Cần Thơ" in body and "Hội Tin học" not in body
    body = client.get("/hoi/", {"no_officer": "true", "q": "thanh pho can tho"}).content.decode()
    assert "Hội Tin học thành phố Cần Thơ" in body and "Hội Luật gia" not in body
    htmx = client.get("/hoi/", {"status": "suspended", "q": "thanh pho can tho"},
                      HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in htmx and "Hội Sinh vật cảnh" in htmx


def test_detail_query_count_and_tabs(login, django_assert_max_num_queries):
    a = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    client = login("noivu")
    with django_assert_max_num_queries(45):
        page = client.get(f"/hoi/{a.pk}/")
    body = page.content.decode()
    for tab in ("Lãnh đạo", "Đại hội, điều lệ", "Chi hội", "Hội viên", "Quyết định, kế thừa", "Lịch sử"):
        assert tab in body
    assert "Chi hội Khuyến học Trường THPT Châu Văn Liêm" in body


def test_party_membership_hidden_from_roles_that_may_not_see_it(login):
    a = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    before = AuditEntry.objects.filter(action="associations.leader.sensitive_viewed").count()
    for username in ("mattran", "tuyengiao"):
        body = login(username).get(f"/hoi/{a.pk}/").content.decode()
        assert "Đảng viên" not in body, username
        members = login(username).get(f"/hoi/{a.pk}/hoi-vien/").content.decode()
        assert "09200080000000" not in members and "092000" not in members
    assert AuditEntry.objects.filter(action="associations.leader.sensitive_viewed").count() == before
    body = login("dandan").get(f"/hoi/{a.pk}/").content.decode()
    assert "Đảng viên" in body
    assert AuditEntry.objects.filter(action="associations.leader.sensitive_viewed", target_id=str(a.pk)).count() == \
        before + 1
    members = login("dandan").get(f"/hoi/{a.pk}/hoi-vien/").content.decode()
    assert "092080000000" in members
    assert AuditEntry.objects.filter(action="associations.member.sensitive_viewed").exists()


def test_public_register_needs_no_login_and_shows_no_sensitive_field(db, django_assert_max_num_queries):
    client = Client()
    with django_assert_max_num_queries(5):
        page = client.get("/hoi/danh-ba/", {"q": "HOI KHUYEN HOC"})
    body = page.content.decode()
    assert page.status_code == 200 and "Hội Khuyến học thành phố Cần Thơ" in body
    assert "Hội Sinh vật cảnh" not in client.get("/hoi/danh-ba/").content.decode()  # suspended: not public
    for secret in ("092080000000", "Đảng viên", "Chủ tịch", "0292"):
        assert secret not in body
    export = client.get("/hoi/danh-ba/", {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(export.content)).active
    header = [c.value for c in sheet[1]]
    assert "Tên hội" in header and not any(h for h in header if "Đảng" in h or "định danh" in h or "Điện thoại" in h)
    names = [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert "Hội Khuyến học thành phố Cần Thơ" in names and "Hội Sinh vật cảnh thành phố Cần Thơ" not in names
    assert client.get("/hoi/").status_code == 302  # the staff register still needs login
    assert "/hoi/danh-ba/" in client.get("/tai-khoan/dang-nhap/").content.decode()  # linked from the login page


def test_staff_export_is_scoped(login):
    export = login("hoi.khuyenhoc").get("/hoi/", {"export": "xlsx"})
    names = [r[0] for r in load_workbook(io.BytesIO(export.content)).active.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == ["Chi hội Khuyến học Trường THPT Châu Văn Liêm", "Hội Khuyến học thành phố Cần Thơ"]


def test_home_affairs_journey_from_founding_committee_to_operating(login):
    client = login("noivu")
    mttq = Unit.objects.get(name="Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ")
    field = FieldOfActivity.objects.get(code="literature_arts")
    resp = client.post("/hoi/them/", {
        "name": "Hội Đờn ca tài tử thành phố Cần Thơ", "parent": mttq.pk, "field": field.pk, "scope_level": "province",
        "territory": AdminUnit.objects.get(code="92").pk, "main_activity": "Đờn ca tài tử",
        "committee_number": "7/QĐ-SVHTTDL", "committee_date": "2026-09-01", "committee_members": "6",
        "members_individual": "0", "members_organisational": "0", "members_honorary": "0", "branches_reported": "0"})
    assert resp.status_code == 302, resp.content.decode()[:3000]
    a = Association.objects.get(name="Hội Đờn ca tài tử thành phố Cần Thơ")
    dossier = client.get(f"/hoi/{a.pk}/ho-so-thanh-lap/").content.decode()
    assert "Không đạt" in dossier and "126/2024" in dossier
    resp = client.post(f"/hoi/{a.pk}/ho-so-thanh-lap/", {
        "version": a.dossier.version, "committee_members": 6, "founding_members": 55, "founding_provinces": 1,
        "submitted": ["application", "charter", "committee_list", "criminal_record", "head_office"],
        "filed_on": "2026-09-15", "complete_on": "2026-09-15"})
    assert resp.status_code == 302
    page = client.get(f"/hoi/{a.pk}/ho-so-thanh-lap/").content.decode()
    assert page.count('class="pill ok"') >= 5
    for action, day in [("file_dossier", "2026-09-15"), ("permit", "2026-10-01"),
                        ("hold_first_congress", "2026-11-01"), ("approve_charter", "2026-11-10")]:
        a.refresh_from_db()
        resp = client.post(f"/hoi/{a.pk}/su-kien/", {"action": action, "decision_number": "1/QĐ",
                                                    "decision_date": day, "decision_issuer": "UBND thành phố",
                                                    "version": a.version})
        assert resp.status_code == 302, (action, resp.content.decode()[-2000:])
    a.refresh_from_db()
    assert a.status == Status.OPERATING and a.founding_decision_date == datetime.date(2026, 10, 1)
    assert "Đã tổ chức đại hội lần đầu" in client.get(f"/hoi/{a.pk}/").content.decode()


def test_illegal_transition_shows_the_message_on_the_page(login):
    a = Association.objects.get(name="Hội Tin học thành phố Cần Thơ")
    resp = login("noivu").post(f"/hoi/{a.pk}/su-kien/", {"action": "resume", "decision_number": "1/QĐ",
                                                         "decision_date": "2026-01-05", "decision_issuer": "UBND",
                                                         "version": a.version})
    assert resp.status_code == 400 and "Không thể" in resp.content.decode()


def test_stale_edit_through_the_form(login):
    a = Association.objects.get(name="Hội Tin học thành phố Cần Thơ")
    client = login("noivu")
    form = {"short_name": "HTH", "field": a.field_id, "scope_level": a.scope_level, "territory": a.territory_id,
            "members_individual": 1, "members_organisational": 0, "members_honorary": 0,
            "members_reported_on": "2026-01-01", "branches_reported": 0, "version": a.version}
    assert client.post(f"/hoi/{a.pk}/sua/", form).status_code == 302
    resp = client.post(f"/hoi/{a.pk}/sua/", {**form, "head_office": "khác"})
    assert resp.status_code == 200 and "người khác sửa" in resp.content.decode()


def test_coverage_alerts_rules_and_home_pages(login, django_assert_max_num_queries):
    client = login("noivu")
    with django_assert_max_num_queries(20):
        body = client.get("/hoi/phan-cong/").content.decode()
    from sohoi.associations import demo, demo_synthetic

    specs = demo_synthetic.synthetic_specs(*demo_synthetic.inputs(demo.hand_made_names()))
    uncovered = 4 + sum(1 for s in specs if s.active and s.officer is None)
    assert f"data-uncovered>{uncovered}<" in body and "Đinh Thu Hà" in body
    assert "Hội Luật gia thành phố Cần Thơ" in client.get("/hoi/canh-bao/").content.decode()
    assert "126/2024" in client.get("/hoi/quy-dinh/").content.decode()
    assert client.get("/hoi/quy-dinh/them/").status_code == 403
    home = client.get("/").content.decode()
    assert "Cảnh báo về hội" in home and "Hội chưa có cán bộ theo dõi" in home
    assert "Hội tôi theo dõi" in login("canbonoivu").get("/").content.decode()


def test_import_page_dry_run_then_commit(login, tmp_path):
    from openpyxl import Workbook

    from sohoi.associations.services.roster import COLUMNS

    a = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    book = Workbook()
    book.active.append(list(COLUMNS.values()))
    book.active.append(["Mai Văn Thử", "Nam", 1985, "", "", "Cá nhân", "31/02/2024", "", ""])
    path = tmp_path / "r.xlsx"
    book.save(path)
    client = login("hoi.khuyenhoc")
    with open(path, "rb") as f:
        body = client.post(f"/hoi/{a.pk}/hoi-vien/nhap/", {"file": f, "commit": "on"}, follow=True).content.decode()
    assert "Ngày vào hội" in body and "Chưa ghi gì" in body  # the job's page (the import ran as a job)
    assert not a.members.filter(full_name="Mai Văn Thử").exists()
    assert client.get("/hoi/hoi-vien/mau.xlsx").status_code == 200


def test_has_party_organisation_filter(login, users):
    from sohoi.associations import selectors
    from sohoi.associations.filters import party_organisations

    orgs = party_organisations()
    if orgs is None:
        pytest.skip("party app not installed")
    having = set(orgs.values_list("association__name", flat=True))
    assert having  # the party demo puts organisations in several associations
    found = selectors.association_list(user=users["dandan"], filters={"has_party": "true"}).qs
    assert {a.name for a in found} == having
    without = selectors.association_list(user=users["dandan"], filters={"has_party": "false"}).qs
    assert not having & {a.name for a in without}
    body = login("dandan").get("/hoi/", {"has_party": "true"}).content.decode()
    assert "Có tổ chức đảng" in body and next(iter(having)) in body
