"""Background jobs (design.md §14): the shared mechanism around Django's tasks API (django-tasks backport).

A job is two rows: the backend's task result (django_tasks_db's DBTaskResult by default, the queue) and the
app's own row that the page shows (e.g. `associations.ImportJob`: status, progress, counts, errors). The
task function reads its row, does the work in ONE transaction (all or nothing) and records the outcome;
progress is written on the row outside that transaction, so the page that started the job can poll it.

A worker killed midway (SIGKILL, power cut, OOM) writes nothing more: its transaction is rolled back by the
database, and its row stays "running". `reconcile()` notices that the process named on the row is gone
(same host: the PID is checked; another host: the heartbeat is older than STALE_SECONDS) and marks the row
failed and retryable, and the backend's task result failed. The page calls it each time it is shown.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.db import connection, connections
from django.db.models import Model
from django.utils import timezone

HEARTBEAT_SECONDS = 15
STALE_SECONDS = 120  # a job on another host without a heartbeat for this long is dead


def _start_time(pid: int) -> str:
    """The process's start time (clock ticks since boot, /proc), so that a reused PID is not taken for it."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()[19]
    except (OSError, IndexError):
        return ""


def worker_label() -> str:
    """Who runs the job: host, PID and the PID's start time, stored on the job row when it starts."""
    pid = os.getpid()
    return f"{socket.gethostname()}:{pid}:{_start_time(pid)}"


def worker_alive(label: str, last_seen: Any) -> bool:
    """Is the process named by `label` still running? Same host: look at the process; another host: trust
    the heartbeat (`last_seen`, written every HEARTBEAT_SECONDS while the job runs)."""
    host, pid_text, started = (label.split(":") + ["", ""])[:3]
    if host != socket.gethostname() or not pid_text.isdigit():
        return last_seen is not None and (timezone.now() - last_seen).total_seconds() < STALE_SECONDS
    pid = int(pid_text)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()[0]
    except (OSError, IndexError):
        return True  # no /proc: the process exists, assume it is ours
    return state not in ("Z", "X") and (not started or _start_time(pid) == started)


@contextlib.contextmanager
def heartbeat(model: type[Model], pk: int, field: str = "heartbeat_at") -> Iterator[None]:
    """While the block runs, a thread writes the time on the job row every HEARTBEAT_SECONDS, through its own
    connection, so that a job on another host is known alive. SQLite has one host and one writer at a time
    (the job's transaction would block the beat): there the PID check is enough and no thread is started."""
    if connection.vendor == "sqlite":
        yield
        return
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(HEARTBEAT_SECONDS):
                model.objects.filter(pk=pk).update(**{field: timezone.now()})
        finally:
            connections.close_all()

    thread = threading.Thread(target=beat, name=f"heartbeat-{model.__name__}-{pk}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)


def fail_task_result(task_id: str) -> None:
    """Mark the backend's record of a dead job failed (database backend only; others keep their own)."""
    if not task_id:
        return
    from django.apps import apps

    if not apps.is_installed("django_tasks_db"):
        return
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(id=task_id, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED, finished_at=timezone.now(), exception_class_path="sohoi.core.jobs.WorkerLost",
        traceback="The worker running this task stopped (killed or lost); nothing it wrote was committed.")


class WorkerLost(Exception):
    """The name recorded on a task result whose worker died."""
