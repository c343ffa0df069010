"""Every write of the registry, for the write matrix (tests/test_permission_matrix.py).

The oracles are the rules written out by hand from the demo (usernames, units, assignments), never asked
of `restrict()` or associations/permissions.py, so that a loosened rule there is caught here:
- the Department of Home Affairs (noivu) and the administrator (quantri) change every association;
- association staff change their own association (hoi.khuyenhoc: Hội Khuyến học thành phố Cần Thơ;
  hoi.chuthapdo: Hội Chữ thập đỏ thành phố Cần Thơ);
- the officer assigned to an association changes it and writes its monitoring log (demo: canbonoivu follows
  the city Khuyến học, Chữ thập đỏ and Luật gia associations and Hội Doanh nghiệp nhỏ và vừa phường Ninh
  Kiều; canbonoivu.hai follows Hội Khuyến học quận Ninh Kiều; nobody follows Hội Tin học thành phố);
- Party committees, boards, the Front and the People's Committee may look, never write;
- only noivu and quantri register, import the register, decide lifecycle steps such as suspension and
  assign officers; only noivu (home affairs) records a state decision; only quantri edits the legal rules.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from sohoi.associations.models import (
    Association,
    FieldOfActivity,
    FoundingDossier,
    ImportJob,
    Leader,
    LegalRule,
    MonitoringLog,
    OfficerAssignment,
)
from sohoi.orgs.models import AdminUnit, Unit
from tests.permission_matrix import Operation

DEPARTMENT = {"noivu", "quantri"}
HOME_AFFAIRS = {"noivu"}
ADMIN = {"quantri"}
STAFF_OF = {"hoi.khuyenhoc": "Hội Khuyến học thành phố Cần Thơ", "hoi.chuthapdo": "Hội Chữ thập đỏ thành phố Cần Thơ"}
OFFICER_OF = {"Hội Khuyến học thành phố Cần Thơ": "canbonoivu", "Hội Chữ thập đỏ thành phố Cần Thơ": "canbonoivu",
              "Hội Luật gia thành phố Cần Thơ": "canbonoivu",
              "Hội Doanh nghiệp nhỏ và vừa phường Ninh Kiều": "canbonoivu",
              "Hội Khuyến học quận Ninh Kiều": "canbonoivu.hai"}
# Inside and outside the scope of most roles: staff's own, nobody's, a district committee's.
TARGETS = ("Hội Khuyến học thành phố Cần Thơ", "Hội Tin học thành phố Cần Thơ", "Hội Khuyến học quận Ninh Kiều")
MTTQ = "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ"
TODAY = datetime.date.today()


def _associations() -> list[Association]:
    return [Association.objects.get(name=n) for n in TARGETS]


def _changes(username: str, name: str) -> bool:
    """May change the association called `name` (profile, leaders, congresses, charter, members)."""
    return username in DEPARTMENT or STAFF_OF.get(username) == name or OFFICER_OF.get(name) == username


def _assoc_of(target: Any) -> Association:
    return target if isinstance(target, Association) else target.association


def _page(name: str) -> str:
    from django.urls import reverse

    return reverse(name)


def _url(name: str):
    from django.urls import reverse

    return lambda t: reverse(name, args=[t.pk])


# Payloads ------------------------------------------------------------------------------------------------

def _profile(a: Association) -> dict[str, Any]:
    data = {"short_name": a.short_name, "english_name": a.english_name, "field": a.field_id,
            "main_activity": a.main_activity, "head_office": a.head_office, "phone": "0292 3 999 000",
            "email": a.email, "website": a.website, "term_years": a.term_years or "",
            "members_individual": a.members_individual, "members_organisational": a.members_organisational,
            "members_honorary": a.members_honorary,
            "members_reported_on": a.members_reported_on.isoformat() if a.members_reported_on else "",
            "branches_reported": a.branches_reported, "version": a.version}
    return data


def _create(_target: Any) -> dict[str, Any]:
    return {"name": "Hội Nghiên cứu Ma trận Quyền thành phố Cần Thơ", "parent": Unit.objects.get(name=MTTQ, parent=None).pk,
            "field": FieldOfActivity.objects.get(code="science_technology").pk, "scope_level": "province",
            "territory": AdminUnit.objects.get(code="92").pk, "committee_number": "5/QĐ-SNV",
            "committee_date": "2026-01-05", "committee_members": 5, "members_individual": 0,
            "members_organisational": 0, "members_honorary": 0, "branches_reported": 0}


def _decision(a: Association) -> dict[str, Any]:
    data = {"decision_number": "45/QĐ-UBND", "decision_date": "2026-03-02", "decision_issuer": "UBND thành phố",
            "state_tasks": "Nhiệm vụ do thành phố giao (ma trận)", "scope_level": a.scope_level,
            "territory": a.territory_id or "", "managing_agency": a.managing_agency_id or "",
            "founding_decision_number": a.founding_decision_number,
            "founding_decision_date": a.founding_decision_date.isoformat() if a.founding_decision_date else "",
            "founding_decision_issuer": a.founding_decision_issuer, "version": a.version}
    if a.special_status:
        data["special_status"] = "on"
    return data


def _suspend(a: Association) -> dict[str, Any]:
    return {"action": "suspend", "decision_number": "77/QĐ-SNV", "decision_date": "2026-02-01",
            "decision_issuer": "Sở Nội vụ", "note": "Không báo cáo hoạt động hai năm liền", "new_name": "",
            "version": a.version}


def _leader(_a: Association) -> dict[str, Any]:
    return {"full_name": "Ngô Văn Ma Trận", "position": "executive", "gender": "male", "birth_year": 1980,
            "started_on": "2026-01-10", "reported_on": "", "is_party_member": ""}


def _congress(a: Association) -> dict[str, Any]:
    return {"number": a.congresses.count() + 1, "kind": "extraordinary", "held_on": "2026-02-10",
            "term_label": "", "expected": 100, "attended": 80, "documents_sent_on": "", "years": ""}


def _charter(_a: Association) -> dict[str, Any]:
    return {"label": "Điều lệ sửa đổi (ma trận)", "decision_number": "88/QĐ-SNV", "decision_date": "2026-02-15",
            "decision_issuer": "Sở Nội vụ", "effective_from": "2026-02-15", "term_years": 5, "summary": ""}


ROSTER = ("Họ và tên,Giới tính,Năm sinh,Số định danh,Điện thoại,Loại hội viên,Ngày vào hội,Chi hội,Đảng viên\r\n"
          "Trần Thị Ma Trận,Nữ,1990,092190009999,,Cá nhân,01/01/2020,,Không\r\n")


def _roster(_a: Any) -> dict[str, Any]:
    return {"file": SimpleUploadedFile("hoi-vien.csv", ROSTER.encode("utf-8"), content_type="text/csv")}


def _register_file(_t: Any) -> dict[str, Any]:
    from sohoi.associations.services.register_import import register_template

    return {"file": SimpleUploadedFile("danh-ba.xlsx", register_template(),
                                       content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}


def _retryable_jobs() -> list[ImportJob]:
    """A register import whose worker died (failed, retryable, its file kept), as the page finds it."""
    import tempfile

    from django.conf import settings

    from sohoi.associations.services.register_import import register_template

    with tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False, dir=settings.MEDIA_ROOT) as f:
        f.write(register_template())
    return [ImportJob.objects.create(created_by=None, filename="mau.xlsx", path=f.name, dry_run=False,
                                     status=ImportJob.State.FAILED, retryable=True)]


def _retry_url(job: ImportJob) -> str:
    """The retry URL; the job's file is put back first (a successful run of a previous user removed it, and
    removing a file is not rolled back with the database)."""
    from pathlib import Path

    from django.urls import reverse

    from sohoi.associations.services.register_import import register_template

    Path(job.path).write_bytes(register_template())
    return reverse("associations:register_import_retry", args=[job.pk])


def _dossier_targets() -> list[FoundingDossier]:
    return [FoundingDossier.objects.get(association__name=n) for n in (
        "Hội Yêu sách thành phố Cần Thơ", "Hội Doanh nghiệp nhỏ và vừa phường Ninh Kiều")]


def _dossier(d: FoundingDossier) -> dict[str, Any]:
    def day(v):
        return v.isoformat() if v else ""

    return {"committee_decision_number": d.committee_decision_number, "committee_decision_date": day(
        d.committee_decision_date), "committee_members": d.committee_members, "founding_members": 123,
        "founding_provinces": d.founding_provinces or "", "submitted": list(d.submitted or []),
        "filed_on": day(d.filed_on), "complete_on": day(d.complete_on),
        "extension_requested_on": day(d.extension_requested_on), "extension_days": d.extension_days or "",
        "first_congress_on": day(d.first_congress_on), "version": d.version}


def _leaders() -> list[Leader]:
    return [Leader.objects.filter(association__name=n, position="general_secretary", ended_on__isnull=True).get()
            for n in TARGETS]


def _logs() -> list[MonitoringLog]:
    return list(MonitoringLog.objects.filter(association__name__in=(
        "Hội Khuyến học thành phố Cần Thơ", "Hội Luật gia thành phố Cần Thơ"), follow_up_done_on__isnull=True))


def _rule() -> list[LegalRule]:
    return [LegalRule.objects.filter(code="committee_size", scope_level="province").order_by("pk").first()]


def _rule_payload(r: LegalRule) -> dict[str, Any]:
    return {"code": r.code, "label": r.label + " (đã sửa)", "value": r.value, "unit": r.unit,
            "scope_level": r.scope_level, "legal_basis": r.legal_basis, "is_default": "on" if r.is_default else "",
            "valid_from": r.valid_from.isoformat() if r.valid_from else "",
            "valid_to": r.valid_to.isoformat() if r.valid_to else "", "version": r.version}


def _officer() -> int:
    from sohoi.accounts.models import User

    return User.objects.get(username="canbonoivu.ba").pk


def _count(model, **lookup):
    return lambda t: model.objects.filter(**{k: (v(t) if callable(v) else v) for k, v in lookup.items()}).count()


def _none() -> list[None]:
    return [None]


OPERATIONS = [
    # Registration of a founding committee: the Department.
    Operation(name="associations.create (page)", route="associations:association_create",
              url=lambda t: _page("associations:association_create"), targets=_none, payload=_create,
              allowed=lambda u, user, t: u in DEPARTMENT, state=lambda t: Association.objects.count(),
              action="associations.association.created"),
    Operation(name="associations.create (API)", route="POST /api/v1/associations", api=True,
              url=lambda t: "/api/v1/associations/", targets=_none,
              payload=lambda t: {"name": "Hội Nghiên cứu Ma trận Quyền thành phố Cần Thơ",
                                 "field_id": FieldOfActivity.objects.get(code="science_technology").pk,
                                 "scope_level": "province", "parent_unit_id": Unit.objects.get(name=MTTQ, parent=None).pk,
                                 "territory_id": AdminUnit.objects.get(code="92").pk},
              allowed=lambda u, user, t: u in DEPARTMENT, state=lambda t: Association.objects.count(),
              action="associations.association.created"),
    # The association's own profile: whoever changes the association.
    Operation(name="associations.edit_profile (page)", route="associations:association_edit",
              url=_url("associations:association_edit"), targets=_associations, payload=_profile,
              allowed=lambda u, user, a: _changes(u, a.name), state=lambda a: (a.phone, a.version),
              action="associations.association.updated"),
    Operation(name="associations.edit_profile (API)", route="PATCH /api/v1/associations/{pk}", api=True,
              method="PATCH", url=lambda a: f"/api/v1/associations/{a.pk}", targets=_associations,
              payload=lambda a: {"version": a.version, "phone": "0292 3 999 000"},
              allowed=lambda u, user, a: _changes(u, a.name), state=lambda a: (a.phone, a.version),
              action="associations.association.updated"),
    # Suspension is a state decision: the Department only, never the association's staff or officer.
    Operation(name="associations.transition.suspend (page)", route="associations:association_transition",
              url=_url("associations:association_transition"), targets=_associations, payload=_suspend,
              allowed=lambda u, user, a: u in DEPARTMENT, state=lambda a: (a.status, a.version),
              action="associations.association.suspend"),
    Operation(name="associations.transition.suspend (API)", route="POST /api/v1/associations/{pk}/transitions",
              api=True, url=lambda a: f"/api/v1/associations/{a.pk}/transitions", targets=_associations,
              payload=lambda a: {"action": "suspend", "decision_number": "77/QĐ-SNV", "decision_date": "2026-02-01",
                                 "decision_issuer": "Sở Nội vụ", "note": "Không báo cáo hoạt động hai năm liền",
                                 "version": a.version},
              allowed=lambda u, user, a: u in DEPARTMENT, state=lambda a: (a.status, a.version),
              action="associations.association.suspend"),
    # State decisions (founding decision, scope, special status...): home affairs only, with the document.
    Operation(name="associations.record_state_decision (page)", route="associations:association_state_decision",
              url=_url("associations:association_state_decision"), targets=_associations, payload=_decision,
              allowed=lambda u, user, a: u in HOME_AFFAIRS, state=lambda a: (a.state_tasks, a.version),
              action="associations.association.state_decided"),
    Operation(name="associations.record_state_decision (API)",
              route="POST /api/v1/associations/{pk}/state-decisions", api=True,
              url=lambda a: f"/api/v1/associations/{a.pk}/state-decisions", targets=_associations,
              payload=lambda a: {"decision_number": "45/QĐ-UBND", "decision_date": "2026-03-02",
                                 "decision_issuer": "UBND thành phố", "version": a.version,
                                 "special_status": not a.special_status},
              allowed=lambda u, user, a: u in HOME_AFFAIRS, state=lambda a: (a.special_status, a.version),
              action="associations.association.state_decided"),
    Operation(name="associations.edit_dossier (page)", route="associations:dossier",
              url=lambda d: _url("associations:dossier")(d.association), targets=_dossier_targets, payload=_dossier,
              allowed=lambda u, user, d: _changes(u, d.association.name),
              state=lambda d: (d.founding_members, d.version), action="associations.dossier.updated"),
    # Leaders, congresses, charters, members: whoever changes the association.
    Operation(name="associations.leader_add (page)", route="associations:leader_add",
              url=_url("associations:leader_add"), targets=_associations, payload=_leader,
              allowed=lambda u, user, a: _changes(u, a.name), state=_count(Leader, association=lambda a: a.pk),
              action="associations.leader.appointed", audit_target=False),
    Operation(name="associations.leader_add (API)", route="POST /api/v1/associations/{pk}/leaders", api=True,
              url=lambda a: f"/api/v1/associations/{a.pk}/leaders", targets=_associations,
              payload=lambda a: {"full_name": "Ngô Văn Ma Trận", "position": "executive", "started_on": "2026-01-10"},
              allowed=lambda u, user, a: _changes(u, a.name), state=_count(Leader, association=lambda a: a.pk),
              action="associations.leader.appointed", audit_target=False),
    Operation(name="associations.leader_end (page)", route="associations:leader_action",
              url=_url("associations:leader_action"), targets=_leaders,
              payload=lambda leader: {"what": "end", "on": "2026-01-10"},
              allowed=lambda u, user, leader: _changes(u, leader.association.name),
              state=lambda leader: leader.ended_on, action="associations.leader.ended"),
    Operation(name="associations.congress_add (page)", route="associations:congress_add",
              url=_url("associations:congress_add"), targets=_associations, payload=_congress,
              allowed=lambda u, user, a: _changes(u, a.name), state=lambda a: a.congresses.count(),
              action="associations.congress.recorded", audit_target=False),
    Operation(name="associations.congress_add (API)", route="POST /api/v1/associations/{pk}/congresses", api=True,
              url=lambda a: f"/api/v1/associations/{a.pk}/congresses", targets=_associations,
              payload=lambda a: {"number": a.congresses.count() + 1, "held_on": "2026-02-10", "expected": 100,
                                 "attended": 80, "kind": "extraordinary"},
              allowed=lambda u, user, a: _changes(u, a.name), state=lambda a: a.congresses.count(),
              action="associations.congress.recorded", audit_target=False),
    Operation(name="associations.charter_add (page)", route="associations:charter_add",
              url=_url("associations:charter_add"), targets=_associations, payload=_charter,
              allowed=lambda u, user, a: _changes(u, a.name), state=lambda a: a.charters.count(),
              action="associations.charter.approved", audit_target=False),
    Operation(name="associations.import_members (page)", route="associations:member_import",
              url=_url("associations:member_import"), targets=_associations, payload=lambda a: {"commit": "on"},
              files=_roster, allowed=lambda u, user, a: _changes(u, a.name), state=lambda a: a.members.count(),
              action="associations.member.imported"),
    # Officers: the Department assigns; the assigned officer (or the Department) writes the log.
    Operation(name="associations.assign_officer (page)", route="associations:officer_assign",
              url=_url("associations:officer_assign"), targets=_associations,
              payload=lambda a: {"officer": _officer(), "started_on": TODAY.isoformat(), "note": ""},
              allowed=lambda u, user, a: u in DEPARTMENT,
              state=lambda a: list(OfficerAssignment.objects.filter(association=a, ended_on__isnull=True)
                                   .values_list("officer_id", flat=True)),
              action="associations.officer.", audit_target=False),
    Operation(name="associations.assign_officer (API)", route="POST /api/v1/associations/assignments", api=True,
              url=lambda a: "/api/v1/associations/assignments", targets=_associations,
              payload=lambda a: {"association_id": a.pk, "officer_id": _officer(), "started_on": TODAY.isoformat()},
              allowed=lambda u, user, a: u in DEPARTMENT,
              state=lambda a: list(OfficerAssignment.objects.filter(association=a, ended_on__isnull=True)
                                   .values_list("officer_id", flat=True)),
              action="associations.officer.", audit_target=False),
    Operation(name="associations.log_monitoring (page)", route="associations:log_add",
              url=_url("associations:log_add"), targets=_associations,
              payload=lambda a: {"on": TODAY.isoformat(), "kind": "visit", "text": "Làm việc tại trụ sở hội.",
                                 "follow_up_due": ""},
              allowed=lambda u, user, a: u in DEPARTMENT or OFFICER_OF.get(a.name) == u,
              state=_count(MonitoringLog, association=lambda a: a.pk), action="associations.monitoring.logged",
              audit_target=False),
    Operation(name="associations.log_close (page)", route="associations:log_close",
              url=_url("associations:log_close"), targets=_logs, payload=lambda g: {},
              allowed=lambda u, user, g: u in DEPARTMENT or OFFICER_OF.get(g.association.name) == u,
              state=lambda g: g.follow_up_done_on, action="associations.monitoring.followed_up"),
    # The register import and the legal rule table.
    Operation(name="associations.import_register (page)", route="associations:register_import",
              url=lambda t: _page("associations:register_import"), targets=_none, payload=lambda t: {"commit": "on"},
              files=_register_file, allowed=lambda u, user, t: u in DEPARTMENT,
              state=lambda t: ImportJob.objects.count(), action="associations.", audit_target=False),
    Operation(name="associations.import_register.retry (page)", route="associations:register_import_retry",
              url=_retry_url, targets=_retryable_jobs, payload=lambda j: {},
              allowed=lambda u, user, j: u in DEPARTMENT,
              state=lambda j: ImportJob.objects.filter(pk=j.pk).values_list("status", "attempts").first(),
              action="associations.", audit_target=False),
    Operation(name="associations.import_register (API)", route="POST /api/v1/associations/register-import",
              url=lambda t: "/api/v1/associations/register-import", targets=_none,
              payload=lambda t: {"dry_run": "false"}, files=_register_file,
              allowed=lambda u, user, t: u in DEPARTMENT,
              state=lambda t: sorted(Association.objects.values_list("name", "version")),
              action="associations.", audit_target=False),
    Operation(name="associations.legal_rule_add (page)", route="associations:legal_rule_add",
              url=lambda t: _page("associations:legal_rule_add"), targets=_none,
              payload=lambda t: {"code": "founding_provinces", "label": "Số tỉnh tối thiểu (ma trận)", "value": "2",
                                 "unit": "people", "scope_level": "province", "legal_basis": "Nghị định 126/2024",
                                 "valid_from": "2024-11-26", "valid_to": ""},
              allowed=lambda u, user, t: u in ADMIN, state=lambda t: LegalRule.objects.count(),
              action="associations.legalrule.created"),
    Operation(name="associations.legal_rule_edit (page)", route="associations:legal_rule_edit",
              url=_url("associations:legal_rule_edit"), targets=_rule, payload=_rule_payload,
              allowed=lambda u, user, r: u in ADMIN, state=lambda r: (r.label, r.version),
              action="associations.legalrule.updated"),
]


# The API's operations of issue 17 (API parity): the same rules, so the same oracles as the pages above.

def _dry_register_jobs() -> list[ImportJob]:
    """A clean dry run of the register, finished, its file kept: what the API confirms."""
    job = _retryable_jobs()[0]
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.State.DONE, dry_run=True, retryable=False, total=1,
                                               done=1)
    job.refresh_from_db()
    return [job]


def _job_url(suffix: str):
    def url(job: ImportJob) -> str:
        from pathlib import Path

        from sohoi.associations.services.register_import import register_template

        # Put the file back: a previous user's run removed it, and a file is not rolled back with the database.
        if job.kind == ImportJob.Kind.ROSTER:
            Path(job.path).write_bytes(ROSTER.encode("utf-8"))
            return f"/api/v1/associations/{job.association_id}/member-imports/{job.pk}/{suffix}"
        Path(job.path).write_bytes(register_template())
        return f"/api/v1/associations/register-imports/{job.pk}/{suffix}"
    return url


def _roster_jobs(**values: Any):
    def targets() -> list[ImportJob]:
        import tempfile

        from django.conf import settings

        out = []
        for a in _associations():
            with tempfile.NamedTemporaryFile(suffix=".csv", delete=False, dir=settings.MEDIA_ROOT) as f:
                f.write(ROSTER.encode("utf-8"))
            out.append(ImportJob.objects.create(created_by=None, kind=ImportJob.Kind.ROSTER, association=a,
                                                filename="hoi-vien.csv", path=f.name, total=1, **values))
        return out
    return targets


def _job_count(_t: Any) -> int:
    return ImportJob.objects.count()


def _job_state(job: ImportJob) -> Any:
    return ImportJob.objects.filter(pk=job.pk).values_list("status", "attempts").first()


OPERATIONS += [
    Operation(name="associations.dossier (API)", route="PATCH /api/v1/associations/dossiers/{dossier_id}", api=True,
              method="PATCH", url=lambda d: f"/api/v1/associations/dossiers/{d.pk}",
              targets=_dossier_targets, payload=lambda d: {"founding_members": 123, "version": d.version},
              allowed=lambda u, user, d: _changes(u, d.association.name),
              state=lambda d: (d.founding_members, d.version), action="associations.dossier.updated"),
    Operation(name="associations.leader_end (API)", route="POST /api/v1/associations/leaders/{pk}/end", api=True,
              url=lambda leader: f"/api/v1/associations/leaders/{leader.pk}/end", targets=_leaders,
              payload=lambda leader: {"on": "2026-01-10"},
              allowed=lambda u, user, leader: _changes(u, leader.association.name),
              state=lambda leader: leader.ended_on, action="associations.leader.ended"),
    Operation(name="associations.leader_reported (API)", route="POST /api/v1/associations/leaders/{pk}/reported",
              api=True, url=lambda leader: f"/api/v1/associations/leaders/{leader.pk}/reported", targets=_leaders,
              payload=lambda leader: {"on": TODAY.isoformat()},
              allowed=lambda u, user, leader: _changes(u, leader.association.name),
              state=lambda leader: leader.reported_on, action="associations.leader.reported"),
    Operation(name="associations.charter_add (API)", route="POST /api/v1/associations/{pk}/charters", api=True,
              url=lambda a: f"/api/v1/associations/{a.pk}/charters", targets=_associations,
              payload=lambda a: {"label": "Điều lệ sửa đổi (ma trận)", "decision_number": "88/QĐ-SNV",
                                 "decision_date": "2026-02-15", "decision_issuer": "Sở Nội vụ", "term_years": 5},
              allowed=lambda u, user, a: _changes(u, a.name), state=lambda a: a.charters.count(),
              action="associations.charter.approved", audit_target=False),
    Operation(name="associations.log_monitoring (API)", route="POST /api/v1/associations/{pk}/monitoring-log",
              api=True, url=lambda a: f"/api/v1/associations/{a.pk}/monitoring-log", targets=_associations,
              payload=lambda a: {"on": TODAY.isoformat(), "kind": "visit", "text": "Làm việc tại trụ sở hội."},
              allowed=lambda u, user, a: u in DEPARTMENT or OFFICER_OF.get(a.name) == u,
              state=_count(MonitoringLog, association=lambda a: a.pk), action="associations.monitoring.logged",
              audit_target=False),
    Operation(name="associations.log_close (API)", route="POST /api/v1/associations/monitoring-log/{pk}/close",
              api=True, url=lambda g: f"/api/v1/associations/monitoring-log/{g.pk}/close", targets=_logs,
              payload=lambda g: {},
              allowed=lambda u, user, g: u in DEPARTMENT or OFFICER_OF.get(g.association.name) == u,
              state=lambda g: g.follow_up_done_on, action="associations.monitoring.followed_up"),
    Operation(name="associations.legal_rule_add (API)", route="POST /api/v1/associations/legal-rules", api=True,
              url=lambda t: "/api/v1/associations/legal-rules", targets=_none,
              payload=lambda t: {"code": "founding_provinces", "label": "Số tỉnh tối thiểu (ma trận)", "value": "2",
                                 "unit": "people", "scope_level": "province", "legal_basis": "Nghị định 126/2024",
                                 "valid_from": "2024-11-26"},
              allowed=lambda u, user, t: u in ADMIN, state=lambda t: LegalRule.objects.count(),
              action="associations.legalrule.created"),
    Operation(name="associations.legal_rule_edit (API)", route="PATCH /api/v1/associations/legal-rules/{rule_id}",
              api=True, method="PATCH", url=lambda r: f"/api/v1/associations/legal-rules/{r.pk}", targets=_rule,
              payload=lambda r: {"label": r.label + " (đã sửa)", "version": r.version},
              allowed=lambda u, user, r: u in ADMIN, state=lambda r: (r.label, r.version),
              action="associations.legalrule.updated"),
    # Imports as jobs: start (multipart, sent like a page form), confirm a clean dry run, retry after a failure.
    Operation(name="associations.import_register: start job (API)", route="POST /api/v1/associations/register-imports",
              url=lambda t: "/api/v1/associations/register-imports", targets=_none,
              payload=lambda t: {"commit": "true"}, files=_register_file, allowed=lambda u, user, t: u in DEPARTMENT,
              state=_job_count, action="associations.", audit_target=False),
    Operation(name="associations.import_register: confirm (API)",
              route="POST /api/v1/associations/register-imports/{job_id}/confirm", api=True,
              url=_job_url("confirm"), targets=_dry_register_jobs, payload=lambda j: {},
              allowed=lambda u, user, j: u in DEPARTMENT, state=_job_count, action="associations.",
              audit_target=False),
    Operation(name="associations.import_register: retry (API)",
              route="POST /api/v1/associations/register-imports/{job_id}/retry", api=True,
              url=_job_url("retry"), targets=_retryable_jobs, payload=lambda j: {},
              allowed=lambda u, user, j: u in DEPARTMENT, state=_job_state, action="associations.",
              audit_target=False),
    Operation(name="associations.import_members: start job (API)", route="POST /api/v1/associations/{pk}/member-imports",
              url=lambda a: f"/api/v1/associations/{a.pk}/member-imports", targets=_associations,
              payload=lambda a: {"commit": "true"}, files=_roster, allowed=lambda u, user, a: _changes(u, a.name),
              state=lambda a: a.members.count(), action="associations.member.imported"),
    Operation(name="associations.import_members: confirm (API)",
              route="POST /api/v1/associations/{pk}/member-imports/{job_id}/confirm", api=True,
              url=_job_url("confirm"), targets=_roster_jobs(status=ImportJob.State.DONE, dry_run=True, done=1),
              payload=lambda j: {}, allowed=lambda u, user, j: _changes(u, j.association.name),
              state=lambda j: j.association.members.count(), action="associations.member.imported",
              audit_target=False),
    Operation(name="associations.import_members: retry (API)",
              route="POST /api/v1/associations/{pk}/member-imports/{job_id}/retry", api=True,
              url=_job_url("retry"), targets=_roster_jobs(status=ImportJob.State.FAILED, dry_run=False, retryable=True),
              payload=lambda j: {}, allowed=lambda u, user, j: _changes(u, j.association.name),
              state=lambda j: j.association.members.count(), action="associations.member.imported",
              audit_target=False),
]
