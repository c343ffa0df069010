"""REST API of the reports app: the indicators, computed exactly as the dashboard and the report compute them
(the same registry, the caller's scope), each with the address of the list behind it; the periodic report as a job; the unit's document books; the
implementing plan of a document. Every write goes through the service the page calls (issue 17: API parity).
No `from __future__ import annotations` here: ninja's @paginate must see the Query[...] types themselves."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import ConfigDict

from sohoi.core.permissions import require
from sohoi.core.scoping import get_scoped, scoped_view
from sohoi.directives.models import Document

from . import selectors, services
from .books.models import BookEntry
from .forms import FiltersForm, ReportForm
from .models import ReportJob

prefix = "/reports/"
router = Router()


class IndicatorQuery(Schema):
    period: str = ""
    territory: int | None = None
    field: int | None = None
    point: int | None = None


class BucketOut(Schema):
    bucket: str
    label: str
    value: float
    previous: float | None
    list_url: str | None


class IndicatorOut(Schema):
    key: str
    point: int
    label: str
    definition: str
    unit: str
    value: float | None
    previous: float | None
    list_url: str | None
    buckets: list[BucketOut]


class IndicatorsOut(Schema):
    period: str
    start: str
    end: str
    previous_period: str
    indicators: list[IndicatorOut]


@router.get("indicators", response=IndicatorsOut, summary="Các chỉ tiêu (bảng số liệu, báo cáo định kỳ)")
def indicators(request: HttpRequest, q: Query[IndicatorQuery]) -> dict:
    """Every indicator (or those of one point of letter 752-CV/TU) for a period (2026, 2026-H1, 2026-Q3; default
    the current quarter), a territory (administrative unit id, with what it covers) and a field, beside the
    previous period, in the caller's scope."""
    require(request.user, "reports.view_dashboard")
    data = {k: v for k, v in {"period": q.period, "territory": q.territory, "field": q.field}.items() if v not in (None, "")}
    form = FiltersForm(data, user=request.user, default_period=selectors.current_period())
    if not form.is_valid():
        raise ValidationError({name: [str(e) for e in errs] for name, errs in form.errors.items()})
    f = form.filters()
    out = []
    for sec in selectors.sections(f):
        if q.point is not None and sec["point"] != q.point:
            continue
        for item in sec["items"]:
            out.append({"key": item["key"], "point": sec["point"], "label": item["label"],
                        "definition": item["definition"], "unit": item["unit"], "value": item["value"],
                        "previous": item["previous"], "list_url": item["url"],
                        "buckets": [{"bucket": r["bucket"], "label": r["label"], "value": r["value"],
                                     "previous": r["previous"], "list_url": r["url"]} for r in item["rows"]]})
    return {"period": f.period.code, "start": f"{f.period.start:%Y-%m-%d}", "end": f"{f.period.end:%Y-%m-%d}",
            "previous_period": f.period.previous().code, "indicators": out}


# The periodic report as a job (issue 17: API parity with /bao-cao/bao-cao-dinh-ky/).

class PeriodicReportIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"period": "2026-Q3", "territory": None, "field": None, "format": "docx"},
    ]})

    period: str = Field("", max_length=10, description="2026, 2026-H1 or 2026-Q3; empty: the previous quarter")
    territory: int | None = Field(None, ge=1, le=2_147_483_647)
    field: int | None = Field(None, ge=1, le=2_147_483_647)
    format: str = Field("docx", max_length=8, description="docx | xlsx | pdf")


class PeriodicReportOut(Schema):
    id: int
    period: str
    territory_id: int | None
    field_id: int | None
    format: str
    status: str
    done: int
    total: int
    error: str
    filename: str
    finished_at: datetime.datetime | None


@router.post("periodic", response={202: PeriodicReportOut}, summary="Lập báo cáo định kỳ (chạy nền)",
             description="Start the periodic report (.docx in the Party's format, .xlsx annex or .pdf) for a period, "
                         "territory and field; poll GET /reports/periodic/{id}, then download its file.")
