"""The registry's API beyond the register itself (issue 17, API parity): alerts, officer coverage, charters,
the founding dossier, leaders' terms, the monitoring log, the legal rule table, and imports as jobs (start
with a file, poll the progress, read the errors, confirm a clean dry run, run again after a system failure).

The same selectors (scope) and services (rules, permission layer, audit) as the pages; the routes hang on
the app's one router (`api.router`), imported at the end of api.py."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Schema, Status, UploadedFile
from ninja.pagination import paginate
from pydantic import ConfigDict

from sohoi.api.pagination import PageNumber
from sohoi.core.deadlines import today
from sohoi.core.permissions import require
from sohoi.core.scoping import CHANGE, get_scoped, restrict, scoped_view

from . import selectors, services
from .api import router
from .importing import count_rows
from .models import (
    Association,
    FoundingDossier,
    ImportJob,
    Leader,
    LegalRule,
    MonitoringLog,
)
from .services.import_jobs import (
    import_job_confirm,
    import_job_reconcile,
    import_job_retry,
    import_job_start,
    store_upload,
)

MAX_ID = 2_147_483_647
MAX_BYTES = 60 * 1024 * 1024  # as the register import page (views/imports.py)
ERRORS_PAGE = 100


# Alerts and coverage (reads) ----------------------------------------------------------------------------

class AlertItemOut(Schema):
    kind: str
    title: str
    detail: str
    due: datetime.date | None


class AlertedAssociationOut(Schema):
    association_id: int
    association_name: str
    alerts: list[AlertItemOut]


class AlertsOut(Schema):
    counts: dict[str, int]
    count: int
    page: int
    items: list[AlertedAssociationOut]


@router.get("/alerts", response=AlertsOut, summary="Cảnh báo: hết nhiệm kỳ, lãnh đạo chưa báo cáo, quá hạn đại hội",
            description="The associations in the caller's scope with at least one alert, a page (50) at a time, "
                        "each with its alerts; `counts` gives the total of each kind.")
def list_alerts(request: HttpRequest, page: int = Query(1, ge=1, le=100000),
                page_size: int = Query(50, ge=1, le=500)):
    rules = selectors.alert_rules()
    alerted = selectors.alerted_associations(user=request.auth, rules=rules)
    size = page_size
    rows = list(alerted[(page - 1) * size:page * size])
    found = selectors.alerts(user=request.auth, rules=rules, associations=selectors.association_queryset(
        user=request.auth).filter(pk__in=[a.pk for a in rows]))
    by_assoc: dict[int, list[dict]] = {a.pk: [] for a in rows}
    for alert in found:
        by_assoc.setdefault(alert.association.pk, []).append(
            {"kind": alert.kind, "title": str(alert.title), "detail": str(alert.detail), "due": alert.due})
    counts = selectors.alert_counts(user=request.auth, rules=rules)
    return {"counts": counts, "count": alerted.count(), "page": page,
            "items": [{"association_id": a.pk, "association_name": a.name, "alerts": by_assoc[a.pk]} for a in rows]}


class OfficerCoverageRowOut(Schema):
    label: str
    total: int
    covered: int


class OfficerCoverageOut(Schema):
    total: int
    covered: int
    uncovered_count: int
    by_field: list[OfficerCoverageRowOut]
    by_scope: list[OfficerCoverageRowOut]
    officer_count: int


@router.get("/coverage", response=OfficerCoverageOut, summary="Phân công cán bộ theo dõi: độ bao phủ",
            description="How many operating associations in scope have a dedicated officer, by field and by "
                        "scope; the uncovered ones are at /coverage/uncovered.")
def coverage(request: HttpRequest):
    data = selectors.coverage(user=request.auth)

    def rows(items: list[dict]) -> list[dict]:
        return [{**r, "label": str(r["label"])} for r in items]  # labels may be lazy translations

    return {"total": data["total"], "covered": data["covered"], "uncovered_count": data["uncovered_count"],
            "by_field": rows(data["by_field"]), "by_scope": rows(data["by_scope"]),
            "officer_count": data["officer_count"]}


class UncoveredOut(Schema):
    id: int
    name: str
    scope_level: str
    field_id: int


@router.get("/coverage/uncovered", response=list[UncoveredOut], summary="Hội chưa có cán bộ theo dõi",
            description="Operating associations in scope without a dedicated officer, in register order.")
@paginate(PageNumber)
def coverage_uncovered(request: HttpRequest):
    return selectors.coverage(user=request.auth)["uncovered"]


# Charters, dossier, leaders ------------------------------------------------------------------------------

class CharterIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"label": "Điều lệ (sửa đổi, bổ sung) nhiệm kỳ 2026-2031",
         "decision_number": "210/QĐ-SNV",
         "decision_date": "2026-07-01",
         "decision_issuer": "Sở Nội vụ",
         "effective_from": "2026-07-15",
         "term_years": 5,
         "summary": "Sửa đổi điều kiện kết nạp hội viên"},
    ]})

    label: str = Field(..., max_length=200)
    decision_number: str = Field(..., max_length=60)
    decision_date: datetime.date
    decision_issuer: str = Field(..., max_length=300)
    effective_from: datetime.date | None = None
    term_years: int | None = Field(None, ge=1, le=20)
    summary: str = Field("", max_length=5000)


class CharterOut(Schema):
    id: int
    association_id: int
    label: str
    decision_number: str
    decision_date: datetime.date
    decision_issuer: str
    effective_from: datetime.date | None
    term_years: int | None
    summary: str


@router.post("/{int:pk}/charters", response={201: CharterOut}, summary="Ghi điều lệ được phê duyệt",
             description="Record an approved charter (its decision); a term length updates the association's.")
@scoped_view(Association)
def create_charter(request: HttpRequest, pk: int, payload: CharterIn):
    association = selectors.association_get(user=request.auth, pk=pk, action=CHANGE)
    return Status(201, services.charter_add(actor=request.auth, association=association, **payload.dict()))


class DossierOut(Schema):
    id: int
    association_id: int
    committee_decision_number: str
    committee_decision_date: datetime.date | None
    committee_members: int
    founding_members: int
    founding_provinces: int | None
    submitted: list[str]
    filed_on: datetime.date | None
    complete_on: datetime.date | None
    extension_requested_on: datetime.date | None
    extension_days: int | None
    first_congress_on: datetime.date | None
    version: int


class DossierPatch(Schema):
    """The fields of the dossier screen; give only those that change, with the `version` you read."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [
            {"version": 1,
             "committee_decision_number": "12/QĐ-UBND",
             "committee_decision_date": "2026-02-10",
             "committee_members": 7,
             "founding_members": 60,
             "filed_on": "2026-03-01"},
        ]},
    )

    version: int = Field(..., ge=0, le=MAX_ID)
    committee_decision_number: str | None = Field(None, max_length=60)
    committee_decision_date: datetime.date | None = None
    committee_members: int | None = Field(None, ge=0, le=100000)
    founding_members: int | None = Field(None, ge=0, le=10_000_000)
    founding_provinces: int | None = Field(None, ge=0, le=100)
    submitted: list[str] | None = Field(None, max_length=50)
    filed_on: datetime.date | None = None
    complete_on: datetime.date | None = None
    extension_requested_on: datetime.date | None = None
    extension_days: int | None = Field(None, ge=0, le=10000)
    first_congress_on: datetime.date | None = None


