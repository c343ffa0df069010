"""Audited writes of the directives app, for tests/test_audit_coverage.py."""

from __future__ import annotations

import datetime
import itertools
from typing import Any

from sohoi.directives.dissemination.models import DisseminationSession
from sohoi.directives.models import (
    Assignment,
    DeadlineRule,
    Document,
    ProgressReport,
    ReportAttachment,
    ReportPeriod,
    Task,
)
from sohoi.directives.services import (
    deadline_rule_create,
    document_confirm,
    document_register,
    progress_report_submit,
)

_n = itertools.count(500)

TEXT = """THÀNH ỦY CẦN THƠ
*
Số {n}-CV/TU
V/v kiểm tra ghi nhật ký

ĐẢNG CỘNG SẢN VIỆT NAM
Cần Thơ, ngày 05 tháng 3 năm 2013

1 - Sở Nội vụ báo cáo số hội đang hoạt động trước ngày 30/4/2013.
"""


def _document(actor: Any) -> Document:
    doc, _ = document_register(actor=actor, text=TEXT.format(n=next(_n)))
    return doc


def _task(actor: Any) -> Task:
    return document_confirm(actor=actor, document=_document(actor))[0]


def _report(actor: Any, files=()) -> ProgressReport:
    assignment = _task(actor).assignments.get()
    return progress_report_submit(actor=actor, assignment=assignment, text="Đã báo cáo", files=files)


def _session(actor: Any):
    from sohoi.directives.dissemination.services import session_record
    from sohoi.orgs.models import Unit

    letter = Document.objects.get(code="752-CV/TU")
    return session_record(actor=actor, document=letter, unit=Unit.objects.get(name="Huyện ủy Thới Lai"),
                          data={"held_on": datetime.date(2013, 2, 1), "actual_party": 40, "planned_party": 45})


WRITES = {
    Document: _document,
    Task: _task,
    Assignment: lambda actor: _task(actor).assignments.get(),
    ProgressReport: _report,
    ReportAttachment: lambda actor: _report(actor, files=[("bien-ban.txt", b"Bien ban")]).attachments.get(),
    DisseminationSession: _session,
    DeadlineRule: lambda actor: deadline_rule_create(actor=actor, data={
        "doc_type": "chi_thi", "recurrence": "quarterly", "days": 90, "legal_basis": "Quy chế (nhật ký)",
        "valid_from": datetime.date(2000, 1, 1)}),
}
EXEMPT = {
    ReportPeriod: "Mở tự động theo định kỳ của nhiệm vụ khi phân công được mở hoặc kỳ trước được chấp nhận; "
                  "chính thao tác đó (mở phân công, chấp nhận báo cáo) được ghi nhật ký.",
}
