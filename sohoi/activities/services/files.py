"""Attachments of activity records: checked by their content (never their name) and size before anything is
stored, with the upload checks the rest of the application uses (size limit from settings, images recognised by
directives.intake's signatures, Office zips inspected by core.spreadsheet.check_zip), then stored by the one
content-addressed store (directives.services.files.store_content)."""

from __future__ import annotations

import io
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sohoi.core.spreadsheet import UnsafeArchive, check_zip
from sohoi.directives.intake import _IMAGE_MAGIC
from sohoi.directives.services.files import store_content

ACCEPTED = gettext_lazy("PDF, Word (.docx), Excel (.xlsx) hoặc ảnh (PNG, JPEG)")


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB".replace(".", ",")


def kind_of(data: bytes) -> str | None:
    """'pdf', 'docx', 'xlsx', 'image' from the bytes, or None for anything else."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if any(data.startswith(magic) for magic in _IMAGE_MAGIC) or data[8:12] == b"WEBP":
        return "image"
    if data.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return None
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
    return None


def check_file(data: bytes, filename: str, field: str = "attachment") -> str:
    """The file's kind, or ValidationError on `field` naming what is wrong and what to upload instead."""
    limit = settings.SOHOI_MAX_UPLOAD_BYTES
    label = filename or _("tệp")
    if not data:
        raise ValidationError({field: _("Tệp “%(label)s” trống. Chọn lại tệp (%(ACCEPTED)s).") % {"label": label, "ACCEPTED": ACCEPTED}})
    if len(data) > limit:
        raise ValidationError({field: _("Tệp “%(label)s” quá lớn (%(size)s); giới hạn là %(limit)s. Nén ảnh hoặc "
                                        "tách tệp rồi tải lên lại.") % {"label": label, "size": _mb(len(data)), "limit": _mb(limit)}})
    kind = kind_of(data)
    if kind is None:
        raise ValidationError({field: _("Nội dung tệp “%(label)s” không phải %(ACCEPTED)s (hệ thống đọc nội "
                                        "dung tệp, không xem tên tệp). Lưu lại đúng định dạng rồi "
                                        "tải lên.") % {"label": label, "ACCEPTED": ACCEPTED}})
    if kind in ("docx", "xlsx"):
        try:
            check_zip(io.BytesIO(data), filename)
        except UnsafeArchive as exc:
            raise ValidationError({field: _("%(exc)s Không có gì được lưu.") % {"exc": exc}}) from None
    return kind


def store_file(data: bytes, filename: str) -> str:
    return store_content(data, filename, "activities")
