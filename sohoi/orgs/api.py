
import datetime
from typing import Annotated

from django.http import HttpRequest
from ninja import FilterLookup, FilterSchema, Query, Router, Schema
from ninja.pagination import paginate

from sohoi.core.scoping import get_scoped, restrict, scoped_view

from .models import AdminUnit, Unit, UnitGroup

prefix = "/units/"
router = Router()


class UnitOut(Schema):
    id: int
    name: str
    code: str
    kind: str
    level: str
    parent_id: int | None
    area_id: int | None
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    version: int


class UnitFilters(FilterSchema):
    kind: str | None = None
    q: Annotated[str | None, FilterLookup("name_folded__contains")] = None
    parent_id: int | None = None


class AdminUnitOut(Schema):
    id: int
    code: str
    name: str
    kind: str
    parent_id: int | None
    valid_to: datetime.date | None


class GroupOut(Schema):
    id: int
    name: str
    aliases: list[str]
    kinds: list[str]
    levels: list[str]
    root_id: int | None


@router.get("", response=list[UnitOut], summary="Danh sách cơ quan, đơn vị",
            description="Agencies and units in the caller's scope, a page at a time, filtered by kind, name or "
                        "parent. Units outside the scope are not listed.")
@paginate
def list_units(request: HttpRequest, filters: Query[UnitFilters], ordering: str = "path"):
    from sohoi.core.text import fold

    if filters.q:
        filters.q = fold(filters.q)
    qs = filters.filter(restrict(Unit.objects.all(), request.auth))
    return qs.order_by(ordering if ordering.lstrip("-") in {"path", "name", "code", "id"} else "path")


@router.get("/groups", response=list[GroupOut], summary="Nhóm đơn vị được giao việc",
            description="Groups of units that tasks can be assigned to, within the caller's scope.")
def list_groups(request: HttpRequest):
    return restrict(UnitGroup.objects.all(), request.auth)


@router.get("/admin-units", response=list[AdminUnitOut], summary="Đơn vị hành chính",
            description="Administrative units (province, commune), filtered by kind and parent; any signed-in "
                        "user may read them.")
@paginate
def list_admin_units(request: HttpRequest, kind: str | None = None, parent_id: int | None = None):
    qs = restrict(AdminUnit.objects.all(), request.auth)
    if kind:
        qs = qs.filter(kind=kind)
    if parent_id:
        qs = qs.filter(parent_id=parent_id)
    return qs


@router.get("/{int:unit_id}", response=UnitOut, summary="Một cơ quan, đơn vị",
            description="One agency or unit. A unit outside the caller's scope answers 404.")
@scoped_view(Unit)
def get_unit(request: HttpRequest, unit_id: int):
    return get_scoped(Unit, request.auth, pk=unit_id)
