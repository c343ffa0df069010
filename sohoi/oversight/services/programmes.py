"""Coordination programmes between the Fatherland Front and associations, with their yearly results."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sohoi.core.permissions import require
from sohoi.core.services import object_create, object_update

from ..models import Programme, ProgrammeResult


@transaction.atomic
def programme_create(*, actor: Any, data: dict[str, Any]) -> Programme:
    require(actor, "oversight.create_programme")
    if data.get("lead_unit") is not None:
        require(actor, "oversight.lead_from", data["lead_unit"])
    errors: dict[str, str] = {}
    if not (data.get("title") or "").strip():
        errors["title"] = _("Nhập tên chương trình phối hợp.")
    if data.get("lead_unit") is None:
        errors["lead_unit"] = _("Chọn đơn vị chủ trì.")
    if not data.get("parties"):
        errors["parties"] = _("Chọn ít nhất một hội hoặc đơn vị phối hợp.")
    start, end = data.get("start_year"), data.get("end_year")
    if start is None or end is None or end < start:
        errors["end_year"] = _("Năm kết thúc phải từ năm bắt đầu trở đi. Sửa lại hai ô năm.")
    if errors:
        raise ValidationError(errors)
    return object_create(actor=actor, model=Programme, data=dict(data), action="oversight.programme.created")


@transaction.atomic
def programme_result_record(*, actor: Any, programme: Programme, year: int, results: str) -> ProgrammeResult:
    """The results of one year (a second call for the same year corrects them)."""
    require(actor, "oversight.change_programme", programme)
    errors: dict[str, str] = {}
    if year is None or not programme.start_year <= int(year) <= programme.end_year:
        errors["year"] = (_("Năm phải nằm trong thời gian của chương trình (%(start_year)s–%(end_year)s).") % {"start_year": programme.start_year, "end_year": programme.end_year})
    if not (results or "").strip():
        errors["results"] = _("Nhập kết quả phối hợp của năm.")
    if errors:
        raise ValidationError(errors)
    existing = ProgrammeResult.objects.filter(programme=programme, year=year).first()
    if existing:
        return object_update(actor=actor, obj=existing, data={"results": results.strip()},
                             action="oversight.programme_result.updated")
    return object_create(actor=actor, model=ProgrammeResult, data={
        "programme": programme, "year": int(year), "results": results.strip()},
        action="oversight.programme_result.recorded")
