"""Writes on the tree of bodies: every change keeps `path` right and leaves an audit row."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sohoi.core import audit
from sohoi.core.services import object_create, object_update
from sohoi.core.text import fold

from .models import Unit, UnitAlias, UnitGroup, tree_path


@transaction.atomic
def unit_create(*, actor: Any, name: str, kind: str, parent: Unit | None = None, aliases: list[str] | None = None,
                **fields: Any) -> Unit:
    unit = object_create(actor=actor, model=Unit, data={"name": name, "kind": kind, "parent": parent, **fields},
                         action="orgs.unit.created")
    unit.path = tree_path(parent.path if parent else None, unit.pk)
    unit.save(update_fields=["path"])
    for alias in aliases or []:
        unit_alias_add(actor=actor, unit=unit, alias=alias)
    return unit


@transaction.atomic
def unit_update(*, actor: Any, unit: Unit, data: dict[str, Any], expected_version: int | None = None) -> Unit:
    new_parent = data.get("parent", unit.parent)
    if new_parent is not None and new_parent.path.startswith(unit.path):
        raise ValidationError({"parent": _("Không thể đặt một đơn vị trực thuộc chính nó hoặc đơn vị cấp dưới của nó.")})
    moved = new_parent != unit.parent
    unit = object_update(actor=actor, obj=unit, data=data, action="orgs.unit.updated",
                         expected_version=expected_version)
    if moved:
        _rewrite_paths(unit)
    return unit


def _rewrite_paths(unit: Unit) -> None:
    old = unit.path
    new = tree_path(unit.parent.path if unit.parent else None, unit.pk)
    for node in Unit.objects.filter(path__startswith=old).only("pk", "path"):
        node.path = new + node.path[len(old):]
        node.save(update_fields=["path"])


@transaction.atomic
def unit_close(*, actor: Any, unit: Unit, on: datetime.date, successors: list[Unit] | None = None) -> Unit:
    """A unit stops existing (merger, 2025 reform); records made before keep pointing at it."""
    if unit.valid_from and on < unit.valid_from:
        raise ValidationError({"valid_to": _("Ngày kết thúc không được trước ngày bắt đầu hoạt động.")})
    unit = object_update(actor=actor, obj=unit, data={"valid_to": on}, action="orgs.unit.closed")
    if successors:
        unit.successors.add(*successors)
        audit.record(actor=actor, action="orgs.unit.successors_set", target=unit,
                     changes={"successors": [None, [str(s) for s in successors]]})
    return unit


@transaction.atomic
def unit_alias_add(*, actor: Any, unit: Unit, alias: str, issuer: Unit | None = None) -> UnitAlias:
    """Remember `alias` as a name of `unit`; with `issuer`, only in that issuer's documents."""
    alias = " ".join(alias.split())
    if not fold(alias):
        raise ValidationError({"alias": _("Tên gọi khác không được để trống.")})
    existing = UnitAlias.objects.filter(unit=unit, folded=fold(alias), issuer=issuer).first()
    if existing:
        return existing
    obj = UnitAlias.objects.create(unit=unit, alias=alias, issuer=issuer)
    audit.record(actor=actor, action="orgs.unit.alias_added", target=unit,
                 changes={"alias": [None, alias], "issuer": [None, str(issuer) if issuer else None]})
    return obj


def group_create(*, actor: Any, name: str, kinds: list[str], **fields: Any) -> UnitGroup:
    return object_create(actor=actor, model=UnitGroup, data={"name": name, "kinds": kinds, **fields},
                         action="orgs.group.created")
