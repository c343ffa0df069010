"""Background tasks of the directives app (Django's tasks API, core/jobs.py). Thin: each calls a service."""

from __future__ import annotations

import datetime

from django_tasks import task


@task()
def reminders_task(days: int = 7, on: str | None = None) -> int:
    """The daily reminders (`sohoi remind` queues this). All-or-nothing per batch of notifications: a worker
    killed midway leaves whole batches only, and the next run sends exactly what is missing (the anti-join)."""
    from .services import reminders_send

    return reminders_send(days=days, on=datetime.date.fromisoformat(on) if on else None)
