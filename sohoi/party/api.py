"""REST API of the Party app: the same selectors (scope, sensitive-data rule) and services (validation,
audit) as the pages."""

import datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import ConfigDict

from sohoi.associations.models import Association
from sohoi.core.permissions import allowed, require
from sohoi.core.scoping import get_scoped, restrict, scoped_view
from sohoi.orgs.models import Unit

from . import selectors, services
from .models import PartyOrganisation, PartyRule, QualityRating

MAX_ID = 2_147_483_647
prefix = "/party/"
router = Router()


class OrganisationOut(Schema):
    id: int
    association_id: int
    association_name: str = Field(alias="association.name")
    name: str
    kind: str
    superior_id: int
    parent_id: int | None
    decision_number: str
    decision_date: datetime.date
    decision_issuer: str
    official_members: int
    probationary_members: int
    members_reported_on: datetime.date | None
    status: str
    ended_on: datetime.date | None
    successor_id: int | None
    version: int


class OrganisationDetailOut(OrganisationOut):
    secretary_name: str | None = None


class OrganisationIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"association_id": 15,
         "name": "Chi bộ Hội Khuyến học phường An Khánh",
         "kind": "cell",
         "superior_id": 4,
         "parent_id": None,
         "decision_number": "15-QĐ/ĐU",
         "decision_date": "2026-03-02",
         "decision_issuer": "Đảng ủy phường An Khánh",
         "secretary_name": "Nguyễn Văn A",
         "official_members": 5,
         "probationary_members": 1,
         "members_reported_on": "2026-03-02"},
    ]})

    association_id: int = Field(..., ge=1, le=MAX_ID)
    name: str = Field(..., max_length=300)
    kind: str = Field(..., max_length=30)
    superior_id: int = Field(..., ge=1, le=MAX_ID)
    parent_id: int | None = Field(None, ge=1, le=MAX_ID)
    decision_number: str
    decision_date: datetime.date
    decision_issuer: str
    secretary_name: str = ""
    official_members: int = Field(0, ge=-MAX_ID, le=MAX_ID)
    probationary_members: int = Field(0, ge=-MAX_ID, le=MAX_ID)
    members_reported_on: datetime.date | None = None


class OrganisationFilters(Schema):
    q: str | None = Field(None, max_length=200)
    kind: str | None = Field(None, max_length=30)
    status: str | None = Field(None, max_length=20)
    superior: int | None = Field(None, ge=1, le=MAX_ID)
    superior_q: str | None = Field(None, max_length=200, description="Tên cấp ủy cấp trên, một phần cũng được")


class RatingOut(Schema):
    id: int
    organisation_id: int
    year: int
    score: int | None
    grade: str
    decision: str
    note: str


class RatingIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"organisation_id": 9,
         "year": 2025,
         "score": 92,
         "grade": "good",
         "decision": "120-QĐ/ĐU",
         "note": ""},
    ]})

    organisation_id: int = Field(..., ge=1, le=MAX_ID)
    year: int = Field(..., ge=1900, le=2100)
    score: int | None = Field(None, ge=-1000, le=1000)
    grade: str | None = Field(None, max_length=20)
    decision: str = ""
    note: str = ""


class EligibleOut(Schema):
    id: int
    name: str
    party_count: int
    roster_size: int
    leaders_party: int
    reported_official: int | None


class RuleOut(Schema):
    id: int
    code: str
    label: str
    value: str
    unit: str
    legal_basis: str
    is_default: bool
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    version: int


class RuleIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"code": "min_members",
         "label": "Số đảng viên chính thức tối thiểu để lập tổ chức đảng",
         "value": "3",
         "unit": "người",
         "legal_basis": "Điều lệ Đảng, Điều 21",
         "is_default": False,
         "valid_from": "2026-01-01",
         "valid_to": None},
    ]})

    code: str
    label: str
    value: str
    unit: str
    legal_basis: str
    is_default: bool = False
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None


class RulePatch(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"value": "3", "legal_basis": "Điều lệ Đảng, Điều 21", "version": 2},
    ]})

    label: str | None = None
    value: str | None = None
    legal_basis: str | None = None
    is_default: bool | None = None
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    version: int | None = None


def _filtered(filterset):
    return filterset.qs if filterset.is_valid() else filterset.queryset.none()


