"""Schemas of the directives API. Class names are unique across the apps (tests/test_api_schema_names.py):
django-ninja publishes one OpenAPI component per class name. Examples are synthetic (no real person)."""

import datetime
from typing import Annotated

from ninja import Field, Schema
from pydantic import ConfigDict

MAX_ID = 2_147_483_647
UserId = Annotated[int, Field(ge=1, le=MAX_ID)]
CHOICE_PATTERN = r"^((unit|group):[0-9]{1,10})?$"


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


class DocumentRegisteredOut(Schema):
    created: bool = Field(..., description="false: the same document (issuer, number-symbol, date, or the same "
                                           "file) was already in the register; nothing new was written")
    document: DocumentDetailOut


class DocumentMetaBase(Schema):
    """What the upload page asks beside the file: the book it goes in, and (registrars only) its grading."""
    direction: str = Field("incoming", max_length=20, description="incoming | outgoing | internal",
                           examples=["incoming"])
    received_on: datetime.date | None = Field(None, examples=["2012-10-15"])
    incoming_no: str = Field("", max_length=30, examples=["1024"])
    urgency: str = Field("normal", max_length=20, examples=["normal"])
    secrecy: str = Field("normal", max_length=20, description="normal, or a grade: then `readers` is required, "
                                                            "and only a registrar may set it")
    readers: list[UserId] = Field(default_factory=list, max_length=200,
                               description="ids of the users who may read a secret document")


class DocumentUploadForm(DocumentMetaBase):
    pass


class DocumentTextIn(DocumentMetaBase):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"direction": "incoming",
         "received_on": "2026-10-15",
         "incoming_no": "1024",
         "urgency": "normal",
         "secrecy": "normal",
         "readers": [],
         "text": "THÀNH ỦY THỬ NGHIỆM\n*\nSố 999-CV/TU\nV/v rà soát các hội\n\n"
                 "1 - Ban Dân vận rà soát các hội, báo cáo trước ngày 28/02/2027.\n"},
    ]})

    text: str = Field(..., max_length=2_000_000, description="the document's plain text, as printed",
                      examples=["THÀNH ỦY CẦN THƠ\n*\nSố 901-CV/TU\nV/v rà soát các hội\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
                                "Cần Thơ, ngày 06 tháng 01 năm 2014\n\n1 - Ban Dân vận rà soát các hội, báo cáo "
                                "trước ngày 28/02/2014.\n"])


