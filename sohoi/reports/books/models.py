"""One line of a unit's incoming or outgoing book."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sohoi.core.models import BaseModel

from .. import permissions


class Book(models.TextChoices):
    INCOMING = "incoming", _("Sổ văn bản đến")
    OUTGOING = "outgoing", _("Sổ văn bản đi")


class BookEntry(BaseModel):
    """`number` is the book number of the unit's year (số đến / số đi). No service deletes an entry and the
    document is protected while it is in a book: a number once given stays given."""

    SCOPE = permissions.BOOK_SCOPE

    unit = models.ForeignKey("orgs.Unit", verbose_name=_("đơn vị giữ sổ"), on_delete=models.PROTECT, related_name="+")
    book = models.CharField(_("sổ"), max_length=10, choices=Book.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveIntegerField(_("số"))
    document = models.ForeignKey("directives.Document", verbose_name=_("văn bản"), on_delete=models.PROTECT,
                                 related_name="book_entries")
    registered_on = models.DateField(_("ngày vào sổ"))
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("dòng sổ văn bản")
        verbose_name_plural = _("sổ văn bản")
        ordering = ["unit", "book", "-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "book", "year", "number"], name="book_entry_unique_number"),
            models.UniqueConstraint(fields=["unit", "book", "document"], name="book_entry_once_per_document"),
        ]

    def __str__(self) -> str:
        return gettext("%(book)s %(year)s số %(number)s") % {"book": self.get_book_display(), "year": self.year, "number": self.number}

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse(f"reports:book_{self.book}") + f"?year={self.year}"