def start_periodic_report(request: HttpRequest, payload: PeriodicReportIn):
    require(request.auth, "reports.generate")
    data = {k: v for k, v in payload.dict().items() if v not in (None, "")}
    form = ReportForm(data, user=request.auth, default_period=selectors.current_period().previous())
    if not form.is_valid():
        raise ValidationError({name: [str(e) for e in errs] for name, errs in form.errors.items()})
    f = form.filters()
    job = services.report_job_start(actor=request.auth, period=f.period, territory=f.territory, field=f.field,
                                    fmt=form.cleaned_data["format"])
    job.refresh_from_db()
    return Status(202, job)


@router.get("periodic/{int:job_id}", response=PeriodicReportOut, summary="Tiến độ lập báo cáo định kỳ",
            description="The report job's progress (poll until status is done or failed).")
@scoped_view(ReportJob)
def get_periodic_report(request: HttpRequest, job_id: int):
    return services.report_job_reconcile(get_scoped(ReportJob.objects.defer("content"), request.auth, pk=job_id))


@router.get("periodic/{int:job_id}/file", summary="Tải tệp báo cáo định kỳ",
            description="The finished report's file (404 until it is done).")
@scoped_view(ReportJob)
def download_periodic_report(request: HttpRequest, job_id: int):
    from .documents.build import FORMATS

    job = get_scoped(ReportJob.objects.all(), request.auth, pk=job_id)
    if job.status != ReportJob.State.DONE or job.content is None:
        raise Http404(_("Báo cáo chưa lập xong."))
    response = HttpResponse(bytes(job.content), content_type=FORMATS[job.format])
    response["Content-Disposition"] = f'attachment; filename="{job.filename}"'
    return response


# The document books (issue 17: API parity with /bao-cao/so-van-ban-den/ and /so-van-ban-di/): read the
# caller's unit's book of a year, and enter a document in it through the same service as the page's button.

class BookQuery(Schema):
    year: int | None = Field(None, ge=1901, le=2999, description="The book's year; default the current year")


class BookEntryOut(Schema):
    id: int
    book: str
    year: int
    number: int
    registered_on: datetime.date
    note: str
    document_id: int
    document_code: str
    document_date: datetime.date | None
    doc_type: str
    issuer: str
    signer_name: str
    secrecy: str
    subject: str = Field(description="Empty when the caller may not read the document, or it is secret "
                                     "(the printed book shows the same)")

    @staticmethod
    def resolve_document_code(obj: Any) -> str:
        return obj.document.code

    @staticmethod
    def resolve_document_date(obj: Any) -> datetime.date | None:
        return obj.document.date

    @staticmethod
    def resolve_doc_type(obj: Any) -> str:
        return obj.document.doc_type

    @staticmethod
    def resolve_issuer(obj: Any) -> str:
        return obj.document.issuer_label

    @staticmethod
    def resolve_signer_name(obj: Any) -> str:
        return obj.document.signer_name

    @staticmethod
    def resolve_secrecy(obj: Any) -> str:
        return obj.document.secrecy

    @staticmethod
    def resolve_subject(obj: Any) -> str:
        visible = getattr(obj, "document_visible", False)
        return obj.document.subject if visible and not obj.document.is_secret else ""


class BookEntryIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"note": "Nhận bản giấy qua bưu điện"},
    ]})

    note: str = Field("", max_length=300)


def _with_visibility(entries: Any, user: Any) -> Any:
    """Each line marked with whether the caller may read its document, counted in SQL (one subquery, not a
    query per line)."""
    from django.db.models import Exists, OuterRef

    from sohoi.core.scoping import restrict
    from sohoi.directives.models import Document

    return entries.annotate(document_visible=Exists(restrict(Document.objects.filter(pk=OuterRef("document_id")),
                                                             user)))


def _book(request: HttpRequest, book: str, year: int | None) -> Any:
    """The page's read (books.book_entries: the caller's unit's book, scoped), lines marked as readable or not."""
    from sohoi.core.deadlines import today

    from .books import selectors as books

    require(request.auth, "reports.view_book")
    return _with_visibility(books.book_entries(user=request.auth, unit=request.auth.unit, book=book,
                                               year=year or today().year), request.auth)


def _enter(request: HttpRequest, book: str, document_id: int, note: str) -> Any:
    from sohoi.directives.selectors import document_get

    from .books.services import book_entry_add

    document = document_get(user=request.auth, pk=document_id)
    entry = book_entry_add(actor=request.auth, document=document, book=book, note=note.strip())
    return _book(request, book, entry.year).get(pk=entry.pk)


