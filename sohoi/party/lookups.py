"""Search sources of the Party records for search-as-you-type choices (core.lookup)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from sohoi.associations.search import name_q
from sohoi.core.lookup import Source

from .selectors import party_associations


def associations(user: Any, text: str) -> QuerySet:
    """Associations whose Party records the user may keep (the form's own queryset), by the register's
    full-text index."""
    if not text.strip():
        return party_associations(user=user).none()
    return party_associations(user=user).filter(name_q(text)).select_related("unit__parent").order_by("name_folded")


def association_label(association: Any) -> str:
    parent = association.unit.parent if association.unit_id else None
    return f"{association.name} ({parent.name})" if parent else association.name


SOURCES = {"party-associations": Source(rows=associations, label=association_label)}
