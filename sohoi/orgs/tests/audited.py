import datetime

from sohoi.orgs.choices import UnitKind
from sohoi.orgs.models import AdminUnit, Unit, UnitAlias, UnitGroup
from sohoi.orgs.services import group_create, unit_alias_add, unit_create


def _alias(actor):
    return unit_alias_add(actor=actor, unit=Unit.objects.get(code="BDVTU"), alias="Ban Dân vận TP")


WRITES = {
    Unit: lambda actor: unit_create(actor=actor, name="Đơn vị thử", kind=UnitKind.DEPARTMENT,
                                    valid_from=datetime.date(2026, 1, 1)),
    UnitAlias: _alias,
    UnitGroup: lambda actor: group_create(actor=actor, name="Nhóm thử", kinds=[UnitKind.DEPARTMENT]),
}
EXEMPT = {AdminUnit: "Reference data loaded from the vietnam-provinces package by a loader, not edited in the app."}
