"""Tasks, assignments, progress reports (with attachments) and their review, and the urge."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Status, UploadedFile
from ninja.pagination import paginate

from sohoi.core.permissions import require
from sohoi.core.scoping import scoped_view

from .. import selectors, services
from ..models import Assignment, ProgressReport, Task
from . import router
from .common import filtered, params
from .schemas import (
    AssignmentFilters,
    AssignmentOut,
    ReportIn,
    ReportOut,
    ReportUploadForm,
    ReviewIn,
    TaskOut,
    UrgeIn,
    UrgeOut,
)

ASSIGNMENT_ORDERING = {"due_on", "-due_on", "id", "-id", "unit__name", "-unit__name", "done_on", "-done_on"}


@router.get("/tasks", response=list[TaskOut], summary="Nhiệm vụ", operation_id="directives_task_list",
            description="Confirmed tasks in the caller's scope, by document and position.")
@paginate
def list_tasks(request: HttpRequest, document: int | None = None, lead: int | None = None):
    filters = {k: v for k, v in {"document": document, "lead": lead}.items() if v is not None}
    return filtered(selectors.task_list(user=request.auth, filters=filters)).order_by("document_id", "position")


@router.get("/tasks/{int:task_id}", response=TaskOut, summary="Một nhiệm vụ", operation_id="directives_task_get",
            description="One task of a directive, with its assignments. A task outside the caller's scope "
                        "answers 404.")
@scoped_view(Task)
def get_task(request: HttpRequest, task_id: int):
    return selectors.task_get(user=request.auth, pk=task_id)


@router.get("/assignments", response=list[AssignmentOut], summary="Phân công và tình trạng",
            operation_id="directives_assignment_list",
            description="Assignments (one task, one unit) with the computed state: the lists behind every figure. "
                        "`?state=open_overdue&unit=` lists what the urge is about.")
@paginate
def list_assignments(request: HttpRequest, filters: Query[AssignmentFilters], ordering: str = "due_on"):
    qs = filtered(selectors.assignment_list(user=request.auth, filters=params(filters)))
    return qs.order_by(ordering if ordering in ASSIGNMENT_ORDERING else "due_on", "id")


@router.get("/assignments/{int:assignment_id}", response=AssignmentOut, summary="Một phân công",
            operation_id="directives_assignment_get", description="One assignment with its computed state.")
@scoped_view(Assignment)
def get_assignment(request: HttpRequest, assignment_id: int):
    return selectors.assignment_get(user=request.auth, pk=assignment_id)


@router.post("/assignments/{int:assignment_id}/reports", response={201: ReportOut}, summary="Gửi báo cáo tiến độ",
             operation_id="directives_report_submit",
             description="The assigned unit reports progress (JSON, no attachment). 100% marks it final.")
@scoped_view(Assignment)
def create_report(request: HttpRequest, assignment_id: int, payload: ReportIn):
    assignment: Assignment = selectors.assignment_get(user=request.auth, pk=assignment_id)
    report = services.progress_report_submit(actor=request.auth, assignment=assignment, text=payload.text,
                                             percent=payload.percent, milestone=payload.milestone,
                                             is_final=payload.is_final)
    return Status(201, report)


@router.post("/assignments/{int:assignment_id}/reports/upload", response={201: ReportOut},
             summary="Gửi báo cáo tiến độ kèm tệp", operation_id="directives_report_submit_files",
             description="The same report as the assignment page sends: multipart/form-data with the report's "
                         "fields and any number of `files` (minutes, photos), each within the upload limit.")
@scoped_view(Assignment)
def create_report_with_files(request: HttpRequest, assignment_id: int, form: Form[ReportUploadForm],
                             files: File[list[UploadedFile]] = None):
    assignment: Assignment = selectors.assignment_get(user=request.auth, pk=assignment_id)
    require(request.auth, "directives.report", assignment)
    # As on the page, each file is read one byte past the limit: the service refuses an oversize file by name.
    attached = [(f.name or "tep", f.read(settings.SOHOI_MAX_UPLOAD_BYTES + 1)) for f in files or []]
    report = services.progress_report_submit(actor=request.auth, assignment=assignment, text=form.text,
                                             percent=form.percent, milestone=form.milestone,
                                             is_final=form.is_final, files=attached)
    return Status(201, report)


@router.get("/reports", response=list[ReportOut], summary="Báo cáo tiến độ", operation_id="directives_report_list",
            description="Progress reports; `?status=submitted` is the review queue.")
@paginate
def list_reports(request: HttpRequest, status: str | None = None, assignment: int | None = None,
                 document: int | None = None):
    filters = {k: v for k, v in {"status": status, "assignment": assignment, "document": document}.items()
               if v is not None}
    qs = filtered(selectors.report_list(user=request.auth, filters=filters))
    return qs.prefetch_related("attachments").order_by("-submitted_on", "-id")


@router.get("/reports/{int:report_id}", response=ReportOut, summary="Một báo cáo", operation_id="directives_report_get",
            description="One progress report with the names of its attachments.")
@scoped_view(ProgressReport)
def get_report(request: HttpRequest, report_id: int):
    return selectors.report_get(user=request.auth, pk=report_id)


@router.post("/reports/{int:report_id}/accept", response=ReportOut, summary="Chấp nhận báo cáo",
             operation_id="directives_report_accept",
             description="Accept a submitted report (closes its period, or the assignment when final).")
@scoped_view(ProgressReport)
def accept_report(request: HttpRequest, report_id: int, payload: ReviewIn | None = None):
    report = selectors.report_get(user=request.auth, pk=report_id)
    return services.progress_report_transition(actor=request.auth, report=report, action="accept",
                                               comment=payload.comment if payload else "")


@router.post("/reports/{int:report_id}/return", response=ReportOut, summary="Trả lại báo cáo (cần ý kiến)",
             operation_id="directives_report_return",
             description="Return a submitted report with a comment; the unit answers with a new report.")
@scoped_view(ProgressReport)
def return_report(request: HttpRequest, report_id: int, payload: ReviewIn):
    report = selectors.report_get(user=request.auth, pk=report_id)
    return services.progress_report_transition(actor=request.auth, report=report, action="return",
                                               comment=payload.comment)


@router.post("/urge", response=UrgeOut, summary="Đôn đốc một đơn vị", operation_id="directives_unit_urge",
             description="Remind a unit of all its overdue assignments the caller can see (in-app and e-mail), as "
                         "the urge page does; a second call the same day sends nothing (400).")
def urge_unit(request: HttpRequest, payload: UrgeIn):
    require(request.auth, "directives.urge", message=_("Đôn đốc dành cho Ban Dân vận."))
    return {"sent": services.unit_urge(actor=request.auth, unit_id=payload.unit_id)}
