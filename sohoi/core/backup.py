"""Whole-database backup and restore that work the same on SQLite and PostgreSQL.

The file is gzip'd JSON: a header with the schema (applied migrations) and Django's serialised rows.
For very large PostgreSQL databases pg_dump remains the tool; this format is for moving data between the
embedded and the production database and for tests that prove a round trip."""

from __future__ import annotations

import datetime
import gzip
import io
import json
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "sohoi-backup/1"


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


def backup(path: str | Path) -> int:
    rows = 0
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write(json.dumps({"format": FORMAT, "migrations": _applied()}) + "\n")
        for model in _models():
            qs = model._default_manager.order_by("pk")
            data = serializers.serialize("json", qs.iterator(chunk_size=2000), use_natural_foreign_keys=True,
                                         cls=_ExactEncoder)
            count = qs.count()
            out.write(json.dumps({"model": model._meta.label_lower, "count": count}) + "\n")
            out.write(data + "\n")
            rows += count
    return rows


def restore(path: str | Path) -> int:
    path = Path(path)
    if not path.exists():
        raise BackupError(f"Không tìm thấy tệp sao lưu {path}.")
    try:
        with gzip.open(path, "rt", encoding="utf-8") as src:
            header = json.loads(src.readline())
            chunks = []
            while True:
                meta_line = src.readline()
                if not meta_line:
                    break
                meta = json.loads(meta_line)
                chunks.append((meta["model"], src.readline()))
    except (OSError, ValueError, KeyError) as exc:
        raise BackupError(f"Tệp {path.name} không phải tệp sao lưu Sổ Hội hợp lệ ({exc.__class__.__name__}).") from exc
    if header.get("format") != FORMAT:
        raise BackupError(f"Tệp {path.name} không phải tệp sao lưu Sổ Hội (định dạng {header.get('format')!r}).")
    newer = sorted(set(header["migrations"]) - set(_applied()))
    if newer:
        raise BackupError(
            "Tệp sao lưu được tạo từ phiên bản Sổ Hội mới hơn (cấu trúc dữ liệu có thêm: "
            f"{', '.join(newer[:3])}{'…' if len(newer) > 3 else ''}). Hãy cập nhật phần mềm rồi phục hồi lại.")
    rows = 0
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
    return rows


def _reset_sequences() -> None:
    if connection.vendor != "postgresql":
        return
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), _models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