@router.get("books/incoming", response=list[BookEntryOut], summary="Sổ văn bản đến của đơn vị",
            description="The caller's unit's incoming book for a year, oldest number first (as printed).")
@paginate
def list_book_incoming(request: HttpRequest, q: Query[BookQuery]):
    return _book(request, "incoming", q.year)


@router.get("books/outgoing", response=list[BookEntryOut], summary="Sổ văn bản đi của đơn vị",
            description="The caller's unit's outgoing book for a year, oldest number first (as printed).")
@paginate
def list_book_outgoing(request: HttpRequest, q: Query[BookQuery]):
    return _book(request, "outgoing", q.year)


@router.get("books/entries/{int:entry_id}", response=BookEntryOut, summary="Một dòng sổ văn bản",
            description="One line of a book the caller may read.")
@scoped_view(BookEntry)
def get_book_entry(request: HttpRequest, entry_id: int):
    from django.shortcuts import get_object_or_404

    # Any line in the caller's scope (core.scoping, like every object read), not only the caller's own unit's
    # book: an administrator or a superior body reads a line it may see, though it keeps no book of its own.
    get_scoped(BookEntry.objects.all(), request.auth, pk=entry_id)
    return get_object_or_404(_with_visibility(BookEntry.objects.select_related("document", "document__issuer"),
                                              request.auth), pk=entry_id)


@router.post("books/incoming/{int:document_id}", response={201: BookEntryOut}, summary="Vào sổ văn bản đến",
             description="Enter a document of the register (a received copy, no second document) in the caller's "
                         "unit's incoming book under the year's next number; once per document.")
@scoped_view(Document)
def register_book_incoming(request: HttpRequest, document_id: int, payload: BookEntryIn):
    return Status(201, _enter(request, "incoming", document_id, payload.note))


@router.post("books/outgoing/{int:document_id}", response={201: BookEntryOut}, summary="Vào sổ văn bản đi",
             description="Enter a document the caller's own unit issued in its outgoing book under the year's "
                         "next number; once per document.")
@scoped_view(Document)
def register_book_outgoing(request: HttpRequest, document_id: int, payload: BookEntryIn):
    return Status(201, _enter(request, "outgoing", document_id, payload.note))


# The implementing plan of a document (issue 17: API parity with /bao-cao/ke-hoach/van-ban/<id>/): the tasks
# and bodies offered with the .docx draft (one read, answering for every reader of the document), and the plan
# registered, all through the page's selectors and service.

class PlanTaskOptionOut(Schema):
    id: int
    no: str
    text: str
    due_on: datetime.date | None


class PlanUnitOptionOut(Schema):
    id: int
    name: str


class PlanDraftFileOut(Schema):
    filename: str
    content_base64: str


class PlanDraftOut(Schema):
    document_id: int
    may_draft: bool = Field(description="Whether the caller's unit may draft and register a plan of it")
    message: str = Field(description="Why not, when may_draft is false")
    subject: str
    tasks: list[PlanTaskOptionOut] = Field(description="The tasks the unit was given (the page's checkboxes)")
    units: list[PlanUnitOptionOut] = Field(description="The first 50 bodies the unit directs")
    units_total: int
    draft: PlanDraftFileOut | None = Field(description="The .docx draft for the chosen tasks and bodies")


class PlanChoiceQuery(Schema):
    task_ids: list[int] | None = Field(None, max_length=500, description="Tasks of the upper document; omit: all")
    unit_ids: list[int] | None = Field(None, max_length=500, description="Bodies carrying them out; omit: all offered")


class ImplementingPlanIn(PlanChoiceQuery):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"task_ids": [41, 42], "unit_ids": [7, 8], "subject": "Kế hoạch thực hiện Chỉ thị số 05 (ví dụ)"},
    ]})

    subject: str = Field("", max_length=500, description="The plan's subject; empty: \"Thực hiện <document>\"")


class ImplementingPlanOut(Schema):
    id: int
    code: str
    number: str
    date: datetime.date | None
    subject: str
    parent_id: int
    tasks: int