@router.get("/organisations", response=list[OrganisationOut], summary="Tổ chức đảng trong các hội",
            description="Party organisations in associations within the caller's scope, a page at a time, "
                        "filtered by name, kind, status and superior committee. Organisations outside the scope "
                        "are not listed.")
@paginate
def list_organisations(request: HttpRequest, filters: Query[OrganisationFilters]):
    params = {k: v for k, v in filters.dict().items() if v not in (None, "")}
    return _filtered(selectors.organisation_list(user=request.auth, filters=params))


@router.get("/organisations/{int:organisation_id}", response=OrganisationDetailOut, summary="Một tổ chức đảng",
            description="One Party organisation; the secretary's name only for roles allowed to see it. Outside "
                        "the caller's scope answers 404.")
@scoped_view(PartyOrganisation)
def get_organisation(request: HttpRequest, organisation_id: int):
    org = selectors.organisation_get(user=request.auth, pk=organisation_id)
    secretary, shown = selectors.secretary_of(user=request.auth, organisation=org)
    org.secretary_name = secretary if shown else None
    return org


@router.post("/organisations", response={201: OrganisationDetailOut}, summary="Ghi tổ chức đảng",
             description="Record a Party organisation set up in an association (with its decision). Roles that may "
                         "not record one get 403; an association or parent outside the caller's scope is refused "
                         "like a missing one.")
def create_organisation(request: HttpRequest, payload: OrganisationIn):
    data = payload.dict()
    data["association"] = get_scoped(selectors.party_associations(user=request.auth), request.auth,
                                     pk=data.pop("association_id"))
    data["superior"] = Unit.objects.filter(pk=data.pop("superior_id")).first()
    parent_id = data.pop("parent_id")
    # A grassroots committee out of the user's reach answers like a missing one (no name in the message).
    data["parent"] = restrict(PartyOrganisation.objects.filter(pk=parent_id), request.auth).first() if parent_id else None
    if parent_id and data["parent"] is None:
        raise ValidationError({"parent_id": _("Lựa chọn không hợp lệ. Chọn một đảng bộ cơ sở trong danh sách.")})
    org = services.organisation_create(actor=request.auth, data=data)
    if not allowed(request.auth, "party.see_secretary"):
        org.secretary_name = None
    return Status(201, org)


class RatingFilters(Schema):
    year: int | None = Field(None, ge=1900, le=2100)
    grade: str | None = Field(None, max_length=20)
    organisation: int | None = Field(None, ge=1, le=MAX_ID)


@router.get("/ratings", response=list[RatingOut], summary="Xếp loại chất lượng",
            description="Yearly quality ratings of Party organisations in the caller's scope, filtered by year, "
                        "grade and organisation.")
@paginate
def list_ratings(request: HttpRequest, filters: Query[RatingFilters]):
    params = {k: v for k, v in filters.dict().items() if v is not None}
    return _filtered(selectors.rating_list(user=request.auth, filters=params))


@router.get("/ratings/summary", summary="Tổng hợp xếp loại theo năm và theo cấp ủy",
            description="Counts of ratings by grade, per year and per superior committee, over the caller's "
                        "scope.")
def ratings_summary(request: HttpRequest):
    data = selectors.rating_summary(user=request.auth)
    return {"grades": [str(g.value) for g in data["grades"]],
            "by_year": [{"year": r["year"], "counts": r["cells"], "total": r["total"]} for r in data["year_rows"]],
            "by_committee": [{"committee_id": r["committee"].pk, "committee": r["committee"].name, "year": r["year"],
                              "counts": r["cells"], "total": r["total"]} for r in data["committee_rows"]]}


@router.get("/ratings/{int:rating_id}", response=RatingOut, summary="Một xếp loại",
            description="One quality rating. A rating outside the caller's scope answers 404.")
@scoped_view(QualityRating)
def get_rating(request: HttpRequest, rating_id: int):
    return get_scoped(QualityRating, request.auth, pk=rating_id)


@router.post("/ratings", response={201: RatingOut}, summary="Ghi (hoặc sửa) xếp loại một năm",
             description="Record (or correct) an organisation's quality rating for a year. Callers who may not "
                         "change the organisation get 403 (404 outside their scope); an invalid score or grade "
                         "gets 400.")
def create_rating(request: HttpRequest, payload: RatingIn):
    org = selectors.organisation_get(user=request.auth, pk=payload.organisation_id, action="change")
    rating = services.rating_record(actor=request.auth, organisation=org, year=payload.year, score=payload.score,
                                    grade=payload.grade, decision=payload.decision, note=payload.note)
    return Status(201, rating)


