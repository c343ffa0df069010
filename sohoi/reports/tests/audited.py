"""Audited writes of the reports app, for tests/test_audit_coverage.py."""

from __future__ import annotations

from sohoi.reports import services
from sohoi.reports.models import BookEntry, ReportJob
from sohoi.reports.registry import Period

WRITES = {
    ReportJob: lambda actor: services.report_job_start(actor=actor, period=Period.parse("2026-Q3"), fmt="xlsx"),
}


def _incoming(actor):
    from sohoi.directives.models import Document
    from sohoi.reports.books.services import book_entry_add

    return book_entry_add(actor=actor, document=Document.objects.get(code="752-CV/TU"), book="incoming")


WRITES[BookEntry] = _incoming
