"""Search sources of the tree of bodies for search-as-you-type choices (core.lookup)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from sohoi.core.lookup import Source
from sohoi.core.text import fold

from .choices import UnitKind
from .models import Unit


def unit_q(text: str) -> Q:
    """Units named by `text`: the bodies of the political system by each word of their folded name (a few
    thousand rows even nationally, and the answer is LIMITed), associations and branches through the register's
    full-text index (associations.search), so the 40,000 associations are never scanned."""
    from sohoi.associations.models import Association
    from sohoi.associations.search import name_q

    words = fold(text).split()
    if not words:
        return Q(pk__in=[])
    bodies = Q(*[Q(name_folded__contains=w) for w in words]) & ~Q(kind__in=[UnitKind.ASSOCIATION, UnitKind.BRANCH])
    return bodies | Q(pk__in=Association.objects.filter(name_q(text)).values("unit_id"))


def units(user: Any, text: str) -> QuerySet[Unit]:
    # Every signed-in user reads the tree (orgs.permissions.UNIT_SCOPE); current units only.
    return Unit.objects.valid_on().filter(unit_q(text)).select_related("parent").order_by("path")


def unit_label(unit: Unit) -> str:
    return f"{unit.name} ({unit.parent.name})" if unit.parent_id else unit.name


SOURCES = {"units": Source(rows=units, label=unit_label)}
