"""REST API of the activities app: the same selectors (scope) and services (rules, audit, Vietnamese errors in
the one error shape) as the pages. Attachments travel base64-encoded (`attachment_base64`, `attachment_name`)."""

import base64
import binascii

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from sohoi.associations.models import Association
from sohoi.core.scoping import get_scoped, restrict, scoped_view
from sohoi.orgs.models import Unit

from .. import selectors, services
from ..models import Exchange, GoodModel, StateTask, YearlyReport
from .schemas import (
    MAX_ID,
    ActivityAssociationFilters,
    CaseIn,
    CaseOut,
    DocumentReviewIn,
    ExchangeIn,
    ExchangeOut,
    ExchangeReportIn,
    FinanceIn,
    FinanceOut,
    GoodModelIn,
    GoodModelOut,
    ProjectIn,
    ProjectOut,
    ReplicationIn,
    ReplicationOut,
    ReportDetailOut,
    ReviewOut,
    StateTaskIn,
    StateTaskOut,
    SupportIn,
    SupportOut,
    YearlyReportIn,
    YearlyReportOut,
    YearlyReportTransitionIn,
)

prefix = "/activities/"
router = Router()


def _association(request: HttpRequest, pk: int) -> Association:
    return get_scoped(Association.objects.select_related("unit", "field"), request.auth, pk=pk)


def _params(filters: Schema) -> dict:
    return {k: v for k, v in filters.dict().items() if v not in (None, "")}


def _file(name: str | None, data: str | None, field: str = "attachment_base64") -> tuple[str, bytes] | None:
    if not data:
        return None
    try:
        return (name or "tep"), base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError({field: _("Tệp đính kèm không phải chuỗi base64 hợp lệ. Mã hóa lại tệp rồi gửi.")}) from None


# Point 2 ------------------------------------------------------------------------------------------------

@router.get("/state-tasks", response=list[StateTaskOut], summary="Nhiệm vụ Nhà nước giao cho hội",
            description="Tasks the state assigned to associations in the caller's scope, filtered by association "
                        "and year. Associations outside the caller's scope are not listed.")
@paginate
def list_state_tasks(request: HttpRequest, filters: Query[ActivityAssociationFilters]):
    return selectors._filtered(selectors.state_task_list(user=request.auth, filters=_params(filters)))


@router.post("/state-tasks", response={201: StateTaskOut}, summary="Ghi nhiệm vụ Nhà nước giao (UBND, Sở Nội vụ)",
             description="Record a task the state assigned to an association (People's Committee, Department of "
                         "Home Affairs). Other roles get 403; an association outside the caller's scope answers "
                         "404.")
def create_state_task(request: HttpRequest, payload: StateTaskIn):
    data = payload.dict()
    a = _association(request, data.pop("association_id"))
    data["document"] = data.pop("document_id")
    return Status(201, services.state_task_record(actor=request.auth, association=a, data=data))


class SupportFilters(ActivityAssociationFilters):
    budget_source: str | None = Field(None, max_length=20)


@router.get("/state-supports", response=list[SupportOut], summary="Kinh phí Nhà nước hỗ trợ",
            description="State funding given to associations in the caller's scope, filtered by year and budget "
                        "source.")
@paginate
def list_supports(request: HttpRequest, filters: Query[SupportFilters]):
    return selectors._filtered(selectors.support_list(user=request.auth, filters=_params(filters)))


@router.post("/state-supports", response={201: SupportOut},
             summary="Ghi kinh phí Nhà nước hỗ trợ (phải gắn với nhiệm vụ được giao)",
             description="Record state funding, which must be tied to an assigned task. Roles that may not record "
                         "it get 403; funding without a task, or a task outside the caller's scope, is refused.")
def create_support(request: HttpRequest, payload: SupportIn):
    data = payload.dict()
    task_id = data.pop("task_id")
    task = get_scoped(StateTask.objects.select_related("association__unit"), request.auth, pk=task_id) \
        if task_id else None
    return Status(201, services.state_support_record(actor=request.auth, task=task, data=data))


class FinanceFilters(ActivityAssociationFilters):
    flagged: bool | None = None


