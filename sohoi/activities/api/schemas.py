"""Request and response shapes of the activities API."""

import datetime

from ninja import Field, Schema
from pydantic import ConfigDict

from ..models import YearlyReport

MAX_ID = 2_147_483_647
MONEY = 10**15


# Schemas ------------------------------------------------------------------------------------------------

class StateTaskIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"association_id": 15,
         "document_id": None,
         "document_number": "88/QĐ-UBND",
         "content": "Tổ chức tuyên truyền phổ biến pháp luật cho hội viên",
         "year_from": 2026,
         "year_to": 2027},
    ]})

    association_id: int = Field(..., ge=1, le=MAX_ID)
    document_id: int | None = Field(None, ge=1, le=MAX_ID)
    document_number: str = Field("", max_length=100)
    content: str = Field(..., max_length=5000)
    year_from: int = Field(..., ge=1900, le=2100)
    year_to: int | None = Field(None, ge=1900, le=2100)


class StateTaskOut(Schema):
    id: int
    association_id: int
    document_id: int | None
    document_number: str
    content: str
    year_from: int
    year_to: int | None


class SupportIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"task_id": 21,
         "year": 2026,
         "amount": 50000000,
         "budget_source": "commune",
         "document_number": "90/QĐ-UBND",
         "decided_on": "2026-04-01"},
    ]})

    task_id: int | None = Field(None, ge=1, le=MAX_ID, description="Nhiệm vụ được giao (bắt buộc)")
    year: int = Field(..., ge=1900, le=2100)
    amount: int = Field(..., ge=-MONEY, le=MONEY)
    budget_source: str = Field(..., max_length=20)
    document_number: str = Field(..., max_length=100)
    decided_on: datetime.date | None = None


class SupportOut(Schema):
    id: int
    task_id: int
    year: int
    amount: int
    budget_source: str
    document_number: str
    decided_on: datetime.date | None


class FinanceIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"association_id": 15,
         "year": 2025,
         "revenue_total": 120000000,
         "rev_dues": 30000000,
         "rev_donations": 60000000,
         "rev_state": 30000000,
         "expenditure_total": 110000000,
         "exp_programmes": 80000000,
         "exp_office": 30000000,
         "staff_paid": 2,
         "note": ""},
    ]})

    association_id: int = Field(..., ge=1, le=MAX_ID)
    year: int = Field(..., ge=1900, le=2100)
    revenue_total: int = Field(..., ge=-MONEY, le=MONEY)
    rev_dues: int = Field(0, ge=-MONEY, le=MONEY)
    rev_donations: int = Field(0, ge=-MONEY, le=MONEY)
    rev_services: int = Field(0, ge=-MONEY, le=MONEY)
    rev_state: int = Field(0, ge=-MONEY, le=MONEY)
    rev_foreign: int = Field(0, ge=-MONEY, le=MONEY)
    rev_other: int = Field(0, ge=-MONEY, le=MONEY)
    expenditure_total: int = Field(..., ge=-MONEY, le=MONEY)
    exp_programmes: int = Field(0, ge=-MONEY, le=MONEY)
    exp_staff: int = Field(0, ge=-MONEY, le=MONEY)
    exp_office: int = Field(0, ge=-MONEY, le=MONEY)
    exp_assets: int = Field(0, ge=-MONEY, le=MONEY)
    exp_other: int = Field(0, ge=-MONEY, le=MONEY)
    staff_paid: int = Field(0, ge=-MAX_ID, le=MAX_ID)
    staff_state_paid: int = Field(0, ge=-MAX_ID, le=MAX_ID)
    note: str = Field("", max_length=500)
    version: int | None = None


class FinanceOut(Schema):
    id: int
    association_id: int
    year: int
    revenue_total: int
    rev_dues: int
    rev_donations: int
    rev_services: int
    rev_state: int
    rev_foreign: int
    rev_other: int
    expenditure_total: int
    exp_programmes: int
    exp_staff: int
    exp_office: int
    exp_assets: int
    exp_other: int
    staff_paid: int
    staff_state_paid: int
    self_financing: float | None
    state_support_share: float
    state_staff_share: float
    admin_index: float
    version: int


class YearlyReportIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"association_id": 15,
         "year": 2025,
         "members": 250,
         "branches": 4,
         "activities": "Trao 120 suất học bổng; tổ chức 6 buổi sinh hoạt chuyên đề.",
         "organisation": "",
         "difficulties": "Kinh phí hoạt động hạn chế",
         "proposals": "",
         "attachment_name": None,
         "attachment_base64": None},
    ]})

    association_id: int = Field(..., ge=1, le=MAX_ID)
    year: int = Field(..., ge=1900, le=2100)
    members: int = Field(0, ge=-MAX_ID, le=MAX_ID)
    branches: int = Field(0, ge=-MAX_ID, le=MAX_ID)
    activities: str = Field(..., max_length=20000)
    organisation: str = Field("", max_length=20000)
    difficulties: str = Field("", max_length=20000)
    proposals: str = Field("", max_length=20000)
    attachment_name: str | None = Field(None, max_length=255)
    attachment_base64: str | None = Field(None, max_length=20_000_000)


class YearlyReportOut(Schema):
    id: int
    association_id: int
    year: int
    submitted_on: datetime.date
    members: int
    branches: int
    activities: str
    status: str
    review_comment: str
    attachment_name: str
    version: int


class ReportDetailOut(YearlyReportOut):
    """One report with its filing state (computed from the deadline rule, never stored)."""

    filing_state: str

    @staticmethod
    def resolve_filing_state(obj: YearlyReport) -> str:
        from ..yearly import state

        return str(state(obj.year, obj.submitted_on))


class YearlyReportTransitionIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"action": "return",
         "comment": "Bổ sung số liệu tài chính năm 2025.",
         "activities": None,
         "attachment_name": None,
         "attachment_base64": None},
    ]})

    action: str = Field(..., max_length=20)
    comment: str = Field("", max_length=5000)
    activities: str | None = Field(None, max_length=20000)
    attachment_name: str | None = Field(None, max_length=255)
    attachment_base64: str | None = Field(None, max_length=20_000_000)


class DocumentReviewIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"unit_id": None,
         "document_id": 30,
         "programme": "Chương trình khuyến học 2021-2025",
         "kind": "final",
         "held_on": "2026-01-15",
         "period_from": "2021-01-01",
         "period_to": "2025-12-31",
         "findings": "Hoàn thành 9/10 chỉ tiêu.",
         "strengths": "",
         "weaknesses": "",
         "proposals": "",
         "attachment_name": None,
         "attachment_base64": None},
    ]})

    unit_id: int | None = Field(None, ge=1, le=MAX_ID, description="Mặc định: đơn vị của người gửi")
    document_id: int | None = Field(None, ge=1, le=MAX_ID)
    programme: str = Field("", max_length=300)
    kind: str = Field(..., max_length=10)
    held_on: datetime.date
    period_from: datetime.date
    period_to: datetime.date
    findings: str = Field(..., max_length=20000)
    strengths: str = Field("", max_length=20000)
    weaknesses: str = Field("", max_length=20000)
    proposals: str = Field("", max_length=20000)
    attachment_name: str | None = Field(None, max_length=255)
    attachment_base64: str | None = Field(None, max_length=20_000_000)


class ReviewOut(Schema):
    id: int
    unit_id: int
    document_id: int | None
    programme: str
    kind: str
    held_on: datetime.date
    period_from: datetime.date
    period_to: datetime.date
    findings: str


class GoodModelIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"association_id": 15,
         "title": "Tủ sách khuyến học khu phố",
         "field_id": 3,
         "started_on": "2025-09-01",
         "description": "Mỗi khu phố một tủ sách do hội viên đóng góp.",
         "results": "12 tủ sách, 800 lượt mượn",
         "beneficiaries": 300,
         "commendations": "",
         "evidence_name": None,
         "evidence_base64": None},
    ]})

    association_id: int = Field(..., ge=1, le=MAX_ID)
    title: str = Field(..., max_length=300)
    field_id: int | None = Field(None, ge=1, le=MAX_ID)
    started_on: datetime.date
    description: str = Field(..., max_length=20000)
    results: str = Field(..., max_length=20000)
    beneficiaries: int = Field(0, ge=-MAX_ID, le=MAX_ID)
    commendations: str = Field("", max_length=5000)
    evidence_name: str | None = Field(None, max_length=255)
    evidence_base64: str | None = Field(None, max_length=20_000_000)


