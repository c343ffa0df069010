"""Audited writes of the activities app, for tests/test_audit_coverage.py."""

from __future__ import annotations

import datetime

from sohoi.activities import services
from sohoi.activities.models import (
    Exchange,
    FinanceYear,
    ForeignProject,
    GoodModel,
    GoodModelEvidence,
    MemberCase,
    Replication,
    Review,
    StateSupport,
    StateTask,
    YearlyReport,
)
from sohoi.associations.models import Association
from sohoi.orgs.models import Unit

D = datetime.date
NAME = "Hội Kiến trúc sư thành phố Cần Thơ"  # no activities in the demo
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _a() -> Association:
    return Association.objects.get(name=NAME)


def _task(actor) -> StateTask:
    return services.state_task_record(actor=actor, association=_a(), data={
        "document_number": "77/QĐ-UBND", "content": "Tư vấn, phản biện quy hoạch đô thị.", "year_from": 2023})


def _model(actor) -> GoodModel:
    return services.good_model_record(actor=actor, association=_a(), data={
        "title": "Kiến trúc sư tình nguyện", "description": "Thiết kế miễn phí nhà tình nghĩa.",
        "results": "14 bản thiết kế.", "started_on": D(2023, 1, 1)}, files=[("minh-chung.pdf", PDF)])


def _exchange(actor) -> Exchange:
    return services.exchange_record(actor=actor, association=_a(), data={
        "direction": "out", "partner": "Hội Kiến trúc sư Lào", "country": "Lào", "starts_on": D(2025, 3, 1),
        "ends_on": D(2025, 3, 5), "purpose": "Trao đổi kinh nghiệm", "approval_number": "12/UBND-NC"})


WRITES = {
    StateTask: _task,
    StateSupport: lambda actor: services.state_support_record(actor=actor, task=_task(actor), data={
        "year": 2024, "amount": 50_000_000, "budget_source": "city", "document_number": "88/QĐ-UBND"}),
    FinanceYear: lambda actor: services.finance_report(actor=actor, association=_a(), data={
        "year": 2024, "rev_dues": 10, "revenue_total": 10, "exp_office": 8, "expenditure_total": 8}),
    YearlyReport: lambda actor: services.yearly_report_file(actor=actor, association=_a(), data={
        "year": 2023, "activities": "Hoạt động theo điều lệ."}, file=("bao-cao.pdf", PDF)),
    Review: lambda actor: services.review_record(actor=actor, unit=Unit.objects.get(name="Ban Dân vận Thành ủy"), data={
        "programme": "Chương trình phối hợp 2021-2025", "kind": "interim", "held_on": D(2024, 6, 1),
        "period_from": D(2021, 1, 1), "period_to": D(2024, 5, 31), "findings": "Đạt phần lớn chỉ tiêu."}),
    GoodModel: _model,
    GoodModelEvidence: lambda actor: _model(actor).evidence.get(),
    Replication: lambda actor: services.replication_record(
        actor=actor, good_model=_model(actor), adopter=Unit.objects.get(name="Hội Khuyến học quận Ninh Kiều"),
        data={"adopted_on": D(2024, 2, 1), "result": "effective"}),
    Exchange: _exchange,
    ForeignProject: lambda actor: services.foreign_project_record(actor=actor, association=_a(), data={
        "title": "Nhà an toàn", "donor": "Quỹ X", "country": "Úc", "amount": 100, "approval_number": "9/QĐ",
        "approved_on": D(2024, 1, 2), "starts_on": D(2024, 2, 1), "ends_on": D(2025, 2, 1)}),
    MemberCase: lambda actor: services.member_case_record(actor=actor, association=_a(), data={
        "kind": "need", "raised_by": "Hội viên trẻ", "raised_on": D(2025, 1, 5), "summary": "Cần tập huấn BIM."}),
}