@router.get("/eligibility", response=list[EligibleOut], summary="Hội đủ điều kiện, chưa có tổ chức đảng",
            description="Associations eligible for a Party organisation that have none yet. Roles that may not "
                        "see party-membership figures get 403; each read is logged.")
@paginate
def list_eligible(request: HttpRequest):
    require(request.auth, "party.see_eligibility")  # derived from party membership: 403, not an empty list
    qs = selectors.eligible_queryset(user=request.auth)
    # i18n: data (an audit note, stored)
    if not selectors.log_count_read(user=request.auth, what="API danh sách hội đủ điều kiện", rows=1):
        return Association.objects.none()
    return qs


@router.get("/rules", response=list[RuleOut], summary="Quy định về tổ chức đảng",
            description="The rules on Party organisations (thresholds, defaults), filtered by code; any signed-in "
                        "user may read them.")
@paginate
def list_rules(request: HttpRequest, code: str | None = Query(None, max_length=40)):
    qs = selectors.rule_list(user=request.auth)
    return qs.filter(code=code) if code else qs


@router.post("/rules", response={201: RuleOut}, summary="Thêm quy định (quản trị hệ thống)",
             description="Add a rule on Party organisations (administrators); other roles get 403 and invalid "
                         "values get 400.")
def create_rule(request: HttpRequest, payload: RuleIn):
    return Status(201, services.party_rule_create(actor=request.auth, data=payload.dict()))


@router.patch("/rules/{int:rule_id}", response=RuleOut, summary="Sửa quy định (quản trị hệ thống)",
              description="Change a rule (administrators) with the version read; other roles get 403, an old "
                          "version gets 400.")
@scoped_view(PartyRule)
def update_rule(request: HttpRequest, rule_id: int, payload: RulePatch):
    rule = get_scoped(PartyRule, request.auth, "change", pk=rule_id)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version", None)
    return services.party_rule_update(actor=request.auth, rule=rule, data=data, expected_version=version)


# Writes the pages offer, for integrations (issue 17: API parity). Same services, same permission layer.