@router.get("/finances", response=list[FinanceOut], summary="Tài chính năm của các hội (kèm các tỷ lệ tính sẵn)",
            description="Yearly finances of associations in the caller's scope, with the ratios computed; "
                        "`flagged=true` keeps the rows needing attention.")
@paginate
def list_finances(request: HttpRequest, filters: Query[FinanceFilters]):
    return selectors._filtered(selectors.finance_list(user=request.auth, filters=_params(filters)))


@router.get("/finances/totals", summary="Tổng hợp tài chính theo năm trong phạm vi người xem",
            description="Yearly finance totals over the caller's scope, or over one association in it (404 "
                        "outside it).")
def finance_totals(request: HttpRequest, association: int | None = Query(None, ge=1, le=MAX_ID)):
    a = _association(request, association) if association else None
    return selectors.finance_totals(user=request.auth, association=a)


@router.post("/finances", response={201: FinanceOut}, summary="Báo cáo (hoặc sửa) tài chính một năm của hội",
             description="Report (or correct) an association's finances for a year. Callers who may not report for "
                         "it get 403; totals that do not add up get 400 with a message.")
def report_finances(request: HttpRequest, payload: FinanceIn):
    data = payload.dict()
    a = _association(request, data.pop("association_id"))
    row = services.finance_report(actor=request.auth, association=a, data=data)
    return Status(201, selectors.finances(user=request.auth).get(pk=row.pk))


# Yearly reports ------------------------------------------------------------------------------------------

class ReportFilters(ActivityAssociationFilters):
    status: str | None = Field(None, max_length=20)


@router.get("/yearly-reports", response=list[YearlyReportOut], summary="Báo cáo tình hình tổ chức, hoạt động năm",
            description="Yearly activity reports of associations in the caller's scope, filtered by year and "
                        "status. Associations outside the caller's scope are not listed.")
@paginate
def list_reports(request: HttpRequest, filters: Query[ReportFilters]):
    return selectors._filtered(selectors.report_list(user=request.auth, filters=_params(filters)))


@router.get("/yearly-reports/filing", summary="Tình hình nộp báo cáo một năm (mặc định: năm gần nhất đã hết hạn): số hội theo tình trạng",
            description="How many associations filed their yearly report on time, late or not at all for a year "
                        "(default: the latest closed year), over the caller's scope.")
def filing(request: HttpRequest, year: int | None = Query(None, ge=1990, le=2100)):
    from ..yearly import last_closed_year

    year = year or last_closed_year()
    return {"year": year, "counts": selectors.filing_counts(user=request.auth, year=year),
            "two_years_missing": selectors.two_years_missing(user=request.auth).count()}


@router.get("/yearly-reports/{int:report_id}", response=ReportDetailOut, summary="Một báo cáo năm",
            description="One yearly report with its history. A report outside the caller's scope answers 404.")
@scoped_view(YearlyReport)
def get_report(request: HttpRequest, report_id: int):
    return selectors.report_get(user=request.auth, pk=report_id)


@router.post("/yearly-reports", response={201: ReportDetailOut}, summary="Nộp báo cáo năm của hội",
             description="File an association's yearly report, optionally with a base64 attachment. Callers who "
                         "may not file for it get 403; a second report for the same year or a bad attachment gets "
                         "400.")
def file_report(request: HttpRequest, payload: YearlyReportIn):
    data = payload.dict()
    a = _association(request, data.pop("association_id"))
    file = _file(data.pop("attachment_name"), data.pop("attachment_base64"))
    return Status(201, services.yearly_report_file(actor=request.auth, association=a, data=data, file=file))


@router.post("/yearly-reports/{int:report_id}/transition", response=ReportDetailOut,
             summary="Chấp nhận, trả lại (kèm ý kiến) hoặc nộp lại báo cáo năm",
             description="Accept or return (with a comment) a submitted yearly report (reviewers), or resubmit a "
                         "returned one (the association). A move the caller may not make gets 403; a return "
                         "without a comment gets 400.")
