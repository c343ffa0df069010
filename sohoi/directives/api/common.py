"""Helpers shared by the directives API modules: filter sets as query parameters, ids to objects in the
caller's scope (a reader, a unit, a parent document), and the document detail shape."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Schema

from sohoi.core.scoping import restrict

from .. import selectors
from ..models import Document


def filtered(filterset: Any) -> Any:
    if not filterset.is_valid():
        raise ValidationError({k: [str(m) for m in v] for k, v in filterset.errors.items()})
    return filterset.qs


def params(filters: Schema) -> dict[str, Any]:
    return {k: v for k, v in filters.dict().items() if v is not None}


def readers_of(user: Any, ids: list[int]) -> list[Any]:
    """The readers named by id, among the active users the caller may see (the page's choice list)."""
    from sohoi.accounts.models import User

    ids = list(dict.fromkeys(ids))
    found = list(restrict(User.objects.filter(is_active=True, pk__in=ids), user))
    missing = sorted(set(ids) - {u.pk for u in found})
    if missing:
        raise ValidationError({"readers": _("Không có người dùng số %(ids)s trong phạm vi của bạn; chọn "
                                            "người đọc trong danh sách người dùng (GET "
                                            "/api/v1/users).") % {"ids": ', '.join(map(str, missing))}})
    return found


def detail(document: Document, user: Any) -> Document:
    """The document with the ids of its tasks the caller may see (DocumentDetailOut)."""
    document.task_ids = list(selectors.task_list(user=user, filters={"document": document.pk}).qs
                             .values_list("pk", flat=True))
    return document
