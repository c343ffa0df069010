"""Writes of the document books: a unit registers a document of the register in its incoming or outgoing book."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from sohoi.core import audit
from sohoi.core.deadlines import today
from sohoi.core.permissions import require

from .models import Book, BookEntry

ATTEMPTS = 5  # a clash needs another writer taking the same number at the same instant; five in a row is a fault


def next_number(*, unit: Any, book: str, year: int) -> int:
    """The number the next entry would take (the book's last + 1): shown on forms, never reserved."""
    last = BookEntry.objects.filter(unit=unit, book=book, year=year).aggregate(m=Max("number"))["m"]
    return (last or 0) + 1


def _already(unit: Any, book: str, document: Any) -> BookEntry | None:
    return BookEntry.objects.filter(unit=unit, book=book, document=document).first()


def book_entry_add(*, actor: Any, document: Any, book: str, on: datetime.date | None = None,
                   note: str = "") -> BookEntry:
    """Enter `document` in the actor's unit's `book` under the next number of the year. Two clerks at the same
    moment: the second insert meets the unique constraint and takes the following number (inside a savepoint,
    so an enclosing transaction goes on)."""
    if book not in Book.values:
        raise ValidationError({"book": _("Sổ không hợp lệ: chọn sổ văn bản đến hoặc sổ văn bản đi.")})
    require(actor, f"reports.book_{book}", document)
    return _enter(actor=actor, unit=actor.unit, book=book, document=document, on=on or today(), note=note)


def book_entry_issue(*, actor: Any, document: Any, on: datetime.date | None = None, note: str = "") -> BookEntry:
    """Enter a document the application itself issues on behalf of its issuing unit (an inspection's notice
    of conclusions) in the ISSUER's outgoing book, under the next number of the year. The actor may be a user
    of a unit above the issuer: the caller has checked, through its own named action, that the actor may issue
    the document for that unit; this only numbers it (same constraint and retry as book_entry_add)."""
    if document.issuer_id is None:
        raise ValidationError({"issuer": _("Văn bản chưa có cơ quan ban hành nên chưa lấy được số văn bản đi.")})
    return _enter(actor=actor, unit=document.issuer, book=Book.OUTGOING, document=document, on=on or today(),
                  note=note)


def _enter(*, actor: Any, unit: Any, book: str, document: Any, on: datetime.date, note: str) -> BookEntry:
    label = Book(book).label
    if _already(unit, book, document) is not None:
        raise ValidationError({"document": _("Văn bản này đã có trong %(lower)s của %(unit)s; không vào sổ "
                                             "lần thứ hai.") % {"lower": str(label).lower(), "unit": unit}})
    for _attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                entry = BookEntry.objects.create(unit=unit, book=book, year=on.year, document=document,
                                                 number=next_number(unit=unit, book=book, year=on.year),
                                                 registered_on=on, note=note[:300],
                                                 created_by=actor if getattr(actor, "is_authenticated", False)
                                                 else None)
                audit.record(actor=actor, action=f"reports.book.{book}_registered", target=document,
                             changes={"book": [None, str(label)], "number": [None, f"{entry.number}/{entry.year}"],
                                      "unit": [None, str(unit)]})
            return entry
        except IntegrityError:
            if _already(unit, book, document) is not None:
                raise ValidationError({"document": _("Văn bản này vừa được vào %(lower)s của %(unit)s.") % {"lower": str(label).lower(), "unit": unit}}) from None
    raise ValidationError({"number": _("Chưa lấy được số vào sổ vì nhiều người cùng vào sổ một lúc; hãy bấm "
                                       "lại.")})
