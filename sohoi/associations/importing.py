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

from sohoi.core.text import fold

MAX_ROWS = 200_000


@dataclass
class RowError:
    row: int  # 1-based row number as the spreadsheet shows it (header is row 1); 0 = whole file
    column: str
    message: str

    def __str__(self) -> str:
        where = f"Dòng {self.row}, cột “{self.column}”" if self.row else (f"Cột “{self.column}”" if self.column else "Tệp")
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


def read_table(upload: IO[bytes], filename: str, columns: dict[str, str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (row number, {key: value}) for each non-empty row. `columns` maps key -> header label; headers are
    matched ignoring diacritics and case. Raises FileRejected for a wrong type or missing columns."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        rows = _xlsx_rows(upload)
    elif name.endswith(".csv"):
        rows = _csv_rows(upload)
    else:
        raise FileRejected([RowError(0, "", "Tệp phải là Excel (.xlsx) hoặc CSV (.csv). Lưu lại tệp đúng định dạng "
                                            "rồi tải lên; tệp .xls cũ hãy mở bằng Excel và lưu thành .xlsx.")])
    header = next(rows, None)
    if header is None:
        raise FileRejected([RowError(0, "", "Tệp trống. Dùng tệp mẫu và điền từ dòng 2.")])
    wanted = {fold(label): key for key, label in columns.items()}
    positions: dict[str, int] = {}
    for i, cell in enumerate(header):
        key = wanted.get(fold(str(cell or "")))
        if key and key not in positions:
            positions[key] = i
    missing = [label for key, label in columns.items() if key not in positions]
    if missing:
        raise FileRejected([RowError(1, label, "Thiếu cột này ở dòng tiêu đề. Tải tệp mẫu và giữ nguyên tên cột.")
                            for label in missing])
    for number, values in enumerate(rows, start=2):
        if number > MAX_ROWS + 1:
            raise FileRejected([RowError(number, "", f"Tệp quá {MAX_ROWS:,} dòng. Chia thành nhiều tệp nhỏ hơn."
                                         .replace(",", "."))])
        if not any(v not in (None, "") for v in values):
            continue
        yield number, {key: (values[i] if i < len(values) else None) for key, i in positions.items()}


def _xlsx_rows(upload: IO[bytes]) -> Iterator[tuple]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(upload, read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise FileRejected([RowError(0, "", "Không đọc được tệp Excel (tệp hỏng hoặc không phải .xlsx). "
                                            "Mở tệp bằng Excel, lưu lại dạng .xlsx rồi tải lên.")]) from exc
    try:
        yield from book.worksheets[0].iter_rows(values_only=True)
    finally:
        book.close()


def _csv_rows(upload: IO[bytes]) -> Iterator[list[str]]:
    raw = upload.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileRejected([RowError(0, "", "Tệp CSV phải mã hóa UTF-8. Trong Excel chọn “Lưu thành CSV UTF-8”.")]) \
            from exc
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    yield from csv.reader(io.StringIO(text), delimiter=delimiter)


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
        return None, f"“{text}” không phải ngày. Ghi theo dạng dd/mm/yyyy, ví dụ 05/09/2023."
    try:
        return datetime.date(*parts), ""
    except ValueError:
        return None, f"Ngày “{text}” không có thật (ví dụ 31/02). Sửa lại ngày đúng."


def parse_int(value: Any, low: int, high: int, what: str) -> tuple[int | None, str]:
    if value in (None, ""):
        return None, ""
    try:
        number = int(float(str(value).strip().replace(".", "") if isinstance(value, str) else value))
    except (TypeError, ValueError):
        return None, f"“{value}” không phải số. Ghi {what} bằng chữ số."
    if not low <= number <= high:
        return None, f"{what.capitalize()} {number} không hợp lý (phải từ {low} đến {high})."
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
    return None, f"“{value}” không rõ. Ghi “Có” hoặc “Không”."


def parse_choice(value: Any, options: dict[str, str], default: str, what: str) -> tuple[str | None, str]:
    if value in (None, ""):
        return default, ""
    key = fold(str(value))
    for label, code in options.items():
        if key == fold(label):
            return code, ""
    return None, f"“{value}” không hợp lệ. {what} phải là một trong: {', '.join(options)}."
