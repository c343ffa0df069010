"""The periodic report as a Party document (Hướng dẫn 36-HD/VPTW; domain.md §5), written with python-docx:
issuer block and "ĐẢNG CỘNG SẢN VIỆT NAM" side by side, the number line left for the clerk, place and date,
"BÁO CÁO" and its subject, one section per point of letter 752-CV/TU built from the indicator registry (each
indicator a sentence, each breakdown a table), then "Nơi nhận" and the signature block.

A section is the indicators of its point: an indicator declared in any app appears here without editing
this module."""

from __future__ import annotations

import datetime
import io
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from ..registry import Filters

ISSUER_PARENT = "THÀNH ỦY CẦN THƠ"
ISSUER = "BAN DÂN VẬN"
PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
NUMBER_LINE = "Số       -BC/BDVTU"
PLACE = "Cần Thơ"
SUBJECT = "Kết quả thực hiện Công văn số 752-CV/TU ngày 12/10/2012 của Ban Thường vụ Thành ủy về thực hiện " \
          "Chỉ thị 17-CT/TW của Ban Bí thư đối với các hội quần chúng"
RECIPIENTS = ["Thường trực Thành ủy (để báo cáo),", "Các Ban xây dựng Đảng Thành ủy,", "Lưu Ban Dân vận."]
FONT = "Times New Roman"
# Whose requests give the city Board's report: the Board itself and the Standing Board, the report's addressee
# (its request reads the Board's report); a reader without a unit (an administrator, the command) too.
CITY_DEFAULT_CODES = frozenset({"BDVTU", "TTTU"})


def reporting_unit(f: Filters) -> Any:
    """The unit the report is issued by: the reader's own (a district committee reports as itself), or None
    for the city Board's report."""
    unit = getattr(f.user, "unit", None)
    if unit is None or unit.code in CITY_DEFAULT_CODES:
        return None
    return unit


def date_line(on: datetime.date) -> str:
    return f"{PLACE}, ngày {on.day:02d} tháng {on.month:02d} năm {on.year}"


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        value = round(value, 1)
    return f"{value:,}".replace(",", ".")


def _change(item: dict[str, Any]) -> str:
    if item["previous"] is None:
        return ""
    delta = item["delta"] or 0
    word = "tăng" if delta > 0 else "giảm" if delta < 0 else "không đổi"
    return f" (kỳ trước {_fmt(item['previous'])}, {word}{' ' + _fmt(abs(delta)) if delta else ''})"


def _inline(label: str) -> str:
    """A category name inside a sentence: "Đang hoạt động" -> "đang hoạt động"; a proper name ("Ban Dân vận
    Thành ủy", "Hội Khuyến học ...") or a document number is kept as written."""
    words = label.split()
    if len(words) > 1 and words[1][:1].islower():
        return label[:1].lower() + label[1:]
    return label


def sentence(item: dict[str, Any]) -> str:
    """One indicator written as a sentence: label, figure, change against the previous period, breakdown."""
    if item["missing"]:
        return f"{item['label']}: không có số liệu cho phạm vi hoặc bộ lọc của báo cáo này."
    text = f"{item['label']}: {_fmt(item['value'])}{_change(item)}"
    parts = [f"{_inline(r['label'])} {_fmt(r['value'])}" for r in item["rows"] if r["value"]]
    if parts:
        text += "; trong đó: " + ", ".join(parts)
    return text + "."


def _para(doc: Any, text: str = "", *, bold: bool = False, italic: bool = False, size: float = 14,
          align: Any = WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = False, underline: bool = False) -> Any:
    p = doc.add_paragraph()
    p.alignment = align
    p.paragraph_format.space_after = Pt(4)
    if indent:
        p.paragraph_format.first_line_indent = Mm(10)
    run = p.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.size = Pt(size)
    run.font.name = FONT
    return p


def _cell(cell: Any, lines: list[tuple[str, dict[str, Any]]]) -> None:
    cell.paragraphs[0].text = ""
    for i, (text, style) in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        run = p.add_run(text)
        run.font.name, run.font.size = FONT, Pt(style.get("size", 13))
        run.bold, run.italic, run.underline = style.get("bold", False), style.get("italic", False), style.get(
            "underline", False)


