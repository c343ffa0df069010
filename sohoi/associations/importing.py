"""Reading tabular files (.xlsx via openpyxl read-only mode, .csv) row by row, so memory stays flat on large
files, and the one error shape of every import: row, column, what is wrong and how to fix it (Vietnamese)."""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sohoi.core.spreadsheet import UnsafeArchive, ZipLimits, check_zip
from sohoi.core.text import fold

MAX_ROWS = 200_000


@dataclass
class RowError:
    row: int  # 1-based row number as the spreadsheet shows it (header is row 1); 0 = whole file
    column: str
    message: str

    def __str__(self) -> str:
        if self.row:
            where = _("Dòng %(row)s, cột “%(column)s”") % {"row": self.row, "column": self.column}
        elif self.column:
            where = _("Cột “%(column)s”") % {"column": self.column}
        else:
            where = _("Tệp")
        return f"{where}: {self.message}"


@dataclass
class ImportResult:
    dry_run: bool
    rows: int = 0
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class FileRejected(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


_SIGNATURES = [  # what a file really is, from its first bytes (a renamed file keeps its content)
    (b"PK\x03\x04", "xlsx"),
    (b"\xd0\xcf\x11\xe0", "xls"),
    (b"%PDF", "pdf"),
    (b"\x7fELF", "binary"),
    (b"MZ", "binary"),
    (b"\x89PNG", "binary"),
    (b"\xff\xd8\xff", "binary"),
    (b"{\\rtf", "rtf"),
]
_WHAT = {"xls": gettext_lazy("tệp Excel cũ (.xls)"), "pdf": gettext_lazy("tệp PDF"),
         "rtf": gettext_lazy("tệp Word (.rtf)"), "binary": gettext_lazy("tệp không phải bảng tính")}


def sniff(upload: IO[bytes]) -> str:
    """'xlsx', 'xls', 'pdf', 'rtf', 'binary' or 'text', from the content (the name can lie)."""
    head = upload.read(512)
    upload.seek(0)
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    return "binary" if b"\x00" in head else "text"


def read_table(upload: IO[bytes], filename: str, columns: dict[str, str],
               optional: frozenset[str] = frozenset(),
               limits: ZipLimits | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (row number, {key: value}) for each non-empty row. `columns` maps key -> header label; headers are
    matched ignoring diacritics and case; columns in `optional` may be absent. Raises FileRejected for a wrong
    type (checked on the content, not only the name), an .xlsx past the decompression `limits` (settings
    when None), or missing columns."""
    name = filename.lower()
    kind = sniff(upload)
    if name.endswith(".xlsx") and kind == "xlsx":
        try:
            check_zip(upload, filename, limits)  # before openpyxl parses anything
        except UnsafeArchive as exc:
            raise FileRejected([RowError(0, "", str(exc))]) from None
        rows = _xlsx_rows(upload)
    elif name.endswith(".csv") and kind == "text":
        rows = _csv_rows(upload)
    elif name.endswith((".xlsx", ".csv")):
        what = _WHAT.get(kind, _("tệp văn bản") if kind == "text" else _("tệp Excel (.xlsx)"))
        raise FileRejected([RowError(0, "", (_("Tệp mang tên %(filename)s nhưng nội dung là %(what)s. Mở tệp "
                                               "bằng Excel và lưu lại đúng dạng .xlsx (hoặc CSV UTF-8) rồi tải lên.")
                                             % {"filename": filename, "what": what}))])
    else:
        raise FileRejected([RowError(0, "", _("Tệp phải là Excel (.xlsx) hoặc CSV (.csv). Lưu lại tệp đúng định dạng "
                                            "rồi tải lên; tệp .xls cũ hãy mở bằng Excel và lưu thành .xlsx."))])
    header = next(rows, None)
    if header is None:
        raise FileRejected([RowError(0, "", _("Tệp trống. Dùng tệp mẫu và điền từ dòng 2."))])
    wanted = {fold(label): key for key, label in columns.items()}
    positions: dict[str, int] = {}
    for i, cell in enumerate(header):
        key = wanted.get(fold(str(cell or "")))
        if key and key not in positions:
            positions[key] = i
    missing = [label for key, label in columns.items() if key not in positions and key not in optional]
    if missing:
        raise FileRejected([RowError(1, label, _("Thiếu cột này ở dòng tiêu đề. Tải tệp mẫu và giữ nguyên tên cột."))
                            for label in missing])
    for number, values in enumerate(rows, start=2):
        if number > MAX_ROWS + 1:
            raise FileRejected([RowError(number, "", _("Tệp quá %(max_rows)s dòng. Chia thành nhiều tệp nhỏ hơn.")
                                         % {"max_rows": format(MAX_ROWS, ",").replace(",", ".")})])
        if not any(v not in (None, "") for v in values):
            continue
        yield number, {key: (values[i] if i < len(values) else None) for key, i in positions.items()}


def register_limits() -> ZipLimits:
    """The register import takes up to MAX_ROWS rows, so its sheet may inflate more than a roster's."""
    from dataclasses import replace

    from django.conf import settings

    from sohoi.core.spreadsheet import default_limits

    return replace(default_limits(), max_bytes=settings.SOHOI_REGISTER_UNZIP_MAX_BYTES,
                   max_elements=settings.SOHOI_REGISTER_UNZIP_MAX_ELEMENTS)


def count_rows(path: str, filename: str) -> int:
    """Data rows in a stored file, cheaply (for a progress bar): the sheet's declared size for .xlsx, line
    count for .csv. 0 when unknown."""
    try:
        if filename.lower().endswith(".xlsx"):
            from openpyxl import load_workbook

            with open(path, "rb") as f:
                check_zip(f, filename, register_limits())  # a hint is not worth parsing a zip bomb for

            book = load_workbook(path, read_only=True)
            try:
                return max(0, (book.worksheets[0].max_row or 1) - 1)
            finally:
                book.close()
        with open(path, "rb") as f:
            return max(0, sum(block.count(b"\n") for block in iter(lambda: f.read(1 << 20), b"")) - 1)
    except Exception:  # noqa: BLE001 - only a hint; the import itself reports a bad file properly
        return 0


def _xlsx_rows(upload: IO[bytes]) -> Iterator[tuple]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(upload, read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise FileRejected([RowError(0, "", _("Không đọc được tệp Excel (tệp hỏng hoặc không phải .xlsx). "
                                            "Mở tệp bằng Excel, lưu lại dạng .xlsx rồi tải lên."))]) from exc
    try:
        yield from book.worksheets[0].iter_rows(values_only=True)
    finally:
        book.close()


def _csv_rows(upload: IO[bytes]) -> Iterator[list[str]]:
    """Streamed: the file is decoded and split line by line, never held whole in memory."""
    sample = upload.read(4096).decode("utf-8", errors="ignore")
    upload.seek(0)
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    raw = getattr(upload, "file", upload)
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    try:
        yield from csv.reader(text, delimiter=delimiter)
    except UnicodeDecodeError as exc:
        raise FileRejected([RowError(0, "", _("Tệp CSV phải mã hóa UTF-8. Trong Excel chọn “Lưu thành CSV UTF-8”."))]) \
            from exc
    finally:
        text.detach()


# Cell parsers: return (value, error message or "") ----------------------------------------------------------

_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_date(value: Any) -> tuple[datetime.date | None, str]:
    if value in (None, ""):
        return None, ""
    if isinstance(value, datetime.datetime):
        return value.date(), ""
    if isinstance(value, datetime.date):
        return value, ""
    text = str(value)
    m = _DATE.match(text)
    parts = (int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else None
    if parts is None and (m := _ISO.match(text)):
        parts = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if parts is None:
        return None, _("“%(text)s” không phải ngày. Ghi theo dạng dd/mm/yyyy, ví dụ 05/09/2023.") % {"text": text}
    try:
        return datetime.date(*parts), ""
    except ValueError:
        return None, _("Ngày “%(text)s” không có thật (ví dụ 31/02). Sửa lại ngày đúng.") % {"text": text}


def parse_int(value: Any, low: int, high: int, what: str) -> tuple[int | None, str]:
    if value in (None, ""):
        return None, ""
    try:
        number = int(float(str(value).strip().replace(".", "") if isinstance(value, str) else value))
    except (TypeError, ValueError):
        return None, _("“%(value)s” không phải số. Ghi %(what)s bằng chữ số.") % {"value": value, "what": what}
    if not low <= number <= high:
        return None, _("%(value)s %(number)s không hợp lý (phải từ %(low)s đến %(high)s).") % {"value": what.capitalize(), "number": number, "low": low, "high": high}
    return number, ""


def parse_bool(value: Any) -> tuple[bool | None, str]:
    if value in (None, ""):
        return False, ""
    if isinstance(value, bool):
        return value, ""
    key = fold(str(value))
    if key in {"co", "x", "1", "yes", "true", "dang vien", "dv"}:
        return True, ""
    if key in {"khong", "0", "no", "false", "-"}:
        return False, ""
    return None, _("“%(value)s” không rõ. Ghi “Có” hoặc “Không”.") % {"value": value}


def parse_choice(value: Any, options: dict[str, str], default: str, what: str) -> tuple[str | None, str]:
    if value in (None, ""):
        return default, ""
    key = fold(str(value))
    for label, code in options.items():
        if key == fold(label):
            return code, ""
    return None, _("“%(value)s” không hợp lệ. %(what)s phải là một trong: %(options)s.") % {"value": value, "what": what, "options": ', '.join(options)}
