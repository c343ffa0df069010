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

from .docx import FONT, _cell, _para, date_line

PARTY_KINDS = {"party_committee", "party_board"}
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"


def is_party(unit: Any) -> bool:
    return unit.kind in PARTY_KINDS


def _document_name(document: Any) -> str:
    kind = document.get_doc_type_display() if document.doc_type != "other" else "văn bản"
    when = f" ngày {document.date:%d/%m/%Y}" if document.date else ""
    issuer = f" của {document.issuer or document.issuer_name}" if (document.issuer_id or document.issuer_name) else ""
    return f"{kind} số {document.code or '...'}{when}{issuer}"


def unit_draft_docx(*, unit: Any, document: Any, assignments: list[Any], reports: dict[int, list[Any]],
                    sessions: list[Any], on: datetime.date) -> bytes:
    from docx import Document
    from docx.shared import Mm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Mm(297), Mm(210)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    doc.styles["Normal"].font.name, doc.styles["Normal"].font.size = FONT, Pt(14)
    party = is_party(unit)
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    parent = unit.parent.name.upper() if unit.parent_id else ""
    left_lines = [(parent, {"size": 13})] if parent else []
    left_lines += [(unit.name.upper(), {"bold": True, "size": 13}), ("*" if party else "", {}),
                   ("Số       -BC/...", {"size": 13})]
    _cell(left, left_lines)
    if party:
        _cell(right, [("ĐẢNG CỘNG SẢN VIỆT NAM", {"bold": True, "underline": True, "size": 15}), ("", {}),
                      (date_line(on), {"italic": True, "size": 14})])
    else:
        _cell(right, [(MOTTO, {"bold": True, "size": 13}), (MOTTO_2, {"bold": True, "underline": True, "size": 14}),
                      ("", {}), (date_line(on), {"italic": True, "size": 14})])
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
    foot = doc.add_table(rows=1, cols=2)
    left, right = foot.rows[0].cells
    left.paragraphs[0].text = ""
    run = left.paragraphs[0].add_run("Nơi nhận:")
    run.bold, run.italic, run.font.size = True, True, Pt(12)
    for line in [f"{document.issuer or document.issuer_name or 'Cơ quan ban hành'} (để báo cáo),", "Lưu."]:
        left.add_paragraph().add_run("- " + line).font.size = Pt(11)
    _cell(right, [(("T/M " if party else "") + unit.name.upper(), {"bold": True, "size": 13}), ("", {}), ("", {}),
                  ("(Ký, ghi rõ họ tên)", {"italic": True, "size": 13})])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
