"""REST API of the registry: the same selectors (scoping) and services (rules, audit) as the web pages."""


import datetime

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, FilterSchema, Form, Query, Router, Schema, Status, UploadedFile
from ninja.errors import HttpError
from ninja.pagination import paginate
from pydantic import AliasPath, ConfigDict

from sohoi.api.errors import ErrorOut
from sohoi.api.pagination import PageNumber
from sohoi.api.records import Record
from sohoi.core.permissions import allowed
from sohoi.core.scoping import CHANGE, get_scoped, restrict, scoped_view

from . import selectors, services
from .filters import ORDERING, search_q, territory_search_q
from .models import (
    Association,
    AssociationTransition,
    Congress,
    FieldOfActivity,
    OfficerAssignment,
)

prefix = "/associations/"
router = Router()


class AssociationOut(Record):  # a list page's record: read by pydantic's core (api/records.py)
    id: int
    unit_id: int
    name: str
    short_name: str
    english_name: str
    field_id: int
    field_name: str = Field(..., validation_alias=AliasPath("field", "name"))
    main_activity: str
    scope_level: str
    territory_id: int | None
    head_office: str
    managing_agency_id: int | None
    founding_decision_number: str
    founding_decision_date: datetime.date | None
    founding_decision_issuer: str
    special_status: bool
    state_tasks: str
    phone: str
    email: str
    website: str
    status: str
    status_since: datetime.date | None
    members_individual: int
    members_organisational: int
    members_honorary: int
    members_reported_on: datetime.date | None
    is_branch: bool
    parent_unit_id: int | None = Field(None, validation_alias=AliasPath("unit", "parent_id"))
    version: int


class AssociationFilters(FilterSchema):
    q: str | None = None
    field_id: int | None = None
    scope_level: str | None = None
    territory_id: int | None = None
    territory_q: str | None = Field(None, max_length=200, description="Tên (hoặc mã) địa bàn, một phần cũng được")
    status: str | None = None
    special_status: bool | None = None

    def filter_q(self, value: str | None):
        return search_q(value) if value else Q()

    def filter_territory_q(self, value: str | None):
        return territory_search_q(value) if value and value.strip() else Q()


class AssociationIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"name": "Hội Khuyến học phường An Khánh",
         "field_id": 3,
         "scope_level": "commune",
         "parent_unit_id": 42,
         "territory_id": 7,
         "short_name": "Hội Khuyến học An Khánh",
         "main_activity": "Khuyến học, khuyến tài",
         "head_office": "Số 1 đường Thử Nghiệm, phường An Khánh"},
    ]})

    name: str
    field_id: int
    scope_level: str
    parent_unit_id: int
    territory_id: int | None = None
    short_name: str = ""
    main_activity: str = ""
    head_office: str = ""


class AssociationPatch(Schema):
    """The association's own profile. The fields a state decision sets are not here (and an unknown field is
    refused, not ignored): they change through POST /associations/{id}/state-decisions."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [
            {"version": 3,
             "phone": "0280000000",
             "email": "hoikhuyenhoc@example.org",
             "members_individual": 250,
             "members_reported_on": "2026-06-30"},
        ]},
    )

    version: int
    short_name: str | None = None
    english_name: str | None = None
    main_activity: str | None = None
    head_office: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    members_individual: int | None = None
    members_organisational: int | None = None
    members_honorary: int | None = None
    members_reported_on: datetime.date | None = None


class TransitionIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"action": "suspend",
         "decision_number": "123/QĐ-SNV",
         "decision_date": "2026-05-04",
         "decision_issuer": "Sở Nội vụ",
         "note": "Đình chỉ 6 tháng để khắc phục",
         "new_name": "",
         "successor_ids": [],
         "version": 4},
    ]})

    action: str
    decision_number: str
    decision_date: datetime.date
    decision_issuer: str
    note: str = ""
    new_name: str = ""
    successor_ids: list[int] = []
    version: int


class StateDecisionIn(Schema):
    """A decision of the state with its document; give only the fields it changes."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [
            {"decision_number": "45/QĐ-SNV",
             "decision_date": "2026-03-15",
             "decision_issuer": "Sở Nội vụ",
             "version": 2,
             "note": "Công nhận hội có tính chất đặc thù",
             "special_status": True},
        ]},
    )

    decision_number: str
    decision_date: datetime.date
    decision_issuer: str
    version: int
    note: str = ""
    founding_decision_number: str | None = None
    founding_decision_date: datetime.date | None = None
    founding_decision_issuer: str | None = None
    scope_level: str | None = None
    territory_id: int | None = None
    special_status: bool | None = None
    managing_agency_id: int | None = None
    state_tasks: str | None = None


