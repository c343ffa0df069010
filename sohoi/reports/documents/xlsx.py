"""The annex tables (phụ lục) of the periodic report, and the dashboard's export: one sheet per point of the
letter, each indicator a block (figure, previous period, change; then its breakdown row by row)."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from sohoi.core.spreadsheet import safe_row

from ..registry import Filters

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _scope_line(f: Filters) -> str:
    parts = [f"Kỳ: {f.period.label} ({f.period.start:%d/%m/%Y} - {f.period.end:%d/%m/%Y})"]
    if f.territory is not None:
        parts.append(f"Địa bàn: {f.territory}")
    if f.field is not None:
        parts.append(f"Lĩnh vực: {f.field}")
    return "; ".join(parts)


def annex_workbook(sections: list[dict[str, Any]], f: Filters) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    for sec in sections:
        ws = wb.create_sheet(f"Điểm {sec['point']}" if sec["point"] else "Chung")
        ws.append(safe_row([f"Điểm {sec['point']}. {sec['title']}" if sec["point"] else sec["title"]]))
        ws.append(safe_row([_scope_line(f)]))
        ws["A1"].font = bold
        ws.append([])
        ws.append(["Chỉ tiêu", "Kỳ này", "Kỳ trước", "Tăng/giảm"])
        for cell in ws[ws.max_row]:
            cell.font = bold
        if not sec["items"]:
            ws.append(["Chưa có số liệu trong Sổ Hội."])
        for item in sec["items"]:
            ws.append(safe_row([item["label"], item["value"], item["previous"], item["delta"]]))
            ws.cell(ws.max_row, 1).font = bold
            for row in item["rows"]:
                delta = row["value"] - row["previous"] if row["previous"] is not None else None
                ws.append(safe_row([f"    {row['label']}", row["value"], row["previous"], delta]))
        ws.column_dimensions["A"].width = 70
        for col in "BCD":
            ws.column_dimensions[col].width = 12
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
