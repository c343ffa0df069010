"""Point 2: state-assigned tasks, the support that pays for them, and the association's finances per year."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sohoi.core.concurrency import lock
from sohoi.core.permissions import require
from sohoi.core.scoping import restrict
from sohoi.core.services import object_create, object_update

from ..choices import EXPENSE_LINES, REVENUE_LINES, BudgetSource
from ..models import FinanceYear, StateSupport, StateTask
from ..yearly import founded_year
from .common import amount, cap, count, text, vnd, year_of

NO_TASK = (gettext_lazy("Kinh phí Nhà nước chỉ cấp cho nhiệm vụ Đảng, Nhà nước giao (Công văn 752-CV/TU, "
                        "điểm 2). Chọn nhiệm vụ được giao mà khoản kinh phí này chi cho; nếu chưa "
                        "có, ghi nhiệm vụ được giao trước."))


def _document(actor: Any, document: Any) -> Any:
    """A registered document the actor may see, or a field error that names nothing behind it."""
    from sohoi.directives.models import Document

    if document is None:
        return None
    pk = getattr(document, "pk", document)
    found = restrict(Document.objects.filter(pk=pk), actor).first() if actor is not None else \
        Document.objects.filter(pk=pk).first()
    if found is None:
        raise ValidationError({"document": _("Không tìm thấy văn bản này trong sổ văn bản. Chọn văn bản khác "
                                             "hoặc chỉ ghi số, ký hiệu văn bản.")})
    return found


@transaction.atomic
def state_task_record(*, actor: Any, association: Any, data: dict[str, Any]) -> StateTask:
    """The People's Committee (or Home Affairs) records a task the state assigns to `association`."""
    require(actor, "activities.record_state_task", association)
    errors: dict[str, str] = {}
    document = _document(actor, data.get("document"))
    number = (data.get("document_number") or "").strip()
    if document is None and not number:
        errors["document_number"] = (_("Ghi văn bản giao nhiệm vụ: chọn văn bản trong sổ văn bản hoặc nhập "
                                       "số, ký hiệu văn bản (ví dụ 1234/QĐ-UBND)."))
    content = text(data, "content", _("nội dung nhiệm vụ được giao"), errors)
    start = year_of(data, "year_from", errors, label=_("năm bắt đầu"))
    end = data.get("year_to")
    if end not in (None, ""):
        try:
            end = int(end)
        except (TypeError, ValueError):
            errors["year_to"] = _("Năm kết thúc phải là 4 chữ số, hoặc để trống.")
            end = None
        else:
            if start is not None and end < start:
                errors["year_to"] = _("Năm kết thúc (%(end)s) không thể trước năm bắt đầu (%(start)s).") % {"end": end, "start": start}
    else:
        end = None
    if errors:
        raise ValidationError(errors)
    return object_create(actor=actor, model=StateTask, data={
        "association": association, "document": document, "document_number": number or (document.code if document
                                                                                           else ""),
        "content": content, "year_from": start, "year_to": end}, action="activities.state_task.recorded")


@transaction.atomic
def state_support_record(*, actor: Any, task: StateTask | None, data: dict[str, Any]) -> StateSupport:
    """State money for one year of an assigned task. Without a task it is refused, never recorded."""
    require(actor, "activities.record_state_support", task.association if task is not None else None)
    if task is None:
        raise ValidationError({"task": NO_TASK})
    errors: dict[str, str] = {}
    money = amount(data, "amount", _("số tiền hỗ trợ"), errors)
    if not errors and money == 0:
        errors["amount"] = _("Số tiền hỗ trợ phải lớn hơn 0.")
    year = year_of(data, "year", errors, label=_("năm cấp kinh phí"))
    if year is not None and "year" not in errors and not task.covers(year):
        span = f"{task.year_from}–{task.year_to}" if task.year_to else _("từ %(year_from)s") % {"year_from": task.year_from}
        errors["year"] = (_("Nhiệm vụ “%(task)s” được giao %(span)s; năm %(year)s không thuộc thời gian đó. "
                            "Chọn đúng năm hoặc ghi nhiệm vụ được giao cho năm này.") % {"task": task.content[:60], "span": span, "year": year})
    source = data.get("budget_source") or ""
    if source not in BudgetSource.values:
        errors["budget_source"] = _("Chọn nguồn kinh phí trong danh sách.")
    number = text(data, "document_number", _("số văn bản quyết định cấp kinh phí"), errors)
    if errors:
        raise ValidationError(errors)
    return object_create(actor=actor, model=StateSupport, data={
        "task": task, "year": year, "amount": money, "budget_source": source, "document_number": number,
        "decided_on": data.get("decided_on")}, action="activities.state_support.recorded")


def _check_lines(data: dict[str, Any], lines: dict[str, Any], total_name: str, total_label: str,
                 errors: dict[str, str]) -> dict[str, int]:
    values = {name: amount(data, name, str(label), errors, required=False) for name, label in lines.items()}
    total = amount(data, total_name, total_label, errors)
    if not errors.keys() & {total_name, *lines}:
        summed = sum(values.values())
        if summed != total:
            parts = "; ".join(f"{label} {vnd(values[name])}" for name, label in lines.items() if values[name])
            errors[total_name] = (_("%(total_label)s ghi %(total)s nhưng cộng các dòng (%(lines)s) được "
                                    "%(summed)s, chênh %(difference)s. Sửa dòng sai hoặc ô %(total_field)s.") % {"total_label": cap(total_label), "total": vnd(total), "lines": parts or _("không có dòng nào"), "summed": vnd(summed), "difference": vnd(abs(total - summed)), "total_field": total_label})
    return {**values, total_name: total}


@transaction.atomic
def finance_report(*, actor: Any, association: Any, data: dict[str, Any]) -> FinanceYear:
    """The association reports (or corrects) one year of its finances."""
    require(actor, "activities.report_finances", association)
    errors: dict[str, str] = {}
    year = year_of(data, "year", errors, founded=founded_year(association), label=_("năm tài chính"))
    values = _check_lines(data, REVENUE_LINES, "revenue_total", _("tổng thu"), errors)
    values |= _check_lines(data, EXPENSE_LINES, "expenditure_total", _("tổng chi"), errors)
    paid = count(data, "staff_paid", _("số người hưởng lương"), errors)
    state_paid = count(data, "staff_state_paid", _("số người hưởng lương từ ngân sách"), errors)
    if not errors.keys() & {"staff_paid", "staff_state_paid"} and state_paid > paid:
        errors["staff_state_paid"] = (_("Số người hưởng lương từ ngân sách (%(state_paid)s) không thể nhiều "
                                        "hơn tổng số người hưởng lương (%(paid)s).") % {"state_paid": state_paid, "paid": paid})
    if errors:
        raise ValidationError(errors)
    values |= {"staff_paid": paid, "staff_state_paid": state_paid, "note": (data.get("note") or "").strip()[:500]}
    lock(association)  # two reports of the same year queue here, so the second corrects the first
    existing = FinanceYear.objects.filter(association=association, year=year).first()
    if existing:
        return object_update(actor=actor, obj=existing, data=values, action="activities.finance.corrected",
                             expected_version=data.get("version"))
    return object_create(actor=actor, model=FinanceYear, data={"association": association, "year": year, **values},
                         action="activities.finance.reported")
