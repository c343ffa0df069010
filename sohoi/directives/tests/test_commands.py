"""`sohoi ingest` and the demo loader."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from sohoi.core.models import AuditEntry
from sohoi.directives import demo
from sohoi.directives.models import Assignment, Document, ProgressReport

pytestmark = pytest.mark.django_db


def test_ingest_dry_run_writes_nothing(no_letter):
    before = (Document.objects.count(), AuditEntry.objects.count())
    out = io.StringIO()
    call_command("ingest", str(demo.SEED), "--dry-run", stdout=out)
    text = out.getvalue()
    assert "752-CV/TU" in text and "Nhiệm vụ 6" in text and "chủ trì: Ban Dân vận Thành ủy -> Ban Dân vận Thành ủy" in text
    assert "Chạy thử" in text
    assert (Document.objects.count(), AuditEntry.objects.count()) == before


def test_ingest_registers_then_finds_it(no_letter, tmp_path):
    out = io.StringIO()
    call_command("ingest", str(demo.SEED), "--user", "dandan", "--confirm", stdout=out)
    doc = Document.objects.get(code="752-CV/TU")
    assert doc.tasks.count() == 6 and doc.created_by.username == "dandan"
    again = io.StringIO()
    call_command("ingest", str(demo.SEED), stdout=again)
    assert "đã có trong sổ" in again.getvalue()


def test_ingest_refuses_bad_files(tmp_path):
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match="Tệp trống"):
        call_command("ingest", str(empty))
    with pytest.raises(CommandError, match="Không tìm thấy"):
        call_command("ingest", str(tmp_path / "khong-co.txt"))


def test_demo_is_idempotent():
    before = (Document.objects.count(), Assignment.objects.count(), ProgressReport.objects.count())
    demo.load(lambda _: None)
    assert (Document.objects.count(), Assignment.objects.count(), ProgressReport.objects.count()) == before
