"""Search sources of the register for search-as-you-type choices (core.lookup)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from sohoi.core.lookup import Source
from sohoi.core.text import fold

from .permissions import monitoring_officers


def officers(user: Any, text: str) -> QuerySet:
    """Active monitoring officers by name or login, each with the associations they follow now (their load),
    least loaded first: the choice of an assignment. A few hundred rows at most; LIMITed by core.lookup."""
    words = fold(text).split()
    qs = monitoring_officers().select_related("unit").annotate(
        load=Count("association_assignments", filter=Q(association_assignments__ended_on__isnull=True)))
    for word in words:
        qs = qs.filter(Q(full_name__icontains=word) | Q(username__icontains=word))
    return qs.order_by("load", "full_name", "pk")


def officer_label(user: Any) -> str:
    load = getattr(user, "load", None)
    if load is None:
        load = user.association_assignments.filter(ended_on__isnull=True).count()
    unit = f" · {user.unit.name}" if user.unit_id else ""
    return _("%(name)s%(unit)s · đang theo dõi %(n)s hội") % {"name": user, "unit": unit, "n": load}


SOURCES = {"officers": Source(rows=officers, label=officer_label)}
