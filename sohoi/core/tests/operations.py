"""Writes of the core app for the write matrix: the holiday calendar is kept by the administrator."""

from __future__ import annotations

from dataclasses import dataclass

from sohoi.core.models import Holiday
from tests.permission_matrix import Operation


def _holidays() -> list[Holiday]:
    row = Holiday.objects.order_by("day").first() or Holiday.objects.create(day="2030-01-01", name="Tết Dương lịch")
    return [row]


@dataclass(frozen=True)
class _Ref:
    """A deleted row cannot be fetched again: the matrix keeps this reference instead of the model object."""

    pk: int


OPERATIONS = [
    Operation(
        name="core.holiday_add (page)", route="core:holidays", url=lambda t: "/ngay-nghi/", targets=lambda: [None],
        payload=lambda t: {"day": "2031-09-03", "name": "Nghỉ bù Quốc khánh (thử)", "legal_basis": "Thông báo thử"},
        allowed=lambda name, user, t: name == "quantri",
        state=lambda t: Holiday.objects.filter(day="2031-09-03").count(), action="core.", audit_target=False),
    # The API (issue 17: API parity): add, correct and remove a day; the administrator only.
    Operation(
        name="core.holiday_add (API)", route="POST /api/v1/holidays", api=True, url=lambda t: "/api/v1/holidays",
        targets=lambda: [None],
        payload=lambda t: {"day": "2031-09-03", "name": "Nghỉ bù Quốc khánh (thử)", "legal_basis": "Thông báo thử"},
        allowed=lambda name, user, t: name == "quantri",
        state=lambda t: Holiday.objects.filter(day="2031-09-03").count(), action="core.holiday.created",
        audit_target=False),
    Operation(
        name="core.holiday_update (API)", route="PATCH /api/v1/holidays/{holiday_id}", api=True, method="PATCH",
        url=lambda h: f"/api/v1/holidays/{h.pk}", targets=_holidays, payload=lambda h: {"name": h.name + " (sửa)"},
        allowed=lambda name, user, h: name == "quantri", state=lambda h: h.name, action="core.holiday.updated"),
    Operation(
        name="core.holiday_delete (API)", route="DELETE /api/v1/holidays/{holiday_id}", api=True, method="DELETE",
        url=lambda h: f"/api/v1/holidays/{h.pk}", targets=lambda: [_Ref(_holidays()[0].pk)], payload=lambda h: {},
        allowed=lambda name, user, h: name == "quantri", state=lambda h: Holiday.objects.filter(pk=h.pk).exists(),
        action="core.holiday.deleted", audit_target=False),
]

