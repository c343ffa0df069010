"""Audited writes of the reports app, for tests/test_audit_coverage.py."""

from __future__ import annotations

from sohoi.reports import services
from sohoi.reports.models import ReportJob
from sohoi.reports.registry import Period

WRITES = {
    ReportJob: lambda actor: services.report_job_start(actor=actor, period=Period.parse("2026-Q3"), fmt="xlsx"),
}
