"""Reference data owned by core: the public-holiday calendar."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from .data_holidays import HOLIDAYS
from .models import Holiday


def load(log: Callable[[str], None] = print) -> None:
    existing = set(Holiday.objects.values_list("day", flat=True))
    rows = [Holiday(day=datetime.date.fromisoformat(f"{year}-{md}"), name=name, legal_basis="Bộ luật Lao động 2019, Điều 112")
            for year, days in HOLIDAYS.items() for md, name in days]
    Holiday.objects.bulk_create([r for r in rows if r.day not in existing])
    log(f"  Ngày nghỉ lễ: {Holiday.objects.count()}")