def _dossier(request: HttpRequest, dossier_id: int, action: str = "view") -> FoundingDossier:
    dossier = get_scoped(FoundingDossier.objects.select_related("association"), request.auth, action, pk=dossier_id)
    return dossier


@router.get("/dossiers", response=list[DossierOut], summary="Hồ sơ thành lập hội",
            description="Founding dossiers of associations founded through Sổ Hội, in the caller's scope "
                        "(filter by association_id).")
@paginate(PageNumber)
def list_dossiers(request: HttpRequest, association_id: int | None = Query(None, ge=1, le=MAX_ID)):
    qs = restrict(FoundingDossier.objects.all(), request.auth).order_by("pk")
    return qs.filter(association_id=association_id) if association_id else qs


@router.get("/dossiers/{int:dossier_id}", response=DossierOut, summary="Một hồ sơ thành lập hội",
            description="One founding dossier.")
@scoped_view(FoundingDossier)
def get_dossier(request: HttpRequest, dossier_id: int):
    return _dossier(request, dossier_id)


@router.patch("/dossiers/{int:dossier_id}", response=DossierOut, summary="Sửa hồ sơ thành lập hội (gửi kèm version)",
              description="Update the founding dossier (the dossier screen); the legal checks use the new values.")
@scoped_view(FoundingDossier)
def update_dossier(request: HttpRequest, dossier_id: int, payload: DossierPatch):
    dossier = _dossier(request, dossier_id)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    return services.dossier_update(actor=request.auth, dossier=dossier, data=data, expected_version=version)


class LeaderDateIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"on": "2026-06-30"},
    ]})

    on: datetime.date


class LeaderTermOut(Schema):
    id: int
    association_id: int
    position: str
    started_on: datetime.date
    ended_on: datetime.date | None
    reported_on: datetime.date | None


