"""Whole-database backup and restore that work the same on SQLite and PostgreSQL.

The file is gzip'd JSON: a header with the schema (applied migrations) and each model's row count, then
Django's serialised rows. A restore checks the whole file against the header before deleting anything, and
backups are created with mode 0600 (they hold personal data).
For very large PostgreSQL databases pg_dump remains the tool; this format is for moving data between the
embedded and the production database and for tests that prove a round trip."""

from __future__ import annotations

import datetime
import gzip
import io
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

FORMAT = "sohoi-backup/2"  # 2: the header carries per-model row counts, checked before a restore deletes
READABLE = {"sohoi-backup/2"}


class _ExactEncoder(DjangoJSONEncoder):
    """Django's encoder rounds datetimes to milliseconds; a backup keeps them exact."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            return o.isoformat()
        return super().default(o)


class BackupError(Exception):
    """One Vietnamese line for the person running the command."""


def _applied() -> list[str]:
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())


def _models():
    """Every model, ordered so that rows referred to by natural key (users, content types) load first."""
    skip = {"contenttypes.contenttype", "auth.permission", "sessions.session", "admin.logentry"}
    ordered = serializers.sort_dependencies([(config, None) for config in apps.get_app_configs()], allow_cycles=True)
    return [m for m in ordered if m._meta.label_lower not in skip and not m._meta.proxy]


def _private_file(path: Path):
    """Open `path` for writing with mode 0600 from its creation: a backup holds ID numbers and party
    membership, so no other account on the machine may read it, not even for a moment."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # an existing file keeps its old mode on O_CREAT; set it explicitly
    return os.fdopen(fd, "wb")


def backup(path: str | Path) -> int:
    """Write the whole database to `path`. The rows go to a temporary file first, so the header (written
    first in the final file) can carry each model's exact row count, which a restore checks."""
    path = Path(path)
    rows = 0
    counts: dict[str, int] = {}
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as body:
        with transaction.atomic():  # one consistent snapshot of the rows and of their counts
            for model in _models():
                label = model._meta.label_lower
                seen = [0]

                def tally(objects, seen=seen):  # counts the rows as they are serialised (streamed)
                    for obj in objects:
                        seen[0] += 1
                        yield obj

                data = serializers.serialize("json", tally(model._default_manager.order_by("pk").iterator(
                    chunk_size=2000)), use_natural_foreign_keys=True, cls=_ExactEncoder)
                body.write(json.dumps({"model": label, "count": seen[0]}) + "\n")
                body.write(data + "\n")
                counts[label] = seen[0]
                rows += seen[0]
        body.seek(0)
        header = {"format": FORMAT, "migrations": _applied(), "counts": counts, "rows": rows}
        with _private_file(path) as raw, gzip.GzipFile(fileobj=raw, mode="wb") as zipped:
            out = io.TextIOWrapper(zipped, encoding="utf-8")
            out.write(json.dumps(header) + "\n")
            shutil.copyfileobj(body, out)
            out.flush()
            out.detach()
    return rows


def _bad(path: Path, why: str) -> BackupError:
    return BackupError(_("Tệp %(name)s không phải tệp sao lưu Sổ Hội đầy đủ: %(why)s. Không có dữ liệu nào "
                         "bị thay đổi. Hãy dùng một tệp sao lưu khác (tạo bằng lệnh “sohoi backup”).")
                       % {"name": path.name, "why": why})


