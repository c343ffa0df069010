"""Request and response schemas of the oversight API."""

import datetime

from ninja import Field, Schema
from pydantic import ConfigDict

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
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"kind": "supervision",
         "form": "thematic",
         "subject": "Giám sát việc thực hiện chính sách hỗ trợ hội viên nông dân",
         "lead_unit_id": 3,
         "participant_ids": [7, 8],
         "examined_ids": [12],
         "legal_basis_id": None,
         "document_id": None,
         "planned_start": "2026-04-01",
         "planned_end": "2026-06-30",
         "method": "Làm việc trực tiếp, xem hồ sơ",
         "confidential": False,
         "draft_title": ""},
    ]})

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
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"planned_end": "2026-07-15", "version": 2},
    ]})

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
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"step": "start"},
    ]})

    step: str = Field(..., max_length=20)


class TeamIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"name": "Nguyễn Văn A", "role": "head", "username": ""},
    ]})

    name: str = Field(..., max_length=150)
    role: str = Field(..., max_length=20)
    username: str = Field("", max_length=150, description="tên đăng nhập, nếu thành viên có tài khoản")


class FileIn(Schema):
    name: str = Field(..., max_length=255)
    content_base64: str = Field(..., max_length=30_000_000)


class AttachmentIn(FileIn):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"kind": "minutes", "name": "bien-ban-lam-viec.pdf", "content_base64": "JVBERi0xLjQK"},
    ]})

    kind: str = Field(..., max_length=20)


class DraftIn(FileIn):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"name": "du-thao-de-an.docx",
         "content_base64": "UEsDBBQABgAIAAAAIQA=",
         "title": "Dự thảo đề án phát triển hợp tác xã"},
    ]})

    title: str = Field("", max_length=300)


class ConclusionIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"conclusion": "Đơn vị đã triển khai đầy đủ chính sách; cần công khai danh sách thụ hưởng."},
    ]})

    conclusion: str = Field(..., max_length=100_000)


class FindingIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"text": "Chưa lập sổ theo dõi hội viên mới theo quy định.", "unit_id": 12},
    ]})

    text: str = Field(..., max_length=10_000)
    unit_id: int | None = Field(None, ge=1, le=MAX_ID)


class FindingOut(Schema):
    id: int
    activity_id: int
    unit_id: int | None
    text: str
    task_id: int | None


class RecommendationIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"text": "Công khai danh sách hộ được hỗ trợ tại trụ sở xã.",
         "addressee_id": 12,
         "due": "2026-09-30",
         "finding_id": None},
    ]})

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
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"answer": "accepted", "text": "Sẽ niêm yết danh sách trong tháng 10."},
    ]})

    answer: str = Field(..., max_length=20)
    text: str = Field("", max_length=10_000)


class RecommendationReportIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"text": "Đã niêm yết danh sách tại trụ sở xã ngày 05/10/2026."},
    ]})

    text: str = Field(..., max_length=10_000)


class CommentIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"paragraph": 3, "text": "Đề nghị làm rõ đối tượng được hỗ trợ."},
    ]})

    paragraph: int | None = Field(..., ge=-MAX_ID, le=MAX_ID)
    text: str = Field(..., max_length=10_000)


class CommentOut(Schema):
    id: int
    activity_id: int
    paragraph: int
    unit_id: int
    text: str


class PointIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"text": "Cần bổ sung nguồn kinh phí thực hiện.", "paragraph": 5},
    ]})

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
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"outcome": "not_taken_up", "explanation": "Nguồn kinh phí đã quy định tại văn bản khác."},
    ]})

    outcome: str = Field(..., max_length=20)
    explanation: str = Field("", max_length=10_000)


class TaskIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"due": "2026-12-31"},
    ]})

    due: datetime.date | None = None


class ProgrammeIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"title": "Chương trình phối hợp xây dựng nông thôn mới",
         "lead_unit_id": 3,
         "party_ids": [7, 8],
         "start_year": 2026,
         "end_year": 2030,
         "content": "Phối hợp tuyên truyền, vận động hội viên."},
    ]})

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
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"year": 2026, "results": "Tổ chức 4 hội nghị tuyên truyền; 320 hội viên tham gia."},
    ]})

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
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"code": "supervision_answer_days",
         "days": 30,
         "legal_basis": "Quy chế giám sát (ví dụ)",
         "is_default": True,
         "valid_from": "2027-01-01",
         "valid_to": None},
    ]})

    code: str = Field(..., max_length=40, description="supervision_answer_days | criticism_answer_days | "
                                                      "inspection_answer_days")
    days: int = Field(..., ge=0, le=32767)
    legal_basis: str = Field(..., max_length=300)
    is_default: bool = False
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None


class OversightRulePatch(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"valid_to": "2026-12-31", "version": 1},
    ]})

    code: str | None = Field(None, max_length=40)
    days: int | None = Field(None, ge=0, le=32767)
    legal_basis: str | None = Field(None, max_length=300)
    is_default: bool | None = None
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    version: int | None = None
