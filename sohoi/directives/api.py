"""REST API of the register and tracking: the same selectors (scope, secrecy, state rule) and the same
services (validation, audit, notifications) as the web pages."""

import datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from sohoi.core.scoping import scoped_view
from sohoi.orgs.models import Unit

from . import selectors, services
from .dissemination import selectors as dissemination_selectors
from .dissemination import services as dissemination_services
from .dissemination.models import DisseminationSession
from .models import Assignment, Document, ProgressReport, Task

prefix = "/directives/"
router = Router()

DOCUMENT_ORDERING = {"date", "-date", "code", "-code", "id", "-id", "created_at", "-created_at"}
ASSIGNMENT_ORDERING = {"due_on", "-due_on", "id", "-id", "unit__name", "-unit__name", "done_on", "-done_on"}


class DocumentOut(Schema):
    id: int
    code: str
    number: str
    symbol: str
    doc_type: str
    system: str
    issuer_id: int | None
    issuer_name: str
    date: datetime.date | None
    place: str
    subject: str
    direction: str
    urgency: str
    secrecy: str
    is_stub: bool
    parent_id: int | None
    confirmed_at: datetime.datetime | None
    warnings: list[str]
    version: int


class DocumentDetailOut(DocumentOut):
    recipients: list[str]
    distribution: list[str]
    signer_name: str
    signer_title: str
    received_on: datetime.date | None
    incoming_no: str
    task_ids: list[int] = Field(default_factory=list)


class DocumentFilters(Schema):
    q: str | None = None
    doc_type: str | None = None
    system: str | None = None
    direction: str | None = None
    year: int | None = Field(None, ge=1, le=9999)
    parent: int | None = None


class TaskOut(Schema):
    id: int
    document_id: int
    no: str
    text: str
    lead_id: int | None
    lead_group_id: int | None
    lead_name: str
    coordinator_names: list[str]
    due: datetime.date | None
    recurrence: str


class AssignmentOut(Schema):
    id: int
    task_id: int
    document_id: int = Field(..., alias="task.document_id")
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    due_on: datetime.date | None
    done_on: datetime.date | None
    has_report: bool
    state: str


class AssignmentFilters(Schema):
    state: str | None = None
    document: int | None = None
    task: int | None = None
    unit: int | None = None
    q: str | None = None


class ReportOut(Schema):
    id: int
    assignment_id: int
    period_id: int | None
    submitted_on: datetime.date
    text: str
    percent: int | None
    milestone: str
    is_final: bool
    status: str
    review_comment: str
    reviewed_at: datetime.datetime | None


class ReportIn(Schema):
    text: str
    percent: int | None = Field(None, ge=0, le=100)
    milestone: str = ""
    is_final: bool = False


class ReviewIn(Schema):
    comment: str = ""


def _filtered(filterset):
    if not filterset.is_valid():
        from django.core.exceptions import ValidationError

        raise ValidationError({k: [str(m) for m in v] for k, v in filterset.errors.items()})
    return filterset.qs


def _params(filters: Schema) -> dict:
    return {k: v for k, v in filters.dict().items() if v is not None}


@router.get("/documents", response=list[DocumentOut], summary="Sổ văn bản")
@paginate
def list_documents(request: HttpRequest, filters: Query[DocumentFilters], ordering: str = "-date"):
    qs = _filtered(selectors.document_list(user=request.auth, filters=_params(filters)))
    return qs.order_by(ordering if ordering in DOCUMENT_ORDERING else "-date", "-id")


@router.get("/documents/{int:document_id}", response=DocumentDetailOut, summary="Một văn bản")
@scoped_view(Document)
def get_document(request: HttpRequest, document_id: int):
    document = selectors.document_get(user=request.auth, pk=document_id)
    document.task_ids = list(selectors.task_list(user=request.auth, filters={"document": document.pk}).qs
                             .values_list("pk", flat=True))
    return document


@router.get("/tasks", response=list[TaskOut], summary="Nhiệm vụ")
@paginate
def list_tasks(request: HttpRequest, document: int | None = None, lead: int | None = None):
    params = {k: v for k, v in {"document": document, "lead": lead}.items() if v is not None}
    return _filtered(selectors.task_list(user=request.auth, filters=params)).order_by("document_id", "position")


@router.get("/tasks/{int:task_id}", response=TaskOut, summary="Một nhiệm vụ")
@scoped_view(Task)
def get_task(request: HttpRequest, task_id: int):
    return selectors.task_get(user=request.auth, pk=task_id)


@router.get("/assignments", response=list[AssignmentOut], summary="Phân công và tình trạng")
@paginate
def list_assignments(request: HttpRequest, filters: Query[AssignmentFilters], ordering: str = "due_on"):
    qs = _filtered(selectors.assignment_list(user=request.auth, filters=_params(filters)))
    return qs.order_by(ordering if ordering in ASSIGNMENT_ORDERING else "due_on", "id")


@router.get("/assignments/{int:assignment_id}", response=AssignmentOut, summary="Một phân công")
@scoped_view(Assignment)
def get_assignment(request: HttpRequest, assignment_id: int):
    return selectors.assignment_get(user=request.auth, pk=assignment_id)


@router.post("/assignments/{int:assignment_id}/reports", response={201: ReportOut}, summary="Gửi báo cáo tiến độ")
@scoped_view(Assignment)
def create_report(request: HttpRequest, assignment_id: int, payload: ReportIn):
    assignment: Assignment = selectors.assignment_get(user=request.auth, pk=assignment_id)
    report = services.progress_report_submit(actor=request.auth, assignment=assignment, text=payload.text,
                                             percent=payload.percent, milestone=payload.milestone,
                                             is_final=payload.is_final)
    return 201, report


