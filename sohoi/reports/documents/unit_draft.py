"""A unit's draft report upward on a document it was assigned (issue 13 part 4): prefilled from its
assignments (task, deadline, state on the day), its progress reports and its dissemination sessions, in the
format of its own system: a Party body writes a Party document (36-HD/VPTW: "ĐẢNG CỘNG SẢN VIỆT NAM"), any
other body a state-style one (Decree 30/2020: the national motto). The unit edits it, signs it and attaches it
to its progress report; nothing is stored."""

from __future__ import annotations

import datetime
import io
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH

from .docx import _para
from .official import document_name as _document_name
from .official import footer, header, is_party, new_document

__all__ = ["is_party", "unit_draft_docx"]


def unit_draft_docx(*, unit: Any, document: Any, assignments: list[Any], reports: dict[int, list[Any]],
                    sessions: list[Any], on: datetime.date) -> bytes:
    doc = new_document()
    party = is_party(unit)
    header(doc, unit=unit, on=on, type_code="BC")
    _para(doc)
    _para(doc, "BÁO CÁO", bold=True, size=15, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, f"Kết quả thực hiện {_document_name(document)}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "-----", align=WD_ALIGN_PARAGRAPH.CENTER)
    if not party and (document.issuer_id or document.issuer_name):
        _para(doc, f"Kính gửi: {document.issuer or document.issuer_name}.", align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, f"Thực hiện {_document_name(document)}, {unit.name} báo cáo kết quả thực hiện tính đến ngày "
               f"{on:%d/%m/%Y} như sau:", indent=True)
    _para(doc, "I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ ĐƯỢC GIAO", bold=True, indent=True)
    for a in assignments:
        task = a.task
        _para(doc, f"{task.no or task.position}. {task.text}", bold=True, indent=True)
        due = f"hạn {a.due_on:%d/%m/%Y}" if a.due_on else "không ghi hạn"
        _para(doc, f"- Tình trạng ({due}): {a.state_on(on).label}"
                   + (f", hoàn thành ngày {a.done_on:%d/%m/%Y}" if a.done_on else "") + ".", indent=True)
        mine = reports.get(a.pk, [])
        if mine:
            for r in mine:
                extra = f" (tiến độ {r.percent}%)" if r.percent is not None else ""
                _para(doc, f"- Báo cáo ngày {r.submitted_on:%d/%m/%Y}{extra}: {r.text}", indent=True)
        else:
            _para(doc, "- Kết quả: (đơn vị ghi kết quả thực hiện nhiệm vụ này).", italic=True, indent=True)
    if sessions:
        attended = sum(s.actual_cadres + s.actual_party + s.actual_members + s.actual_others for s in sessions)
        first = min(s.held_on for s in sessions)
        _para(doc, f"- Quán triệt: {len(sessions)} buổi, từ ngày {first:%d/%m/%Y}, {attended:,} lượt người dự."
              .replace(",", "."), indent=True)
    _para(doc, "II. KHÓ KHĂN, VƯỚNG MẮC", bold=True, indent=True)
    _para(doc, "(Đơn vị ghi khó khăn, vướng mắc, nguyên nhân.)", italic=True, indent=True)
    _para(doc, "III. ĐỀ XUẤT, KIẾN NGHỊ", bold=True, indent=True)
    _para(doc, "(Đơn vị ghi đề xuất, kiến nghị.)", italic=True, indent=True)
    _para(doc)
    footer(doc, unit=unit, recipients=[f"{document.issuer or document.issuer_name or 'Cơ quan ban hành'} (để báo cáo),",
                                       "Lưu."])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
