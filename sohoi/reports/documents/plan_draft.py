"""A unit's draft implementing plan (kế hoạch thực hiện) of a document it received (issue 13 part 4): the upper
document's tasks assigned to the unit, rewritten for the bodies it directs (the printed lead name at the head of
each task taken off, the unit's own subordinate bodies named as the ones to carry it out, a deadline ahead of
the unit's own so their results reach it in time), in the format of its system (official.py). The same
`PlanDraft` writes the .docx and, when the unit registers the plan, the proposed tasks of the new document."""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH

from sohoi.core.text import fold

from .docx import _para
from .official import document_name, footer, header, new_document

LEAD_DAYS = 7  # the subordinates' deadline runs this many days before the unit's own, to leave time to compile


@dataclass
class PlanTask:
    no: str
    text: str
    upper_no: str
    due: datetime.date | None
    units: list[Any] = field(default_factory=list)


@dataclass
class PlanDraft:
    unit: Any
    upper: Any
    on: datetime.date
    tasks: list[PlanTask]
    units: list[Any]

    @property
    def subject(self) -> str:
        return f"Thực hiện {document_name(self.upper)}"

    @property
    def report_by(self) -> datetime.date | None:
        dues = [t.due for t in self.tasks if t.due]
        return max(dues) if dues else None


def rewrite(text: str, lead_name: str) -> str:
    """The upper task addressed to the unit's subordinates: "Cấp ủy đảng các cấp tổ chức quán triệt ..." ->
    "Tổ chức quán triệt ...". Only a leading "Giao" and the printed lead name are taken off; the rest is as
    the upper document says it."""
    words = text.split()
    if words and fold(words[0]) == "giao":
        words = words[1:]
    lead = fold(lead_name).split() if lead_name else []
    if lead and [fold(w) for w in words[:len(lead)]] == lead and len(words) > len(lead):
        words = words[len(lead):]
    out = " ".join(words)
    return out[:1].upper() + out[1:] if out else text


def subordinate_due(due: datetime.date | None, on: datetime.date) -> datetime.date | None:
    if due is None:
        return None
    earlier = due - datetime.timedelta(days=LEAD_DAYS)
    return earlier if earlier > on else due


def build_draft(*, unit: Any, upper: Any, assignments: list[Any], units: list[Any], on: datetime.date) -> PlanDraft:
    tasks = [PlanTask(no=str(i), text=rewrite(a.task.text, a.task.lead_name), upper_no=a.task.no or str(a.task.position),
                      due=subordinate_due(a.due_on, on), units=list(units))
             for i, a in enumerate(assignments, start=1)]
    return PlanDraft(unit=unit, upper=upper, on=on, tasks=tasks, units=list(units))


def _names(units: list[Any]) -> str:
    return "; ".join(u.name for u in units) if units else "(đơn vị ghi các đơn vị trực thuộc thực hiện)"


def plan_text(draft: PlanDraft) -> str:
    """The plan as plain text, kept on the registered document (its `text`)."""
    lines = [draft.unit.name.upper(), "KẾ HOẠCH", draft.subject, ""]
    for t in draft.tasks:
        lines.append(f"{t.no}. {t.text}")
        lines.append(f"- Đơn vị thực hiện: {_names(t.units)}.")
        if t.due:
            lines.append(f"- Thời hạn: trước ngày {t.due:%d/%m/%Y}.")
    return "\n".join(lines)


def plan_docx(draft: PlanDraft, *, number: int | None = None) -> bytes:
    unit, upper, on = draft.unit, draft.upper, draft.on
    doc = new_document()
    header(doc, unit=unit, on=on, type_code="KH", number=number)
    _para(doc)
    _para(doc, "KẾ HOẠCH", bold=True, size=15, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, draft.subject, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "-----", align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, f"Thực hiện {document_name(upper)}, {unit.name} ban hành kế hoạch thực hiện như sau:", indent=True)
    _para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True, indent=True)
    _para(doc, f"- Quán triệt, triển khai đầy đủ, kịp thời nội dung {document_name(upper)} đến các đơn vị trực thuộc; "
               "xác định rõ nhiệm vụ, đơn vị thực hiện và thời hạn hoàn thành.", indent=True)
    _para(doc, f"- Các đơn vị thực hiện nghiêm túc, định kỳ báo cáo kết quả về {unit.name} để tổng hợp, báo cáo "
               "cấp trên.", indent=True)
    _para(doc, "II. NHIỆM VỤ VÀ GIẢI PHÁP", bold=True, indent=True)
    if not draft.tasks:
        _para(doc, "(Đơn vị ghi các nhiệm vụ.)", italic=True, indent=True)
    for t in draft.tasks:
        _para(doc, f"{t.no}. {t.text}", bold=True, indent=True)
        _para(doc, f"- Đơn vị thực hiện: {_names(t.units)}.", indent=True)
        due = f"trước ngày {t.due:%d/%m/%Y}" if t.due else "(đơn vị ghi thời hạn)"
        _para(doc, f"- Thời hạn hoàn thành: {due}.", indent=True)
        _para(doc, f"(Thực hiện mục {t.upper_no} của {upper.get_doc_type_display()} {upper.code or ''})".replace(
            " )", ")") + ".", italic=True, indent=True)
    _para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True, indent=True)
    report_by = f" trước ngày {draft.report_by:%d/%m/%Y}" if draft.report_by else " theo định kỳ"
    _para(doc, f"1. Các đơn vị được giao căn cứ kế hoạch này xây dựng kế hoạch cụ thể, tổ chức thực hiện và báo cáo "
               f"kết quả về {unit.name}{report_by}.", indent=True)
    upper_issuer = upper.issuer or upper.issuer_name or "cấp trên"
    _para(doc, f"2. {unit.name} theo dõi, đôn đốc, kiểm tra việc thực hiện; tổng hợp, báo cáo {upper_issuer}.",
          indent=True)
    _para(doc)
    recipients = [f"{upper_issuer} (để báo cáo),", "Các đơn vị tại mục II (để thực hiện),", "Lưu."]
    footer(doc, unit=unit, recipients=recipients)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