class TransitionOut(Schema):
    id: int
    association_id: int
    action: str
    from_status: str
    to_status: str
    decision_number: str
    decision_date: datetime.date
    decision_issuer: str
    note: str


class LeaderOut(Schema):
    id: int
    association_id: int
    full_name: str
    position: str
    started_on: datetime.date
    ended_on: datetime.date | None
    reported_on: datetime.date | None
    is_party_member: bool | None = None  # present only for roles allowed to see sensitive data


class LeaderIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"full_name": "Nguyễn Văn A",
         "position": "president",
         "started_on": "2026-01-10",
         "is_party_member": False,
         "birth_year": 1970,
         "reported_on": "2026-01-20"},
    ]})

    full_name: str
    position: str
    started_on: datetime.date
    is_party_member: bool = False
    birth_year: int | None = None
    reported_on: datetime.date | None = None


class CongressOut(Schema):
    id: int
    association_id: int
    number: int
    kind: str
    held_on: datetime.date
    term_label: str
    expected: int
    attended: int
    next_due: datetime.date | None


class CongressIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"number": 3,
         "held_on": "2026-04-20",
         "expected": 120,
         "attended": 98,
         "kind": "term",
         "term_label": "2026-2031"},
    ]})

    number: int
    held_on: datetime.date
    expected: int
    attended: int
    kind: str = "term"
    term_label: str = ""


class MemberOut(Schema):
    id: int
    full_name: str
    gender: str
    birth_year: int | None
    kind: str
    joined_on: datetime.date | None
    branch_id: int | None
    id_number: str | None = None
    is_party_member: bool | None = None


class OfficerAssignmentOut(Schema):
    id: int
    association_id: int
    officer_id: int
    officer_name: str = Field(..., alias="officer.full_name")
    started_on: datetime.date
    ended_on: datetime.date | None


class AssignmentIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"association_id": 15, "officer_id": 8, "started_on": "2026-02-01", "note": "Tiếp nhận theo dõi"},
    ]})

    association_id: int
    officer_id: int
    started_on: datetime.date
    note: str = ""


class FieldOut(Schema):
    id: int
    code: str
    name: str


def _assoc(request: HttpRequest, pk: int, action: str = "view") -> Association:
    return selectors.association_get(user=request.auth, pk=pk, action=action)


@router.get("/fields", response=list[FieldOut], summary="Lĩnh vực hoạt động",
            description="The fields of activity associations are registered under; any signed-in user may read "
                        "them.")
def list_fields(request: HttpRequest):
    return restrict(FieldOfActivity.objects.all(), request.auth)


@router.get("", response=list[AssociationOut], summary="Danh sách hội (trong phạm vi dữ liệu của bạn)",
            description="Associations in the caller's scope, a page at a time, filtered by name, field, level, "
                        "territory and status. Associations outside the scope are never listed.")
@paginate(PageNumber)
def list_associations(request: HttpRequest, filters: Query[AssociationFilters], ordering: str = "name",
                      branches: bool | None = None):
    qs = filters.filter(selectors.association_api_queryset(user=request.auth))
    if branches is not None:
        qs = qs.filter(unit__kind="branch") if branches else qs.exclude(unit__kind="branch")
    return qs.order_by(ORDERING.get(ordering, "name_sort"), "pk")


