"""REST API of the oversight app under /api/v1/oversight/: the same selectors (scope) and services
(permission, validation, audit) as the pages; errors in the one shape {"code", "message", "fields"}. Files
(attachments, the draft) travel as base64 in JSON, so that every write is one JSON call."""

import base64
import binascii

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.pagination import paginate

from sohoi.core.scoping import get_scoped, restrict, scoped_view
from sohoi.directives.models import Document
from sohoi.orgs.models import Unit

from .. import selectors, services
from ..models import Activity, CriticismPoint, Finding, OversightRule, Programme, Recommendation
from .schemas import (
    ActivityFilters,
    ActivityIn,
    ActivityOut,
    ActivityPatch,
    AnswerIn,
    AttachmentIn,
    CommentIn,
    CommentOut,
    ConclusionIn,
    DraftIn,
    FileIn,
    FindingIn,
    FindingOut,
    MarkIn,
    OversightRuleIn,
    OversightRuleOut,
    OversightRulePatch,
    PointIn,
    PointOut,
    ProgrammeIn,
    ProgrammeOut,
    RecommendationFilters,
    RecommendationIn,
    RecommendationOut,
    RecommendationReportIn,
    ResultIn,
    ResultOut,
    StepIn,
    TaskIn,
    TeamIn,
)

prefix = "/oversight/"
router = Router()


def _filtered(filterset):
    return filterset.qs if filterset.is_valid() else filterset.queryset.none()


def _units(ids: list[int], field: str) -> list[Unit]:
    units = list(Unit.objects.filter(pk__in=ids))
    if len(units) != len(set(ids)):
        raise ValidationError({field: _("Có mã đơn vị không tồn tại. Chọn lại đơn vị.")})
    return units


def _document(user, pk: int | None, field: str):
    if pk is None:
        return None
    doc = restrict(Document.objects.filter(pk=pk), user).first()
    if doc is None:
        raise ValidationError({field: _("Lựa chọn không hợp lệ. Chọn một văn bản trong sổ văn bản mà bạn xem "
                                        "được.")})
    return doc