class DocumentPatchIn(Schema):
    """The header fields of the edit page; only the fields sent change. `version` is the one read."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"version": 3,
         "code": "752-CV/TU",
         "subject": "V/v rà soát các hội quần chúng",
         "signer_name": "Nguyễn Văn A",
         "signer_title": "Phó Bí thư Thường trực"},
    ]})

    version: int = Field(..., ge=0, le=MAX_ID, description="the document's version as read (optimistic locking)")
    code: str | None = Field(None, max_length=80, examples=["752-CV/TU"])
    number: str | None = Field(None, max_length=20)
    symbol: str | None = Field(None, max_length=60)
    doc_type: str | None = Field(None, max_length=30)
    system: str | None = Field(None, max_length=20)
    issuer_name: str | None = Field(None, max_length=300)
    issuer_id: int | None = Field(None, ge=1, le=MAX_ID)
    date: datetime.date | None = None
    place: str | None = Field(None, max_length=100)
    subject: str | None = Field(None, max_length=5000, examples=["V/v rà soát các hội quần chúng"])
    signer_name: str | None = Field(None, max_length=150)
    signer_title: str | None = Field(None, max_length=200)
    direction: str | None = Field(None, max_length=20)
    received_on: datetime.date | None = None
    incoming_no: str | None = Field(None, max_length=30)
    urgency: str | None = Field(None, max_length=20)
    secrecy: str | None = Field(None, max_length=20)
    parent_id: int | None = Field(None, ge=1, le=MAX_ID)
    readers: list[UserId] | None = Field(None, max_length=200)


# The proposal (the review screen) -----------------------------------------------------------------------

class ProposalEntryIn(Schema):
    name: str = Field("", max_length=300, description="the name as printed (kept; taught as an alias)",
                      examples=["Ban Dân vận Thành ủy"])
    choice: str = Field("", max_length=30, pattern=CHOICE_PATTERN,
                        description="what the name maps to: `unit:<id>`, `group:<id>`, or empty (unresolved)",
                        examples=["unit:12"])


class ProposalTaskIn(Schema):
    no: str = Field("", max_length=20, examples=["1"])
    text: str = Field("", max_length=20_000, examples=["Tổ chức quán triệt nội dung chỉ thị."])
    include: bool = True
    deadline: str = Field("", max_length=20, description="YYYY-MM-DD or empty", examples=["2014-02-28"])
    recurrence: str = Field("", max_length=20, description="empty, or a recurrence (monthly, quarterly, ...)")
    leads: list[ProposalEntryIn] = Field(default_factory=list, max_length=100)
    coordinators: list[ProposalEntryIn] = Field(default_factory=list, max_length=100)


class ProposalIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"tasks": [{"no": "1", "text": "Tổ chức quán triệt nội dung chỉ thị.", "include": True, "deadline": "2026-12-31", "recurrence": "", "leads": [{"name": "Ban Dân vận Thành ủy", "choice": "unit:12"}], "coordinators": []}]},
    ]})

    tasks: list[ProposalTaskIn] = Field(..., max_length=500, description="the WHOLE list, in order: add, delete, "
                                        "split, merge and reorder by sending the list as it should be")


class ConfirmIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"tasks": [{"no": "1", "text": "Tổ chức quán triệt nội dung chỉ thị.", "include": True, "deadline": "2026-12-31", "recurrence": "", "leads": [{"name": "Ban Dân vận Thành ủy", "choice": "unit:12"}], "coordinators": []}]},
    ]})

    tasks: list[ProposalTaskIn] | None = Field(None, max_length=500,
                                               description="optional: save this list first, then confirm")


class ProposalEntryOut(Schema):
    name: str
    choice: str
    resolved: bool
    auto: bool = False
    kind: str = Field("", description="unit | group | empty")
    target_id: int | None = None
    target_name: str = ""


class ProposalTaskOut(Schema):
    no: str
    text: str
    include: bool
    deadline: str
    recurrence: str
    leads: list[ProposalEntryOut]
    coordinators: list[ProposalEntryOut]
    unresolved: bool


class ProposalOut(Schema):
    document_id: int
    confirmed: bool
    warnings: list[str] = Field(..., description="what the reader could not read in the document")
    problems: list[str] = Field(..., description="what still blocks the confirmation, task by task")
    tasks: list[ProposalTaskOut]


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


class ConfirmOut(Schema):
    document_id: int
    tasks: list[TaskOut]
    assignments: int


# Tracking -----------------------------------------------------------------------------------------------

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


class ReportAttachmentOut(Schema):
    id: int
    name: str


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
    attachments: list[ReportAttachmentOut] = Field(default_factory=list)

    @staticmethod
    def resolve_attachments(obj) -> list:
        return list(obj.attachments.all())


class ReportIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"text": "Đã tổ chức quán triệt cho 120 cán bộ, đảng viên.",
         "percent": 60,
         "milestone": "Quán triệt xong",
         "is_final": False},
    ]})

    text: str = Field(..., examples=["Đã tổ chức quán triệt cho 120 cán bộ, đảng viên."])
    percent: int | None = Field(None, ge=0, le=100, examples=[60])
    milestone: str = Field("", examples=["Quán triệt xong"])
    is_final: bool = False


class ReportUploadForm(Schema):
    text: str = Field(..., max_length=50_000, examples=["Đã tổ chức quán triệt; biên bản đính kèm."])
    percent: int | None = Field(None, ge=0, le=100)
    milestone: str = Field("", max_length=300)
    is_final: bool = False


class ReviewIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"comment": "Bổ sung số liệu từng xã."},
    ]})

    comment: str = Field("", examples=["Bổ sung số liệu từng xã."])


class TrackingCellsOut(Schema):
    total: int
    counts: dict[str, int] = Field(..., description="assignments per state: not_started, open_on_time, "
                                                    "open_overdue, done_on_time, done_late")


class TrackingTaskOut(TrackingCellsOut):
    task_id: int
    no: str


class TrackingUnitOut(TrackingCellsOut):
    unit_id: int
    unit_name: str
    reviewed_on: datetime.date | None = None


class TrackingOut(Schema):
    document_id: int
    on: datetime.date
    total: TrackingCellsOut
    tasks: list[TrackingTaskOut]
    units: list[TrackingUnitOut]


class UrgeIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"unit_id": 12},
    ]})

    unit_id: int = Field(..., ge=1, le=MAX_ID, description="the unit to remind of all its overdue assignments")


class UrgeOut(Schema):
    sent: int = Field(..., description="notifications sent")


# Dissemination sessions (quán triệt) ---------------------------------------------------------------------

COUNT = {"ge": -MAX_ID, "le": MAX_ID}


class SessionIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"document_id": 30,
         "unit_id": 12,
         "held_on": "2026-05-20",
         "form": "conference",
         "title": "Hội nghị quán triệt Chỉ thị 17-CT/TW",
         "materials": "",
         "note": "",
         "planned_cadres": 40,
         "actual_cadres": 38,
         "planned_party": 60,
         "actual_party": 55,
         "planned_members": 100,
         "actual_members": 92,
         "planned_others": 0,
         "actual_others": 0},
    ]})

    document_id: int = Field(..., ge=1, le=MAX_ID)
    unit_id: int = Field(..., ge=1, le=MAX_ID)
    held_on: datetime.date = Field(..., examples=["2012-12-05"])
    form: str = Field("conference", max_length=20)
    title: str = Field("", examples=["Hội nghị quán triệt Chỉ thị 17-CT/TW"])
    materials: str = ""
    note: str = ""
    planned_cadres: int = Field(0, **COUNT)
    actual_cadres: int = Field(0, **COUNT)
    planned_party: int = Field(0, **COUNT)
    actual_party: int = Field(0, **COUNT)
    planned_members: int = Field(0, **COUNT)
    actual_members: int = Field(0, **COUNT)
    planned_others: int = Field(0, **COUNT)
    actual_others: int = Field(0, **COUNT)


class SessionPatchIn(Schema):
    """Only the fields sent change; `version` is the one read (optimistic locking)."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"version": 2, "title": "Hội nghị quán triệt (bổ sung)", "actual_members": 95},
    ]})

    version: int = Field(..., ge=0, le=MAX_ID)
    held_on: datetime.date | None = None
    form: str | None = Field(None, max_length=20)
    title: str | None = Field(None, max_length=300, examples=["Hội nghị quán triệt (bổ sung)"])
    materials: str | None = Field(None, max_length=5000)
    note: str | None = Field(None, max_length=5000)
    planned_cadres: int | None = Field(None, **COUNT)
    actual_cadres: int | None = Field(None, **COUNT)
    planned_party: int | None = Field(None, **COUNT)
    actual_party: int | None = Field(None, **COUNT)
    planned_members: int | None = Field(None, **COUNT)
    actual_members: int | None = Field(None, **COUNT)
    planned_others: int | None = Field(None, **COUNT)
    actual_others: int | None = Field(None, **COUNT)


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
    members_reach: int | None = Field(None, description="Percent of the membership among the attendees "
                                      "(association members who attended only)")
    totals: dict[str, int]


