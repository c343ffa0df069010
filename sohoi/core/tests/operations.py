"""Writes of the core app for the write matrix: the holiday calendar is kept by the administrator."""

from __future__ import annotations

from sohoi.core.models import Holiday
from tests.permission_matrix import Operation

OPERATIONS = [
    Operation(
        name="core.holiday_add (page)", route="core:holidays", url=lambda t: "/ngay-nghi/", targets=lambda: [None],
        payload=lambda t: {"day": "2031-09-03", "name": "Nghỉ bù Quốc khánh (thử)", "legal_basis": "Thông báo thử"},
        allowed=lambda name, user, t: name == "quantri",
        state=lambda t: Holiday.objects.filter(day="2031-09-03").count(), action="core.", audit_target=False),
]
