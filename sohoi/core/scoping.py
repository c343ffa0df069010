"""Scoping in ONE place: `restrict(queryset, user, action)`.

Every selector, view and API endpoint reads through it. Each model declares a `SCOPE` policy; a model
without one cannot be read through the app (restrict raises), which the scoping test enforces.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from sohoi.accounts.choices import READ_ALL_ROLES, SENSITIVE_DATA_ROLES, Role
from sohoi.core import memo

VIEW = "view"
CHANGE = "change"
ADMIN_ONLY = frozenset({Role.ADMIN})


@dataclass(frozen=True)
class ScopePolicy:
    """Who sees and changes which rows of a model.

    unit_field: lookup from the model to the orgs.Unit that owns the row ("" = the row is a Unit,
        None = not owned by a unit). Users without a read-all role see rows owned by their unit's subtree.
    everyone_views: reference data any signed-in user may read (names of bodies, administrative units).
    change_all: roles that may change every row; change_own: roles that may change rows in their subtree.
    also: optional function (user, action) -> Q adding rows a user may reach otherwise (e.g. an officer's
        assigned associations); OR-ed with the subtree rule.
        It must filter by `pk__in=<subquery>` so that rows are never duplicated.
    territory_field: optional lookup from the model to an orgs.AdminUnit ("territory" for an association,
        "association__territory" for its child rows). Users holding one of `territory_roles` also SEE (never
        change) the rows whose territory lies within their unit's area: the Party line of leadership and the
        territory are both real, so a district committee sees its district's associations even when the tree
        files them under the Fatherland Front or a city association (issue 10).
    """

    unit_field: str | None = "unit"
    view_all: frozenset[str] = READ_ALL_ROLES
    everyone_views: bool = False
    change_all: frozenset[str] = ADMIN_ONLY
    change_own: frozenset[str] = field(default_factory=frozenset)
    also: Callable[[Any, str], Q] | None = None
    territory_field: str | None = None
    territory_roles: frozenset[str] = field(default_factory=frozenset)


def _overlaps(a: Any, b: Any) -> bool:
    """Two validity intervals (objects with valid_from / valid_to, None = open) share at least one day."""
    return ((a.valid_from is None or b.valid_to is None or a.valid_from <= b.valid_to)
            and (b.valid_from is None or a.valid_to is None or b.valid_from <= a.valid_to))


def territory_ids(user: Any) -> list[int]:
    """The administrative units a user's unit covers (`area_ids` of its `area`), cached on the user object for
    the request."""
    cached = getattr(user, "_territory_ids", None)
    if cached is not None:
        return cached
    unit = user.unit if user.unit_id else None
    result = area_ids(unit.area) if unit is not None and unit.area_id else []
    with contextlib.suppress(AttributeError):  # an object that takes no attributes: computed again next time
        user._territory_ids = result
    return result


def area_ids(area: Any) -> list[int]:
    """An administrative unit and what it covers: the units below it (AdminUnit.parent) whose validity overlaps
    its own (a former district's communes, not those of another era), and the units that succeeded it (a former
    district -> today's wards), with theirs. A handful of small indexed queries, one per level of the (at most
    four-level) administrative tree. Used by territory scope and by the indicators' territory filter."""
    from sohoi.orgs.models import AdminUnit

    seen: dict[int, Any] = {}
    frontier = [area] if area is not None else []
    while frontier:
        for a in frontier:
            seen[a.pk] = a
        ids = [a.pk for a in frontier]
        by_pk = {a.pk: a for a in frontier}
        nxt = [c for c in AdminUnit.objects.filter(parent_id__in=ids)
               if c.pk not in seen and _overlaps(c, by_pk[c.parent_id])]
        through = AdminUnit.successors.through
        succ_ids = set(through.objects.filter(from_adminunit_id__in=ids).values_list("to_adminunit_id", flat=True))
        nxt += [s for s in AdminUnit.objects.filter(pk__in=succ_ids - set(seen))]
        frontier = list({a.pk: a for a in nxt if a.pk not in seen}.values())
    return sorted(seen)


def _territory_q(policy: ScopePolicy, user: Any) -> Q | None:
    if not policy.territory_field or not (user.role_codes & policy.territory_roles):
        return None
    ids = territory_ids(user)
    return Q(**{f"{policy.territory_field}__in": ids}) if ids else None


def _subtree_q(policy: ScopePolicy, user: Any) -> Q:
    if policy.unit_field is None or user.unit_id is None:
        return Q(pk__in=[])
    prefix = f"{policy.unit_field}__path" if policy.unit_field else "path"
    return Q(**{f"{prefix}__startswith": user.unit.path})


def scope_q(model: type[models.Model], user: Any, action: str = VIEW) -> Q | None:
    """The filter for `user` doing `action` on `model`; None means every row."""
    policy: ScopePolicy | None = getattr(model, "SCOPE", None)
    if policy is None:
        raise LookupError(f"{model.__name__} has no SCOPE policy")
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[])
    roles = user.role_codes
    if action == VIEW:
        if policy.everyone_views or roles & policy.view_all:
            return None
        q = _subtree_q(policy, user)
        territory = _territory_q(policy, user)
        if territory is not None:
            q |= territory
    else:
        if roles & policy.change_all:
            return None
        q = _subtree_q(policy, user) if roles & policy.change_own else Q(pk__in=[])
    if policy.also is not None:
        q |= policy.also(user, action)
    return q


def restrict(qs: models.QuerySet, user: Any, action: str = VIEW) -> models.QuerySet:
    q = scope_q(qs.model, user, action)
    return qs if q is None else qs.filter(q)


def get_scoped(qs_or_model: models.QuerySet | type[models.Model], user: Any, action: str = VIEW, **lookup: Any):
    """The object, or 404 when it does not exist OR lies outside what the user may see (no leak of its
    existence); for a change, 403 when the user may see it but not change it."""
    qs = qs_or_model if isinstance(qs_or_model, models.QuerySet) else qs_or_model._default_manager.all()
    try:
        obj = restrict(qs, user, VIEW).get(**lookup)
    except (qs.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
    if action != VIEW and not can(user, action, obj):
        raise PermissionDenied(_("Vai trò của bạn được xem nhưng không được sửa mục này."))
    return obj


def can(user: Any, action: str, obj: models.Model) -> bool:
    """Whether `obj` lies in the user's scope for `action`; remembered for the request (a page asks it once per
    button: the association page asked the same question fourteen times), forgotten by any write."""
    key = ("scoping.can", getattr(user, "pk", None), action, obj._meta.label, obj.pk)
    return memo.remember(key, lambda: restrict(type(obj)._default_manager.filter(pk=obj.pk), user, action).exists())


def can_see_sensitive(user: Any) -> bool:
    """Party membership, ID numbers, criminal records: only roles that need them (domain.md §6)."""
    return bool(getattr(user, "is_authenticated", False) and user.role_codes & SENSITIVE_DATA_ROLES)


def scoped_view(model: type[models.Model]) -> Callable:
    """Declare which model a view's URL id refers to; the access-matrix test uses it to check that the
    view answers 200 exactly for the objects `restrict` allows and 404 for all others."""

    def mark(view: Callable) -> Callable:
        view.scoped_model = model
        return view

    return mark