class CoverageOut(Schema):
    document_id: int
    in_scope: int
    held: int
    not_held: int
    sessions: int
    actual: int
    membership: int | None
    members_reach: int | None = Field(None, description="Percent of the membership among the attendees "
                                      "(association members who attended only)")
    totals: dict[str, int]
    rows: list[CoverageRowOut]


class SessionFilters(Schema):
    document: int | None = Field(None, ge=1, le=MAX_ID)
    unit: int | None = Field(None, ge=1, le=MAX_ID)
    year: int | None = Field(None, ge=1900, le=2100)
    form: str | None = Field(None, max_length=20)


class DeadlineRuleOut(Schema):
    id: int
    doc_type: str
    recurrence: str
    days: int
    legal_basis: str
    is_default: bool
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    version: int


class DeadlineRuleIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"doc_type": "ke_hoach",
         "recurrence": "",
         "days": 180,
         "legal_basis": "Quy chế làm việc (ví dụ)",
         "is_default": False,
         "valid_from": "2027-01-01",
         "valid_to": None},
    ]})

    doc_type: str = Field("", max_length=20, description="A document type code (cong_van, ke_hoach, ...); empty "
                                                         "for every type.")
    recurrence: str = Field("", max_length=12, description="monthly | quarterly | half_yearly | yearly | periodic; "
                                                           "empty when the task is not recurring.")
    days: int = Field(..., ge=0, le=32767, description="Days from the document's date.")
    legal_basis: str = Field(..., max_length=300)
    is_default: bool = False
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None


class DeadlineRulePatch(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"valid_to": "2026-12-31", "version": 1},
    ]})

    doc_type: str | None = Field(None, max_length=20)
    recurrence: str | None = Field(None, max_length=12)
    days: int | None = Field(None, ge=0, le=32767)
    legal_basis: str | None = Field(None, max_length=300)
    is_default: bool | None = None
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    version: int | None = None
