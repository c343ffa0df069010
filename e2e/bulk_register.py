"""A register at national size inside the journeys' database: `python -m e2e.bulk_register add N` writes N
synthetic associations (each with its unit) in a few seconds through core.bulk; `... remove` deletes them and
what a journey attached to them. Run by the journeys (conftest.on_server_db) with the live server's
environment, so it writes to the server's database, not to a test database of this process.

The rows carry MARK as their founding decision number: `remove` finds them by it and nothing else.
"""

from __future__ import annotations

import datetime
import os
import sys

MARK = "E2E-KHOI-LON"  # founding decision number of every bulk row (never a real decision's number)
ANCHOR = "Hội Khuyến học quận Ninh Kiều"  # a demo association: the bulk rows hang beside it in the tree
STEMS = ("Khuyến học", "Người cao tuổi", "Cựu giáo chức", "Sinh vật cảnh", "Làm vườn", "Đông y", "Cựu thanh niên xung phong",
         "Nạn nhân chất độc da cam", "Bảo trợ người khuyết tật", "Cờ tướng")
PLACES = ("An Bình", "Cái Khế", "Hưng Lợi", "Xuân Khánh", "Tân An", "An Hòa", "Thới Bình", "An Khánh")


def name(i: int) -> str:
    """The i-th bulk association's name: varied words, one number that tells it apart."""
    return f"Chi hội {STEMS[i % len(STEMS)]} khu vực {PLACES[(i // len(STEMS)) % len(PLACES)]} số {i + 1}"


def add(count: int) -> None:
    from django.db import transaction

    from sohoi.associations.models import Association
    from sohoi.core import bulk
    from sohoi.core.text import fold
    from sohoi.orgs.choices import UnitKind
    from sohoi.orgs.models import Unit, tree_path

    anchor = Association.objects.select_related("unit__parent").get(name=ANCHOR)
    parent = anchor.unit.parent
    founded = datetime.date(2026, 1, 5)
    with transaction.atomic():
        unit_ids = bulk.reserve_ids(Unit, count)
        units = [Unit(pk=pk, name=name(i), name_folded=fold(name(i)), kind=UnitKind.BRANCH, level=anchor.unit.level,
                      parent_id=parent.pk, path=tree_path(parent.path, pk), area_id=anchor.territory_id,
                      valid_from=founded) for i, pk in enumerate(unit_ids)]
        bulk.insert(Unit, units)
        rows = []
        for i, unit in enumerate(units):
            row = Association(unit_id=unit.pk, name=unit.name, field_id=anchor.field_id, scope_level=anchor.scope_level,
                              territory_id=anchor.territory_id, status=anchor.status, status_since=founded,
                              founding_decision_number=MARK, founding_decision_date=founded,
                              members_individual=20 + i % 300, members_reported_on=founded)
            row.fill_derived()
            rows.append(row)
        bulk.insert(Association, rows)


def remove() -> None:
    from django.db import transaction

    from sohoi.associations.models import Association
    from sohoi.orgs.models import Unit
    from sohoi.party.models import PartyOrganisation

    with transaction.atomic():
        mine = Association.objects.filter(founding_decision_number=MARK)
        PartyOrganisation.objects.filter(association__in=mine).delete()  # what the journey saved
        units = list(mine.values_list("unit_id", flat=True))
        # Nothing else refers to these rows (they were written a minute ago): delete without the collector's
        # per-relation queries; a reference would still be caught by SQLite's foreign keys.
        mine._raw_delete(mine.db)
        for start in range(0, len(units), 500):
            Unit.objects.filter(pk__in=units[start:start + 500])._raw_delete("default")


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sohoi.config.settings")
    import django

    django.setup()
    if argv[:1] == ["add"] and len(argv) == 2:
        add(int(argv[1]))
    elif argv == ["remove"]:
        remove()
    else:
        print("usage: python -m e2e.bulk_register add N | remove", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
