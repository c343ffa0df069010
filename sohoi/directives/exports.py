"""Excel export of a document's tracking board: what the page shows (task by task, unit by unit, the states
counted on the same day, in the reader's scope)."""

from __future__ import annotations

import io
from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from sohoi.core.spreadsheet import safe_row

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def board_xlsx(document: Any, board: dict[str, Any]) -> HttpResponse:
    states = [str(c["state"].label) for c in board["total"]["cells"]]
    wb = Workbook()
    by_task = wb.active
    by_task.title = _("Từng nhiệm vụ")
    by_unit = wb.create_sheet(_("Từng đơn vị"))
    for ws, first, rows in ((by_task, [_("Nhiệm vụ"), _("Chủ trì")], board["tasks"]), (by_unit, [_("Đơn vị")], board["units"])):
        ws.append(safe_row([_("Theo dõi thực hiện: %(document)s") % {"document": document}, _("Tính đến %(on)s") % {"on": format(board['on'], '%d/%m/%Y')}]))
        ws.append([])
        ws.append(first + states + [_("Tổng")])
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
        for row in rows:
            lead = [str(row["task"]), str(row["task"].lead or row["task"].lead_group or "")] if "task" in row \
                else [str(row["unit"])]
            ws.append(safe_row(lead + [c["n"] for c in row["cells"]] + [row["total"]]))
        ws.append(safe_row([_("Cả văn bản")] + ([""] if ws is by_task else []) + [c["n"] for c in board["total"]["cells"]]
                           + [board["total"]["total"]]))
        ws.column_dimensions["A"].width = 60
        ws.freeze_panes = "A4"
    out = io.BytesIO()
    wb.save(out)
    response = HttpResponse(out.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="theo-doi-{document.pk}.xlsx"'
    return response