@scoped_view(YearlyReport)
def transition_report(request: HttpRequest, report_id: int, payload: YearlyReportTransitionIn):
    report = selectors.report_get(user=request.auth, pk=report_id)
    file = _file(payload.attachment_name, payload.attachment_base64)
    data = {"activities": payload.activities} if payload.activities else {}
    return services.yearly_report_transition(actor=request.auth, report=report, action=payload.action,
                                             comment=payload.comment, data=data, file=file)


# Reviews -------------------------------------------------------------------------------------------------

class ReviewFilters(Schema):
    document: int | None = Field(None, ge=1, le=MAX_ID)
    kind: str | None = Field(None, max_length=10)


@router.get("/reviews", response=list[ReviewOut], summary="Sơ kết, tổng kết",
            description="Interim and final reviews of units in the caller's scope, filtered by document and kind.")
@paginate
def list_reviews(request: HttpRequest, filters: Query[ReviewFilters]):
    return selectors._filtered(selectors.review_list(user=request.auth, filters=_params(filters)))


@router.post("/reviews", response={201: ReviewOut}, summary="Ghi sơ kết, tổng kết của đơn vị",
             description="Record a unit's interim or final review of a programme (default: the caller's unit), "
                         "optionally with an attachment. A unit outside the caller's scope or invalid dates are "
                         "refused with 400.")
def create_review(request: HttpRequest, payload: DocumentReviewIn):
    data = payload.dict()
    unit_id = data.pop("unit_id")
    unit = restrict(Unit.objects.filter(pk=unit_id), request.auth).first() if unit_id else (
        request.auth.unit if request.auth.unit_id else None)
    if unit_id and unit is None:
        raise ValidationError({"unit_id": _("Không tìm thấy đơn vị này. Để trống để ghi cho đơn vị của bạn.")})
    data["document"] = data.pop("document_id")
    file = _file(data.pop("attachment_name"), data.pop("attachment_base64"))
    return Status(201, services.review_record(actor=request.auth, unit=unit, data=data, file=file))


# Good models ---------------------------------------------------------------------------------------------

class GoodModelFilters(Schema):
    q: str | None = Field(None, max_length=200)
    association: int | None = Field(None, ge=1, le=MAX_ID)
    field: int | None = Field(None, ge=1, le=MAX_ID)
    title: str | None = Field(None, max_length=200)


@router.get("/good-models", response=list[GoodModelOut], summary="Mô hình hay, cách làm tốt (nhân rộng nhiều trước)",
            description="Good models and practices in the caller's scope, the most replicated first, filtered by "
                        "association, field and title.")
@paginate
def list_good_models(request: HttpRequest, filters: Query[GoodModelFilters]):
    return selectors._filtered(selectors.good_model_list(user=request.auth, filters=_params(filters)))


@router.post("/good-models", response={201: GoodModelOut}, summary="Ghi mô hình hay của hội",
             description="Record an association's good model with optional evidence. Callers who may not change "
                         "the association get 403; an unknown field gets 400.")
def create_good_model(request: HttpRequest, payload: GoodModelIn):
    from sohoi.associations.models import FieldOfActivity

    data = payload.dict()
    a = _association(request, data.pop("association_id"))
    field_id = data.pop("field_id")
    data["field"] = FieldOfActivity.objects.filter(pk=field_id).first() if field_id else None
    if field_id and data["field"] is None:
        raise ValidationError({"field_id": _("Không có lĩnh vực này. Chọn một lĩnh vực trong danh mục.")})
    evidence = _file(data.pop("evidence_name"), data.pop("evidence_base64"), "evidence_base64")
    return Status(201, services.good_model_record(actor=request.auth, association=a, data=data,
                                                  files=[evidence] if evidence else []))


@router.post("/good-models/{int:model_id}/replications", response={201: ReplicationOut},
             summary="Ghi một nơi áp dụng mô hình",
             description="Record an association or branch that adopted a good model. A model outside the caller's "
                         "scope answers 404; an adopter that is not an association gets 400.")
@scoped_view(GoodModel)
def create_replication(request: HttpRequest, model_id: int, payload: ReplicationIn):
    model = get_scoped(GoodModel.objects.select_related("association__unit"), request.auth, pk=model_id)
    data = payload.dict()
    adopter = Unit.objects.filter(pk=data.pop("adopter_id"), kind__in=("association", "branch")).first()
    return Status(201, services.replication_record(actor=request.auth, good_model=model, adopter=adopter, data=data))


