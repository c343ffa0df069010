"""The `sohoi` command: `sohoi parse FILE` runs the pure parser without Django;
every other sub-command is a Django management command (`sohoi demo`, `sohoi remind` ...).

`sohoi runserver` also starts one background worker (`sohoi worker`, core/jobs.py) and stops it with the
server, so `make run` serves pages and runs jobs in one command (SOHOI_WORKER=0: the server alone)."""

from __future__ import annotations

import os
import subprocess
import sys


def _start_worker() -> subprocess.Popen | None:
    if os.environ.get("RUN_MAIN") == "true" or os.environ.get("SOHOI_WORKER", "1") == "0":
        return None  # the autoreloader's child process: its parent started the worker already
    if os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend") != "django_tasks_db.DatabaseBackend":
        return None
    return subprocess.Popen([sys.executable, "-m", "sohoi.cli", "worker"], preexec_fn=_stop_with_parent)  # noqa: S603


def _stop_with_parent() -> None:
    """In the worker, before it starts: on Linux, ask for SIGTERM when the server dies, however it dies (a
    SIGKILLed server runs no `finally`); the worker then stops after the job at hand."""
    import contextlib
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "parse":
        from sohoi.docparse.cli import main as parse_main

        return parse_main(argv[2:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sohoi.config.settings")
    from django.core.management import execute_from_command_line

    worker = _start_worker() if len(argv) > 1 and argv[1] == "runserver" else None
    try:
        execute_from_command_line(argv)
    finally:
        if worker is not None and worker.poll() is None:
            worker.terminate()
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
