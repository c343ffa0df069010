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
    """What a name in a document stands for: one unit, a group (fanned out to units), or nothing.
    `alias` is the learned or reference name that decided it, `relative` says the name was read as the
    issuer's own body ("Ban Tuyên giáo Quận ủy" in a district committee's document)."""

    name: str
    unit: Unit | None = None
    group: UnitGroup | None = None
    candidates: list[Unit] = field(default_factory=list)
    alias: UnitAlias | None = None
    relative: bool = False

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


# A name that ends with the level of a body but not its place ("Ban Tuyên giáo Quận ủy", "Phòng Nội vụ
# quận") means the body of that level the document comes from: it is read relative to the issuer.
GENERIC_ENDINGS = ("quan uy", "huyen uy", "thi uy", "thanh uy", "tinh uy", "dang uy", "quan", "huyen",
                   "thi xa", "thanh pho", "tinh", "phuong", "xa")


def is_generic(folded: str) -> bool:
    return any(folded == e or folded.endswith(" " + e) for e in GENERIC_ENDINGS)


def _relative(key: str, issuer: Unit, on: datetime.date | None) -> list[Unit]:
    """Units of the issuer's own territory (same area, or in its subtree) whose name is the generic name
    followed by the place: "Ban Tuyên giáo Quận ủy" -> "Ban Tuyên giáo Quận ủy Ô Môn"."""
    near = Q(path__startswith=issuer.path)
    if issuer.area_id:
        near |= Q(area_id=issuer.area_id)
    qs = Unit.objects.filter(near).filter(Q(name_folded=key) | Q(name_folded__startswith=key + " "))
    if on is not None:
        qs = qs.valid_on(on)
    return list(qs[:5])


def resolve_name(name: str, on: datetime.date | None = None, issuer: Unit | None = None) -> Resolution:
    """Exact folded match on unit names, aliases and group names/aliases; ambiguity is left to a person.
    Aliases taught on a review screen count only inside documents of the issuer they were taught on.
    A generic name (level without place) is read relative to the issuer first, and never resolves to
    another territory's body through an alias learned there."""
    key = fold(name)
    res = Resolution(name=name)
    if not key:
        return res
    for group in UnitGroup.objects.all():
        keys = {fold(group.name), *(fold(a) for a in group.aliases)}
        if key in keys or _strip_article(key) in {_strip_article(k) for k in keys}:
            res.group = group
            return res
    aliases = UnitAlias.objects.filter(folded=key).select_related("unit", "issuer")
    if issuer is not None:
        taught = [a for a in aliases if a.issuer_id == issuer.pk]
        if len({a.unit_id for a in taught}) == 1:  # what was taught for this very issuer wins
            res.unit, res.alias = taught[0].unit, taught[0]
            return res
        if is_generic(key):
            near = _relative(key, issuer, on)
            if len(near) == 1:
                res.unit, res.relative = near[0], near[0].name_folded != key  # its full name is no inference
                return res
    reference = [a for a in aliases if a.issuer_id is None]
    matches = list({a.unit_id: a.unit for a in reference}.values())
    if not matches:
        matches = list(Unit.objects.filter(name_folded=key))
    if on is not None and len(matches) > 1:
        matches = [u for u in matches if u.is_valid_on(on)] or matches
    if len(matches) == 1:
        res.unit = matches[0]
        res.alias = next((a for a in reference if a.unit_id == matches[0].pk), None)
    else:
        res.candidates = matches
    return res


# Plural names for "the Party organisations directly under the issuer": in Quận ủy Ô Môn's document they are
# Ô Môn's base organisations, never a group fixed once for the whole city.
BASE_PARTY_NAMES = frozenset({"cac chi dang bo co so", "cac chi bo dang bo co so", "cac dang bo co so",
                              "cac to chuc co so dang", "cac chi dang bo co so truc thuoc",
                              "cac chi bo dang bo co so truc thuoc", "cac dang bo co so truc thuoc"})


def relative_members(name: str, issuer: Unit | None, on: datetime.date | None = None) -> list[Unit]:
    """The units a plural name such as "Các chi, đảng bộ cơ sở" stands for in `issuer`'s document: the Party
    committees directly under the issuer, valid on `on`. Empty when the name is not one of these or the
    issuer is unknown (then a person chooses)."""
    from .choices import UnitKind

    if issuer is None or fold(name) not in BASE_PARTY_NAMES:
        return []
    qs = Unit.objects.filter(parent=issuer, kind=UnitKind.PARTY_COMMITTEE)
    if on is not None:
        qs = qs.valid_on(on)
    return list(qs.order_by("path")[:200])


def unit_full_path(unit: Unit) -> str:
    """"Thành ủy Cần Thơ › Quận ủy Ô Môn › Ban Tuyên giáo Quận ủy Ô Môn": where a unit sits, so that a
    wrong district stands out."""
    return " › ".join([*(u.name for u in unit.ancestors()), unit.name])
