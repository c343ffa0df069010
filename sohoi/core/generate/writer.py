"""Batched writing for the generator: explicit primary keys, bulk_create per batch, a progress line.

Primary keys are allocated up front (max + 1 ...), so that rows can refer to each other (a unit's path, an
association's unit, a report's assignment) without keeping the rows in memory; sequences are reset at the
end (PostgreSQL; SQLite's AUTOINCREMENT follows explicit keys by itself).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from django.core.management.color import no_style
from django.db import connection, models, reset_queries, transaction
from django.db.models import Max
from django.utils import timezone

BATCH = 5_000


def next_pk(model: type[models.Model]) -> int:
    return (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1


def reset_sequences(models_: list[type[models.Model]]) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), models_)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def num(n: float) -> str:
    """1.234.567, as Vietnamese writes it."""
    return f"{n:,.0f}".replace(",", ".")


class Progress:
    """One line per stage, rewritten in place on a terminal, at most once a second elsewhere."""

    def __init__(self, out: Callable[[str], None] | None = None, tty: bool | None = None):
        self.out = out
        self.tty = sys.stderr.isatty() if tty is None else tty
        self.last = 0.0

    def show(self, label: str, done: int, total: int, started: float, final: bool = False) -> None:
        if self.out is None:
            return
        now = time.perf_counter()
        if not final and now - self.last < (0.2 if self.tty else 5.0):
            return
        self.last = now
        rate = done / max(now - started, 1e-6)
        line = f"  {label}: {num(done)}/{num(total)} ({num(rate)} dòng/giây)"
        if self.tty:
            sys.stderr.write(f"\r{line}\033[K" + ("\n" if final else ""))
            sys.stderr.flush()
        else:
            self.out(line)


class Sink:
    """Collects model instances and writes them `BATCH` at a time, each batch in its own transaction.

    `fast` (the default, for models without JSON columns) skips bulk_create's per-field machinery: the
    instances' column values go to the database in one executemany (SQLite) or COPY (PostgreSQL) per batch,
    about five times quicker on the millions of member and report rows. Timestamps (auto_now) are filled
    here; everything else save() would compute the generator fills itself, as for bulk_create."""

    def __init__(self, model: type[models.Model], label: str, total: int, progress: Progress,
                 batch: int = BATCH, after: tuple[Sink, ...] = (), fast: bool = True):
        self.model, self.label, self.total, self.progress, self.batch = model, label, total, progress, batch
        self.after = after  # sinks whose rows these rows refer to: written first
        self.fast = fast and not any(isinstance(f, models.JSONField) for f in model._meta.concrete_fields)
        self.buffer: list[models.Model] = []
        self.count = 0
        self.started = time.perf_counter()

    def add(self, obj: models.Model) -> None:
        self.buffer.append(obj)
        if len(self.buffer) >= self.batch:
            self.flush()

    def flush(self, show: bool = True) -> None:
        if self.buffer:
            for other in self.after:
                other.flush()
            with transaction.atomic():
                if self.fast:
                    write_rows(self.model, self.buffer)
                else:
                    self.model.objects.bulk_create(self.buffer, batch_size=self.batch)
            self.count += len(self.buffer)
            self.buffer = []
            reset_queries()  # with DEBUG on, the query log would keep every batch's SQL
        if show:
            self.progress.show(self.label, self.count, self.total, self.started)

    def close(self) -> int:
        self.flush(show=False)
        self.progress.show(self.label, self.count, max(self.total, self.count), self.started, final=True)
        return self.count


def write_rows(model: type[models.Model], objs: list) -> None:
    """INSERT rows as they are (see Sink): executemany, or COPY on PostgreSQL. A row is a model instance or a
    dict of attribute names (model defaults for the rest), which saves building millions of instances."""
    ops = connection.ops
    now = timezone.now()
    first = objs[0]
    keyed = (first.get("id") if isinstance(first, dict) else first.pk) is not None
    fields = [f for f in model._meta.concrete_fields if keyed or not f.primary_key]
    convert = []
    for f in fields:
        if isinstance(f, models.DateTimeField):
            convert.append(ops.adapt_datetimefield_value)
        elif isinstance(f, models.DateField):
            convert.append(ops.adapt_datefield_value)
        else:
            convert.append(None)
    stamped = [i for i, f in enumerate(fields) if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)]
    converted = [(i, c) for i, c in enumerate(convert) if c is not None and i not in stamped]
    stamp = ops.adapt_datetimefield_value(now)
    names = [f.attname for f in fields]
    defaults = [None if f.primary_key else f.get_default() for f in fields]
    pairs = list(zip(names, defaults, strict=True))
    rows = []
    for obj in objs:
        if isinstance(obj, dict):
            values = [obj.get(n, d) for n, d in pairs]
        else:
            values = [getattr(obj, n) for n in names]
        for i in stamped:
            values[i] = stamp
        for i, c in converted:
            if values[i] is not None:
                values[i] = c(values[i])
        rows.append(values)
    table = ops.quote_name(model._meta.db_table)
    columns = ", ".join(ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608 - names from the model
