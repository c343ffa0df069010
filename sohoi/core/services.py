"""Generic writes for plain reference data: validate, save, audit, in one transaction.

Domain services with business rules call these helpers for the mechanics and add their rules around them.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from . import audit, memo

M = TypeVar("M", bound=models.Model)


class StaleEditError(ValidationError):
    """Raised when an edit was based on a version someone else has since changed."""


def _action(obj: models.Model, verb: str) -> str:
    return f"{obj._meta.app_label}.{obj._meta.model_name}.{verb}"


@transaction.atomic
def object_create(*, actor: Any, model: type[M], data: dict[str, Any], action: str | None = None) -> M:
    m2m = {k: data.pop(k) for k in list(data) if _is_m2m(model, k)}
    obj = model(**data)
    if hasattr(obj, "created_by_id") and getattr(actor, "is_authenticated", False):
        obj.created_by = actor
    obj.full_clean()
    obj.save()
    memo.forget()  # the rest of the request reads the row as now written (legal rules, holidays)
    for name, values in m2m.items():
        getattr(obj, name).set(values)
    audit.record(actor=actor, action=action or _action(obj, "created"), target=obj,
                 changes={k: [None, v] for k, v in audit.snapshot(obj).items() if v not in (None, "", [])})
    return obj


@transaction.atomic
def object_update(
    *, actor: Any, obj: M, data: dict[str, Any], action: str | None = None, expected_version: int | None = None
) -> M:
    """Apply `data`, refusing a stale edit when the model has a version counter."""
    before = audit.snapshot(obj)
    m2m = {k: data.pop(k) for k in list(data) if _is_m2m(type(obj), k)}
    for name, value in data.items():
        setattr(obj, name, value)
    obj.full_clean()
    has_version = hasattr(obj, "version")
    if has_version:
        current = type(obj).objects.select_for_update().filter(pk=obj.pk).values_list("version", flat=True).first()
        based_on = expected_version if expected_version is not None else obj.version
        if current is None or current != based_on:
            raise StaleEditError(
                _("Bản ghi đã được người khác sửa sau khi bạn mở nó. Hãy tải lại trang, xem thay đổi mới rồi sửa lại.")
            )
        obj.version = based_on + 1
    obj.save()
    memo.forget()
    for name, values in m2m.items():
        getattr(obj, name).set(values)
    changes = audit.diff(before, audit.snapshot(obj))
    if m2m:
        changes.update({k: [None, [str(v) for v in vals]] for k, vals in m2m.items()})
    audit.record(actor=actor, action=action or _action(obj, "updated"), target=obj, changes=changes)
    return obj


@transaction.atomic
def object_delete(*, actor: Any, obj: models.Model, action: str | None = None) -> None:
    audit.record(actor=actor, action=action or _action(obj, "deleted"), target=obj,
                 changes={k: [v, None] for k, v in audit.snapshot(obj).items() if v not in (None, "")})
    obj.delete()
    memo.forget()


def _is_m2m(model: type[models.Model], name: str) -> bool:
    try:
        return model._meta.get_field(name).many_to_many
    except Exception:
        return False