@router.post("", response={201: AssociationOut}, summary="Đăng ký hội mới (bước ban vận động)",
             description="Register a new association at its organising-committee stage under a unit in the "
                         "caller's scope. Roles that may not create associations get 403; invalid fields get 400 "
                         "with a message per field.")
def create_association(request: HttpRequest, payload: AssociationIn):
    from sohoi.orgs.models import AdminUnit, Unit

    parent = get_scoped(Unit, request.auth, pk=payload.parent_unit_id)
    field = get_scoped(FieldOfActivity, request.auth, pk=payload.field_id)
    territory = AdminUnit.objects.filter(pk=payload.territory_id).first() if payload.territory_id else None
    assoc = services.association_create(actor=request.auth, name=payload.name, field=field,
                                        scope_level=payload.scope_level, parent=parent, territory=territory,
                                        short_name=payload.short_name, main_activity=payload.main_activity,
                                        head_office=payload.head_office)
    return Status(201, assoc)


@router.get("/{int:pk}", response=AssociationOut, summary="Một hội",
            description="One association's register entry. An association outside the caller's scope answers 404.")
@scoped_view(Association)
def get_association(request: HttpRequest, pk: int):
    return _assoc(request, pk)


@router.patch("/{int:pk}", response=AssociationOut, summary="Sửa hồ sơ hội (gửi kèm version)",
              description="Update an association's own profile (only the fields sent change) with the version read. "
                          "Callers who may not change it get 403; an old version or a field set by state decision "
                          "is refused with 400.")
@scoped_view(Association)
def update_association(request: HttpRequest, pk: int, payload: AssociationPatch):
    assoc = _assoc(request, pk, CHANGE)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    return services.association_update(actor=request.auth, association=assoc, data=data, expected_version=version)


@router.get("/{int:pk}/branches", response=list[AssociationOut], summary="Chi hội của một hội",
            description="The branches of one association within the caller's scope; outside the scope answers "
                        "404.")
@scoped_view(Association)
def list_branches(request: HttpRequest, pk: int):
    return selectors.branches_of(user=request.auth, association=_assoc(request, pk)).select_related("field")


@router.get("/{int:pk}/transitions", response=list[TransitionOut], summary="Sự kiện tổ chức và văn bản quyết định",
            description="The organisational events of an association and their decisions, a page at a time; "
                        "outside the caller's scope answers 404.")
@scoped_view(Association)
@paginate(PageNumber)
def list_transitions(request: HttpRequest, pk: int):
    return restrict(AssociationTransition.objects.filter(association=_assoc(request, pk)), request.auth)


@router.post("/{int:pk}/transitions", response={201: AssociationOut}, summary="Ghi sự kiện tổ chức",
             description="Record an organisational event (permit, suspend, dissolve, merge...) with its decision "
                         "and the version read. Roles that may not change the association get 403; a move the "
                         "workflow forbids gets 400.")
@scoped_view(Association)
def create_transition(request: HttpRequest, pk: int, payload: TransitionIn):
    assoc = _assoc(request, pk, CHANGE)
    successors = [_assoc(request, s) for s in payload.successor_ids]
    assoc = services.association_transition(
        actor=request.auth, association=assoc, action=payload.action, decision_number=payload.decision_number,
        decision_date=payload.decision_date, decision_issuer=payload.decision_issuer, note=payload.note,
        new_name=payload.new_name, successors=successors, expected_version=payload.version)
    return Status(201, assoc)


@router.post("/{int:pk}/state-decisions", response={201: AssociationOut},
             summary="Ghi quyết định của Nhà nước (Sở Nội vụ, kèm văn bản quyết định)",
             description="Record a state decision (Department of Home Affairs) with its document, changing only "
                         "the fields it sets. Other roles get 403; an old version or an invalid field gets 400.")
