"""Page-number pagination with the total, shared by every list endpoint."""

from __future__ import annotations

from typing import Any

from ninja import Field, Schema
from ninja.pagination import PaginationBase


class PageNumber(PaginationBase):
    class Input(Schema):
        page: int = Field(1, ge=1, le=100000)
        page_size: int = Field(50, ge=1, le=500)

    class Output(Schema):
        count: int
        items: list[Any]

    def paginate_queryset(self, queryset, pagination: Input, **params):
        start = (pagination.page - 1) * pagination.page_size
        return {"count": queryset.count(), "items": list(queryset[start:start + pagination.page_size])}
