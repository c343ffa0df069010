"""Request and response schemas of the oversight API."""

import datetime

from ninja import Field, Schema

MAX_ID = 2_147_483_647


class ActivityOut(Schema):
    id: int
    kind: str
    form: str
    subject: str
    lead_unit_id: int
    legal_basis_id: int | None
    document_id: int | None
    planned_start: datetime.date
    planned_end: datetime.date
    method: str
    state: str
    started_on: datetime.date | None
    concluded_on: datetime.date | None
    closed_on: datetime.date | None
    conclusion: str
    confidential: bool
    draft_title: str
    version: int


class ActivityIn(Schema):
    kind: str = Field(..., max_length=20)
    form: str = Field("", max_length=20)
    subject: str = Field(..., max_length=500)
    lead_unit_id: int = Field(..., ge=1, le=MAX_ID)
    participant_ids: list[int] = Field([], max_length=500)
    examined_ids: list[int] = Field([], max_length=500)
    legal_basis_id: int | None = Field(None, ge=1, le=MAX_ID)
    document_id: int | None = Field(None, ge=1, le=MAX_ID)
    planned_start: datetime.date
    planned_end: datetime.date
    method: str = ""
    confidential: bool = False
    draft_title: str = Field("", max_length=300)


class ActivityPatch(Schema):
    subject: str | None = Field(None, max_length=500)
    form: str | None = Field(None, max_length=20)
    planned_start: datetime.date | None = None
    planned_end: datetime.date | None = None
    method: str | None = None
    version: int | None = None


class ActivityFilters(Schema):
    kind: str | None = Field(None, max_length=20)
    state: str | None = Field(None, max_length=20)
    q: str | None = Field(None, max_length=200)
    year: int | None = Field(None, ge=1900, le=2100)
    unit: int | None = Field(None, ge=1, le=MAX_ID)
    overdue: bool | None = None
    point: str | None = Field(None, max_length=1, description="3: giám sát, phản biện; 6: kiểm tra")


class StepIn(Schema):
    step: str = Field(..., max_length=20)


class TeamIn(Schema):
    name: str = Field(..., max_length=150)
    role: str = Field(..., max_length=20)
    username: str = Field("", max_length=150, description="tên đăng nhập, nếu thành viên có tài khoản")


class FileIn(Schema):
    name: str = Field(..., max_length=255)
    content_base64: str = Field(..., max_length=30_000_000)


class AttachmentIn(FileIn):
    kind: str = Field(..., max_length=20)


class DraftIn(FileIn):
    title: str = Field("", max_length=300)


class ConclusionIn(Schema):
    conclusion: str = Field(..., max_length=100_000)


class FindingIn(Schema):
    text: str = Field(..., max_length=10_000)
    unit_id: int | None = Field(None, ge=1, le=MAX_ID)


class FindingOut(Schema):
    id: int
    activity_id: int
    unit_id: int | None
    text: str
    task_id: int | None


class RecommendationIn(Schema):
    text: str = Field(..., max_length=10_000)
    addressee_id: int | None = Field(None, ge=1, le=MAX_ID)
    due: datetime.date | None = None
    finding_id: int | None = Field(None, ge=1, le=MAX_ID)


class RecommendationOut(Schema):
    id: int
    activity_id: int
    text: str
    addressee_id: int
    due: datetime.date
    state: str = Field(alias="track")
    answer: str
    answer_text: str
    answered_on: datetime.date | None
    action_text: str
    action_on: datetime.date | None


class RecommendationFilters(Schema):
    state: str | None = Field(None, max_length=20)
    answer: str | None = Field(None, max_length=20)
    kind: str | None = Field(None, max_length=20)
    addressee: int | None = Field(None, ge=1, le=MAX_ID)
    activity: int | None = Field(None, ge=1, le=MAX_ID)
    point: str | None = Field(None, max_length=1, description="3: giám sát, phản biện; 6: kiểm tra")


class AnswerIn(Schema):
    answer: str = Field(..., max_length=20)
    text: str = Field("", max_length=10_000)


class RecommendationReportIn(Schema):
    text: str = Field(..., max_length=10_000)


class CommentIn(Schema):
    paragraph: int | None = Field(..., ge=-MAX_ID, le=MAX_ID)
    text: str = Field(..., max_length=10_000)


class CommentOut(Schema):
    id: int
    activity_id: int
    paragraph: int
    unit_id: int
    text: str


class PointIn(Schema):
    text: str = Field(..., max_length=10_000)
    paragraph: int | None = Field(None, ge=0, le=MAX_ID)


class PointOut(Schema):
    id: int
    activity_id: int
    paragraph: int | None
    text: str
    outcome: str
    explanation: str
    decided_on: datetime.date | None


class MarkIn(Schema):
    outcome: str = Field(..., max_length=20)
    explanation: str = Field("", max_length=10_000)


class TaskIn(Schema):
    due: datetime.date | None = None


class ProgrammeIn(Schema):
    title: str = Field(..., max_length=300)
    lead_unit_id: int = Field(..., ge=1, le=MAX_ID)
    party_ids: list[int] = Field(..., max_length=500)
    start_year: int = Field(..., ge=1945, le=2100)
    end_year: int = Field(..., ge=1945, le=2100)
    content: str = ""


class ProgrammeOut(Schema):
    id: int
    title: str
    lead_unit_id: int
    start_year: int
    end_year: int
    content: str


class ResultIn(Schema):
    year: int = Field(..., ge=1945, le=2100)
    results: str = Field(..., max_length=10_000)


class ResultOut(Schema):
    id: int
    programme_id: int
    year: int
    results: str


class OversightRuleOut(Schema):
    id: int
    code: str
    days: int
    legal_basis: str
    is_default: bool
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    version: int


class OversightRuleIn(Schema):
    code: str = Field(..., max_length=40, description="supervision_answer_days | criticism_answer_days | "
                                                      "inspection_answer_days")
    days: int = Field(..., ge=0, le=32767)
    legal_basis: str = Field(..., max_length=300)
    is_default: bool = False
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None


class OversightRulePatch(Schema):
    code: str | None = Field(None, max_length=40)
    days: int | None = Field(None, ge=0, le=32767)
    legal_basis: str | None = Field(None, max_length=300)
    is_default: bool | None = None
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    version: int | None = None
