"""Excel exports (openpyxl write-only mode: rows are streamed, memory stays flat on the whole register)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sohoi.core.spreadsheet import safe_row

from .choices import ScopeLevel, Status

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SCOPES = dict(ScopeLevel.choices)
STATUSES = dict(Status.choices)

# The register columns: public fields only, so the same export serves the public page and staff.
REGISTER_COLUMNS = [
    ("name", gettext_lazy("Tên hội")), ("short_name", gettext_lazy("Tên viết tắt")),
    ("field__name", gettext_lazy("Lĩnh vực")), ("scope_level", gettext_lazy("Phạm vi")),
    ("territory__name", gettext_lazy("Địa bàn")), ("status", gettext_lazy("Tình trạng")),
    ("founding_decision_number", gettext_lazy("Số quyết định thành lập")),
    ("founding_decision_date", gettext_lazy("Ngày quyết định")),
    ("founding_decision_issuer", gettext_lazy("Cơ quan quyết định")), ("head_office", gettext_lazy("Trụ sở")),
]


def _cell(key: str, value: Any) -> Any:
    if key == "scope_level":
        return str(SCOPES.get(value, value))
    if key == "status":
        return str(STATUSES.get(value, value))
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return value if value is not None else ""


def xlsx_response(filename: str, title: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> HttpResponse:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.append(safe_row(header))
    for row in rows:
        sheet.append(safe_row(row))  # user-typed names must never run as formulas (core.spreadsheet)
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(out.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def register_xlsx(values_rows: Iterable[dict[str, Any]], filename: str = "danh-ba-hoi.xlsx") -> HttpResponse:
    """`values_rows` are dicts from `.values(...)`: only the public columns are ever read from them."""
    return xlsx_response(filename, _("Danh bạ hội"), [str(label) for _k, label in REGISTER_COLUMNS],
                         ([_cell(k, row.get(k)) for k, _label in REGISTER_COLUMNS] for row in values_rows))