def _read(path: Path) -> tuple[dict, list[tuple[str, str]]]:
    """Header and (model, rows JSON) chunks, checked complete against the header's counts. Reads and checks
    everything before the caller deletes anything."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as src:
            first = src.readline()
            try:
                header = json.loads(first)
            except ValueError:
                raise _bad(path, _("không có phần đầu (header) đọc được")) from None
            if not isinstance(header, dict) or "format" not in header:
                raise _bad(path, _("không có phần đầu (header) của tệp sao lưu"))
            if header.get("format") not in READABLE:
                raise BackupError(_("Tệp %(name)s có định dạng %(value)s, phiên bản này đọc được "
                                    "%(readable)s. Không có dữ liệu nào bị thay đổi. Tạo lại bản sao lưu bằng lệnh “sohoi backup” của phiên bản hiện tại.")
                                  % {"name": path.name, "value": repr(header.get('format')), "readable": ', '.join(sorted(READABLE))})
            if not isinstance(header.get("migrations"), list) or not isinstance(header.get("counts"), dict):
                raise _bad(path, _("phần đầu thiếu phiên bản cấu trúc dữ liệu hoặc số bản ghi"))
            chunks: list[tuple[str, str]] = []
            while True:
                meta_line = src.readline()
                if not meta_line.strip():
                    break
                meta = json.loads(meta_line)
                data = src.readline()
                found = len(json.loads(data))  # also proves the chunk is complete JSON
                if found != header["counts"].get(meta["model"]):
                    raise _bad(path, (_("bảng %(model)s có %(found)s bản ghi, phần đầu ghi %(model2)s")
                                      % {"model": meta['model'], "found": found, "model2": header['counts'].get(meta['model'])}))
                chunks.append((meta["model"], data))
    except BackupError:
        raise
    except gzip.BadGzipFile:
        raise _bad(path, _("không phải tệp nén gzip (.json.gz)")) from None
    except EOFError:
        raise _bad(path, _("tệp bị cắt cụt (thiếu phần cuối)")) from None
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise _bad(path, _("nội dung hỏng (%(name)s)") % {"name": exc.__class__.__name__}) from None
    missing = sorted(set(header["counts"]) - {label for label, _data in chunks})
    if missing:
        raise _bad(path, _("thiếu %(missing)s bảng (%(value)s%(value2)s)")
                         % {"missing": len(missing), "value": ', '.join(missing[:3]), "value2": '…' if len(missing) > 3 else ''})
    return header, chunks


def restore(path: str | Path, *, actor: Any = None) -> int:
    """Replace the whole database with the backup at `path`, in one transaction. The file is read and checked
    whole (header, format, schema, every model's row count) before anything is deleted; the restore itself
    is recorded in the (restored) audit trail."""
    path = Path(path)
    if not path.exists():
        raise BackupError(_("Không tìm thấy tệp sao lưu %(path)s.") % {"path": path})
    header, chunks = _read(path)
    newer = sorted(set(header["migrations"]) - set(_applied()))
    if newer:
        raise BackupError(
            _("Tệp sao lưu được tạo từ phiên bản Sổ Hội mới hơn (cấu trúc dữ liệu có thêm: "
              "%(value)s%(value2)s). Hãy cập nhật phần mềm rồi phục hồi lại.")
            % {"value": ', '.join(newer[:3]), "value2": '…' if len(newer) > 3 else ''})
    rows = 0
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # TRUNCATE refuses while deferred foreign-key checks are pending in this transaction.
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            # flush re-creates content types (post_migrate), which the rows refer to by natural key
            call_command("flush", interactive=False, verbosity=0)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for _label, data in chunks:
                objects = list(serializers.deserialize("json", io.StringIO(data), handle_forward_references=True))
                for obj in objects:
                    obj.save()
                    rows += 1
                for obj in objects:
                    if obj.deferred_fields:
                        obj.save_deferred_fields()
            _reset_sequences()
            ContentType.objects.clear_cache()  # flush re-created content types under new ids
            from . import audit

            audit.record(actor=actor, action="core.backup.restored", note=path.name,
                         changes={"file": [None, path.name], "rows": [None, rows],
                                  "backup_rows": [None, header.get("rows")]})
    except (DeserializationError, DatabaseError) as exc:
        ContentType.objects.clear_cache()
        raise BackupError(_("Không phục hồi được từ tệp %(name)s: dữ liệu trong tệp không khớp cấu trúc hiện "
                            "tại (%(name2)s). Dữ liệu cũ được giữ nguyên (đã hoàn tác).")
                          % {"name": path.name, "name2": exc.__class__.__name__}) from exc
    return rows


def _reset_sequences() -> None:
    if connection.vendor != "postgresql":
        return
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), _models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
