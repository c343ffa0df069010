"""The holes of issue 10 on the Party side, each reproduced with a VALID request and seen refused, with the
database and the audit trail unchanged; and the territory scope of Party records."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.exceptions import PermissionDenied

from sohoi.associations import services as registry
from sohoi.associations.choices import ScopeLevel
from sohoi.associations.models import Association, FieldOfActivity
from sohoi.core.models import AuditEntry
from sohoi.orgs.models import AdminUnit, Unit
from sohoi.party import selectors, services
from sohoi.party.models import PartyOrganisation

pytestmark = pytest.mark.django_db
NINH_KIEU = "Quận ủy Ninh Kiều"
PHONG_DIEN = "Huyện ủy Phong Điền"
OUTSIDE_PARENT = "Đảng bộ Hội Chữ thập đỏ thành phố"  # under the bloc committee: out of Ninh Kiều's reach


def counts() -> tuple[int, int]:
    return PartyOrganisation.objects.count(), AuditEntry.objects.count()


# b. A list derived from data the role may not see ---------------------------------------------------------

@pytest.mark.parametrize("username", ["tuyengiao", "mattran", "ubnd", "noivu", "canbonoivu"])
def test_eligibility_list_is_refused_to_roles_without_the_right(login, username):
    entries = AuditEntry.objects.count()
    client = login(username)
    page = client.get("/to-chuc-dang/du-dieu-kien/")
    assert page.status_code == 403
    assert "Hội Đông y thành phố Cần Thơ" not in page.content.decode()
    api = client.get("/api/v1/party/eligibility")
    assert api.status_code == 403 and api.json()["code"] == "forbidden"
    core = client.get("/to-chuc-dang/nong-cot/").content.decode()
    assert "Hội Đông y thành phố Cần Thơ" not in core  # no row of the core figures either
    assert AuditEntry.objects.count() == entries


@pytest.mark.parametrize("username", ["dandan", "thuongtruc", "quanuy.ninhkieu"])
def test_eligibility_list_is_shown_to_party_bodies_with_the_right(login, username):
    assert login(username).get("/to-chuc-dang/du-dieu-kien/").status_code == 200
    assert login(username).get("/api/v1/party/eligibility").status_code == 200


# c. A Party committee places organisations only under its own subtree -------------------------------------

def _org_data(association: Association, superior: Unit, **extra) -> dict:
    return {"association": association, "name": "Chi bộ Hội Cờ tướng", "kind": "cell", "superior": superior,
            "decision_number": "12-QĐ/QU", "decision_date": datetime.date(2025, 3, 1),
            "decision_issuer": "Ban Thường vụ Quận ủy", "official_members": 4, "probationary_members": 0, **extra}


def test_committee_cannot_place_an_organisation_under_another_committee(login, users):
    assoc = Association.objects.get(name="Hội Khuyến học quận Ninh Kiều")
    other = Unit.objects.get(name=PHONG_DIEN)
    before = counts()
    with pytest.raises(PermissionDenied, match="cấp ủy cấp dưới"):
        services.organisation_create(actor=users["quanuy.ninhkieu"], data=_org_data(assoc, other))
    client = login("quanuy.ninhkieu")
    form = {"association": assoc.pk, "name": "Chi bộ Hội Cờ tướng", "kind": "cell", "superior": other.pk,
            "decision_number": "12-QĐ/QU", "decision_date": "2025-03-01", "decision_issuer": "Ban Thường vụ",
            "official_members": 4, "probationary_members": 0}
    page = client.post("/to-chuc-dang/them/", form)
    assert page.status_code == 200 and "Lựa chọn không hợp lệ" in page.content.decode()
    offered = client.get("/to-chuc-dang/them/").content.decode()
    assert PHONG_DIEN not in offered and NINH_KIEU in offered  # the form offers only its own subtree
    api = client.post("/api/v1/party/organisations", {
        "association_id": assoc.pk, "name": "Chi bộ Hội Cờ tướng", "kind": "cell", "superior_id": other.pk,
        "decision_number": "12-QĐ/QU", "decision_date": "2025-03-01", "decision_issuer": "Ban Thường vụ",
        "official_members": 4}, content_type="application/json")
    assert api.status_code == 403 and api.json()["code"] == "forbidden"
    assert counts() == before
    # Under itself it works (the same payload otherwise): the refusal was the rule, not the input.
    org = services.organisation_create(actor=users["quanuy.ninhkieu"],
                                       data=_org_data(assoc, Unit.objects.get(name=NINH_KIEU)))
    assert org.superior.name == NINH_KIEU


# d. A creation form never answers with the name of an organisation out of reach --------------------------

def test_creation_never_names_an_organisation_outside_the_scope(login, users):
    assoc = Association.objects.get(name="Hội Khuyến học quận Ninh Kiều")
    outside = PartyOrganisation.objects.get(name=OUTSIDE_PARENT)
    mine = Unit.objects.get(name=NINH_KIEU)
    before = counts()
    client = login("quanuy.ninhkieu")
    page = client.post("/to-chuc-dang/them/", {
        "association": assoc.pk, "name": "Chi bộ trực thuộc", "kind": "cell_under_committee", "superior": mine.pk,
        "parent": outside.pk, "decision_number": "13-QĐ/QU", "decision_date": "2025-03-01",
        "decision_issuer": "Ban Thường vụ", "official_members": 3, "probationary_members": 0}).content.decode()
    assert "Lựa chọn không hợp lệ" in page and OUTSIDE_PARENT not in page
    api = client.post("/api/v1/party/organisations", {
        "association_id": assoc.pk, "name": "Chi bộ trực thuộc", "kind": "cell_under_committee",
        "superior_id": mine.pk, "parent_id": outside.pk, "decision_number": "13-QĐ/QU",
        "decision_date": "2025-03-01", "decision_issuer": "Ban Thường vụ", "official_members": 3},
        content_type="application/json")
    body = json.dumps(api.json(), ensure_ascii=False)
    assert api.status_code in (400, 422) and OUTSIDE_PARENT not in body and "Lựa chọn không hợp lệ" in body
    # An association out of reach answers 404 on the API and "invalid choice" on the page, never its name.
    far = Association.objects.get(name="Hội Chữ thập đỏ huyện Phong Điền")
    page = client.post("/to-chuc-dang/them/", {"association": far.pk, "name": "x", "kind": "cell",
                                               "superior": mine.pk}).content.decode()
    assert "Lựa chọn không hợp lệ" in page and far.name not in page
    assert counts() == before


# e. Territory: Party records of the associations of the district ------------------------------------------

def test_district_committee_sees_party_records_of_its_territory(users):
    mttq = Unit.objects.get(name="Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ")
    field = FieldOfActivity.objects.get(code="science_technology")
    made = {}
    for name, code in [("Hội Cờ tướng quận Ninh Kiều", "916"), ("Hội Cờ tướng huyện Phong Điền", "926")]:
        made[code] = registry.association_create(
            actor=users["noivu"], name=name, field=field, scope_level=ScopeLevel.DISTRICT, parent=mttq,
            territory=AdminUnit.objects.get(code=code),
            committee_decision={"number": "7/QĐ-UBND", "date": datetime.date(2024, 5, 2), "members": 3})
    bloc = Unit.objects.get(name="Đảng ủy Khối Cơ quan Dân - Chính - Đảng thành phố")
    orgs = {code: services.organisation_create(actor=users["quantri"], data={
        **_org_data(a, bloc), "name": f"Chi bộ {a.name}"}) for code, a in made.items()}
    committee = users["quanuy.ninhkieu"]
    seen = set(selectors.organisation_queryset(user=committee).values_list("pk", flat=True))
    assert orgs["916"].pk in seen and orgs["926"].pk not in seen
    assert made["916"].pk in set(selectors.party_associations(user=committee).values_list("pk", flat=True))
    # Sight, not the pen: the organisation belongs to the bloc committee.
    with pytest.raises(PermissionDenied):
        services.rating_record(actor=committee, organisation=orgs["916"], year=2025, score=80)