@scoped_view(Association)
def create_state_decision(request: HttpRequest, pk: int, payload: StateDecisionIn):
    from sohoi.orgs.models import AdminUnit, Unit

    assoc = _assoc(request, pk)
    data = payload.dict(exclude_unset=True)
    head = {k: data.pop(k) for k in ("decision_number", "decision_date", "decision_issuer", "version")}
    note = data.pop("note", "")
    changes: dict = {}
    for name, value in data.items():
        if name == "territory_id":
            changes["territory"] = _pick(AdminUnit.objects.all(), value, "territory_id")
        elif name == "managing_agency_id":
            changes["managing_agency"] = _pick(restrict(Unit.objects.all(), request.auth), value, "managing_agency_id")
        else:
            changes[name] = value
    assoc = services.association_state_decision(
        actor=request.auth, association=assoc, changes=changes, decision_number=head["decision_number"],
        decision_date=head["decision_date"], decision_issuer=head["decision_issuer"], note=note,
        expected_version=head["version"])
    return Status(201, assoc)


def _pick(qs, pk: int | None, field: str):
    """The referenced row, or a field error that names no row (never the name of something out of reach)."""
    if pk is None:
        return None
    obj = qs.filter(pk=pk).first()
    if obj is None:
        raise ValidationError({field: _("Lựa chọn không hợp lệ. Chọn một mục trong danh sách.")})
    return obj


@router.get("/{int:pk}/leaders", response=list[LeaderOut], summary="Lãnh đạo hội",
            description="The leaders of an association (`current=true`: those in office). Party membership is "
                        "shown only to roles allowed to see sensitive data; outside the caller's scope answers "
                        "404.")
@scoped_view(Association)
def list_leaders(request: HttpRequest, pk: int, current: bool = False):
    leaders, _shown = selectors.leaders_for(user=request.auth, association=_assoc(request, pk), current_only=current)
    return leaders


@router.post("/{int:pk}/leaders", response={201: LeaderOut}, summary="Ghi lãnh đạo hội",
             description="Record a leader's appointment. Callers who may not change the association get 403; a "
                         "role that may not read party membership cannot write it either.")
@scoped_view(Association)
def create_leader(request: HttpRequest, pk: int, payload: LeaderIn):
    data = payload.dict()
    if not allowed(request.auth, "associations.see_sensitive"):
        data.pop("is_party_member")  # a role that may not read it does not write it either
    leader = services.leader_appoint(actor=request.auth, association=_assoc(request, pk, CHANGE), **data)
    if not allowed(request.auth, "associations.see_sensitive"):
        leader.is_party_member = None
    return Status(201, leader)


@router.get("/{int:pk}/congresses", response=list[CongressOut], summary="Đại hội",
            description="The congresses of an association; outside the caller's scope answers 404.")
@scoped_view(Association)
def list_congresses(request: HttpRequest, pk: int):
    return restrict(Congress.objects.filter(association=_assoc(request, pk)), request.auth)


@router.post("/{int:pk}/congresses", response={201: CongressOut}, summary="Ghi đại hội",
             description="Record a congress (number, date, attendance); the next one falls due from it. Callers "
                         "who may not change the association get 403; invalid figures get 400.")
@scoped_view(Association)
def create_congress(request: HttpRequest, pk: int, payload: CongressIn):
    congress = services.congress_record(actor=request.auth, association=_assoc(request, pk, CHANGE),
                                        **payload.dict())
    return Status(201, congress)


@router.get("/{int:pk}/members", response=list[MemberOut], summary="Hội viên (dữ liệu nhạy cảm chỉ cho vai trò được phép)",
            description="The members of an association, a page at a time; sensitive fields are masked unless the "
                        "caller's role may see them, and such reads are logged. Outside the caller's scope "
                        "answers 404.")
