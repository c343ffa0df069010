"""Bulk writes at the speed of the database (issue 14, part 5): one `executemany` per batch, no ORM compiler.

`bulk_create` and `bulk_update` build one big statement per batch through Django's SQL compiler, which
prepares every value of every row in Python (and bulk_update writes a CASE per column and row): for imports
of tens of thousands of rows that is most of the time. These helpers send plain parameterised statements
with `executemany` instead; values are converted once per column kind (dates, datetimes, JSON through the
field's own `get_db_prep_save`, plain text/number/boolean/foreign key as they are).

- `insert(model, objs)`: INSERT every object, filling `auto_now`/`auto_now_add` fields like `save()`. Objects
  without a primary key get theirs first (`reserve_ids`), so that rows referring to them can be written next.
- `update(model, objs, fields)`: UPDATE the given columns of every object, by primary key.
- `reserve_ids(model, n)`: n fresh ids: from the sequence on PostgreSQL, after the largest id on SQLite
  (safe there: a write transaction holds the database's only write lock from its BEGIN IMMEDIATE).

Callers run inside `transaction.atomic()`; nothing here validates (the import has checked every row).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.db import connection, models
from django.utils import timezone

BATCH = 2000
_AS_IS = frozenset({"IntegerField", "PositiveIntegerField", "PositiveSmallIntegerField", "SmallIntegerField",
                    "BigIntegerField", "BooleanField", "ForeignKey", "OneToOneField", "AutoField", "BigAutoField"})
_TEXT = frozenset({"CharField", "TextField", "SlugField", "EmailField", "URLField"})


def _text(value: Any) -> Any:
    return value if value is None or type(value) is str else str(value)  # TextChoices members: plain str


def _converter(field: models.Field) -> Callable[[Any], Any] | None:
    kind = field.get_internal_type()
    if kind in _AS_IS:
        return None
    if kind in _TEXT:
        return _text
    last: list[Any] = [object(), None]  # rows of a batch share values (the same `now`): convert each once

    def convert(value: Any) -> Any:
        if value is not last[0]:
            last[0], last[1] = value, field.get_db_prep_save(value, connection)
        return last[1]
    return convert


def reserve_ids(model: type[models.Model], count: int) -> list[int]:
    if count <= 0:
        return []
    table, pk = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                           [table, pk, count])
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f'SELECT COALESCE(MAX("{pk}"), 0) FROM "{table}"')  # noqa: S608 - names from the model
        start = cursor.fetchone()[0] + 1
        return list(range(start, start + count))


def insert(model: type[models.Model], objs: Sequence[models.Model], batch_size: int = BATCH) -> None:
    if not objs:
        return
    meta = model._meta
    if meta.pk.auto_created or isinstance(meta.pk, models.AutoField):
        missing = [o for o in objs if o.pk is None]
        for obj, pk in zip(missing, reserve_ids(model, len(missing)), strict=True):
            obj.pk = pk
    fields = list(meta.concrete_fields)
    now = timezone.now()
    for f in fields:
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            for o in objs:
                if f.auto_now or getattr(o, f.attname) is None:
                    setattr(o, f.attname, now)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = (f"INSERT INTO {connection.ops.quote_name(meta.db_table)} ({columns}) "  # noqa: S608 - names from the model
           f"VALUES ({', '.join(['%s'] * len(fields))})")
    _executemany(sql, _rows(objs, fields), batch_size)
    for o in objs:
        o._state.adding = False
        o._state.db = connection.alias


def update(model: type[models.Model], objs: Sequence[models.Model], field_names: Iterable[str],
           batch_size: int = BATCH) -> None:
    if not objs:
        return
    meta = model._meta
    fields = [meta.get_field(name) for name in field_names]
    assignments = ", ".join(f"{connection.ops.quote_name(f.column)} = %s" for f in fields)
    sql = (f"UPDATE {connection.ops.quote_name(meta.db_table)} SET {assignments} "  # noqa: S608 - names from the model
           f"WHERE {connection.ops.quote_name(meta.pk.column)} = %s")
    _executemany(sql, _rows(objs, [*fields, meta.pk]), batch_size)


def _rows(objs: Sequence[models.Model], fields: Sequence[models.Field]):
    getters = [(f.attname, _converter(f)) for f in fields]
    for o in objs:
        values = o.__dict__
        yield tuple(values[name] if convert is None else convert(values[name]) for name, convert in getters)


def _executemany(sql: str, rows: Iterable[tuple], batch_size: int) -> None:
    batch: list[tuple] = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(row)
            if len(batch) >= batch_size:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
