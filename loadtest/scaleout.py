"""Scale-out, tested here (issue 14 part 6): two app servers and two job workers on one PostgreSQL, one of
each SIGKILLed midway, then a check that every acknowledged write and every job is there.

Register imports are the jobs: the Department's officer uploads them through the web (the real form, CSRF and
all) on either server; `sohoi worker` processes take them from the database queue. Worker A is killed while
it writes a job (it holds the job's one transaction, so nothing of it may remain); the second app server is
killed at the same moment. Afterwards, through the surviving server only, each job's page is read (which
marks a dead worker's job failed, `import_job_reconcile`) and a failed job is run again with its retry button
(`import_job_retry`), until every job is done: each job's associations are then in the register exactly once.

Bounded: JOBS jobs of ROWS rows, every wait has a deadline, every process started here is stopped here.
Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import csv
import io
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
JOBS = 6
ROWS = 800
IMPORTER = "noivu"  # the Department of Home Affairs imports the register
WAIT = 180  # seconds: the longest any job may take to end, retries included


class Worker:
    """One `sohoi worker` process (django-tasks' database backend)."""

    def __init__(self, env: dict[str, str], name: str):
        self.name = name
        self.log = open(Path(env["SOHOI_VAR_DIR"]) / f"worker-{name}.log", "w")  # noqa: SIM115
        self.proc = subprocess.Popen([sys.executable, "-m", "sohoi.cli", "worker"], cwd=REPO, env=env,  # noqa: S603
                                     stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    def kill(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        self.log.close()


HEADER_SCRIPT = """
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sohoi.config.settings")
django.setup()
from sohoi.associations.services.register_import import COLUMNS
print("\\t".join(COLUMNS.values()))
"""


def register_header(env: dict[str, str]) -> list[str]:
    """The register's column titles, from the app itself (this process does not set Django up)."""
    out = subprocess.run([sys.executable, "-c", HEADER_SCRIPT], cwd=REPO, env=env, check=True,  # noqa: S603
                         capture_output=True, text=True, timeout=120).stdout
    return out.strip().split("\t")


def register_file(job: int, wards: list[str], header: list[str]) -> bytes:
    """ROWS new commune associations named after the job, in the register's own columns (CSV)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for k in range(ROWS):
        ward = wards[k % len(wards)]
        writer.writerow([f"Hội Mở Rộng {job}-{k + 1} {ward}", "", "Khác", "Xã, phường", ward, "",
                         f"{job}{k + 1}/QĐ-UBND", "05/09/2025", f"Ủy ban nhân dân {ward}", "Đang hoạt động", "Không",
                         50 + k % 300, "", "", "", ""])
    return out.getvalue().encode("utf-8")


def _token(client: httpx.Client, path: str) -> str:
    page = client.get(path)
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert found, f"no CSRF token on {path} ({page.status_code})"
    return found.group(1)


def start_import(base: str, cookies: dict, content: bytes, name: str) -> int:
    """Upload through the page, as an officer would; returns the job's id (from the redirect)."""
    with httpx.Client(base_url=base, cookies=cookies, timeout=60) as client:
        token = _token(client, "/hoi/nhap-danh-ba/")
        r = client.post("/hoi/nhap-danh-ba/", data={"csrfmiddlewaretoken": token, "commit": "on"},
                        files={"file": (name, content, "text/csv")})
        found = re.search(r"/hoi/nhap-danh-ba/(\d+)/", r.headers.get("location", ""))
        assert r.status_code == 302 and found, f"upload {name}: {r.status_code} {r.text[:300]}"
        return int(found.group(1))


def settle(base: str, cookies: dict, jobs: list[int], status: Callable[[int], tuple[str, bool]],
           notes: list[str]) -> dict[int, str]:
    """Read each job's page (reconciling a dead worker's job) and retry failed ones, until all are done or WAIT
    passes. Returns job -> final state."""
    deadline = time.monotonic() + WAIT
    retried: dict[int, int] = {}
    with httpx.Client(base_url=base, cookies=cookies, timeout=60) as client:
        while time.monotonic() < deadline:
            states = {}
            for job in jobs:
                client.get(f"/hoi/nhap-danh-ba/{job}/")  # the page reconciles: a dead worker's job -> failed
                states[job], retryable = status(job)
                if states[job] == "failed" and retryable and retried.get(job, 0) < 3:
                    token = _token(client, f"/hoi/nhap-danh-ba/{job}/")
                    r = client.post(f"/hoi/nhap-danh-ba/{job}/chay-lai/", data={"csrfmiddlewaretoken": token})
                    retried[job] = retried.get(job, 0) + 1
                    notes.append(f"job {job} failed (worker killed), retried through the page: {r.status_code}")
            if all(s == "done" for s in states.values()):
                return states
            time.sleep(1)
    return states