@scoped_view(Association)
@paginate(PageNumber)
def list_members(request: HttpRequest, pk: int, q: str | None = None):
    from sohoi.core.text import fold

    assoc = _assoc(request, pk)
    qs = selectors.member_queryset(user=request.auth, association=assoc)
    if q:
        qs = qs.filter(name_folded__contains=fold(q))
    return _MemberPage(qs, request.auth, assoc)


class _MemberPage:
    """Masks (or logs the read of) sensitive fields on exactly the rows of the page being returned."""

    def __init__(self, qs, user, association):
        self.qs, self.user, self.association = qs, user, association

    def count(self) -> int:
        return self.qs.count()

    def __getitem__(self, item):
        rows = list(self.qs[item])
        selectors.members_for(user=self.user, association=self.association, rows=rows)
        return rows


@router.get("/assignments", response=list[OfficerAssignmentOut], summary="Phân công cán bộ theo dõi hội",
            description="Which officer follows which association, filtered by officer and current assignments, "
                        "within the caller's scope.")
@paginate(PageNumber)
def list_assignments(request: HttpRequest, officer_id: int | None = None, current: bool | None = None):
    qs = restrict(OfficerAssignment.objects.select_related("officer"), request.auth)
    if officer_id:
        qs = qs.filter(officer_id=officer_id)
    if current is not None:
        qs = qs.filter(ended_on__isnull=current)
    return qs


@router.post("/assignments", response={201: OfficerAssignmentOut}, summary="Phân công (hoặc chuyển giao) cán bộ theo dõi",
             description="Assign (or hand over) the officer who follows an association (Department of Home "
                         "Affairs). Other roles get 403; an unknown officer gets 404.")
def create_assignment(request: HttpRequest, payload: AssignmentIn):
    from sohoi.accounts.models import User

    officer = User.objects.filter(pk=payload.officer_id).first()
    if officer is None:
        raise HttpError(404, _("Không tìm thấy cán bộ."))
    assignment = services.officer_assign(actor=request.auth, association=_assoc(request, payload.association_id),
                                         officer=officer, started_on=payload.started_on, note=payload.note)
    return Status(201, assignment)




class ImportRowError(Schema):
    row: int
    column: str
    message: str


class RegisterImportOut(Schema):
    dry_run: bool
    rows: int
    created: int
    updated: int
    errors: list[ImportRowError] = []


class RegisterImportErrorOut(ErrorOut):
    rows: int
    errors: list[ImportRowError]


@router.post("/register-import", response={200: RegisterImportOut, 400: RegisterImportErrorOut},
             summary="Nhập danh bạ hội hiện có (.xlsx/.csv): kiểm tra thử hoặc ghi, tất cả hoặc không gì",
             description="Import the existing register of associations from .xlsx or .csv: dry run or write, all "
                         "rows or none (Department of Home Affairs and administrators). Any bad row gives 400 "
                         "listing every error and stores nothing.")
def register_import(request: HttpRequest, file: File[UploadedFile], dry_run: Form[bool] = True):
    """Sở Nội vụ và quản trị hệ thống. Chạy đồng bộ (tệp lớn có thể mất vài chục giây); trang web có thanh tiến
    độ cho tệp lớn. Lỗi: 400 kèm danh sách mọi lỗi (dòng, cột, cách sửa); không ghi gì."""
    result = services.register_import(actor=request.auth, upload=file, filename=file.name or "", dry_run=dry_run)
    errors = [{"row": e.row, "column": e.column, "message": e.message} for e in result.errors]
    if errors:
        return Status(400, {"code": "invalid", "message": _("Tệp có %(errors)s lỗi; chưa ghi gì. %(value)s")
                                                          % {"errors": len(errors), "value": result.errors[0]},
                            "fields": {}, "rows": result.rows, "errors": errors})
    return {"dry_run": result.dry_run, "rows": result.rows, "created": result.created, "updated": result.updated}


# The rest of the app's operations (alerts, coverage, dossier, monitoring log, legal rules, import jobs).
from . import api_work  # noqa: E402,F401
