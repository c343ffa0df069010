"""Backups: per-model counts in the header, checked before a restore deletes anything; bad files answered in
Vietnamese; the restore audited; files written with mode 0600 (issue 10, part 4)."""

from __future__ import annotations

import gzip
import json
import os
import stat

import pytest
from django.core.management import CommandError, call_command

from sohoi.core.models import AuditEntry
from sohoi.orgs.models import Unit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_content_type_cache():
    from django.contrib.contenttypes.models import ContentType

    yield
    ContentType.objects.clear_cache()


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "sohoi.json.gz"
    call_command("backup", str(path))
    return path


def _lines(path):
    with gzip.open(path, "rt", encoding="utf-8") as src:
        return src.read().split("\n")


def _write(path, lines):
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("\n".join(lines))


def _refused(path, match):
    units, audits = Unit.objects.count(), AuditEntry.objects.count()
    Unit.objects.filter(code="BDVTU").update(name="Đổi sau sao lưu")
    with pytest.raises(CommandError, match=match):
        call_command("restore", str(path), "--yes")
    assert Unit.objects.count() == units and AuditEntry.objects.count() == audits
    assert Unit.objects.get(code="BDVTU").name == "Đổi sau sao lưu"  # nothing was deleted or replaced


def test_backup_file_is_private_and_its_header_counts_every_model(saved):
    assert stat.S_IMODE(os.stat(saved).st_mode) == 0o600
    header = json.loads(_lines(saved)[0])
    assert header["counts"]["orgs.unit"] == Unit.objects.count() and header["rows"] > 100


def test_backup_over_an_existing_readable_file_makes_it_private(tmp_path):
    path = tmp_path / "old.json.gz"
    path.write_bytes(b"")
    os.chmod(path, 0o644)
    call_command("backup", str(path))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_restore_refuses_a_file_missing_a_model_before_deleting_anything(saved):
    lines = _lines(saved)
    i = next(n for n, line in enumerate(lines) if line.startswith('{"model": "orgs.unit"'))
    del lines[i:i + 2]
    _write(saved, lines)
    _refused(saved, "thiếu 1 bảng")


def test_restore_refuses_rows_that_do_not_match_the_header_count(saved):
    lines = _lines(saved)
    i = next(n for n, line in enumerate(lines) if line.startswith('{"model": "orgs.unit"'))
    rows = json.loads(lines[i + 1])
    lines[i + 1] = json.dumps(rows[:-1])
    _write(saved, lines)
    _refused(saved, "orgs.unit có")


def test_restore_refuses_a_truncated_file(saved):
    data = saved.read_bytes()
    saved.write_bytes(data[: len(data) // 2])
    _refused(saved, "cắt cụt|hỏng")


def test_restore_refuses_a_file_that_is_not_a_backup(saved, tmp_path):
    path = tmp_path / "ghi-chu.json.gz"
    path.write_bytes(b"day khong phai tep nen")
    _refused(path, "không phải tệp nén gzip")
    _write(path, ["khong phai json"])
    _refused(path, "phần đầu")
    _write(path, [json.dumps({"format": "sohoi-backup/1", "migrations": []})])
    _refused(path, "định dạng 'sohoi-backup/1'")
    _write(path, [json.dumps({"format": "sohoi-backup/2"})])
    _refused(path, "thiếu phiên bản cấu trúc")


def test_a_complete_restore_is_audited(saved):
    Unit.objects.filter(code="BDVTU").update(name="Đổi sau sao lưu")
    call_command("restore", str(saved), "--yes")
    assert Unit.objects.get(code="BDVTU").name == "Ban Dân vận Thành ủy"
    entry = AuditEntry.objects.filter(action="core.backup.restored").get()
    assert entry.changes["file"] == [None, saved.name] and entry.changes["rows"][1] > 100
