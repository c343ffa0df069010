"""Scope policies shared by the registry models (one place, so that every child model follows its association)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from sohoi.accounts.choices import READ_ALL_ROLES, Role
from sohoi.core.scoping import ScopePolicy

# The Department of Home Affairs and the People's Committee run state management of every association,
# so they read the whole register; the Department also changes it.
VIEW_ALL = READ_ALL_ROLES | {Role.HOME_AFFAIRS, Role.PEOPLES_COMMITTEE}
CHANGE_ALL = frozenset({Role.ADMIN, Role.HOME_AFFAIRS})


def assigned_association_ids(user: Any):
    """Subquery: associations an officer currently follows, plus their branches (one level down)."""
    from .monitoring import OfficerAssignment
    from .registry import Association

    direct = OfficerAssignment.objects.filter(officer_id=user.pk, ended_on__isnull=True).values("association_id")
    units = OfficerAssignment.objects.filter(officer_id=user.pk, ended_on__isnull=True).values("association__unit_id")
    return Association.objects.filter(Q(pk__in=direct) | Q(unit__parent_id__in=units)).values("pk")


def _officer_q(prefix: str):
    def also(user: Any, action: str) -> Q:
        if Role.HOME_AFFAIRS_OFFICER not in user.role_codes:
            return Q(pk__in=[])
        return Q(**{f"{prefix}__in": assigned_association_ids(user)})

    return also


ASSOCIATION_SCOPE = ScopePolicy(unit_field="unit", view_all=VIEW_ALL, change_all=CHANGE_ALL,
                                change_own=frozenset({Role.ASSOCIATION_STAFF}), also=_officer_q("pk"))
# Rows that belong to one association (leaders, congresses, members, logs) follow its scope.
CHILD_SCOPE = ScopePolicy(unit_field="association__unit", view_all=VIEW_ALL, change_all=CHANGE_ALL,
                          change_own=frozenset({Role.ASSOCIATION_STAFF}), also=_officer_q("association_id"))
# Monitoring is the Department's own work: officers write their logs, association staff only read them.
MONITORING_SCOPE = ScopePolicy(unit_field="association__unit", view_all=VIEW_ALL, change_all=CHANGE_ALL,
                               also=_officer_q("association_id"))