def _plan_choices(request: HttpRequest, document: Any, choice: PlanChoiceQuery) -> Any:
    """The draft for the chosen tasks and bodies (the page's selectors); ids outside what the page offers are
    refused with the field named, as the page's checkboxes are."""
    from sohoi.core.deadlines import today

    on = today()
    errors: dict[str, str] = {}
    if choice.task_ids is not None:
        offered = {a.task_id for a in selectors.unit_draft(user=request.auth, document=document)["assignments"]}
        if set(choice.task_ids) - offered:
            errors["task_ids"] = (_("Có nhiệm vụ không được giao cho đơn vị bạn trong văn bản này; chọn "
                                    "trong danh sách tasks của GET /reports/plans/{id}."))
    if choice.unit_ids is not None:
        units, _total = selectors.plan_units(unit=request.auth.unit, on=on)
        if set(choice.unit_ids) - {u.pk for u in units}:
            errors["unit_ids"] = (_("Có đơn vị không thuộc các đơn vị bạn chỉ đạo; chọn trong danh sách "
                                    "units của GET /reports/plans/{id}."))
    if errors:
        raise ValidationError(errors)
    return selectors.plan_draft(user=request.auth, document=document, on=on, task_ids=choice.task_ids,
                                unit_ids=choice.unit_ids)


@router.get("plans/{int:document_id}", response=PlanDraftOut, summary="Dự thảo kế hoạch thực hiện văn bản",
            description="What the plan page shows for a document the caller may read: whether its unit may draft a "
                        "plan (it was given tasks of it), the tasks and bodies to choose from, and the .docx draft "
                        "(base64, nothing stored) for the chosen ones (repeat task_ids / unit_ids; omit for all).")
@scoped_view(Document)
def plan_draft(request: HttpRequest, document_id: int, choice: Query[PlanChoiceQuery]):
    import base64

    from django.core.exceptions import PermissionDenied

    from sohoi.core.deadlines import today
    from sohoi.directives.selectors import document_get

    from .documents.plan_draft import plan_docx

    document = document_get(user=request.auth, pk=document_id)
    out = {"document_id": document.pk, "may_draft": True, "message": "", "subject": "", "tasks": [], "units": [],
           "units_total": 0, "draft": None}
    try:
        require(request.auth, "reports.draft_plan", document)
    except PermissionDenied as exc:  # a readable document the unit was given no task of: say so, offer nothing
        return {**out, "may_draft": False, "message": str(exc)}
    assignments = selectors.unit_draft(user=request.auth, document=document)["assignments"]
    units, total = selectors.plan_units(unit=request.auth.unit, on=today())
    draft = _plan_choices(request, document, choice)
    return {**out, "subject": draft.subject, "units_total": total,
            "tasks": [{"id": a.task_id, "no": a.task.no or str(a.task.position), "text": a.task.text, "due_on": a.due_on}
                      for a in assignments],
            "units": [{"id": u.pk, "name": u.name} for u in units],
            "draft": {"filename": f"du-thao-ke-hoach-{document.pk}.docx",
                      "content_base64": base64.b64encode(plan_docx(draft)).decode()}}


@router.post("plans/{int:document_id}", response={201: ImplementingPlanOut}, summary="Ban hành kế hoạch thực hiện",
             description="Register the unit's implementing plan of the document (only a unit given tasks of it may): a "
                         "plan numbered from the unit's outgoing book, parent = the document, its tasks proposed for "
                         "the chosen bodies (review and confirm them as for any document: "
                         "/directives/documents/{id}/...). Ids outside those offered are refused with the field "
                         "named.")
@scoped_view(Document)
def plan_register(request: HttpRequest, document_id: int, payload: ImplementingPlanIn):
    from sohoi.directives.selectors import document_get

    upper = document_get(user=request.auth, pk=document_id)
    require(request.auth, "reports.draft_plan", upper)
    draft = _plan_choices(request, upper, payload)
    plan = services.plan_register(actor=request.auth, upper=upper, draft=draft, subject=payload.subject.strip())
    return Status(201, {"id": plan.pk, "code": plan.code, "number": plan.number, "date": plan.date,
                        "subject": plan.subject, "parent_id": upper.pk, "tasks": len(draft.tasks)})
