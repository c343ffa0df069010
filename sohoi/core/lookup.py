"""Search-as-you-type choices (issue 16 item 4): one mechanism for every choice among more than a page of rows.

A form field keeps its (scoped) queryset, so validation still accepts exactly what it accepted before; only its
widget changes: `SearchSelect(source)` renders the chosen row alone (never the whole table) and names a
*source*. The static script (`sohoi.js`) puts a search box beside the list and asks `/tra-cuu/?nguon=<source>&q=`,
which answers at most `LIMIT` rows as JSON, each labelled with its context (a unit with its parent, an officer
with the number of associations they follow now).

Sources are contributed by the apps (`<app>/lookups.py: SOURCES = {name: Source(...)}`, collected through
core.contributions), so scoping stays with the app that owns the rows: `rows(user, text)` returns a scoped,
searched queryset; the view slices it (LIMIT in SQL) and labels the page it got. Without the script the list
still holds the chosen row and pages that had a name box (core.filters.offer_choices) keep it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet
from django.urls import reverse

from .contributions import app_modules

LIMIT = 20  # rows per answer: enough to pick from, bounded whatever the register's size
MAX_TEXT = 100  # characters of a search read


@dataclass(frozen=True)
class Source:
    rows: Callable[[Any, str], QuerySet]  # (user, typed text) -> scoped queryset, searched and ordered
    label: Callable[[Any], str] = str  # the text shown for one row (with its context)


@cache
def sources() -> dict[str, Source]:
    found: dict[str, Source] = {}
    for _config, module in app_modules("lookups"):
        for name, source in getattr(module, "SOURCES", {}).items():
            if name in found:
                raise ImproperlyConfigured(f"lookup source {name!r} declared twice")
            found[name] = source
    return found


def search(name: str, user: Any, text: str) -> list[dict[str, Any]]:
    """At most LIMIT rows of source `name` matching `text`, for `user` (KeyError: no such source)."""
    source = sources()[name]
    rows = source.rows(user, text.strip()[:MAX_TEXT])[:LIMIT]
    return [{"id": row.pk, "label": source.label(row)} for row in rows]


class SearchSelect(forms.Select):
    """A `<select>` that holds only the chosen row; the script adds a search box fed by `source`."""

    def __init__(self, source: str, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.source = source

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-lookup"] = f"{reverse('core:lookup')}?nguon={self.source}"
        return context

    def optgroups(self, name: str, value: list[Any], attrs: dict[str, Any] | None = None) -> list:
        queryset = getattr(self.choices, "queryset", None)
        if queryset is None:  # a bounded list already (core.filters.offer_choices)
            return super().optgroups(name, value, attrs)
        field = self.choices.field
        wanted = [v for v in value if str(v).isdigit() and len(str(v)) < 10]
        chosen = list(queryset.filter(pk__in=wanted)[:10]) if wanted else []
        label = sources()[self.source].label if self.source in sources() else field.label_from_instance
        options = [("", field.empty_label or "---------")] + [(row.pk, label(row)) for row in chosen]
        groups = []
        for index, (option_value, option_label) in enumerate(options):
            selected = str(option_value) in {str(v) for v in wanted} or (option_value == "" and not chosen)
            groups.append((None, [self.create_option(name, option_value, option_label, selected, index,
                                                     attrs=attrs)], index))
        return groups


def searchable(form: forms.BaseForm, name: str, source: str) -> None:
    """Make form field `name` a search-as-you-type choice fed by `source` (keeps its queryset and validation)."""
    field = form.fields[name]
    widget = SearchSelect(source, attrs=field.widget.attrs)
    widget.choices = field.widget.choices
    widget.is_required = field.widget.is_required
    field.widget = widget
