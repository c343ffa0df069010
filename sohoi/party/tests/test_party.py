"""Party organisations, eligibility, ratings, the core figures: hand counts of party/demo.py, scoping,
sensitive data, bad input, query-count pins."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from sohoi.associations.models import Association
from sohoi.core.models import AuditEntry
from sohoi.directives.models import Task
from sohoi.orgs.models import Unit
from sohoi.party import selectors, services
from sohoi.party.choices import Grade, OrgStatus
from sohoi.party.models import PartyOrganisation, PartyRule, QualityRating

pytestmark = pytest.mark.django_db
BLOC = "Đảng ủy Khối Cơ quan Dân - Chính - Đảng thành phố"


def hand_made(rows, key=lambda a: a):
    """The hand counts are on the hand-made demo; the associations app may add a synthetic set beside it."""
    try:
        from sohoi.associations.demo import hand_made_names
    except ImportError:
        return list(rows)
    names = set(hand_made_names())
    return [r for r in rows if key(r).name in names]


def org(name: str) -> PartyOrganisation:
    return PartyOrganisation.objects.get(name=name)


def test_eligible_list_matches_the_hand_count(users):
    data = selectors.eligibility(user=users["dandan"])
    groups = {str(g["committee"]): len(hand_made(g["rows"], lambda r: r["association"])) for g in data["groups"]}
    groups = {k: v for k, v in groups.items() if v}
    assert sum(groups.values()) == 14
    assert groups == {BLOC: 10, "Đảng ủy phường Bình Thủy": 1, "Đảng ủy phường Cái Khế": 1,
                      "Đảng ủy phường Tân An": 1, "Đảng ủy xã Thới Lai": 1}
    rows = {r["association"].name: r for g in data["groups"] for r in hand_made(g["rows"], lambda r: r["association"])}
    assert rows["Hội Kiến trúc sư thành phố Cần Thơ"]["count"] == 4  # from the reported count
    assert [n for n, r in rows.items() if r["kind"] == "grassroots_committee"] == ["Hội Đông y thành phố Cần Thơ"]
    assert "Hội Doanh nhân trẻ thành phố Cần Thơ" not in rows  # 1 reported, 2 party leaders
    assert "Hội Khuyến học thành phố Cần Thơ" not in rows  # has a Party cell
    assert hand_made(selectors.eligible_queryset(user=users["quanuy.ninhkieu"])) == []
    assert selectors.eligible_queryset(user=users["noivu"]).count() == 0  # not a Party body


def test_threshold_is_a_rule_row_with_validity_dates(users):
    rule = PartyRule.objects.get(code="min_members")
    on = datetime.date.today()
    services.party_rule_update(actor=users["quantri"], rule=rule, data={"valid_to": on - datetime.timedelta(days=1)})
    services.party_rule_create(actor=users["quantri"], data={
        "code": "min_members", "label": "Thử: 4 đảng viên", "value": "4", "unit": "people", "legal_basis": "Thử",
        "valid_from": on})
    assert len(hand_made(selectors.eligible_queryset(user=users["dandan"]))) == 3  # reported 31, 4 and 12; leaders give 3 at most
    assert AuditEntry.objects.filter(action="party.rule.created", actor=users["quantri"]).exists()
    with pytest.raises(Exception, match="Chỉ quản trị"):
        services.party_rule_create(actor=users["dandan"], data={"code": "min_members"})


def test_eligibility_task_goes_to_the_committee_through_the_directives_services(login, users):
    client = login("dandan")
    page = client.get("/to-chuc-dang/du-dieu-kien/")
    assert page.status_code == 200 and "Hội Đông y thành phố Cần Thơ" in page.content.decode()
    bloc = Unit.objects.get(name=BLOC)
    ids = [a.pk for a in hand_made(selectors.eligible_queryset(user=users["dandan"]))]
    response = client.post("/to-chuc-dang/du-dieu-kien/", {"committee": bloc.pk, "associations": ",".join(map(str, ids))})
    assert response.status_code == 302
    task = Task.objects.get(document__proposal__source="party.eligibility")
    assert task.lead == bloc and task.document.parent.code == "752-CV/TU"
    assert list(task.assignments.values_list("unit__name", flat=True)) == [BLOC]
    assert AuditEntry.objects.filter(action="party.eligibility.task_created", actor=users["dandan"]).exists()
    assert "Đã giao" in client.get("/to-chuc-dang/du-dieu-kien/").content.decode()
    # Only the board (or admin) sends tasks from this page.
    assert login("tuyengiao").post("/to-chuc-dang/du-dieu-kien/", {"committee": bloc.pk, "associations": "1"}).status_code == 403


def test_rating_summary_matches_the_hand_count(users, login):
    data = selectors.rating_summary(user=users["thuongtruc"])
    assert [(r["year"], r["cells"]) for r in data["year_rows"]] == [
        (2023, [1, 5, 1, 0]), (2024, [1, 4, 1, 1]), (2025, [3, 1, 2, 0])]
    by = {(r["committee"].name, r["year"]): r["cells"] for r in data["committee_rows"]}
    assert by[(BLOC, 2023)] == [1, 3, 1, 0] and by[(BLOC, 2024)] == [1, 3, 0, 1] and by[(BLOC, 2025)] == [2, 1, 2, 0]
    assert by[("Quận ủy Ninh Kiều", 2025)] == [1, 0, 0, 0] and by[("Huyện ủy Phong Điền", 2024)] == [0, 0, 1, 0]
    mine = selectors.rating_summary(user=users["quanuy.ninhkieu"])
    assert [r["total"] for r in mine["year_rows"]] == [1, 1, 1]
    body = login("thuongtruc").get("/to-chuc-dang/xep-loai/").content.decode()
    assert "<svg" in body and "<rect" in body and "https://" not in body.split("<svg", 1)[1].split("</svg>")[0].replace(
        "http://www.w3.org/2000/svg", "")


def test_grade_is_derived_from_the_score_by_the_rows_of_that_year(users):
    o = org("Chi bộ Hội Khuyến học thành phố")
    r = services.rating_record(actor=users["quantri"], organisation=o, year=2022, score=90)
    assert r.grade == Grade.EXCELLENT
    assert services.rating_record(actor=users["quantri"], organisation=o, year=2022, score=69).grade == Grade.COMPLETED
    with pytest.raises(ValidationError) as exc:
        services.rating_record(actor=users["quantri"], organisation=o, year=2022, score=95, grade=Grade.GOOD)
    assert "grade" in exc.value.message_dict


def test_bad_input_is_refused_with_a_message_naming_the_field(users):
    before = QualityRating.objects.count()
    ninh_kieu = org("Chi bộ Hội Khuyến học quận Ninh Kiều")  # founded 18/01/2013
    with pytest.raises(ValidationError) as exc:
        services.rating_record(actor=users["quanuy.ninhkieu"], organisation=ninh_kieu, year=2012, grade=Grade.GOOD)
    assert "Năm 2012" in exc.value.message_dict["year"][0]
    merged = org("Chi bộ Hội Chữ thập đỏ huyện Phong Điền")  # merged 30/06/2025
    with pytest.raises(ValidationError):
        services.rating_record(actor=users["huyenuy.phongdien"], organisation=merged, year=2026, grade=Grade.GOOD)
    with pytest.raises(ValidationError) as exc:
        services.rating_record(actor=users["quantri"], organisation=ninh_kieu, year=2024, score=120)
    assert "score" in exc.value.message_dict
    assert QualityRating.objects.count() == before
    with pytest.raises(ValidationError) as exc:
        services.organisation_update(actor=users["quanuy.ninhkieu"], organisation=ninh_kieu,
                                     data={"official_members": -2})
    assert "không được âm" in exc.value.message_dict["official_members"][0]
    ninh_kieu.refresh_from_db()
    assert ninh_kieu.official_members == 5
    with pytest.raises(ValidationError) as exc:
        services.member_count_report(actor=users["quantri"], association=Association.objects.get(
            name="Hội Tin học thành phố Cần Thơ"), reported_on=datetime.date(2026, 1, 1), official=-1)
    assert "official" in exc.value.message_dict


def test_bad_input_through_the_web_keeps_the_database(login):
    o = org("Chi bộ Hội Khuyến học quận Ninh Kiều")
    client = login("quanuy.ninhkieu")
    response = client.post(f"/to-chuc-dang/{o.pk}/xep-loai/", {"year": 2010, "grade": "good"})
    assert response.status_code == 200 and "Năm 2010" in response.content.decode()
    assert not QualityRating.objects.filter(organisation=o, year=2010).exists()


def test_merger_keeps_the_lineage(users):
    merged = org("Chi bộ Hội Chữ thập đỏ huyện Phong Điền")
    assert merged.status == OrgStatus.MERGED and merged.successor.name == "Đảng bộ Hội Chữ thập đỏ thành phố"
    assert merged.ratings.count() == 2
    with pytest.raises(ValidationError):
        services.organisation_end(actor=users["quantri"], organisation=merged, status="dissolved",
                                  ended_on=datetime.date(2026, 1, 1), decision_number="1")


def test_scoping_of_party_records(users, client):
    visible = lambda u: set(selectors.organisation_queryset(user=users[u]).values_list("name", flat=True))  # noqa: E731
    assert len(visible("dandan")) == 8 and len(visible("tuyengiao")) == 8
    assert visible("quanuy.ninhkieu") == {"Chi bộ Hội Khuyến học quận Ninh Kiều"}
    assert visible("huyenuy.phongdien") == {"Chi bộ Hội Chữ thập đỏ huyện Phong Điền"}
    assert visible("hoi.khuyenhoc") == {"Chi bộ Hội Khuyến học thành phố"}
    assert visible("noivu") == set() and visible("mattran") == set()
    other = org("Chi bộ Hội Chữ thập đỏ huyện Phong Điền")
    client.force_login(users["quanuy.ninhkieu"])
    assert client.get(f"/to-chuc-dang/{other.pk}/").status_code == 404
    assert client.get(f"/api/v1/party/organisations/{other.pk}").status_code == 404
    client.force_login(users["hoi.khuyenhoc"])
    mine = org("Chi bộ Hội Khuyến học thành phố")
    assert client.get(f"/to-chuc-dang/{mine.pk}/").status_code == 200
    assert client.get(f"/to-chuc-dang/{mine.pk}/sua/").status_code == 403  # counts only, no changes


def test_secretary_is_sensitive_and_each_read_is_logged(users, client):
    o = org("Chi bộ Hội Khuyến học thành phố")
    for username, allowed in [("dandan", True), ("thuongtruc", True), ("quantri", True), ("tuyengiao", False),
                              ("hoi.khuyenhoc", True)]:
        client.force_login(users[username])
        before = AuditEntry.objects.filter(action="party.organisation.sensitive_viewed", actor=users[username]).count()
        body = client.get(f"/to-chuc-dang/{o.pk}/").content.decode()
        api = client.get(f"/api/v1/party/organisations/{o.pk}").json()
        after = AuditEntry.objects.filter(action="party.organisation.sensitive_viewed", actor=users[username]).count()
        assert ("Trương Minh Khải" in body) is allowed, username
        assert (api["secretary_name"] == "Trương Minh Khải") is allowed and (api["secretary_name"] is None) is not allowed
        assert (after == before + 2) is allowed and (after == before) is not allowed
    # The name never reaches the audit trail.
    assert not AuditEntry.objects.filter(changes__icontains="Trương Minh Khải").exists()
    # Per-person derived counts (the core page) only for the sensitive roles.
    client.force_login(users["tuyengiao"])
    assert "Trong đó đảng viên" not in client.get("/to-chuc-dang/nong-cot/").content.decode()
    client.force_login(users["dandan"])
    assert "Trong đó đảng viên" in client.get("/to-chuc-dang/nong-cot/").content.decode()
    assert AuditEntry.objects.filter(action="party.counts.sensitive_viewed", actor=users["dandan"]).exists()


def test_core_flags_a_leadership_without_party_members(users):
    from sohoi.associations.models import Leader

    a = Association.objects.get(name="Hội Tin học thành phố Cần Thơ")
    Leader.objects.filter(association=a).update(is_party_member=False)
    rows = {r["association"].name: r for r in hand_made(selectors.core_rows(user=users["dandan"]),
                                                        lambda r: r["association"])}
    assert rows[a.name]["flag"] and rows[a.name]["leaders_party"] == 0
    assert sum(r["flag"] for r in rows.values()) == 1
    khuyen_hoc = rows["Hội Khuyến học thành phố Cần Thơ"]
    assert khuyen_hoc["members"] == 12 and khuyen_hoc["party"] == 4 and khuyen_hoc["share"] == 33.3  # the roster


def test_list_pages_query_counts(login, django_assert_max_num_queries):
    client = login("dandan")
    for url, limit in [("/to-chuc-dang/", 12), ("/to-chuc-dang/du-dieu-kien/", 14), ("/to-chuc-dang/xep-loai/", 12),
                       ("/to-chuc-dang/nong-cot/", 12), ("/to-chuc-dang/quy-dinh/", 10)]:
        with django_assert_max_num_queries(limit):
            assert client.get(url).status_code == 200, url


def test_home_panel_counts_eligible_associations(login):
    body = login("dandan").get("/").content.decode()
    assert "Hội đủ điều kiện, chưa có tổ chức đảng" in body


def test_api_lists_and_writes(login, users):
    client = login("dandan")
    assert client.get("/api/v1/party/organisations").json()["count"] == 8
    assert client.get("/api/v1/party/eligibility").json()["count"] == selectors.eligible_queryset(
        user=users["dandan"]).count() >= 14
    assert client.get("/api/v1/party/ratings?year=2024").json()["count"] == 7
    assert client.get("/api/v1/party/rules").json()["count"] == 6
    summary = client.get("/api/v1/party/ratings/summary").json()
    assert summary["by_year"][0] == {"year": 2023, "counts": [1, 5, 1, 0], "total": 7}
    client = login("quanuy.ninhkieu")
    o = org("Chi bộ Hội Khuyến học quận Ninh Kiều")
    response = client.post("/api/v1/party/ratings", {"organisation_id": o.pk, "year": 2012, "grade": "good"},
                           content_type="application/json")
    assert response.status_code == 400 and "year" in response.json()["fields"]
    response = client.post("/api/v1/party/ratings", {"organisation_id": o.pk, "year": 2022, "score": 76},
                           content_type="application/json")
    assert response.status_code == 201 and response.json()["grade"] == "good"