def _bytes(payload: FileIn, field: str) -> bytes:
    try:
        return base64.b64decode(payload.content_base64, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError({field: _("Nội dung tệp phải mã hóa base64.")}) from None


# Activities ------------------------------------------------------------------------------------------------

@router.get("/activities", response=list[ActivityOut], summary="Hoạt động giám sát, phản biện, kiểm tra",
            description="The supervision, social criticism and inspection activities in the caller's scope (the "
                        "units that led, took part in, were examined by or received a recommendation from them), "
                        "filtered by kind, state, year, unit and overdue; paginated.")
@paginate
def list_activities(request: HttpRequest, filters: Query[ActivityFilters]):
    params = {k: v for k, v in filters.dict().items() if v not in (None, "")}
    return _filtered(selectors.activity_list(user=request.auth, filters=params))


@router.get("/activities/{int:activity_id}", response=ActivityOut, summary="Một hoạt động",
            description="One activity in the caller's scope; 404 outside it.")
@scoped_view(Activity)
def get_activity(request: HttpRequest, activity_id: int):
    return selectors.activity_get(user=request.auth, pk=activity_id)


@router.post("/activities", response={201: ActivityOut}, summary="Lập kế hoạch",
             description="Plan an activity: the Fatherland Front and its member organisations lead supervision and "
                         "social criticism, the Party boards and committees lead inspections, the administrator "
                         "both; the lead unit must be the caller's unit or one under it. Refused with the field "
                         "named for a missing subject, end before start, a form outside supervision or an "
                         "inspection without its document.")
def create_activity(request: HttpRequest, payload: ActivityIn):
    data = payload.dict()
    data["lead_unit"] = Unit.objects.filter(pk=data.pop("lead_unit_id")).first()
    data["participants"] = _units(data.pop("participant_ids"), "participant_ids")
    data["examined"] = _units(data.pop("examined_ids"), "examined_ids")
    data["legal_basis"] = _document(request.auth, data.pop("legal_basis_id"), "legal_basis_id")
    data["document"] = _document(request.auth, data.pop("document_id"), "document_id")
    return Status(201, services.activity_create(actor=request.auth, data=data))


@router.patch("/activities/{int:activity_id}", response=ActivityOut, summary="Sửa kế hoạch",
              description="Correct the plan (lead unit or administrator only): only the fields sent change; "
                          "`version` guards against overwriting a concurrent edit. Refused once the activity is "
                          "closed.")
@scoped_view(Activity)
def update_activity(request: HttpRequest, activity_id: int, payload: ActivityPatch):
    activity = selectors.activity_get(user=request.auth, pk=activity_id)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version", None)
    return services.activity_update(actor=request.auth, activity=activity, data=data, expected_version=version)


@router.post("/activities/{int:activity_id}/transitions", response=ActivityOut, summary="Chuyển trạng thái",
             description="Move the activity a step (start, conclude, reopen, close; lead unit or administrator "
                         "only). Refused when the step does not follow from the current state, when concluding "
                         "without a conclusion, or when closing while recommendations are still unanswered.")
@scoped_view(Activity)
def transition_activity(request: HttpRequest, activity_id: int, payload: StepIn):
    activity = selectors.activity_get(user=request.auth, pk=activity_id)
    return services.activity_transition(actor=request.auth, activity=activity, step=payload.step)


@router.post("/activities/{int:activity_id}/team", response={201: dict}, summary="Thêm thành viên đoàn",
             description="Add a member to the team (lead unit or administrator only); `username` links a member "
                         "who has an account. Refused for an unknown role or account, or once the activity is "
                         "closed.")
@scoped_view(Activity)
def add_team_member(request: HttpRequest, activity_id: int, payload: TeamIn):
    activity = selectors.activity_get(user=request.auth, pk=activity_id)
    member = services.team_member_add(actor=request.auth, activity=activity, name=payload.name, role=payload.role,
                                      username=payload.username)
    return Status(201, {"id": member.pk, "name": member.name, "role": member.role})


@router.post("/activities/{int:activity_id}/attachments", response={201: dict}, summary="Đính kèm tệp (base64)",
             description="Attach a file (plan, decision, minutes, conclusion or other), sent as base64 (lead unit "
                         "or administrator only). Refused for an unknown kind or content that is not base64.")
@scoped_view(Activity)
def add_attachment(request: HttpRequest, activity_id: int, payload: AttachmentIn):
    activity = selectors.activity_get(user=request.auth, pk=activity_id)
    item = services.attachment_add(actor=request.auth, activity=activity, kind=payload.kind, name=payload.name,
                                   data=_bytes(payload, "content_base64"))
    return Status(201, {"id": item.pk, "name": item.name, "kind": item.kind})


@router.post("/activities/{int:activity_id}/conclusion", response=ActivityOut, summary="Ghi kết luận",
             description="Record the conclusion text (lead unit or administrator only); refused unless the "
                         "activity is in progress or concluded, or when the text is empty.")
@scoped_view(Activity)
def save_conclusion(request: HttpRequest, activity_id: int, payload: ConclusionIn):
    activity = selectors.activity_get(user=request.auth, pk=activity_id)
    return services.conclusion_save(actor=request.auth, activity=activity, text=payload.conclusion)


@router.post("/activities/{int:activity_id}/findings", response={201: FindingOut}, summary="Ghi phát hiện",
             description="Record a finding, optionally naming the examined unit it concerns (lead unit or "
                         "administrator only); refused when the text is empty.")
@scoped_view(Activity)
def add_finding(request: HttpRequest, activity_id: int, payload: FindingIn):
    activity = selectors.activity_get(user=request.auth, pk=activity_id)
    unit = Unit.objects.filter(pk=payload.unit_id).first() if payload.unit_id else None
    return Status(201, services.finding_add(actor=request.auth, activity=activity, text=payload.text, unit=unit))


@router.post("/activities/{int:activity_id}/recommendations", response={201: RecommendationOut},
             summary="Ghi kiến nghị",
             description="Record a recommendation to a unit (lead unit or administrator only); without `due` the "
                         "deadline table's days count from the conclusion date. Refused without an addressee, for "
                         "a due date before the conclusion or a finding of another activity.")
@scoped_view(Activity)
def add_recommendation(request: HttpRequest, activity_id: int, payload: RecommendationIn):
    activity = selectors.activity_get(user=request.auth, pk=activity_id)
    addressee = Unit.objects.filter(pk=payload.addressee_id).first() if payload.addressee_id else None
    finding = Finding.objects.filter(pk=payload.finding_id, activity=activity).first() if payload.finding_id else None
    if payload.finding_id and finding is None:
        raise ValidationError({"finding_id": _("Phát hiện này không thuộc hoạt động; chọn lại.")})
    return Status(201, services.recommendation_add(actor=request.auth, activity=activity, text=payload.text,
                                                   addressee=addressee, due=payload.due, finding=finding))


@router.post("/activities/{int:activity_id}/draft", response=ActivityOut, summary="Tải dự thảo lên (base64)",
             description="Upload the draft under social criticism as base64, split into numbered paragraphs (lead "
                         "unit or administrator only). Refused for other kinds, after the conclusion, once "
                         "paragraphs have comments, or when no paragraph can be read.")
@scoped_view(Activity)
def upload_draft(request: HttpRequest, activity_id: int, payload: DraftIn):
    activity = selectors.activity_get(user=request.auth, pk=activity_id)
    return services.draft_upload(actor=request.auth, activity=activity, name=payload.name,
                                 data=_bytes(payload, "content_base64"), title=payload.title)


@router.get("/activities/{int:activity_id}/paragraphs", summary="Các đoạn của dự thảo",
            description="The numbered paragraphs of the draft under criticism; a confidential draft is read only "
                        "by the participants (403 for the others).")
@scoped_view(Activity)
def draft_paragraphs(request: HttpRequest, activity_id: int):
    from sohoi.core.permissions import require

    activity = selectors.activity_get(user=request.auth, pk=activity_id)
    require(request.auth, "oversight.read_draft", activity)
    return [{"no": i, "text": t} for i, t in enumerate(activity.draft_paragraphs or [], start=1)]


@router.post("/activities/{int:activity_id}/comments", response={201: CommentOut}, summary="Góp ý vào một đoạn",
             description="Comment on one paragraph of the draft (participating units only); refused for a "
                         "paragraph number the draft does not have, or after the criticism is concluded.")
@scoped_view(Activity)
def add_comment(request: HttpRequest, activity_id: int, payload: CommentIn):
    activity = selectors.activity_get(user=request.auth, pk=activity_id)
    return Status(201, services.comment_add(actor=request.auth, activity=activity, paragraph=payload.paragraph,
                                            text=payload.text))


@router.post("/activities/{int:activity_id}/points", response={201: PointOut}, summary="Ghi ý kiến phản biện",
             description="Record a point of social criticism, optionally on one paragraph (lead unit or "
                         "administrator only); refused for other kinds of activity or outside progress and "
                         "conclusion.")
@scoped_view(Activity)
def add_point(request: HttpRequest, activity_id: int, payload: PointIn):
    activity = selectors.activity_get(user=request.auth, pk=activity_id)
    return Status(201, services.point_add(actor=request.auth, activity=activity, text=payload.text,
                                          paragraph=payload.paragraph))


@router.post("/points/{int:point_id}/mark", response=PointOut, summary="Ghi việc tiếp thu ý kiến phản biện",
             description="Record whether the drafting body took a criticism point up, with its explanation (the "
                         "criticised body, the lead unit or the administrator); refused before the conclusion, and "
                         "a point not taken up needs an explanation.")
@scoped_view(CriticismPoint)
def mark_point(request: HttpRequest, point_id: int, payload: MarkIn):
    point = get_scoped(CriticismPoint.objects.select_related("activity"), request.auth, pk=point_id)
    return services.point_mark(actor=request.auth, point=point, outcome=payload.outcome,
                               explanation=payload.explanation)


@router.post("/findings/{int:finding_id}/task", response={201: dict}, summary="Giao nhiệm vụ từ phát hiện",
             description="Turn an inspection finding into a task of the inspected unit, tracked on the board like "
                         "any other (the inspection's lead unit only). Refused for a finding without a unit, one "
                         "already given as a task, or a due date in the past.")
@scoped_view(Finding)
def finding_task(request: HttpRequest, finding_id: int, payload: TaskIn):
    finding = get_scoped(Finding.objects.select_related("activity", "unit"), request.auth, pk=finding_id)
    task = services.finding_to_task(actor=request.auth, finding=finding, due=payload.due)
    return Status(201, {"task_id": task.pk, "document_id": task.document_id, "due": task.due})


# Recommendations ----------------------------------------------------------------------------------------

@router.get("/recommendations", response=list[RecommendationOut], summary="Kiến nghị và trả lời",
            description="Recommendations and their answers in the caller's scope: the team side sees those of its "
                        "activities, an addressed unit only those addressed to it (and to units under it); "
                        "paginated.")
@paginate
def list_recommendations(request: HttpRequest, filters: Query[RecommendationFilters]):
    params = {k: v for k, v in filters.dict().items() if v not in (None, "")}
    return _filtered(selectors.recommendation_list(user=request.auth, filters=params))


@router.get("/recommendations/{int:recommendation_id}", response=RecommendationOut, summary="Một kiến nghị",
            description="One recommendation in the caller's scope; 404 outside it.")
@scoped_view(Recommendation)
def get_recommendation(request: HttpRequest, recommendation_id: int):
    return selectors.recommendation_get(user=request.auth, pk=recommendation_id)


@router.post("/recommendations/{int:recommendation_id}/answer", response=RecommendationOut,
             summary="Trả lời kiến nghị (đơn vị được kiến nghị)",
             description="Answer a recommendation (accepted, partly or not accepted) with an explanation; only the "
                         "addressed unit may answer, others are refused with 403.")
@scoped_view(Recommendation)
def answer_recommendation(request: HttpRequest, recommendation_id: int, payload: AnswerIn):
    rec = selectors.recommendation_get(user=request.auth, pk=recommendation_id)
    return services.recommendation_answer(actor=request.auth, recommendation=rec, answer=payload.answer,
                                          text=payload.text)


@router.post("/recommendations/{int:recommendation_id}/report", response=RecommendationOut,
             summary="Báo cáo kết quả thực hiện kiến nghị",
             description="Report what the addressed unit did about a recommendation; only the addressed unit, and "
                         "only after it has answered.")
@scoped_view(Recommendation)
def report_recommendation(request: HttpRequest, recommendation_id: int, payload: RecommendationReportIn):
    rec = selectors.recommendation_get(user=request.auth, pk=recommendation_id)
    return services.recommendation_report(actor=request.auth, recommendation=rec, text=payload.text)


# Programmes ---------------------------------------------------------------------------------------------

@router.get("/programmes", response=list[ProgrammeOut], summary="Chương trình phối hợp",
            description="The cooperation programmes in the caller's scope (the programmes its unit leads or is a "
                        "party to); paginated.")
@paginate
def list_programmes(request: HttpRequest):
    return selectors.programme_queryset(user=request.auth)


@router.post("/programmes", response={201: ProgrammeOut}, summary="Lập chương trình phối hợp",
             description="Create a cooperation programme between the Front and associations (Fatherland Front or "
                         "administrator only; the lead unit must be the caller's or one under it). Refused without "
                         "parties or when the end year precedes the start year.")
def create_programme(request: HttpRequest, payload: ProgrammeIn):
    data = payload.dict()
    data["lead_unit"] = Unit.objects.filter(pk=data.pop("lead_unit_id")).first()
    data["parties"] = _units(data.pop("party_ids"), "party_ids")
    return Status(201, services.programme_create(actor=request.auth, data=data))


@router.post("/programmes/{int:programme_id}/results", response={201: ResultOut}, summary="Ghi kết quả một năm",
             description="Record the results of one year of a programme; a second call for the same year corrects "
                         "them (the programme's lead unit or the administrator). Refused for a year outside the "
                         "programme.")
@scoped_view(Programme)
def record_result(request: HttpRequest, programme_id: int, payload: ResultIn):
    programme = selectors.programme_get(user=request.auth, pk=programme_id)
    return Status(201, services.programme_result_record(actor=request.auth, programme=programme, year=payload.year,
                                                        results=payload.results))


# The rule table of response deadlines (the pages /giam-sat/thoi-han/): everyone reads, the administrator
# adds or corrects dated rows through the same services (permission oversight.edit_rules, overlap check, audit).

@router.get("/rules", response=list[OversightRuleOut], summary="Bảng thời hạn trả lời kiến nghị",
            description="The dated rows of the response-deadline table (days, legal basis, validity), by rule code "
                        "then newest first; every signed-in user reads it.")
@paginate
def list_rules(request: HttpRequest):
    return restrict(OversightRule.objects.all(), request.auth).order_by("code", "-valid_from", "pk")


@router.get("/rules/{int:rule_id}", response=OversightRuleOut, summary="Một dòng thời hạn",
            description="One row of the response-deadline table.")
@scoped_view(OversightRule)
def get_rule(request: HttpRequest, rule_id: int):
    return get_scoped(OversightRule, request.auth, pk=rule_id)


@router.post("/rules", response={201: OversightRuleOut}, summary="Thêm dòng thời hạn",
             description="Add a dated row (administrator only). A row whose validity overlaps another row of the "
                         "same rule is refused with the row it overlaps: give the old row an end date first.")
def create_rule(request: HttpRequest, payload: OversightRuleIn):
    return Status(201, services.rule_create(actor=request.auth, data=payload.dict()))


@router.patch("/rules/{int:rule_id}", response=OversightRuleOut, summary="Sửa dòng thời hạn",
              description="Correct a row (administrator only): only the fields sent change; `version` guards "
                          "against overwriting a concurrent edit. The same overlap check as when adding.")
@scoped_view(OversightRule)
def update_rule(request: HttpRequest, rule_id: int, payload: OversightRulePatch):
    rule = get_scoped(OversightRule, request.auth, pk=rule_id)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version", None)
    return services.rule_update(actor=request.auth, rule=rule, data=data, expected_version=version)
