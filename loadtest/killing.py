"""Kill a multi-step service midway, for real: `sohoi ingest --confirm` in a subprocess, held at the third
assignment of the fan-out (tasks and some assignments written, uncommitted) and SIGKILLed.

Shared by tests/reliability/test_atomicity.py (on a copy of the SQLite test database) and loadtest/run.py
(on the PostgreSQL load database). No Django import here: the caller opens the database afterwards."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "sohoi" / "directives" / "fixtures" / "752-CV-TU.txt"
VARIANT_CODE = "7520-CV/TU"

HOLD = textwrap.dedent("""
    import os, sys, time
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sohoi.config.settings")
    import django
    django.setup()
    from sohoi.directives.services import proposals
    real = proposals.assignment_open
    calls = []
    def held(**kwargs):
        result = real(**kwargs)
        calls.append(result)
        if len(calls) == 3:
            print("MIDWAY", flush=True)
            time.sleep(120)
        return result
    proposals.assignment_open = held
    from sohoi.cli import main
    sys.exit(main(["sohoi", "ingest", sys.argv[1], "--confirm"]))
""")


def variant_of_the_seed(folder: Path) -> Path:
    """The seed letter 752-CV/TU under another number and date: a new document whose tasks all resolve."""
    text = SEED.read_text(encoding="utf-8").replace("752-CV/TU", VARIANT_CODE).replace(
        "ngày 12 tháng 10 năm 2012", "ngày 19 tháng 10 năm 2012")
    path = folder / "7520-CV-TU.txt"
    path.write_text(text, encoding="utf-8")
    return path


def run_and_kill_midway(env: dict[str, str], document_file: Path, timeout: float = 90) -> None:
    """Start the held ingest, wait for MIDWAY, SIGKILL it. Bounded: gives up (and kills) after `timeout`."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(document_file)], cwd=REPO, env=env,  # noqa: S603
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + timeout
        line = ""
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if "MIDWAY" in line or (not line and proc.poll() is not None):
                break
        if "MIDWAY" not in line:
            err = proc.stderr.read() if proc.poll() is not None else "(still running)"
            raise AssertionError(f"the ingest never reached the fan-out: {err[-3000:]}")
        proc.send_signal(signal.SIGKILL)
        code = proc.wait(timeout=10)
        assert code == -signal.SIGKILL, code
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
