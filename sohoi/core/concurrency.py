"""Check-then-insert rules that hold under concurrent requests.

A rule like "one pending report per assignment" is checked in the service for a friendly message, but two
requests can pass the check at the same moment (two browser tabs, a double click, an API client retrying).
The database has the last word (a UniqueConstraint, partial when the rule is conditional: it works on SQLite
and PostgreSQL), and `refuse_duplicate` turns its refusal into the same Vietnamese ValidationError the check
gives, instead of a 500. `lock` serialises writers on a parent row (PostgreSQL `SELECT ... FOR UPDATE`;
SQLite already serialises writers with IMMEDIATE transactions) for upserts that must see each other's row.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction


@contextmanager
def refuse_duplicate(errors: dict[str, str] | str) -> Iterator[None]:
    """Run the insert in a savepoint; a unique-constraint refusal becomes ValidationError(`errors`) and the
    outer transaction stays usable (PostgreSQL aborts a transaction on an error without a savepoint)."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as exc:
        raise ValidationError(errors) from exc


def lock(obj: models.Model) -> None:
    """Hold `obj`'s row until the surrounding transaction ends, so concurrent upserts under it queue up."""
    list(type(obj)._default_manager.select_for_update().filter(pk=obj.pk).values_list("pk", flat=True))
