"""The one audit trail: `record()` is called by every service that writes; `record_many()` by the bulk paths
(register import, confirmation fan-out), one row per object in a few INSERTs.

Who may READ which rows is `audit_access.py`: pages call `visible_history()`, never `history_for()`."""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Iterable
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


BULK_BATCH = 1000


def _entry(user: Any, action: str, target: models.Model | None, changes: dict[str, Any] | None,
           note: str) -> AuditEntry:
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
    return entry


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
    entry = _entry(user, action, target, changes, note)
    entry.save()
    return entry


def record_many(
    *,
    actor: Any,
    action: str,
    rows: Iterable[tuple[models.Model, dict[str, Any] | None]],
    note: str = "",
    batch_size: int = BULK_BATCH,
) -> int:
    """Append one row per `(target, changes)` with `bulk_create`, `batch_size` rows per INSERT, so that a bulk
    write still gives every object its own history without one INSERT per object. Returns the row count.
    `str(target)` must not query (it is called once per row)."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    count = 0
    batch: list[AuditEntry] = []
    for target, changes in rows:
        batch.append(_entry(user, action, target, changes, note))
        if len(batch) >= batch_size:
            count += len(AuditEntry.objects.bulk_create(batch))
            batch = []
    if batch:
        count += len(AuditEntry.objects.bulk_create(batch))
    return count


def history_for(obj: models.Model):
    """Every row about `obj`, unfiltered: for services and tests. Pages show `visible_history()`."""
    ct = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    return AuditEntry.objects.filter(target_type=ct, target_id=str(obj.pk)).select_related("actor", "actor_unit")


def visible_history(obj: models.Model | None, user: Any, *, limit: int = 100):
    """The History tab of `obj` for `user`: None when the tab is not theirs (the template then shows no tab),
    else the latest `limit` rows they may read (audit_access.audit_visible)."""
    from .audit_access import object_history

    return object_history(obj, user, limit=limit)
