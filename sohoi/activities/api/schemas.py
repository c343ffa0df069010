"""Request and response shapes of the activities API."""

import datetime

from ninja import Field, Schema

from ..models import YearlyReport

MAX_ID = 2_147_483_647
MONEY = 10**15


# Schemas ------------------------------------------------------------------------------------------------

class StateTaskIn(Schema):
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
    action: str = Field(..., max_length=20)
    comment: str = Field("", max_length=5000)
    activities: str | None = Field(None, max_length=20000)
    attachment_name: str | None = Field(None, max_length=255)
    attachment_base64: str | None = Field(None, max_length=20_000_000)


class DocumentReviewIn(Schema):
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
    reported_on: datetime.date
    report_summary: str = Field(..., max_length=20000)


class ProjectIn(Schema):
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
