"""A real background worker killed midway through an import (design.md §14, core/jobs.py).

Out of process, on a database of its own: on SQLite a file copy of the session's test database (the test
database itself is in memory), on PostgreSQL a copy made with CREATE DATABASE ... TEMPLATE. The upload is
queued with the database backend, `sohoi worker` takes it and is held (then SIGKILLed) after the first
1,500 of 3,000 new associations were written, uncommitted. Then, each step a fresh process:
no association of the file exists, the job page shows the job failed with a "Chạy lại" button, the task
result is failed; a retry queued from there is run by `sohoi worker --batch` and writes all 3,000.
Every subprocess is bounded by a timeout and killed on the way out.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

REPO = Path(__file__).resolve().parents[2]
ROWS = 3000
PREFIX = "Hội Kiểm thử tiến trình nền số "

PRELUDE = """
import json, os, sys, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sohoi.config.settings")
import django
django.setup()
"""

ENQUEUE = PRELUDE + """
from sohoi.accounts.models import User
from sohoi.associations.models import ImportJob
from sohoi.associations.services.import_jobs import import_job_start
job = import_job_start(actor=User.objects.get(username="noivu"), kind=ImportJob.Kind.REGISTER, path=sys.argv[1],
                       filename="danh-ba.csv", dry_run=False, total=ROWS)
print(json.dumps({"job": job.pk}))
""".replace("ROWS", str(ROWS))

# The worker, held in the writing pass once 1,500 rows are built (the first chunk of 1,000 written).
HELD_WORKER = PRELUDE + """
import importlib
register_import = importlib.import_module("sohoi.associations.services.register_import")
real = register_import._profile
calls = []
def held(*args, **kwargs):
    calls.append(1)
    if len(calls) == 1500:
        print("MIDWAY", flush=True)
        time.sleep(120)
    return real(*args, **kwargs)
register_import._profile = held
from sohoi.cli import main
sys.exit(main(["sohoi", "worker", "--interval=0.2"]))
"""

INSPECT = PRELUDE + """
from django.test import Client
from django_tasks_db.models import DBTaskResult
from sohoi.accounts.models import User
from sohoi.associations.models import Association, ImportJob
from sohoi.associations.services.import_jobs import import_job_retry
job = ImportJob.objects.get(pk=int(sys.argv[1]))
page = ""
if sys.argv[2:] != ["peek"]:  # signing in writes (the session): not while the held worker holds SQLite's lock
    client = Client(HTTP_HOST="localhost")
    client.force_login(User.objects.get(username="noivu"))
    page = client.get(f"/hoi/nhap-danh-ba/{job.pk}/").content.decode()
    job.refresh_from_db()
out = {"status": job.status, "retryable": job.retryable, "attempts": job.attempts, "created": job.created,
       "written": Association.objects.filter(name__startswith=PREFIX).count(),
       "retry_button": 'data-testid="retry"' in page, "failed_shown": 'data-status="failed"' in page,
       "task": DBTaskResult.objects.get(id=job.task_id).status if job.task_id else None}
if sys.argv[2:] == ["retry"]:
    import_job_retry(actor=User.objects.get(username="noivu"), job=job)
    out["queued_again"] = ImportJob.objects.get(pk=job.pk).status