def _leader(request: HttpRequest, pk: int) -> Leader:
    return get_scoped(Leader.objects.select_related("association"), request.auth, CHANGE, pk=pk)


@router.post("/leaders/{int:pk}/end", response=LeaderTermOut, summary="Ghi ngày thôi giữ chức của lãnh đạo hội",
             description="End a leader's term of office on the given day.")
@scoped_view(Leader)
def end_leader(request: HttpRequest, pk: int, payload: LeaderDateIn):
    return services.leader_end(actor=request.auth, leader=_leader(request, pk), ended_on=payload.on)


@router.post("/leaders/{int:pk}/reported", response=LeaderTermOut,
             summary="Ghi ngày đã báo cáo thay đổi lãnh đạo hội",
             description="Record that the change of leadership was reported to the authority on the given day.")
@scoped_view(Leader)
def report_leader(request: HttpRequest, pk: int, payload: LeaderDateIn):
    return services.leader_mark_reported(actor=request.auth, leader=_leader(request, pk), reported_on=payload.on)


# The monitoring log ---------------------------------------------------------------------------------------

class MonitoringLogIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"on": "2026-05-12",
         "kind": "visit",
         "text": "Làm việc với Ban Thường vụ hội về kế hoạch đại hội nhiệm kỳ.",
         "follow_up_due": "2026-06-12"},
    ]})

    on: datetime.date
    kind: str = Field(..., max_length=20)
    text: str = Field(..., max_length=20000)
    follow_up_due: datetime.date | None = None


class MonitoringLogOut(Schema):
    id: int
    association_id: int
    officer_id: int | None
    on: datetime.date
    kind: str
    text: str
    follow_up_due: datetime.date | None
    follow_up_done_on: datetime.date | None


@router.get("/{int:pk}/monitoring-log", response=list[MonitoringLogOut], summary="Nhật ký theo dõi hội",
            description="The monitoring log of an association, newest first.")
@scoped_view(Association)
@paginate(PageNumber)
def list_logs(request: HttpRequest, pk: int):
    association = selectors.association_get(user=request.auth, pk=pk)
    return selectors.logs_for(user=request.auth, association=association).order_by("-on", "-pk")


@router.post("/{int:pk}/monitoring-log", response={201: MonitoringLogOut}, summary="Ghi nhật ký theo dõi hội",
             description="Write an entry of the monitoring log (the assigned officer, or the Department).")
@scoped_view(Association)
def create_log(request: HttpRequest, pk: int, payload: MonitoringLogIn):
    association = selectors.association_get(user=request.auth, pk=pk)
    kinds = {k for k, _label in MonitoringLog._meta.get_field("kind").choices}
    if payload.kind not in kinds:
        raise ValidationError({"kind": _("Loại không hợp lệ; chọn một trong: %(kinds)s.")
                                       % {"kinds": ', '.join(sorted(kinds))}})
    return Status(201, services.monitoring_log_add(actor=request.auth, association=association, **payload.dict()))


@router.post("/monitoring-log/{int:pk}/close", response=MonitoringLogOut, summary="Đánh dấu đã xử lý việc cần theo dõi",
             description="Mark the follow-up of a monitoring log entry done today.")
@scoped_view(MonitoringLog)
def close_log(request: HttpRequest, pk: int):
    log = get_scoped(MonitoringLog.objects.select_related("association"), request.auth, pk=pk)
    require(request.auth, "associations.log_monitoring", log.association)
    return services.monitoring_log_close(actor=request.auth, log=log, done_on=today())


# The legal rule table --------------------------------------------------------------------------------------

class LegalRuleOut(Schema):
    id: int
    code: str
    label: str
    value: str
    unit: str
    scope_level: str
    legal_basis: str
    is_default: bool
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    version: int


class LegalRuleIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"code": "congress_overdue_months",
         "label": "Thời hạn tổ chức đại hội nhiệm kỳ quá hạn",
         "value": "6",
         "unit": "tháng",
         "legal_basis": "Nghị định 126/2024/NĐ-CP",
         "scope_level": "",
         "is_default": False,
         "valid_from": "2026-01-01",
         "valid_to": None},
    ]})

    code: str = Field(..., max_length=40)
    label: str = Field(..., max_length=300)
    value: str = Field(..., max_length=200)
    unit: str = Field(..., max_length=20)
    legal_basis: str = Field(..., max_length=300)
    scope_level: str = Field("", max_length=20)
    is_default: bool = False
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None


