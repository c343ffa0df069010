"""Pagination shared by every list endpoint: page numbers with the total, or a keyset cursor for deep pages.

`?page=N&page_size=M` answers as before (OFFSET: cheap near the start, slow deep into a national list).
`?cursor=` (empty: the first page) switches to keyset pagination: each answer carries `next_cursor`, an
opaque token of the last row's ordering values, and the next page is "rows after that one" in the list's own
order, an indexed range scan whatever the depth. Every answer carries `next_cursor`, so a client can start
with page numbers and go on with the cursor. The ordering is the list's (plus the primary key, to break
ties); NULL sorts as the smallest value on every database, so SQLite and PostgreSQL page alike.

Written here rather than taken from a library: django-ninja ships only LIMIT/OFFSET and page-number
pagination, and DRF's CursorPagination belongs to another framework.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.query import ModelIterable
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Schema
from ninja.pagination import PaginationBase

BAD_CURSOR = gettext_lazy("Con trỏ trang (cursor) không hợp lệ hoặc đã cũ; bỏ tham số cursor (hoặc để trống) "
                          "để đọc lại từ đầu.")


class PageNumber(PaginationBase):
    class Input(Schema):
        page: int = Field(1, ge=1, le=100000)
        page_size: int = Field(50, ge=1, le=500)
        cursor: str | None = Field(None, max_length=2000, description=(
            "Phân trang theo con trỏ: để trống cho trang đầu, rồi gửi lại `next_cursor` của câu trả lời trước. "
            "Nhanh như nhau ở mọi độ sâu; khi có cursor thì bỏ qua `page`."))

    class Output(Schema):
        count: int
        items: list[Any]
        next_cursor: str | None = None

    def paginate_queryset(self, queryset, pagination: Input, **params):
        size = pagination.page_size
        keyed = _keyed(queryset)
        total = None
        if pagination.cursor is None:
            start = (pagination.page - 1) * size
            page = _with_keys(queryset, _ordering(queryset)) if keyed else queryset
            if _counts_in_window(page):
                # The page's keys and the total in one narrow query, then the page's rows by primary key: the
                # database sorts and skips keys, not whole joined rows (an OFFSET deep in a national list).
                keys = list(page.annotate(**{TOTAL: Window(Count("pk"))}).values_list("pk", TOTAL)
                            [start:start + size + 1])
                total = keys[0][1] if keys else (0 if start == 0 else None)
                items = list(page.filter(pk__in=[k for k, _t in keys])) if keys else []
            else:
                items = list(page[start:start + size + 1])
        else:
            if not keyed:
                raise ValidationError({"cursor": _("Danh sách này không phân trang theo con trỏ; dùng page.")})
            fields = _ordering(queryset)
            page = _with_keys(_ordered(queryset, fields), fields)
            if pagination.cursor:
                page = page.filter(_after(fields, _decode(pagination.cursor, len(fields))))
            items = list(page[:size + 1])
        more = len(items) > size
        items = items[:size]
        return {"count": queryset.count() if total is None else total, "items": items,
                "next_cursor": _token(items[-1], len(_ordering(queryset))) if more and keyed else None}


TOTAL = "_page_total"


def _counts_in_window(queryset: Any) -> bool:
    """Whether the total can come with the page (`COUNT(*) OVER ()`): one scan of the matching rows instead of
    two (the page, then a COUNT), which halves a filtered national list. Not for DISTINCT (the window counts
    before DISTINCT), set operations or value rows; a page past the end falls back to COUNT."""
    return (isinstance(queryset, QuerySet) and not queryset.query.combinator and not queryset.query.distinct
            and queryset._iterable_class is ModelIterable)


def _keyed(queryset: Any) -> bool:
    return (isinstance(queryset, QuerySet) and not queryset.query.combinator
            and all(isinstance(f, str) for f in queryset.query.order_by))


def _ordering(queryset: QuerySet) -> list[tuple[str, bool]]:
    """[(field path, descending)] of the list's ordering, ending with the primary key."""
    names = list(queryset.query.order_by) or list(queryset.model._meta.ordering or [])
    fields: list[tuple[str, bool]] = []
    for name in names:
        desc = name.startswith("-")
        path = name.lstrip("-")
        path = "pk" if path in ("pk", "id", queryset.model._meta.pk.name) else path
        if path not in (f for f, _d in fields):
            fields.append((path, desc))
    if "pk" not in (f for f, _d in fields):
        fields.append(("pk", False))
    return fields


def _ordered(queryset: QuerySet, fields: list[tuple[str, bool]]) -> QuerySet:
    """The same order with NULL as the smallest value (first ascending, last descending) on every database."""
    return queryset.order_by(*[F(f).desc(nulls_last=True) if desc else F(f).asc(nulls_first=True)
                               for f, desc in fields])


def _after(fields: list[tuple[str, bool]], values: list[Any]) -> Q:
    """Rows after the one whose ordering values are `values`: (a > x) or (a = x and b > y) or ..."""
    condition, equal = Q(pk__in=[]), Q()
    for (field, desc), value in zip(fields, values, strict=True):
        if value is None:
            beyond = Q(pk__in=[]) if desc else Q(**{f"{field}__isnull": False})
            same = Q(**{f"{field}__isnull": True})
        else:
            beyond = (Q(**{f"{field}__lt": value}) | Q(**{f"{field}__isnull": True})) if desc else Q(
                **{f"{field}__gt": value})
            same = Q(**{field: value})
        condition |= equal & beyond
        equal &= same
    return condition


def _with_keys(queryset: QuerySet, fields: list[tuple[str, bool]]) -> QuerySet:
    """Each row carries its ordering values (`_key_0`, ...), read in the same query: no query per token."""
    return queryset.annotate(**{f"_key_{i}": F(field) for i, (field, _d) in enumerate(fields)})


def _token(last: Any, n: int) -> str:
    """The cursor after `last`: its ordering values, as opaque URL-safe text."""
    get = last.get if isinstance(last, dict) else lambda k: getattr(last, k)
    raw = json.dumps([get(f"_key_{i}") for i in range(n)], cls=DjangoJSONEncoder, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode(cursor: str, n: int) -> list[Any]:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode())
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationError({"cursor": BAD_CURSOR}) from exc
    if not isinstance(values, list) or len(values) != n or not all(
            v is None or isinstance(v, (str, int, float, bool)) for v in values):
        raise ValidationError({"cursor": BAD_CURSOR})
    return values
