"""From an uploaded file to text and a parsed record, with every refusal in one Vietnamese sentence.

The parser (`sohoi.docparse`) is pure and does the reading; this module adds what belongs to the web
application: the upload size limit from settings, a type check by content (not by the file name), and
the rule that a document whose header cannot be read is still registered as text with a warning.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ALLOWED_SUFFIXES = (".txt", ".docx", ".pdf")
_IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF87a": "GIF", b"GIF89a": "GIF",
    b"II*\x00": "TIFF", b"MM\x00*": "TIFF", b"BM": "BMP",
}
EMPTY_RECORD: dict[str, Any] = {
    "system": None, "issuer": None, "code": None, "number": None, "symbol": None, "doc_type": None,
    "place": None, "date": None, "subject": None, "recipients": [], "references": [], "tasks": [],
    "distribution": [], "signer": {"name": None, "title": None}, "warnings": [],
}


def _mb(n: int) -> str:
    """10,5 MB with a Vietnamese decimal comma, one decimal: a 10.5 MB file is never shown as "10 MB" beside a
    10 MB limit (issue 16)."""
    if n < 1024 * 1024:
        return f"{n // 1024} KB"
    value = f"{n / (1024 * 1024):.1f}".replace(".", ",")
    return f"{value.removesuffix(',0')} MB"


def check_upload(data: bytes, filename: str, field: str = "file") -> None:
    """Refuse what cannot be a document before anything is written."""
    limit = settings.SOHOI_MAX_UPLOAD_BYTES
    if not data or not data.strip():
        raise ValidationError({field: _("Tệp trống: không có nội dung để đọc. Chọn đúng tệp văn bản (.txt, "
                                        ".docx, .pdf).")})
    if len(data) > limit:
        raise ValidationError({field: _("Tệp quá lớn (%(size)s); giới hạn là %(limit)s. Hãy tải lên bản nhẹ hơn "
                                        "(chỉ phần chữ).") % {"size": _mb(len(data)), "limit": _mb(limit)}})
    for magic, kind in _IMAGE_MAGIC.items():
        if data.startswith(magic):
            raise ValidationError({field: _("Tệp là ảnh (%(kind)s), không có chữ để đọc. Hãy tải lên bản "
                                            ".docx, .pdf có lớp chữ hoặc .txt, hoặc nhập văn bản "
                                            "bằng tay.") % {"kind": kind}})
    if data[8:12] == b"WEBP":
        raise ValidationError({field: _("Tệp là ảnh (WEBP), không có chữ để đọc. Hãy tải lên bản .docx, .pdf "
                                        "có lớp chữ hoặc .txt.")})
    if data.startswith(b"PK\x03\x04"):
        # A .docx is a zip: its inflated size and XML are checked before python-docx parses anything.
        import io

        from sohoi.core.spreadsheet import UnsafeArchive, check_zip

        try:
            check_zip(io.BytesIO(data), filename)
        except UnsafeArchive as exc:
            raise ValidationError({field: _("%(exc)s Không có gì được lưu.") % {"exc": exc}}) from None


def read_file(data: bytes, filename: str, field: str = "file") -> str:
    """The text of an uploaded file; ValidationError (on `field`) when it is not a readable document."""
    from sohoi.docparse import ParseError, extract_text

    check_upload(data, filename, field)
    try:
        return extract_text(data, filename)
    except ParseError as exc:
        raise ValidationError({field: _("%(exc)s Không có gì được lưu.") % {"exc": exc}}) from None


def parse(text: str) -> dict[str, Any]:
    """The parsed record; when the parser cannot make sense of the text the record is empty but for a
    warning, so the text is still registered for a person to fill in."""
    from sohoi.docparse import ParseError, parse_text

    try:
        record = parse_text(text)
    except ParseError as exc:
        record = {**EMPTY_RECORD, "warnings": [str(exc)]}
    record = {**EMPTY_RECORD, **record}
    if not record.get("code"):
        record["warnings"] = [*record.get("warnings", []),
                              _("Không đọc được số, ký hiệu ở phần đầu văn bản: hãy nhập tay số, ký hiệu, cơ "
                                "quan ban hành và ngày ban hành.")]
    return record