class GoodModelOut(Schema):
    id: int
    association_id: int
    title: str
    field_id: int
    started_on: datetime.date
    description: str
    results: str
    beneficiaries: int
    commendations: str
    replication_count: int = 0


class ReplicationIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"adopter_id": 42, "adopted_on": "2026-03-01", "result": "ongoing", "note": ""},
    ]})

    adopter_id: int = Field(..., ge=1, le=MAX_ID)
    adopted_on: datetime.date
    result: str = Field("ongoing", max_length=20)
    note: str = Field("", max_length=500)


class ReplicationOut(Schema):
    id: int
    good_model_id: int
    adopter_id: int
    adopted_on: datetime.date
    result: str
    note: str


class ExchangeIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"association_id": 15,
         "direction": "out",
         "partner": "Hiệp hội Thử Nghiệm Quốc tế",
         "country": "Nhật Bản",
         "starts_on": "2026-10-05",
         "ends_on": "2026-10-10",
         "purpose": "Trao đổi kinh nghiệm khuyến học",
         "approval_number": "77/QĐ-UBND",
         "report_due": "2026-11-10"},
    ]})

    association_id: int = Field(..., ge=1, le=MAX_ID)
    direction: str = Field(..., max_length=5)
    partner: str = Field(..., max_length=300)
    country: str = Field(..., max_length=100)
    starts_on: datetime.date
    ends_on: datetime.date
    purpose: str = Field(..., max_length=5000)
    approval_number: str = Field(..., max_length=100)
    report_due: datetime.date | None = None


class ExchangeOut(Schema):
    id: int
    association_id: int
    direction: str
    partner: str
    country: str
    starts_on: datetime.date
    ends_on: datetime.date
    purpose: str
    approval_number: str
    report_due: datetime.date
    reported_on: datetime.date | None
    report_summary: str


class ExchangeReportIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"reported_on": "2026-10-20",
         "report_summary": "Đoàn đã làm việc với 2 đối tác; đề xuất chương trình trao đổi năm 2027."},
    ]})

    reported_on: datetime.date
    report_summary: str = Field(..., max_length=20000)


class ProjectIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"association_id": 15,
         "title": "Dự án thư viện cộng đồng",
         "donor": "Quỹ Thử Nghiệm",
         "country": "Hàn Quốc",
         "amount": 500000000,
         "approval_number": "101/QĐ-UBND",
         "approved_on": "2026-02-20",
         "starts_on": "2026-03-01",
         "ends_on": "2027-02-28"},
    ]})

    association_id: int = Field(..., ge=1, le=MAX_ID)
    title: str = Field(..., max_length=300)
    donor: str = Field(..., max_length=300)
    country: str = Field(..., max_length=100)
    amount: int = Field(..., ge=-MONEY, le=MONEY)
    approval_number: str = Field(..., max_length=100)
    approved_on: datetime.date
    starts_on: datetime.date
    ends_on: datetime.date


class ProjectOut(Schema):
    id: int
    association_id: int
    title: str
    donor: str
    country: str
    amount: int
    approval_number: str
    approved_on: datetime.date
    starts_on: datetime.date
    ends_on: datetime.date


class CaseIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"association_id": 15,
         "kind": "need",
         "raised_by": "Nguyễn Văn A",
         "raised_on": "2026-05-05",
         "summary": "Đề nghị hỗ trợ học bổng cho con hội viên.",
         "response": "",
         "outcome": "open",
         "closed_on": None},
    ]})

    association_id: int = Field(..., ge=1, le=MAX_ID)
    kind: str = Field(..., max_length=20)
    raised_by: str = Field(..., max_length=200)
    raised_on: datetime.date
    summary: str = Field(..., max_length=20000)
    response: str = Field("", max_length=20000)
    outcome: str = Field("open", max_length=20)
    closed_on: datetime.date | None = None


class CaseOut(Schema):
    id: int
    association_id: int
    kind: str
    raised_by: str
    raised_on: datetime.date
    summary: str
    response: str
    outcome: str
    closed_on: datetime.date | None


class ActivityAssociationFilters(Schema):
    q: str | None = Field(None, max_length=200)
    association: int | None = Field(None, ge=1, le=MAX_ID)
    year: int | None = Field(None, ge=1900, le=2100)
