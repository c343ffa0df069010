"""The frame of a document a unit issues, in the format of its own system: a Party body writes a Party document
(Hướng dẫn 36-HD/VPTW: parent committee and issuer on the left with "*" and "Số   -BC/QU", "ĐẢNG CỘNG SẢN VIỆT
NAM" on the right), any other body a state one (Decree 30/2020: the national motto, "Số:   /KH-UBND"). Used by
a unit's draft report upward (unit_draft.py) and its draft implementing plan (plan_draft.py)."""

from __future__ import annotations

import datetime
from typing import Any

from .docx import FONT, _cell, date_line

PARTY_KINDS = {"party_committee", "party_board"}
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"


def is_party(unit: Any) -> bool:
    return unit.kind in PARTY_KINDS


def symbol(unit: Any, type_code: str) -> str:
    """The symbol of a document of `type_code` (BC, KH) the unit issues: "KH/QU" in the Party's format,
    "KH-UBND" in the state's (domain.md §5); "..." where the unit has no abbreviation yet."""
    own = unit.code or "..."
    return f"{type_code}/{own}" if is_party(unit) else f"{type_code}-{own}"


def number_line(unit: Any, type_code: str, number: int | None = None) -> str:
    shown = str(number) if number else "      "
    return f"Số {shown}-{symbol(unit, type_code)}" if is_party(unit) else f"Số: {shown}/{symbol(unit, type_code)}"


def document_name(document: Any) -> str:
    """"Công văn số 752-CV/TU ngày 12/10/2012 của Thành ủy Cần Thơ", as a sentence names a document."""
    kind = document.get_doc_type_display() if document.doc_type != "other" else "văn bản"
    when = f" ngày {document.date:%d/%m/%Y}" if document.date else ""
    issuer = f" của {document.issuer or document.issuer_name}" if (document.issuer_id or document.issuer_name) else ""
    return f"{kind} số {document.code or '...'}{when}{issuer}"


def new_document() -> Any:
    from docx import Document
    from docx.shared import Mm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Mm(297), Mm(210)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    doc.styles["Normal"].font.name, doc.styles["Normal"].font.size = FONT, Pt(14)
    return doc


def header(doc: Any, *, unit: Any, on: datetime.date, type_code: str, number: int | None = None) -> None:
    party = is_party(unit)
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    parent = unit.parent.name.upper() if unit.parent_id else ""
    lines = [(parent, {"size": 13})] if parent else []
    lines += [(unit.name.upper(), {"bold": True, "size": 13}), ("*" if party else "", {}),
              (number_line(unit, type_code, number), {"size": 13})]
    _cell(left, lines)
    if party:
        _cell(right, [("ĐẢNG CỘNG SẢN VIỆT NAM", {"bold": True, "underline": True, "size": 15}), ("", {}),
                      (date_line(on), {"italic": True, "size": 14})])
    else:
        _cell(right, [(MOTTO, {"bold": True, "size": 13}), (MOTTO_2, {"bold": True, "underline": True, "size": 14}),
                      ("", {}), (date_line(on), {"italic": True, "size": 14})])


def footer(doc: Any, *, unit: Any, recipients: list[str]) -> None:
    """"Nơi nhận" on the left, the signature block on the right ("T/M" a collective Party body)."""
    from docx.shared import Pt

    foot = doc.add_table(rows=1, cols=2)
    left, right = foot.rows[0].cells
    left.paragraphs[0].text = ""
    run = left.paragraphs[0].add_run("Nơi nhận:")
    run.bold, run.italic, run.font.size = True, True, Pt(12)
    for line in recipients:
        left.add_paragraph().add_run("- " + line).font.size = Pt(11)
    _cell(right, [(("T/M " if is_party(unit) else "") + unit.name.upper(), {"bold": True, "size": 13}), ("", {}),
                  ("", {}), ("(Ký, ghi rõ họ tên)", {"italic": True, "size": 13})])