# Exchanges, projects, cases ------------------------------------------------------------------------------

class ExchangeFilters(ActivityAssociationFilters):
    direction: str | None = Field(None, max_length=5)
    report_missing: bool | None = None


@router.get("/exchanges", response=list[ExchangeOut], summary="Đoàn ra, đoàn vào",
            description="Outgoing and incoming delegations of associations in the caller's scope.")
@paginate
def list_exchanges(request: HttpRequest, filters: Query[ExchangeFilters]):
    return selectors._filtered(selectors.exchange_list(user=request.auth, filters=_params(filters)))


@router.post("/exchanges", response={201: ExchangeOut}, summary="Ghi đoàn ra, đoàn vào",
             description="Record an outgoing or incoming delegation with its approval. Callers who may not change "
                         "the association get 403; invalid dates get 400.")
def create_exchange(request: HttpRequest, payload: ExchangeIn):
    data = payload.dict()
    a = _association(request, data.pop("association_id"))
    return Status(201, services.exchange_record(actor=request.auth, association=a, data=data))


@router.post("/exchanges/{int:exchange_id}/report", response=ExchangeOut, summary="Báo cáo kết quả của đoàn",
             description="Record the result report of a delegation. A delegation outside the caller's scope "
                         "answers 404; callers who may not change it get 403.")
@scoped_view(Exchange)
def report_exchange(request: HttpRequest, exchange_id: int, payload: ExchangeReportIn):
    exchange = get_scoped(Exchange.objects.select_related("association__unit"), request.auth, pk=exchange_id)
    return services.exchange_report(actor=request.auth, exchange=exchange, data=payload.dict())


@router.get("/foreign-projects", response=list[ProjectOut], summary="Dự án tài trợ nước ngoài",
            description="Foreign-funded projects of associations in the caller's scope. Associations outside the "
                        "caller's scope are not listed.")
@paginate
def list_projects(request: HttpRequest, filters: Query[ActivityAssociationFilters]):
    return selectors._filtered(selectors.project_list(user=request.auth, filters=_params(filters)))


@router.post("/foreign-projects", response={201: ProjectOut}, summary="Ghi dự án tài trợ nước ngoài",
             description="Record a foreign-funded project with its approval. Callers who may not change the "
                         "association get 403; invalid amounts or dates get 400.")
def create_project(request: HttpRequest, payload: ProjectIn):
    data = payload.dict()
    a = _association(request, data.pop("association_id"))
    return Status(201, services.foreign_project_record(actor=request.auth, association=a, data=data))


class CaseFilters(ActivityAssociationFilters):
    kind: str | None = Field(None, max_length=20)
    outcome: str | None = Field(None, max_length=20)


@router.get("/member-cases", response=list[CaseOut], summary="Vụ việc của hội viên",
            description="Members' cases (needs, complaints, rights) in associations in the caller's scope, "
                        "filtered by kind and outcome.")
@paginate
def list_cases(request: HttpRequest, filters: Query[CaseFilters]):
    return selectors._filtered(selectors.case_list(user=request.auth, filters=_params(filters)))


@router.get("/member-cases/counts", summary="Số vụ việc theo hội và loại (50 hội nhiều vụ việc nhất)",
            description="Number of members' cases by association and kind, for the 50 associations with the most "
                        "cases in the caller's scope.")
def case_counts(request: HttpRequest):
    return selectors.case_counts(user=request.auth)


@router.post("/member-cases", response={201: CaseOut}, summary="Ghi vụ việc của hội viên",
             description="Record a member's case for an association. Callers who may not change the association "
                         "get 403; invalid fields get 400.")
def create_case(request: HttpRequest, payload: CaseIn):
    data = payload.dict()
    a = _association(request, data.pop("association_id"))
    return Status(201, services.member_case_record(actor=request.auth, association=a, data=data))


@router.get("/diversity", summary="Số hội theo lĩnh vực, phạm vi và năm thành lập",
            description="Number of associations by field, scope level and founding year, over the caller's scope.")
def diversity(request: HttpRequest):
    return selectors.diversity(user=request.auth)