class LegalRulePatch(Schema):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [
            {"version": 2, "value": "12", "legal_basis": "Nghị định 126/2024/NĐ-CP, Điều 36"},
        ]},
    )

    version: int = Field(..., ge=0, le=MAX_ID)
    label: str | None = Field(None, max_length=300)
    value: str | None = Field(None, max_length=200)
    unit: str | None = Field(None, max_length=20)
    legal_basis: str | None = Field(None, max_length=300)
    scope_level: str | None = Field(None, max_length=20)
    is_default: bool | None = None
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None


@router.get("/legal-rules", response=list[LegalRuleOut], summary="Quy định pháp lý về hội",
            description="The legal thresholds and deadlines the checks use, each with its basis and validity.")
@paginate(PageNumber)
def list_legal_rules(request: HttpRequest, code: str | None = Query(None, max_length=40)):
    qs = restrict(LegalRule.objects.all(), request.auth).order_by("code", "scope_level", "valid_from", "pk")
    return qs.filter(code=code) if code else qs


@router.post("/legal-rules", response={201: LegalRuleOut}, summary="Thêm quy định pháp lý (quản trị hệ thống)",
             description="Add a row to the legal rule table (administrators); validity periods may not overlap.")
def create_legal_rule(request: HttpRequest, payload: LegalRuleIn):
    return Status(201, services.legal_rule_create(actor=request.auth, data=payload.dict()))


@router.patch("/legal-rules/{int:rule_id}", response=LegalRuleOut,
              summary="Sửa quy định pháp lý (quản trị hệ thống, gửi kèm version)",
              description="Change a row of the legal rule table (administrators).")
@scoped_view(LegalRule)
def update_legal_rule(request: HttpRequest, rule_id: int, payload: LegalRulePatch):
    rule = get_scoped(LegalRule, request.auth, pk=rule_id)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    return services.legal_rule_update(actor=request.auth, rule=rule, data=data, expected_version=version)


# Imports as jobs ---------------------------------------------------------------------------------------------

class ImportJobOut(Schema):
    id: int
    kind: str
    association_id: int | None
    filename: str
    dry_run: bool
    status: str
    total: int
    done: int
    percent: int
    created: int
    updated: int
    error_count: int
    retryable: bool
    finished_at: datetime.datetime | None


class ImportErrorRowOut(Schema):
    row: int
    column: str
    message: str


class ImportErrorsOut(Schema):
    count: int
    stored: int
    page: int
    items: list[ImportErrorRowOut]


