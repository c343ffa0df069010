"""The holes of issue 10 in the registry, each reproduced with a VALID request and seen refused, with the
database and the audit trail unchanged; and the territory scope of district Party committees."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sohoi.associations import selectors, services
from sohoi.associations.choices import Action, ScopeLevel, Status
from sohoi.associations.models import Association, AssociationTransition, FieldOfActivity
from sohoi.core.models import AuditEntry
from sohoi.orgs.models import AdminUnit, Unit

pytestmark = pytest.mark.django_db
KHUYEN_HOC = "Hội Khuyến học thành phố Cần Thơ"
STATE = ("founding_decision_number", "founding_decision_date", "founding_decision_issuer", "scope_level",
         "territory_id", "special_status", "managing_agency_id", "state_tasks", "status")


def state_of(assoc: Association) -> dict:
    assoc.refresh_from_db()
    return {k: getattr(assoc, k) for k in STATE}


def audit_count() -> int:
    return AuditEntry.objects.count()


def profile_post(assoc: Association, **extra) -> dict:
    """A valid profile form as the page sends it (current values), plus `extra`."""
    data = {"short_name": assoc.short_name, "english_name": assoc.english_name, "field": assoc.field_id,
            "main_activity": assoc.main_activity, "head_office": assoc.head_office, "phone": assoc.phone,
            "email": assoc.email, "website": assoc.website, "term_years": assoc.term_years or "",
            "members_individual": assoc.members_individual, "members_organisational": assoc.members_organisational,
            "members_honorary": assoc.members_honorary,
            "members_reported_on": assoc.members_reported_on.isoformat() if assoc.members_reported_on else "",
            "branches_reported": assoc.branches_reported, "version": assoc.version}
    data.update(extra)
    return {k: v for k, v in data.items() if v is not None}


FORGED = {"founding_decision_number": "999/QĐ-GIẢ", "founding_decision_date": "2020-01-01",
          "founding_decision_issuer": "Cơ quan giả", "scope_level": ScopeLevel.NATIONWIDE, "special_status": "on",
          "state_tasks": "Nhiệm vụ tự nhận", "status": Status.OPERATING}


# a. State-decided fields -------------------------------------------------------------------------------

def test_staff_cannot_forge_state_fields_through_the_profile_form(login, users):
    assoc = Association.objects.get(name=KHUYEN_HOC)
    before, last = state_of(assoc), AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    agency = Unit.objects.get(name="Sở Tư pháp")
    response = login("hoi.khuyenhoc").post(f"/hoi/{assoc.pk}/sua/", profile_post(
        assoc, phone="0292 3 000 111", managing_agency=agency.pk, **FORGED))
    assert response.status_code == 302  # the contact field is saved ...
    assert state_of(assoc) == before  # ... and not one state field moved
    assert assoc.phone == "0292 3 000 111"
    forged_rows = [e for e in AuditEntry.objects.filter(pk__gt=last, target_id=str(assoc.pk))
                   if set(e.changes) & {"founding_decision_number", "special_status", "scope_level", "state_tasks",
                                        "managing_agency"}]
    assert forged_rows == []
    page = login("hoi.khuyenhoc").get("/hoi/danh-ba/?q=khuyen hoc").content.decode()
    assert "999/QĐ-GIẢ" not in page


def test_state_fields_are_refused_by_the_service_and_the_api(login, users):
    assoc = Association.objects.get(name=KHUYEN_HOC)
    before, entries = state_of(assoc), audit_count()
    for actor in ("hoi.khuyenhoc", "noivu", "quantri"):  # nobody edits them through the profile
        with pytest.raises(ValidationError) as exc:
            services.association_update(actor=users[actor], association=assoc,
                                        data={"special_status": True, "founding_decision_number": "1/QĐ"})
        assert "Ghi quyết định của Nhà nước" in str(exc.value)
    response = login("hoi.khuyenhoc").patch(f"/api/v1/associations/{assoc.pk}", {
        "version": assoc.version, "special_status": True, "state_tasks": "Tự nhận"}, content_type="application/json")
    assert response.status_code in (400, 422)
    assert state_of(assoc) == before and audit_count() == entries


def _decision(assoc: Association, special: bool = True) -> dict:
    data = {"decision_number": "45/QĐ-UBND", "decision_date": "2026-03-02", "decision_issuer": "UBND thành phố",
            "state_tasks": "Nhiệm vụ khuyến học do thành phố giao",
            "scope_level": assoc.scope_level, "territory": assoc.territory_id or "",
            "managing_agency": assoc.managing_agency_id or "",
            "founding_decision_number": assoc.founding_decision_number,
            "founding_decision_date": assoc.founding_decision_date.isoformat() if assoc.founding_decision_date else "",
            "founding_decision_issuer": assoc.founding_decision_issuer, "version": assoc.version}
    if special:
        data["special_status"] = "on"
    return data


@pytest.mark.parametrize("username", ["hoi.khuyenhoc", "canbonoivu", "quantri", "dandan", "quanuy.ninhkieu"])
def test_only_home_affairs_records_a_state_decision(login, users, username):
    assoc = Association.objects.get(name=KHUYEN_HOC)
    before, entries, rows = state_of(assoc), audit_count(), AssociationTransition.objects.count()
    client = login(username)
    assert client.post(f"/hoi/{assoc.pk}/quyet-dinh-nha-nuoc/", _decision(assoc)).status_code in (403, 404)
    api = client.post(f"/api/v1/associations/{assoc.pk}/state-decisions", {
        "decision_number": "45/QĐ-UBND", "decision_date": "2026-03-02", "decision_issuer": "UBND thành phố",
        "version": assoc.version, "special_status": True}, content_type="application/json")
    assert api.status_code in (403, 404) and api.json()["code"] in ("forbidden", "not_found")
    assert state_of(assoc) == before and audit_count() == entries
    assert AssociationTransition.objects.count() == rows


def test_home_affairs_records_a_state_decision_with_its_document(login, users):
    assoc = Association.objects.get(name="Hội Luật gia thành phố Cần Thơ")
    special = not assoc.special_status
    client = login("noivu")
    page = client.get(f"/hoi/{assoc.pk}/")
    assert "quyet-dinh-nha-nuoc" in page.content.decode()
    # Without its deciding document the decision is refused, naming the field, and nothing is written.
    entries = audit_count()
    missing = client.post(f"/hoi/{assoc.pk}/quyet-dinh-nha-nuoc/", {**_decision(assoc, special),
                                                                  "decision_number": ""})
    assert missing.status_code == 400 and "số, ký hiệu văn bản" in missing.content.decode()
    assert audit_count() == entries and state_of(assoc)["special_status"] != special
    response = client.post(f"/hoi/{assoc.pk}/quyet-dinh-nha-nuoc/", _decision(assoc, special))
    assert response.status_code == 302
    assoc.refresh_from_db()
    assert assoc.special_status == special and assoc.state_tasks.startswith("Nhiệm vụ khuyến học")
    entry = AuditEntry.objects.get(action="associations.association.state_decided", target_id=str(assoc.pk))
    assert entry.actor == users["noivu"] and set(entry.changes) == {"special_status", "state_tasks"}
    ledger = AssociationTransition.objects.get(association=assoc, action=Action.STATE_DECISION)
    assert ledger.decision_number == "45/QĐ-UBND"
    # The API does the same, through the same service.
    response = client.post(f"/api/v1/associations/{assoc.pk}/state-decisions", {
        "decision_number": "46/QĐ-UBND", "decision_date": "2026-03-03", "decision_issuer": "UBND thành phố",
        "version": assoc.version, "special_status": not special}, content_type="application/json")
    assert response.status_code == 201 and response.json()["special_status"] is (not special)


def test_staff_no_longer_see_or_use_the_state_lifecycle_steps(login, users):
    assoc = Association.objects.get(name=KHUYEN_HOC)
    client = login("hoi.khuyenhoc")
    page = client.get(f"/hoi/{assoc.pk}/").content.decode()
    assert 'value="suspend"' not in page and 'value="dissolve"' not in page
    assert "quyet-dinh-nha-nuoc" not in page
    before, entries = state_of(assoc), audit_count()
    response = client.post(f"/hoi/{assoc.pk}/su-kien/", {
        "action": Action.SUSPEND, "decision_number": "1/QĐ", "decision_date": "2026-01-05",
        "decision_issuer": "Hội tự quyết", "version": assoc.version})
    assert response.status_code == 403
    assert state_of(assoc) == before and audit_count() == entries
    # The Department sees the step offered, and the server accepts it.
    assert 'value="suspend"' in login("noivu").get(f"/hoi/{assoc.pk}/").content.decode()


# d. A creation form never names what lies outside the user's reach --------------------------------------

def test_register_form_refuses_unknown_choices_without_names(login, users, city):
    client = login("noivu")
    before = Association.objects.count()
    response = client.post("/hoi/them/", {"name": "Hội Thử nghiệm", "parent": 999_999, "field": 999_998,
                                          "scope_level": ScopeLevel.PROVINCE, "territory": city.pk,
                                          "members_individual": 0, "members_organisational": 0,
                                          "members_honorary": 0, "branches_reported": 0})
    assert response.status_code == 200 and "Lựa chọn không hợp lệ" in response.content.decode()
    assert Association.objects.count() == before
    assert login("hoi.khuyenhoc").get("/hoi/them/").status_code == 403


# e. Territory scope of district Party committees --------------------------------------------------------

@pytest.fixture
def ninh_kieu(db):
    return AdminUnit.objects.get(code="916")


def _register(users, name: str, territory: AdminUnit, parent: Unit | None = None) -> Association:
    mttq = Unit.objects.get(name="Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ")
    return services.association_create(actor=users["noivu"], name=name, field=FieldOfActivity.objects.get(
        code="science_technology"), scope_level=ScopeLevel.DISTRICT, parent=parent or mttq, territory=territory,
        committee_decision={"number": "7/QĐ-UBND", "date": datetime.date(2024, 5, 2), "members": 3})


def test_district_committee_sees_the_associations_of_its_district_filed_elsewhere(login, users, ninh_kieu):
    mine = _register(users, "Hội Cờ tướng quận Ninh Kiều", ninh_kieu)
    other = _register(users, "Hội Cờ tướng huyện Phong Điền", AdminUnit.objects.get(code="926"))
    services.leader_appoint(actor=users["noivu"], association=mine, full_name="Phan Văn Cờ", position="president",
                            started_on=datetime.date(2024, 6, 1))
    committee = users["quanuy.ninhkieu"]
    seen = set(selectors.association_queryset(user=committee).values_list("pk", flat=True))
    assert mine.pk in seen and other.pk not in seen
    leaders, _ = selectors.leaders_for(user=committee, association=mine)
    assert [x.full_name for x in leaders] == ["Phan Văn Cờ"]  # child rows follow the association
    client = login("quanuy.ninhkieu")
    assert client.get(f"/hoi/{mine.pk}/").status_code == 200
    assert client.get(f"/api/v1/associations/{mine.pk}").status_code == 200
    assert client.get(f"/hoi/{other.pk}/").status_code == 404
    assert client.get(f"/api/v1/associations/{other.pk}").status_code == 404
    # Territory gives sight, not the pen: the district committee does not edit it.
    entries = audit_count()
    assert client.post(f"/hoi/{mine.pk}/sua/", profile_post(mine, phone="1")).status_code == 403
    with pytest.raises(PermissionDenied):
        services.association_update(actor=committee, association=mine, data={"phone": "1"})
    assert audit_count() == entries
    # Phong Điền's committee sees the other one, not this one.
    phong_dien = set(selectors.association_queryset(user=users["huyenuy.phongdien"]).values_list("pk", flat=True))
    assert other.pk in phong_dien and mine.pk not in phong_dien


def test_territory_follows_former_communes_and_successor_wards(users, ninh_kieu):
    """A former district's communes (valid while it was) and the wards that succeeded it are its territory;
    a commune of another era under the same code is not."""
    commune = AdminUnit.objects.create(code="916-01", name="Phường Tân An (cũ)", kind="ward", parent=ninh_kieu,
                                       valid_to=datetime.date(2025, 6, 30))
    too_old = AdminUnit.objects.create(code="916-02", name="Xã cũ (giải thể 1990)", kind="commune", parent=ninh_kieu,
                                       valid_to=datetime.date(1990, 1, 1))
    ninh_kieu.valid_from = datetime.date(2004, 1, 2)
    ninh_kieu.save(update_fields=["valid_from"])
    ward = AdminUnit.objects.get(name="Phường Ninh Kiều", parent__code="92")
    unrelated = AdminUnit.objects.get(name="Phường Bình Thủy", parent__code="92")
    ninh_kieu.successors.add(ward)
    in_commune = _register(users, "Hội Cờ vua phường Tân An", commune)
    in_ward = _register(users, "Hội Cờ vua phường Ninh Kiều", ward)
    in_old = _register(users, "Hội Cờ vua xã cũ", too_old)
    elsewhere = _register(users, "Hội Cờ vua phường Bình Thủy", unrelated)
    seen = set(selectors.association_queryset(user=users["quanuy.ninhkieu"]).values_list("pk", flat=True))
    assert {in_commune.pk, in_ward.pk} <= seen
    assert in_old.pk not in seen and elsewhere.pk not in seen