def _header(doc: Any, on: datetime.date) -> None:
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Mm(75), Mm(90)
    _cell(left, [(ISSUER_PARENT, {"size": 14}), (ISSUER, {"bold": True, "size": 14}), ("*", {"size": 14}),
                 (NUMBER_LINE, {"size": 14})])
    _cell(right, [(PARTY, {"bold": True, "underline": True, "size": 15}), ("", {}),
                  (date_line(on), {"italic": True, "size": 14})])


def _table(doc: Any, item: dict[str, Any], grid: Any = "Table Grid") -> None:
    """A figure's breakdown. `grid`: the table style, looked up once per document by the caller (python-docx
    looks a style name up through every style of the document on each assignment)."""
    compare = item["previous"] is not None
    heads = ["Nội dung", "Kỳ này"] + (["Kỳ trước"] if compare else [])
    # Every row at once: each add_row() re-reads the table's grid, which made the tables half of the report.
    table = doc.add_table(rows=1 + len(item["rows"]), cols=len(heads))
    table.style = grid
    rows = table.rows
    for cell, text in zip(rows[0].cells, heads, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for tr, row in zip(rows[1:], item["rows"], strict=True):
        cells = tr.cells
        cells[0].text = str(row["label"])
        cells[1].text = _fmt(row["value"])
        if compare:
            cells[2].text = _fmt(row["previous"])
    doc.add_paragraph()


def report_docx(sections: list[dict[str, Any]], f: Filters, *, on: datetime.date) -> bytes:
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Mm(297), Mm(210)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(14)
    grid = doc.styles["Table Grid"]
    unit = reporting_unit(f)
    if unit is None:
        _header(doc, on)
    else:
        from .official import header

        header(doc, unit=unit, on=on, type_code="BC")
    _para(doc)
    _para(doc, "BÁO CÁO", bold=True, size=15, align=WD_ALIGN_PARAGRAPH.CENTER)
    subject = SUBJECT + f", {f.period.label}"
    _para(doc, subject, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "-----", align=WD_ALIGN_PARAGRAPH.CENTER)
    whole = "trong phạm vi toàn thành phố" if unit is None else f"trong phạm vi {unit.name} theo dõi"
    scope = f"trên địa bàn {f.territory}" if f.territory is not None else whole
    if f.field is not None:
        scope += f", lĩnh vực {f.field}"
    reporter = "Ban Dân vận Thành ủy" if unit is None else unit.name
    _para(doc, f"Thực hiện Công văn số 752-CV/TU, {reporter} báo cáo kết quả {f.period.label} (từ ngày "
               f"{f.period.start:%d/%m/%Y} đến ngày {f.period.end:%d/%m/%Y}) {scope}, theo số liệu của hệ thống "
               f"Sổ Hội, như sau:", indent=True)
    for section in sections:
        heading = f"{section['point']}. {section['title']}" if section["point"] else section["title"]
        _para(doc, heading, bold=True, indent=True)
        if not section["items"]:
            _para(doc, "Chưa có số liệu của nội dung này trong Sổ Hội; đề nghị các đơn vị báo cáo bổ sung.",
                  indent=True)
        for item in section["items"]:
            _para(doc, "- " + sentence(item), indent=True)
            if item["rows"] and not item["missing"]:
                _table(doc, item, grid)
    _para(doc)
    if unit is None:
        _footer(doc)
    else:
        from .official import footer

        upper = [f"{unit.parent.name} (để báo cáo),"] if unit.parent_id else []
        footer(doc, unit=unit, recipients=[*upper, "Ban Dân vận Thành ủy (để tổng hợp),", "Lưu."])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _footer(doc: Any) -> None:
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    run = left.paragraphs[0].add_run("Nơi nhận:")
    run.bold, run.italic, run.underline, run.font.size = True, True, True, Pt(12)
    for line in RECIPIENTS:
        p = left.add_paragraph()
        r = p.add_run("- " + line)
        r.font.size = Pt(11)
    _cell(right, [("T/M BAN DÂN VẬN", {"bold": True, "size": 14}), ("TRƯỞNG BAN", {"bold": True, "size": 14}),
                  ("", {}), ("", {}), ("", {}), ("(Ký, ghi rõ họ tên)", {"italic": True, "size": 13})])
