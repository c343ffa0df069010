"""Reads of the document books: one page of a unit's book for a year, oldest number first as printed."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from sohoi.core.scoping import restrict

from .models import BookEntry


def book_entries(*, user: Any, unit: Any, book: str, year: int) -> QuerySet[BookEntry]:
    return (restrict(BookEntry.objects.filter(unit=unit, book=book, year=year), user)
            .select_related("document", "document__issuer").order_by("number"))


def book_years(*, user: Any, unit: Any, book: str) -> list[int]:
    return list(restrict(BookEntry.objects.filter(unit=unit, book=book), user)
                .order_by("-year").values_list("year", flat=True).distinct()[:30])


def visible_documents(user: Any, ids: list[int]) -> set[int]:
    """Which of a page's documents the reader may read: the book names every entry, a secret one without
    its subject."""
    from sohoi.directives.models import Document

    return set(restrict(Document.objects.filter(pk__in=ids), user).values_list("pk", flat=True))


def entries_of_document(*, user: Any, document: Any) -> list[BookEntry]:
    """The user's unit's entries of a document (at most one per book), for the document page."""
    if not getattr(user, "unit_id", None):
        return []
    return list(BookEntry.objects.filter(unit_id=user.unit_id, document=document).order_by("book"))
