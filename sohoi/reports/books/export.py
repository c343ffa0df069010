"""A unit's book for a year as .xlsx (what the book page shows, every page), streamed row by row from the
database (write-only workbook, `.iterator()`): a year of a busy office is a few thousand lines."""

from __future__ import annotations

import io
from typing import Any

from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

from sohoi.core.spreadsheet import safe_row

HEADS = {
    "incoming": [_("Số đến"), _("Ngày đến"), _("Tác giả"), _("Số, ký hiệu"), _("Ngày tháng văn bản"),
                 _("Tên loại và trích yếu"), _("Ghi chú")],
    "outgoing": [_("Số đi"), _("Ngày vào sổ"), _("Số, ký hiệu"), _("Ngày tháng văn bản"), _("Tên loại và trích yếu"),
                 _("Người ký"), _("Ghi chú")],
}


def book_workbook(*, entries: Any, visible: Any, book: str, title: str) -> bytes:
    """`visible(document_ids)` -> the ids whose subject the reader may see (secret ones show their grade)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title[:31])
    ws.append(safe_row([title]))
    ws.append([str(h) for h in HEADS[book]])
    batch: list[Any] = []

    def flush() -> None:
        shown = visible([e.document_id for e in batch])
        for e in batch:
            d = e.document
            subject = d.get_doc_type_display()
            if d.is_secret:
                subject += f" ({d.get_secrecy_display()})"
            elif d.pk in shown:
                subject += f": {d.subject}"
            date = f"{d.date:%d/%m/%Y}" if d.date else ""
            if book == "incoming":
                row = [e.number, f"{e.registered_on:%d/%m/%Y}", d.issuer_label, d.code, date, subject, e.note]
            else:
                row = [e.number, f"{e.registered_on:%d/%m/%Y}", d.code, date, subject, d.signer_name, e.note]
            ws.append(safe_row(row))
        batch.clear()

    for entry in entries.iterator(chunk_size=500):
        batch.append(entry)
        if len(batch) == 500:
            flush()
    flush()
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
