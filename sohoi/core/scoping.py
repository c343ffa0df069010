"""Scoping in ONE place: `restrict(queryset, user, action)`.

Every selector, view and API endpoint reads through it. Each model declares a `SCOPE` policy; a model
without one cannot be read through the app (restrict raises), which the scoping test enforces.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404

from sohoi.accounts.choices import READ_ALL_ROLES, SENSITIVE_DATA_ROLES, Role

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
    """

    unit_field: str | None = "unit"
    view_all: frozenset[str] = READ_ALL_ROLES
    everyone_views: bool = False
    change_all: frozenset[str] = ADMIN_ONLY
    change_own: frozenset[str] = field(default_factory=frozenset)
    also: Callable[[Any, str], Q] | None = None


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
        raise PermissionDenied("Vai trò của bạn được xem nhưng không được sửa mục này.")
    return obj


def can(user: Any, action: str, obj: models.Model) -> bool:
    return restrict(type(obj)._default_manager.filter(pk=obj.pk), user, action).exists()


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
