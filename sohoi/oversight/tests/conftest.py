from __future__ import annotations

import datetime

import pytest

from sohoi.orgs.models import Unit
from sohoi.oversight import services
from sohoi.oversight.models import Activity

FRONT = "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ"


@pytest.fixture
def unit():
    return lambda name: Unit.objects.get(name=name)


@pytest.fixture
def demo():
    """The demo activities by a word of their subject."""
    def get(prefix: str) -> Activity:
        return Activity.objects.get(subject__startswith=prefix)

    return get


@pytest.fixture
def planned(users, unit):
    """A new thematic supervision of the Front, planned."""
    def make(**extra) -> Activity:
        data = {"kind": "supervision", "form": "thematic", "subject": "Giám sát thử", "lead_unit": unit(FRONT),
                "examined": [unit("Quận ủy Ninh Kiều")], "planned_start": datetime.date(2026, 1, 5),
                "planned_end": datetime.date(2026, 2, 5), **extra}
        return services.activity_create(actor=users["mattran"], data=data)

    return make