def _upload(file: UploadedFile) -> str:
    name = (file.name or "").lower()
    if not name.endswith((".xlsx", ".csv")):
        raise ValidationError({"file": _("Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).")})
    if file.size > MAX_BYTES:
        raise ValidationError({"file": (_("Tệp lớn hơn %(value)s MB. Chia thành nhiều tệp nhỏ hơn rồi nhập lần lượt.")
                                        % {"value": MAX_BYTES // (1024 * 1024)})})
    return store_upload(file)


def _errors_page(job: ImportJob, page: int) -> dict:
    rows = job.errors or []
    return {"count": job.error_count, "stored": len(rows), "page": page,
            "items": rows[(page - 1) * ERRORS_PAGE:page * ERRORS_PAGE]}


def _register_job(request: HttpRequest, job_id: int, action: str = "view") -> ImportJob:
    require(request.auth, "associations.import_register")
    job = get_scoped(ImportJob.objects.filter(kind=ImportJob.Kind.REGISTER), request.auth, action, pk=job_id)
    return import_job_reconcile(job)


@router.post("/register-imports", response={202: ImportJobOut},
             summary="Nhập danh bạ hội (chạy nền): tải tệp lên, kiểm tra thử hoặc ghi",
             description="Start an import of the Department's register as a background job (.xlsx or .csv). "
                         "commit=false (default) only checks; poll GET /register-imports/{id}, read the errors, "
                         "then POST /register-imports/{id}/confirm to write a clean dry run. All or nothing.")
def start_register_import(request: HttpRequest, file: File[UploadedFile], commit: Form[bool] = False):
    require(request.auth, "associations.import_register")
    path = _upload(file)
    job = import_job_start(actor=request.auth, kind=ImportJob.Kind.REGISTER, path=path, filename=file.name or "",
                           dry_run=not commit, total=count_rows(path, file.name or ""))
    job.refresh_from_db()
    return Status(202, job)


@router.get("/register-imports/{int:job_id}", response=ImportJobOut, summary="Tiến độ một lần nhập danh bạ",
            description="The job's progress and outcome (poll until status is done or failed).")
@scoped_view(ImportJob)
def get_register_import(request: HttpRequest, job_id: int):
    return _register_job(request, job_id)


@router.get("/register-imports/{int:job_id}/errors", response=ImportErrorsOut,
            summary="Lỗi của một lần nhập danh bạ (dòng, cột, cách sửa)",
            description="The errors found, 100 a page: row, column and a Vietnamese message saying how to fix it.")
@scoped_view(ImportJob)
def get_register_import_errors(request: HttpRequest, job_id: int, page: int = Query(1, ge=1, le=100000)):
    return _errors_page(_register_job(request, job_id), page)


@router.post("/register-imports/{int:job_id}/confirm", response={202: ImportJobOut},
             summary="Xác nhận ghi một lần kiểm tra thử danh bạ không có lỗi",
             description="Write what a clean dry run checked: starts a new (writing) job over the same file.")
@scoped_view(ImportJob)
def confirm_register_import(request: HttpRequest, job_id: int):
    job = import_job_confirm(actor=request.auth, job=_register_job(request, job_id, CHANGE))
    job.refresh_from_db()
    return Status(202, job)


@router.post("/register-imports/{int:job_id}/retry", response={202: ImportJobOut},
             summary="Chạy lại lần nhập danh bạ dừng vì lỗi hệ thống",
             description="Run again a job that stopped for a system reason (its file was kept).")
@scoped_view(ImportJob)
def retry_register_import(request: HttpRequest, job_id: int):
    return Status(202, import_job_retry(actor=request.auth, job=_register_job(request, job_id, CHANGE)))


def _roster_job(request: HttpRequest, pk: int, job_id: int) -> tuple[Association, ImportJob]:
    association = selectors.association_get(user=request.auth, pk=pk, action=CHANGE)
    job = ImportJob.objects.filter(kind=ImportJob.Kind.ROSTER, association=association, pk=job_id).first()
    if job is None:
        from django.http import Http404

        raise Http404
    return association, import_job_reconcile(job)


@router.post("/{int:pk}/member-imports", response={202: ImportJobOut},
             summary="Nhập danh sách hội viên (chạy nền): tải tệp lên, kiểm tra thử hoặc ghi",
             description="Start an import of an association's member roster (.xlsx or .csv) as a background job; "
                         "commit=false (default) only checks. Poll, read the errors, then confirm.")
@scoped_view(Association)
def start_member_import(request: HttpRequest, pk: int, file: File[UploadedFile], commit: Form[bool] = False):
    association = selectors.association_get(user=request.auth, pk=pk, action=CHANGE)
    require(request.auth, "associations.import_members", association)
    job = import_job_start(actor=request.auth, kind=ImportJob.Kind.ROSTER, association=association,
                           path=_upload(file), filename=file.name or "", dry_run=not commit)
    job.refresh_from_db()
    return Status(202, job)


@router.get("/{int:pk}/member-imports/{int:job_id}", response=ImportJobOut,
            summary="Tiến độ một lần nhập hội viên", description="The job's progress and outcome.")
@scoped_view(Association)
def get_member_import(request: HttpRequest, pk: int, job_id: int):
    return _roster_job(request, pk, job_id)[1]


@router.get("/{int:pk}/member-imports/{int:job_id}/errors", response=ImportErrorsOut,
            summary="Lỗi của một lần nhập hội viên", description="The errors found, 100 a page.")
@scoped_view(Association)
def get_member_import_errors(request: HttpRequest, pk: int, job_id: int, page: int = Query(1, ge=1, le=100000)):
    return _errors_page(_roster_job(request, pk, job_id)[1], page)


@router.post("/{int:pk}/member-imports/{int:job_id}/confirm", response={202: ImportJobOut},
             summary="Xác nhận ghi một lần kiểm tra thử hội viên không có lỗi",
             description="Write what a clean dry run checked: starts a new (writing) job over the same file.")
@scoped_view(Association)
def confirm_member_import(request: HttpRequest, pk: int, job_id: int):
    job = import_job_confirm(actor=request.auth, job=_roster_job(request, pk, job_id)[1])
    job.refresh_from_db()
    return Status(202, job)


@router.post("/{int:pk}/member-imports/{int:job_id}/retry", response={202: ImportJobOut},
             summary="Chạy lại lần nhập hội viên dừng vì lỗi hệ thống",
             description="Run again a roster job that stopped for a system reason (its file was kept).")
@scoped_view(Association)
def retry_member_import(request: HttpRequest, pk: int, job_id: int):
    return Status(202, import_job_retry(actor=request.auth, job=_roster_job(request, pk, job_id)[1]))