@router.get("/reports", response=list[ReportOut], summary="Báo cáo tiến độ")
@paginate
def list_reports(request: HttpRequest, status: str | None = None, assignment: int | None = None,
                 document: int | None = None):
    params = {k: v for k, v in {"status": status, "assignment": assignment, "document": document}.items()
              if v is not None}
    return _filtered(selectors.report_list(user=request.auth, filters=params)).order_by("-submitted_on", "-id")


@router.get("/reports/{int:report_id}", response=ReportOut, summary="Một báo cáo")
@scoped_view(ProgressReport)
def get_report(request: HttpRequest, report_id: int):
    return selectors.report_get(user=request.auth, pk=report_id)


@router.post("/reports/{int:report_id}/accept", response=ReportOut, summary="Chấp nhận báo cáo")
@scoped_view(ProgressReport)
def accept_report(request: HttpRequest, report_id: int, payload: ReviewIn | None = None):
    report = selectors.report_get(user=request.auth, pk=report_id)
    return services.progress_report_transition(actor=request.auth, report=report, action="accept",
                                               comment=payload.comment if payload else "")


@router.post("/reports/{int:report_id}/return", response=ReportOut, summary="Trả lại báo cáo (cần ý kiến)")
@scoped_view(ProgressReport)
def return_report(request: HttpRequest, report_id: int, payload: ReviewIn):
    report = selectors.report_get(user=request.auth, pk=report_id)
    return services.progress_report_transition(actor=request.auth, report=report, action="return",
                                               comment=payload.comment)


# Dissemination sessions (quán triệt) ------------------------------------------------------------------

class SessionIn(Schema):
    document_id: int = Field(..., ge=1, le=2_147_483_647)
    unit_id: int = Field(..., ge=1, le=2_147_483_647)
    held_on: datetime.date
    form: str = Field("conference", max_length=20)
    title: str = ""
    materials: str = ""
    note: str = ""
    planned_cadres: int = Field(0, ge=-2_147_483_647, le=2_147_483_647)
    actual_cadres: int = Field(0, ge=-2_147_483_647, le=2_147_483_647)
    planned_party: int = Field(0, ge=-2_147_483_647, le=2_147_483_647)
    actual_party: int = Field(0, ge=-2_147_483_647, le=2_147_483_647)
    planned_members: int = Field(0, ge=-2_147_483_647, le=2_147_483_647)
    actual_members: int = Field(0, ge=-2_147_483_647, le=2_147_483_647)
    planned_others: int = Field(0, ge=-2_147_483_647, le=2_147_483_647)
    actual_others: int = Field(0, ge=-2_147_483_647, le=2_147_483_647)


class SessionOut(Schema):
    id: int
    document_id: int
    unit_id: int
    unit_name: str = Field(alias="unit.name")
    held_on: datetime.date
    form: str
    title: str
    materials: str
    planned_cadres: int
    actual_cadres: int
    planned_party: int
    actual_party: int
    planned_members: int
    actual_members: int
    planned_others: int
    actual_others: int
    version: int


class CoverageRowOut(Schema):
    unit_id: int
    unit_name: str
    held: bool
    sessions: list[int]
    actual: int
    membership: int | None
    totals: dict[str, int]


class CoverageOut(Schema):
    document_id: int
    in_scope: int
    held: int
    not_held: int
    sessions: int
    actual: int
    membership: int | None
    totals: dict[str, int]
    rows: list[CoverageRowOut]


class SessionFilters(Schema):
    document: int | None = Field(None, ge=1, le=2_147_483_647)
    unit: int | None = Field(None, ge=1, le=2_147_483_647)
    year: int | None = Field(None, ge=1900, le=2100)
    form: str | None = Field(None, max_length=20)


@router.get("/dissemination-sessions", response=list[SessionOut], summary="Buổi quán triệt")
@paginate
def list_sessions(request: HttpRequest, filters: Query[SessionFilters]):
    return dissemination_selectors.session_list(user=request.auth, filters=filters.dict())


@router.get("/dissemination-sessions/{int:session_id}", response=SessionOut, summary="Một buổi quán triệt")
@scoped_view(DisseminationSession)
def get_session(request: HttpRequest, session_id: int):
    return dissemination_selectors.session_get(user=request.auth, pk=session_id)


@router.post("/dissemination-sessions", response={201: SessionOut}, summary="Ghi buổi quán triệt")
def create_session(request: HttpRequest, payload: SessionIn):
    document = selectors.document_get(user=request.auth, pk=payload.document_id)
    unit = Unit.objects.filter(pk=payload.unit_id).first()
    data = payload.dict(exclude={"document_id", "unit_id"})
    session = dissemination_services.session_record(actor=request.auth, document=document, unit=unit, data=data)
    return 201, session


@router.get("/documents/{int:document_id}/dissemination", response=CoverageOut,
            summary="Tình hình quán triệt một văn bản")
@scoped_view(Document)
def document_dissemination(request: HttpRequest, document_id: int):
    document = selectors.document_get(user=request.auth, pk=document_id)
    data = dissemination_selectors.coverage(document=document, user=request.auth)
    rows = [{"unit_id": r["unit"].pk, "unit_name": r["unit"].name, "held": r["held"],
             "sessions": [s.pk for s in r["sessions"]], "actual": r["actual"], "membership": r["membership"],
             "totals": r["totals"]} for r in data["rows"]]
    return {**{k: data[k] for k in ("in_scope", "held", "not_held", "sessions", "actual", "membership", "totals")},
            "document_id": document.pk, "rows": rows}