print(json.dumps(out))
""".replace("PREFIX", repr(PREFIX))


def test_worker_command_runs_only_the_database_backend(db, settings):
    """`sohoi worker` wraps django_tasks_db's worker; with another backend it says what to run instead.
    (Also: a test with `db` in this module, so that pytest-django creates the test database even when this
    module runs alone.)"""
    from django.core.management import CommandError, call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with pytest.raises(CommandError, match="docs/deploy.md"):
        call_command("worker")


def _run(script: str, env: dict[str, str], *args: str, timeout: float = 120) -> dict:
    done = subprocess.run([sys.executable, "-c", script, *args], cwd=REPO, env=env, capture_output=True,  # noqa: S603
                          text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _csv(folder: Path) -> Path:
    path = folder / "danh-ba.csv"
    from sohoi.associations.services.register_import import COLUMNS

    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(COLUMNS.values())
        for i in range(ROWS):
            out.writerow([f"{PREFIX}{i}", "", "Khác", "Tỉnh, thành phố", "", "Số 1 đường Hòa Bình", f"{i}/QĐ-UBND",
                          "20/10/2020", "UBND thành phố", "Đang hoạt động", "Không", i % 900, "", "", "", ""])
    return path


def _copy_database(tmp_path: Path, django_db_blocker) -> tuple[str, object]:
    """A database of its own for the subprocesses, with the demo data; returns its URL and a cleanup."""
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            copy = tmp_path / "jobs.sqlite3"
            connection.ensure_connection()
            assert not connection.in_atomic_block
            target = sqlite3.connect(copy)
            connection.connection.backup(target)
            target.close()
            return f"sqlite:///{copy}", lambda: None
        import psycopg

        params = connection.settings_dict
        source, name = params["NAME"], f"{params['NAME']}_jobkill"
        connection.close()  # a template must have no other connection
        admin = dict(host=params["HOST"] or None, port=params["PORT"] or None, user=params["USER"],
                     password=params["PASSWORD"] or None, dbname="postgres", autocommit=True)
        with psycopg.connect(**admin) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}"')
            db.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')

        def drop() -> None:
            with psycopg.connect(**admin) as db:
                db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        auth = params["USER"] + (f":{params['PASSWORD']}" if params["PASSWORD"] else "")
        return f"postgres://{auth}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/{name}", drop


def test_killed_worker_leaves_nothing_and_the_job_is_retried(tmp_path, django_db_setup, django_db_blocker):
    url, cleanup = _copy_database(tmp_path, django_db_blocker)
    media = tmp_path / "media"
    media.mkdir()
    env = {**os.environ, "DATABASE_URL": url, "MEDIA_ROOT": str(media), "DEBUG": "1",
           "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
           "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    worker = None
    try:
        stored = media / "upload.csv"
        stored.write_bytes(_csv(tmp_path).read_bytes())
        job = _run(ENQUEUE, env, str(stored))["job"]
        before = _run(INSPECT, env, str(job), "peek")
        assert (before["status"], before["task"]) == ("queued", "READY"), before

        worker = subprocess.Popen([sys.executable, "-c", HELD_WORKER], cwd=REPO, env=env,  # noqa: S603
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline, line = time.monotonic() + 90, ""
        while time.monotonic() < deadline:
            line = worker.stdout.readline()
            if "MIDWAY" in line or (not line and worker.poll() is not None):
                break
        assert "MIDWAY" in line, worker.stderr.read()[-3000:] if worker.poll() is not None else "(no MIDWAY)"
        running = _run(INSPECT, env, str(job), "peek")
        assert running["status"] == "writing" and running["task"] == "RUNNING", running
        worker.send_signal(signal.SIGKILL)
        assert worker.wait(timeout=10) == -signal.SIGKILL

        after = _run(INSPECT, env, str(job), "retry")
        assert after["written"] == 0, after  # the first 1,000 were written, uncommitted: rolled back
        assert (after["status"], after["retryable"], after["task"]) == ("failed", True, "FAILED"), after
        assert after["failed_shown"] and after["retry_button"], after
        assert after["queued_again"] == "queued", after

        done = subprocess.run([sys.executable, "-m", "sohoi.cli", "worker", "--batch", "--interval=0"], cwd=REPO,  # noqa: S603
                              env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-3000:]
        final = _run(INSPECT, env, str(job))
        assert (final["status"], final["created"], final["written"], final["attempts"]) == ("done", ROWS, ROWS, 2), final
        assert final["task"] == "SUCCESSFUL" and not final["retry_button"], final
        assert not stored.exists()  # removed once the job is over
    finally:
        if worker is not None and worker.poll() is None:
            worker.kill()
            worker.wait(timeout=10)
        cleanup()
