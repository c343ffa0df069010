"""Every write of the Party app, for the write matrix (tests/test_permission_matrix.py).

The oracles are the rules written out by hand from the demo, never asked of the permission layer:
- the administrator (quantri) changes every Party record;
- a district committee changes the organisations it is the superior of, or whose association sits in its
  subtree (quanuy.ninhkieu: Chi bộ Hội Khuyến học quận Ninh Kiều), records new ones only under itself and for
  associations its Party scope reaches, and reports party-member counts of the associations in its subtree
  (quanuy.ninhkieu: Hội Khuyến học quận Ninh Kiều; huyenuy.phongdien: Hội Chữ thập đỏ huyện Phong Điền);
- the eligibility task is sent by Ban Dân vận (dandan); the administrator has no unit to send it from;
- the rule table is the administrator's;
- everybody else (boards, the Front, the People's Committee, home affairs, association staff) never writes.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse

from sohoi.associations.models import Association
from sohoi.directives.models import Task
from sohoi.orgs.models import Unit
from sohoi.party.models import PartyMemberCount, PartyOrganisation, PartyRule, QualityRating
from tests.permission_matrix import Operation

ADMIN = {"quantri"}
BLOC = "Đảng ủy Khối Cơ quan Dân - Chính - Đảng thành phố"
NK, PD = "Quận ủy Ninh Kiều", "Huyện ủy Phong Điền"
# The committee that manages each target organisation, besides the administrator.
ORG_MANAGER = {"Chi bộ Hội Khuyến học quận Ninh Kiều": "quanuy.ninhkieu", "Chi bộ Hội Khuyến học thành phố": None}
# Which association a new organisation under each superior is recorded for, and who may record it.
NEW_UNDER = {NK: ("Hội Khuyến học quận Ninh Kiều", "quanuy.ninhkieu"),
             PD: ("Hội Chữ thập đỏ huyện Phong Điền", "huyenuy.phongdien"),
             BLOC: ("Hội Tin học thành phố Cần Thơ", None)}
COUNT_REPORTER = {"Hội Khuyến học quận Ninh Kiều": "quanuy.ninhkieu",
                  "Hội Chữ thập đỏ huyện Phong Điền": "huyenuy.phongdien", "Hội Tin học thành phố Cần Thơ": None}
TODAY = datetime.date.today()


def _orgs() -> list[PartyOrganisation]:
    return [PartyOrganisation.objects.get(name=n) for n in ORG_MANAGER]


def _manages(username: str, org: PartyOrganisation) -> bool:
    return username in ADMIN or ORG_MANAGER[org.name] == username


def _superiors() -> list[Unit]:
    return [Unit.objects.get(name=n) for n in NEW_UNDER]


def _may_create(username: str, superior: Unit) -> bool:
    return username in ADMIN or NEW_UNDER[superior.name][1] == username


def _new_org(superior: Unit, api: bool = False) -> dict[str, Any]:
    assoc = Association.objects.get(name=NEW_UNDER[superior.name][0])
    data = {"name": f"Chi bộ mới (ma trận) {assoc.pk}", "kind": "cell", "decision_number": "21-QĐ/ĐU",
            "decision_date": "2025-05-02", "decision_issuer": f"Ban Thường vụ {superior.name}", "secretary_name": "",
            "official_members": 4, "probationary_members": 0}
    if api:
        return {**data, "association_id": assoc.pk, "superior_id": superior.pk}
    return {**data, "association": assoc.pk, "superior": superior.pk, "parent": "", "members_reported_on": "",
            "note": ""}


def _org_form(org: PartyOrganisation) -> dict[str, Any]:
    return {"association": org.association_id, "name": org.name, "kind": org.kind, "superior": org.superior_id,
            "parent": org.parent_id or "", "decision_number": org.decision_number,
            "decision_date": org.decision_date.isoformat(), "decision_issuer": org.decision_issuer,
            "secretary_name": org.secretary_name, "official_members": org.official_members,
            "probationary_members": org.probationary_members,
            "members_reported_on": org.members_reported_on.isoformat() if org.members_reported_on else "",
            "note": "Đã rà soát (ma trận)", "version": org.version}


def _associations() -> list[Association]:
    return [Association.objects.get(name=n) for n in COUNT_REPORTER]


def _rating_state(org: PartyOrganisation) -> list:
    return list(QualityRating.objects.filter(organisation=org, year=2022).values_list("grade", "score"))


def _bloc() -> list[Unit]:
    return [Unit.objects.get(name=BLOC)]


def _eligible_ids() -> str:
    from sohoi.accounts.models import User
    from sohoi.party.selectors import eligible_queryset

    dandan = User.objects.get(username="dandan")
    return ",".join(str(a.pk) for a in eligible_queryset(user=dandan)[:3])


def _open_rule_slot() -> list[None]:
    """The minimum-members rule ends on 31/12/2030, so that a new row from 2031 is a valid addition."""
    PartyRule.objects.filter(code="min_members").update(valid_to=datetime.date(2030, 12, 31))
    return [None]


def _rule() -> list[PartyRule]:
    return [PartyRule.objects.get(code="score_good")]


def _rule_form(r: PartyRule) -> dict[str, Any]:
    return {"code": r.code, "label": r.label + " (đã sửa)", "value": r.value, "unit": r.unit,
            "legal_basis": r.legal_basis, "is_default": "on" if r.is_default else "",
            "valid_from": r.valid_from.isoformat() if r.valid_from else "",
            "valid_to": r.valid_to.isoformat() if r.valid_to else "", "version": r.version}


NEW_RULE = {"code": "min_members", "label": "Số đảng viên chính thức tối thiểu (ma trận)", "value": "3",
            "unit": "people", "legal_basis": "Điều lệ Đảng", "valid_from": "2031-01-01"}

OPERATIONS = [
    Operation(name="party.create_organisation (page)", route="party:organisation_add",
              url=lambda s: reverse("party:organisation_add"), targets=_superiors, payload=_new_org,
              allowed=lambda u, user, s: _may_create(u, s), state=lambda s: PartyOrganisation.objects.count(),
              action="party.organisation.created", audit_target=False),
    Operation(name="party.create_organisation (API)", route="POST /api/v1/party/organisations", api=True,
              url=lambda s: "/api/v1/party/organisations", targets=_superiors,
              payload=lambda s: _new_org(s, api=True), allowed=lambda u, user, s: _may_create(u, s),
              state=lambda s: PartyOrganisation.objects.count(), action="party.organisation.created",
              audit_target=False),
    Operation(name="party.change_organisation (page)", route="party:organisation_edit",
              url=lambda o: reverse("party:organisation_edit", args=[o.pk]), targets=_orgs, payload=_org_form,
              allowed=lambda u, user, o: _manages(u, o), state=lambda o: (o.note, o.version),
              action="party.organisation.updated"),
    Operation(name="party.end_organisation (page)", route="party:organisation_end",
              url=lambda o: reverse("party:organisation_end", args=[o.pk]), targets=_orgs,
              payload=lambda o: {"status": "dissolved", "ended_on": "2026-01-15", "decision_number": "30-QĐ/ĐU",
                                 "successor": ""},
              allowed=lambda u, user, o: _manages(u, o), state=lambda o: (o.status, o.ended_on),
              action="party.organisation.dissolved"),
    Operation(name="party.rate (page)", route="party:rating_add",
              url=lambda o: reverse("party:rating_add", args=[o.pk]), targets=_orgs,
              payload=lambda o: {"year": 2022, "score": 76, "grade": "", "decision": "Quyết định xếp loại",
                                 "note": ""},
              allowed=lambda u, user, o: _manages(u, o), state=_rating_state, action="party.rating.",
              audit_target=False),
    Operation(name="party.rate (API)", route="POST /api/v1/party/ratings", api=True,
              url=lambda o: "/api/v1/party/ratings", targets=_orgs,
              payload=lambda o: {"organisation_id": o.pk, "year": 2022, "score": 76},
              allowed=lambda u, user, o: _manages(u, o), state=_rating_state, action="party.rating.",
              audit_target=False),
    Operation(name="party.report_count (page)", route="party:member_count",
              url=lambda a: reverse("party:member_count", args=[a.pk]), targets=_associations,
              payload=lambda a: {"reported_on": TODAY.isoformat(), "official": 5, "probationary": 1,
                                 "source": "Báo cáo của chi bộ"},
              allowed=lambda u, user, a: u in ADMIN or COUNT_REPORTER[a.name] == u,
              state=lambda a: list(PartyMemberCount.objects.filter(association=a).values_list("official", "reported_on")),
              action="party.member_count.", audit_target=False),
    Operation(name="party.create_eligibility_task (page)", route="party:eligibility",
              url=lambda c: reverse("party:eligibility"), targets=_bloc,
              payload=lambda c: {"committee": c.pk, "associations": _eligible_ids(),
                                 "due": (TODAY + datetime.timedelta(days=60)).isoformat()},
              allowed=lambda u, user, c: u == "dandan",
              state=lambda c: Task.objects.filter(document__proposal__source="party.eligibility").count(),
              action="party.eligibility.task_created", audit_target=False),
    Operation(name="party.edit_rules: add (page)", route="party:rule_add",
              url=lambda t: reverse("party:rule_add"), targets=_open_rule_slot, payload=lambda t: dict(NEW_RULE),
              allowed=lambda u, user, t: u in ADMIN, state=lambda t: PartyRule.objects.count(),
              action="party.rule.created"),
    Operation(name="party.edit_rules: add (API)", route="POST /api/v1/party/rules", api=True,
              url=lambda t: "/api/v1/party/rules", targets=_open_rule_slot, payload=lambda t: dict(NEW_RULE),
              allowed=lambda u, user, t: u in ADMIN, state=lambda t: PartyRule.objects.count(),
              action="party.rule.created"),
    Operation(name="party.edit_rules: edit (page)", route="party:rule_edit",
              url=lambda r: reverse("party:rule_edit", args=[r.pk]), targets=_rule, payload=_rule_form,
              allowed=lambda u, user, r: u in ADMIN, state=lambda r: (r.label, r.version),
              action="party.rule.updated"),
    Operation(name="party.edit_rules: edit (API)", route="PATCH /api/v1/party/rules/{rule_id}", api=True,
              method="PATCH", url=lambda r: f"/api/v1/party/rules/{r.pk}", targets=_rule,
              payload=lambda r: {"label": r.label + " (đã sửa)", "version": r.version},
              allowed=lambda u, user, r: u in ADMIN, state=lambda r: (r.label, r.version),
              action="party.rule.updated"),
    # The API's operations of issue 17 (API parity): the same rules, so the same oracles as the pages.
    Operation(name="party.change_organisation (API)", route="PATCH /api/v1/party/organisations/{organisation_id}",
              api=True, method="PATCH", url=lambda o: f"/api/v1/party/organisations/{o.pk}", targets=_orgs,
              payload=lambda o: {"note": "Đã rà soát (ma trận)", "version": o.version},
              allowed=lambda u, user, o: _manages(u, o), state=lambda o: (o.note, o.version),
              action="party.organisation.updated"),
    Operation(name="party.end_organisation (API)", route="POST /api/v1/party/organisations/{organisation_id}/end",
              api=True, url=lambda o: f"/api/v1/party/organisations/{o.pk}/end", targets=_orgs,
              payload=lambda o: {"status": "dissolved", "ended_on": "2026-01-15", "decision_number": "30-QĐ/ĐU"},
              allowed=lambda u, user, o: _manages(u, o), state=lambda o: (o.status, o.ended_on),
              action="party.organisation.dissolved"),
    Operation(name="party.report_count (API)", route="POST /api/v1/party/associations/{association_id}/member-count",
              api=True, url=lambda a: f"/api/v1/party/associations/{a.pk}/member-count", targets=_associations,
              payload=lambda a: {"reported_on": TODAY.isoformat(), "official": 5, "probationary": 1,
                                 "source": "Báo cáo của chi bộ"},
              allowed=lambda u, user, a: u in ADMIN or COUNT_REPORTER[a.name] == u,
              state=lambda a: list(PartyMemberCount.objects.filter(association=a).values_list("official", "reported_on")),
              action="party.member_count.", audit_target=False),
    Operation(name="party.create_eligibility_task (API)", route="POST /api/v1/party/eligibility/tasks", api=True,
              url=lambda c: "/api/v1/party/eligibility/tasks", targets=_bloc,
              payload=lambda c: {"committee_id": c.pk, "association_ids": [int(i) for i in _eligible_ids().split(",") if i],
                                 "due": (TODAY + datetime.timedelta(days=60)).isoformat()},
              allowed=lambda u, user, c: u == "dandan",
              state=lambda c: Task.objects.filter(document__proposal__source="party.eligibility").count(),
              action="party.eligibility.task_created", audit_target=False),
]

