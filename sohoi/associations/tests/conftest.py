from __future__ import annotations

import datetime

import pytest

from sohoi.associations import services
from sohoi.associations.choices import ScopeLevel
from sohoi.associations.models import Association, FieldOfActivity
from sohoi.orgs.models import AdminUnit, Unit


@pytest.fixture
def city(db):
    return AdminUnit.objects.get(code="92")


@pytest.fixture
def mttq(db):
    return Unit.objects.get(name="Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ")


@pytest.fixture
def founding(users, city, mttq):
    """make(name=..., **profile) -> a new association at 'founding committee recognised', by the Department."""

    def make(name: str = "Hội Nghiên cứu Lịch sử thành phố Cần Thơ", scope: str = ScopeLevel.PROVINCE,
             field: str = "science_technology", **data) -> Association:
        data.setdefault("territory", city)
        return services.association_create(
            actor=users["noivu"], name=name, field=FieldOfActivity.objects.get(code=field), scope_level=scope,
            parent=mttq, committee_decision={"number": "1/QĐ-UBND", "date": datetime.date(2024, 10, 1), "members": 5},
            **data)

    return make


@pytest.fixture
def assoc(db):
    return lambda name: Association.objects.get(name=name)
