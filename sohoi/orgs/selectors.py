"""Reads on the tree of bodies, and resolution of the names documents use."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from sohoi.core.scoping import restrict
from sohoi.core.text import fold

from .models import AdminUnit, Unit, UnitAlias, UnitGroup


def unit_list(*, user: Any, filters: dict[str, Any] | None = None):
    qs = restrict(Unit.objects.select_related("parent", "area"), user)
    filters = filters or {}
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    if filters.get("q"):
        qs = qs.filter(name__icontains=filters["q"])
    if filters.get("current"):
        qs = qs.valid_on()
    return qs


def admin_unit_list(*, user: Any):
    return restrict(AdminUnit.objects.select_related("parent"), user)


@dataclass
class Resolution:
    """What a name in a document stands for: one unit, a group (fanned out to units), or nothing."""

    name: str
    unit: Unit | None = None
    group: UnitGroup | None = None
    candidates: list[Unit] = field(default_factory=list)

    @property
    def resolved(self) -> bool:
        return self.unit is not None or self.group is not None

    def units(self, on: datetime.date | None = None) -> list[Unit]:
        if self.unit is not None:
            return [self.unit]
        if self.group is not None:
            return list(self.group.members(on))
        return []


def _strip_article(folded: str) -> str:
    for prefix in ("cac ", "nhung "):
        if folded.startswith(prefix):
            return folded[len(prefix):]
    return folded


def resolve_name(name: str, on: datetime.date | None = None, issuer: Unit | None = None) -> Resolution:
    """Exact folded match on unit names, aliases and group names/aliases; ambiguity is left to a person.
    Aliases taught on a review screen count only inside documents of the issuer they were taught on."""
    key = fold(name)
    res = Resolution(name=name)
    if not key:
        return res
    for group in UnitGroup.objects.all():
        keys = {fold(group.name), *(fold(a) for a in group.aliases)}
        if key in keys or _strip_article(key) in {_strip_article(k) for k in keys}:
            res.group = group
            return res
    aliases = UnitAlias.objects.filter(folded=key)
    aliases = aliases.filter(Q(issuer__isnull=True) | Q(issuer=issuer)) if issuer else aliases.filter(issuer__isnull=True)
    alias_unit_ids = aliases.values_list("unit_id", flat=True)
    matches = [u for u in Unit.objects.filter(pk__in=alias_unit_ids)]
    if not matches:
        matches = list(Unit.objects.filter(name_folded=key))
    if on is not None and len(matches) > 1:
        matches = [u for u in matches if u.is_valid_on(on)] or matches
    if len(matches) == 1:
        res.unit = matches[0]
    else:
        res.candidates = matches
    return res
