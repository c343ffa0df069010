"""The one audit trail: `record()` is called by every service that writes."""

from __future__ import annotations

import datetime
import decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.files import FieldFile

from .models import AuditEntry


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    if isinstance(value, FieldFile):
        return value.name or None
    return value


def snapshot(obj: models.Model) -> dict[str, Any]:
    """Concrete field values (FKs as their ids) for a field-level diff."""
    exclude = set(getattr(obj, "AUDIT_EXCLUDE", ()))
    data: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if field.name in exclude or field.primary_key:
            continue
        data[field.name] = _plain(getattr(obj, field.attname))
    return data


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}


def record(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    changes: dict[str, Any] | None = None,
    note: str = "",
) -> AuditEntry:
    """Append one audit row. `actor` may be None for system jobs (demo loader, reminders)."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    entry = AuditEntry(
        actor=user,
        actor_unit_id=getattr(user, "unit_id", None),
        action=action,
        changes={k: _plain(v) for k, v in (changes or {}).items()},
        note=note[:500],
    )
    if target is not None:
        entry.target_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
        entry.target_id = str(target.pk)
        entry.target_repr = str(target)[:300]
    entry.save()
    return entry


def history_for(obj: models.Model):
    ct = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    return AuditEntry.objects.filter(target_type=ct, target_id=str(obj.pk)).select_related("actor", "actor_unit")