class OrganisationPatch(Schema):
    """The fields the edit page changes; give only those that change, with the `version` you read."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [
            {"version": 2,
             "official_members": 7,
             "probationary_members": 0,
             "members_reported_on": "2026-06-30"},
        ]},
    )

    version: int = Field(..., ge=0, le=MAX_ID)
    name: str | None = Field(None, max_length=300)
    kind: str | None = Field(None, max_length=30)
    superior_id: int | None = Field(None, ge=1, le=MAX_ID)
    parent_id: int | None = Field(None, ge=1, le=MAX_ID)
    decision_number: str | None = Field(None, max_length=60)
    decision_date: datetime.date | None = None
    decision_issuer: str | None = Field(None, max_length=300)
    secretary_name: str | None = Field(None, max_length=200)
    official_members: int | None = Field(None, ge=-MAX_ID, le=MAX_ID)
    probationary_members: int | None = Field(None, ge=-MAX_ID, le=MAX_ID)
    members_reported_on: datetime.date | None = None
    note: str | None = Field(None, max_length=2000)


class OrganisationEndIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"status": "merged", "ended_on": "2026-09-01", "decision_number": "31-QĐ/ĐU", "successor_id": 11},
    ]})

    status: str = Field(..., max_length=20, description="dissolved | merged")
    ended_on: datetime.date
    decision_number: str = Field(..., max_length=60)
    successor_id: int | None = Field(None, ge=1, le=MAX_ID)


class PartyMemberCountIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"reported_on": "2026-06-30",
         "official": 6,
         "probationary": 1,
         "source": "Báo cáo 6 tháng của hội"},
    ]})

    reported_on: datetime.date
    official: int = Field(..., ge=-MAX_ID, le=MAX_ID)
    probationary: int = Field(0, ge=-MAX_ID, le=MAX_ID)
    source: str = Field("", max_length=200)


class PartyMemberCountOut(Schema):
    id: int
    association_id: int
    reported_on: datetime.date
    official: int
    probationary: int
    source: str


class EligibilityTaskIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"committee_id": 4, "association_ids": [15, 16], "due": "2026-12-31"},
    ]})

    committee_id: int = Field(..., ge=1, le=MAX_ID)
    association_ids: list[int] = Field([], max_length=5000,
                                       description="Empty: every eligible association under this committee")
    due: datetime.date | None = None


class EligibilityTaskOut(Schema):
    task_id: int
    document_id: int
    associations: int


@router.patch("/organisations/{int:organisation_id}", response=OrganisationDetailOut,
              summary="Sửa tổ chức đảng (gửi kèm version)",
              description="Update a Party organisation (the edit page): only the fields sent change; an edit "
                          "based on an old version is refused with a message.")
@scoped_view(PartyOrganisation)
def update_organisation(request: HttpRequest, organisation_id: int, payload: OrganisationPatch):
    org = selectors.organisation_get(user=request.auth, pk=organisation_id, action="change")
    require(request.auth, "party.change_organisation", org)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    if "superior_id" in data:
        data["superior"] = Unit.objects.filter(pk=data.pop("superior_id")).first()
        if data["superior"] is None:
            raise ValidationError({"superior_id": _("Lựa chọn không hợp lệ. Chọn một cấp ủy trong danh sách.")})
    if "parent_id" in data:
        parent_id = data.pop("parent_id")
        data["parent"] = restrict(PartyOrganisation.objects.filter(pk=parent_id), request.auth).first() \
            if parent_id else None
        if parent_id and data["parent"] is None:
            raise ValidationError({"parent_id": _("Lựa chọn không hợp lệ. Chọn một đảng bộ cơ sở trong danh "
                                                  "sách.")})
    if not allowed(request.auth, "party.see_secretary"):
        data.pop("secretary_name", None)  # a role that may not read it does not write it either
    org = services.organisation_update(actor=request.auth, organisation=org, data=data, expected_version=version)
    secretary, shown = selectors.secretary_of(user=request.auth, organisation=org)
    org.secretary_name = secretary if shown else None
    return org


@router.post("/organisations/{int:organisation_id}/end", response=OrganisationDetailOut,
             summary="Giải thể hoặc hợp nhất tổ chức đảng",
             description="Dissolve a Party organisation, or merge it into another (successor_id); the record "
                         "stays with its ratings.")
@scoped_view(PartyOrganisation)
def end_organisation(request: HttpRequest, organisation_id: int, payload: OrganisationEndIn):
    org = selectors.organisation_get(user=request.auth, pk=organisation_id, action="change")
    successor = None
    if payload.successor_id:
        successor = selectors.organisation_queryset(user=request.auth, action="change").filter(
            pk=payload.successor_id).first()
        if successor is None:
            raise ValidationError({"successor_id": _("Lựa chọn không hợp lệ. Chọn một tổ chức đảng trong "
                                                     "danh sách.")})
    org = services.organisation_end(actor=request.auth, organisation=org, status=payload.status,
                                    ended_on=payload.ended_on, decision_number=payload.decision_number,
                                    successor=successor)
    org.secretary_name = None
    return org


@router.post("/associations/{int:association_id}/member-count", response={201: PartyMemberCountOut},
             summary="Báo cáo số đảng viên trong một hội",
             description="Record (or correct, for the same day) the reported number of Party members of an "
                         "association.")
@scoped_view(Association)
def report_member_count(request: HttpRequest, association_id: int, payload: PartyMemberCountIn):
    association = get_scoped(Association.objects.select_related("unit"), request.auth, pk=association_id)
    row = services.member_count_report(actor=request.auth, association=association, **payload.dict())
    return Status(201, row)


@router.post("/eligibility/tasks", response={201: EligibilityTaskOut},
             summary="Giao cấp ủy xem xét thành lập tổ chức đảng trong các hội đủ điều kiện",
             description="Send one task to a Party committee: consider setting up Party organisations in these "
                         "eligible associations (a follow-up of 752-CV/TU, task 1).")
def create_eligibility_task(request: HttpRequest, payload: EligibilityTaskIn):
    require(request.auth, "party.create_eligibility_task")
    committee = Unit.objects.filter(pk=payload.committee_id).first()
    if payload.association_ids:
        chosen = list(selectors.eligible_queryset(user=request.auth).filter(pk__in=payload.association_ids))
    else:
        chosen = list(selectors.eligible_by_committee(user=request.auth).filter(
            superior_id=payload.committee_id)[:5000])
    task = services.eligibility_task_create(actor=request.auth, committee=committee, associations=chosen,
                                            due=payload.due)
    return Status(201, {"task_id": task.pk, "document_id": task.document_id, "associations": len(chosen)})
