"""`make load`: bounded load and fault runs against a production-like Sổ Hội on this machine only.

1. A fresh PostgreSQL database (created and dropped here), `sohoi setup` with DEBUG=0 (migrate, demo, static).
2. gunicorn, WORKERS sync workers on 127.0.0.1: steady load, a mix of the demo roles' requests (home page,
   document list/detail/board, association list/detail, public register, API lists, progress-report
   writes) from CONCURRENCY closed-loop clients for DURATION seconds: requests/s, p50/p95/p99, errors.
3. The same with one worker SIGKILLed midway: the others keep serving, the master replaces it, at most the
   killed worker's in-flight request fails, and every acknowledged write is in the database afterwards.
4. Two app processes on different ports over the same database: a write and a session made through one
   are read through the other.
5. `sohoi ingest --confirm` SIGKILLed in the middle of its fan-out: no half-confirmed document.
Then a table on stdout and the figures in docs/reliability.md (between the figures markers).

Only 127.0.0.1 is ever contacted; every loop is bounded in time and count; all processes started here are
stopped here (also on error), and the database is dropped unless --keep.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import os
import platform
import random
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg

REPO = Path(__file__).resolve().parents[1]
PY = sys.executable
HOST = "127.0.0.1"
PG = os.environ.get("LOAD_PG", "postgresql://postgres@127.0.0.1:5432")
PASSWORD = "sohoi-demo-2026"  # noqa: S105 - the documented demo password
WRITER = "hoi.khuyenhoc"
ROLES = ["thuongtruc", "dandan", "noivu", "quanuy.ninhkieu", "hoi.khuyenhoc", "quantri"]
WEB_ROLES = [r for r in ROLES if r != "quantri"]  # the administrator signs in with a second factor; API only
DOC = REPO / "docs" / "reliability.md"
START, END = "<!-- figures:start -->", "<!-- figures:end -->"
MAX_REQUESTS = 200_000  # a hard bound on one phase, whatever the speed


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------- the server


class Server:
    def __init__(self, env: dict[str, str], workers: int, name: str):
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.name = name
        self.log = open(Path(env["SOHOI_VAR_DIR"]) / f"gunicorn-{name}.log", "w")  # noqa: SIM115
        self.proc = subprocess.Popen(  # noqa: S603
            [PY, "-m", "gunicorn", "sohoi.config.wsgi:application", "--bind", f"{HOST}:{self.port}",
             "--workers", str(workers), "--worker-class", "sync", "--timeout", "30", "--graceful-timeout", "5",
             "--backlog", "256", "--name", f"sohoi-load-{name}"],
            cwd=REPO, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn {self.name} exited; see its log {self.log.name}")
            try:
                if httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn {self.name} not ready in {timeout}s")

    def workers(self) -> list[int]:
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(self.proc.pid)],  # noqa: S607,S603
                             capture_output=True, text=True).stdout
        return sorted(int(p) for p in out.split())

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        self.log.close()


# ---------------------------------------------------------------- clients


@dataclass
class Sample:
    kind: str
    status: int  # 0 = transport error
    seconds: float
    error: str = ""


@dataclass
class Phase:
    name: str
    seconds: float = 0.0
    samples: list[Sample] = field(default_factory=list)
    writes_ok: list[str] = field(default_factory=list)
    writes_unknown: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    stopped: bool = False  # set when the server it drives is killed: its clients stop

    @property
    def errors(self) -> list[Sample]:
        return [s for s in self.samples if s.status == 0 or s.status >= 500]

    def row(self) -> dict[str, str]:
        lat = sorted(s.seconds * 1000 for s in self.samples if s.status)
        q = statistics.quantiles(lat, n=100) if len(lat) >= 2 else [0.0] * 99
        return {"phase": self.name, "requests": str(len(self.samples)),
                "req/s": f"{len(self.samples) / self.seconds:.1f}" if self.seconds else "-",
                "p50 ms": f"{q[49]:.0f}", "p95 ms": f"{q[94]:.0f}", "p99 ms": f"{q[98]:.0f}",
                "errors": str(len(self.errors)),
                "4xx": str(sum(1 for s in self.samples if 400 <= s.status < 500)),
                "writes ok": str(len(self.writes_ok))}


def login(base: str, username: str) -> dict[str, str]:
    """Sign in through the login form; returns the cookies (the session lives in the database)."""
    client = httpx.Client(base_url=base, timeout=30, follow_redirects=False)
    page = client.get("/tai-khoan/dang-nhap/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert token, f"no CSRF token on the login page ({page.status_code})"
    r = client.post("/tai-khoan/dang-nhap/", data={"username": username, "password": PASSWORD,
                                                  "csrfmiddlewaretoken": token.group(1)})
    assert r.status_code == 302 and "sessionid" in client.cookies, f"login {username}: {r.status_code}"
    cookies = dict(client.cookies)
    client.close()
    return cookies


class Mix:
    """The request mix: per role, weighted (kind, path) choices discovered from the demo data."""

    def __init__(self, base: str, tokens: dict[str, str], dsn: str):
        self.tokens = tokens
        get = lambda role, path: httpx.get(base + path, headers=self.bearer(role), timeout=30).json()  # noqa: E731
        self.docs = [d["id"] for d in get("dandan", "/api/v1/directives/documents?page_size=50")["items"]]
        self.assocs = {r: [a["id"] for a in get(r, "/api/v1/associations/?page_size=30")["items"]] for r in ROLES}
        # the writer: the association staff member, recording executive-committee members of its own
        # association (audited, no notification, no uniqueness rule, so every write can succeed)
        rows = psql(dsn, "SELECT a.id FROM associations_association a JOIN accounts_user u ON u.unit_id = a.unit_id "
                         "WHERE u.username = %s", WRITER)
        self.writer = WRITER
        self.own_association = rows[0][0] if rows else None
        assert self.docs and self.own_association, f"the demo data is missing: {len(self.docs)} documents, {rows}"

    def bearer(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"}

    def pick(self, role: str, rnd: random.Random) -> tuple[str, str, str, bool]:
        """(kind, method, path, api) for one request of this role."""
        assocs = self.assocs.get(role) or self.assocs["dandan"]
        web = role in WEB_ROLES
        choices = [
            (12, "home", "/", False), (10, "document list", "/van-ban/", False),
            (10, "document detail", f"/van-ban/{rnd.choice(self.docs)}/", False),
            (6, "document board", f"/van-ban/{rnd.choice(self.docs)}/theo-doi/", False),
            (10, "association list", "/hoi/", False),
            (10, "association detail", f"/hoi/{rnd.choice(assocs)}/", False) if assocs else None,
            (8, "public register", "/hoi/danh-ba/", False),
            (8, "api documents", "/api/v1/directives/documents?page_size=20", True),
            (8, "api associations", "/api/v1/associations/?page_size=20", True),
            (6, "api assignments", "/api/v1/directives/assignments?page_size=20", True),
            (4, "api units", "/api/v1/units/?page_size=20", True),
        ]
        choices = [c for c in choices if c and (web or c[3])]
        weights = [c[0] for c in choices]
        _, kind, path, api = rnd.choices(choices, weights=weights)[0]
        return kind, "GET", path, api


async def user_loop(phase: Phase, role: str, web: httpx.AsyncClient | None, api: httpx.AsyncClient, mix: Mix,
                    stop_at: float, seed: int, write_every: int, counter: list[int]) -> None:
    rnd = random.Random(seed)  # noqa: S311 - a load mix, not a secret
    n = 0
    while time.monotonic() < stop_at and counter[0] < MAX_REQUESTS and not phase.stopped:
        n += 1
        counter[0] += 1
        if role == mix.writer and write_every and n % write_every == 0:
            marker = f"Tải Thử {phase.name[:1]}{seed}-{n}-{secrets.token_hex(3)}"
            kind, coro = "api write leader", api.post(f"/api/v1/associations/{mix.own_association}/leaders", json={
                "full_name": marker, "position": "executive", "started_on": "2026-01-15"})
        else:
            kind, method, path, is_api = mix.pick(role, rnd)
            marker = ""
            coro = (api if is_api or web is None else web).get(path)
        t0 = time.perf_counter()
        try:
            r = await coro
            status, error = r.status_code, ""
            if status >= 400:
                error = r.text[:200]
        except httpx.HTTPError as exc:
            status, error = 0, f"{type(exc).__name__}: {exc}"
        phase.samples.append(Sample(kind, status, time.perf_counter() - t0, error))
        if marker:
            (phase.writes_ok if status == 201 else phase.writes_unknown).append(marker)
            if status and status != 201:
                phase.notes.append(f"write refused {status}: {error[:150]}")


async def drive(phase: Phase, server: Server, mix: Mix, sessions: dict[str, dict], concurrency: int,
                duration: float, write_every: int, during=None) -> None:
    clients = []
    tasks = []
    stop_at = time.monotonic() + duration
    counter = [0]
    for i in range(concurrency):
        role = ROLES[i % len(ROLES)]
        web = httpx.AsyncClient(base_url=server.url, cookies=sessions[role], timeout=30) if role in sessions else None
        api = httpx.AsyncClient(base_url=server.url, headers=mix.bearer(role), timeout=30)
        clients += [c for c in (web, api) if c]
        tasks.append(asyncio.create_task(user_loop(phase, role, web, api, mix, stop_at, 1000 + i, write_every,
                                                   counter)))
    t0 = time.monotonic()
    if during is not None:
        tasks.append(asyncio.create_task(during(phase)))
    await asyncio.gather(*tasks)
    phase.seconds = time.monotonic() - t0
    for c in clients:
        await c.aclose()


# ---------------------------------------------------------------- the run


def psql(dsn: str, sql: str, *params):
    with psycopg.connect(dsn, autocommit=True) as conn:
        cur = conn.execute(sql, params)
        return cur.fetchall() if cur.description else None


def sessions_for(base: str) -> dict[str, dict]:
    return {role: login(base, role) for role in WEB_ROLES}


LOADAVG = "?"


def main() -> int:  # noqa: C901 - one linear script
    global LOADAVG
    LOADAVG = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--concurrency", type=int, default=12)
    ap.add_argument("--duration", type=float, default=45, help="seconds per load phase (max 120)")
    ap.add_argument("--write-every", type=int, default=5, help="the writer's every Nth request is a write")
    ap.add_argument("--keep", action="store_true", help="keep the database and the temporary folder")
    ap.add_argument("--no-doc", action="store_true", help="do not write docs/reliability.md")
    args = ap.parse_args()
    args.duration = min(args.duration, 120)

    db = f"sohoi_load_{int(time.time())}_{os.getpid()}"
    dsn = f"{PG}/{db}"
    var = Path(tempfile.mkdtemp(prefix="sohoi-load-"))
    env = {**os.environ, "DATABASE_URL": dsn, "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50),
           "ALLOWED_HOSTS": "127.0.0.1,localhost", "SECURE_HTTPS": "0", "SOHOI_VAR_DIR": str(var),
           "MEDIA_ROOT": str(var / "media"), "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
           "CONN_MAX_AGE": "60", "LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1"}
    servers: list[Server] = []
    phases: list[Phase] = []
    checks: list[tuple[str, bool, str]] = []
    started = time.monotonic()
    writer = "?"
    psql(f"{PG}/postgres", f'CREATE DATABASE "{db}"')
    try:
        log(f"database {db}: sohoi setup (migrate, demo, collectstatic) with DEBUG=0")
        subprocess.run([PY, "-m", "sohoi.cli", "setup"], cwd=REPO, env=env, check=True,  # noqa: S603
                       stdout=subprocess.DEVNULL, timeout=600)
        tokens = dict(line.split(" ", 1) for line in subprocess.run(  # noqa: S603
            [PY, "-c", TOKENS_SCRIPT, *ROLES], cwd=REPO, env=env, check=True, capture_output=True, text=True,
            timeout=120).stdout.split("\n") if line)

        main_server = Server(env, args.workers, "main")
        servers.append(main_server)
        main_server.wait_ready()
        log(f"gunicorn on {main_server.url}: master {main_server.proc.pid}, workers {main_server.workers()}")
        sessions = sessions_for(main_server.url)
        mix = Mix(main_server.url, tokens, dsn)
        writer = mix.writer
        log(f"writer: {mix.writer} on association {mix.own_association}")
        # warm-up: every worker imports and connects before measuring
        asyncio.run(drive(Phase("warm-up"), main_server, mix, sessions, args.concurrency, 5, 0))

        steady = Phase("steady")
        log(f"steady load: {args.concurrency} clients x {args.duration:.0f}s")
        asyncio.run(drive(steady, main_server, mix, sessions, args.concurrency, args.duration, args.write_every))
        phases.append(steady)

        killed = Phase("worker killed")
        before_workers = main_server.workers()

        async def kill_one(phase: Phase) -> None:
            await asyncio.sleep(args.duration / 2)
            victim = random.choice(main_server.workers())  # noqa: S311
            os.kill(victim, signal.SIGKILL)
            t_kill = time.monotonic()
            phase.notes.append(f"SIGKILL worker {victim} at {args.duration / 2:.0f}s")
            for _ in range(100):  # bounded: 10 s
                await asyncio.sleep(0.1)
                now = main_server.workers()
                if victim not in now and len(now) == args.workers:
                    phase.notes.append(f"master replaced it in {time.monotonic() - t_kill:.1f}s (workers {now})")
                    break
            else:
                phase.notes.append(f"NOT replaced within 10 s: workers {main_server.workers()}")

        log(f"same load, one of {before_workers} SIGKILLed midway")
        asyncio.run(drive(killed, main_server, mix, sessions, args.concurrency, args.duration, args.write_every,
                          during=kill_one))
        phases.append(killed)
        after_workers = main_server.workers()
        checks.append(("master replaced the killed worker", len(after_workers) == args.workers and
                       any("replaced it" in n for n in killed.notes), "; ".join(killed.notes)))
        # A sync worker serves one request at a time (no keep-alive), so it has at most one in flight.
        checks.append(("errors while a worker was killed <= its in-flight requests (1)", len(killed.errors) <= 1,
                       f"{len(killed.errors)} error(s): {[f'{e.kind} {e.status}: {e.error[:80]}' for e in killed.errors]}"))
        checks.append(("no error under steady load", not steady.errors,
                       f"{len(steady.errors)} error(s): {[e.error[:80] for e in steady.errors[:3]]}"))

        # nothing lost: every acknowledged write is in the database, exactly once
        markers = steady.writes_ok + killed.writes_ok
        rows = psql(dsn, "SELECT full_name, count(*) FROM associations_leader WHERE full_name LIKE 'Tải Thử %%' "
                         "GROUP BY full_name")
        stored = dict(rows or [])
        missing = [m for m in markers if stored.get(m) != 1]
        unknown = steady.writes_unknown + killed.writes_unknown
        checks.append(("every acknowledged write is stored once", bool(markers) and not missing,
                       f"{len(markers)} acknowledged, {len(missing)} missing; {len(unknown)} unacknowledged "
                       f"(of which {sum(1 for m in unknown if m in stored)} committed)"))

        # two app processes over the same database
        second = Server(env, 1, "second")
        servers.append(second)
        second.wait_ready()
        marker = f"Hai Tiến Trình {secrets.token_hex(3)}"
        leaders = f"/api/v1/associations/{mix.own_association}/leaders"
        w = httpx.post(main_server.url + leaders, json={"full_name": marker, "position": "executive",
                                                        "started_on": "2026-01-15"},
                       headers=mix.bearer(mix.writer), timeout=30)
        r = httpx.get(second.url + leaders, headers=mix.bearer(mix.writer), timeout=30)
        seen = r.status_code == 200 and any(x.get("full_name") == marker for x in r.json())
        checks.append(("a write through process A is read through process B", w.status_code == 201 and seen,
                       f"POST :{main_server.port} {w.status_code}, GET :{second.port} {r.status_code}, found: {seen}"))
        cookie = sessions["dandan"]
        h = httpx.get(f"{second.url}/", cookies=cookie, timeout=30)
        checks.append(("a session opened on one process is valid on the other", h.status_code == 200,
                       f"GET / on :{second.port} with the session from :{main_server.port}: {h.status_code}"))
        two = Phase("two processes")
        log("two processes: the same mix spread over both for 10 s")

        async def both():
            half = max(2, args.concurrency // 2)
            await asyncio.gather(drive(two, main_server, mix, sessions, half, 10, 0),
                                 drive(two, second, mix, sessions, half, 10, 0))
        asyncio.run(both())
        two.seconds = 10
        phases.append(two)
        checks.append(("no error with two processes", not two.errors, f"{len(two.errors)} error(s)"))
        scale_out(env, dsn, main_server, second, mix, sessions, args, phases, checks)
        for s in servers:
            s.stop()

        # a multi-step service killed midway, on PostgreSQL
        sys.path.insert(0, str(REPO))
        from loadtest.killing import VARIANT_CODE, run_and_kill_midway, variant_of_the_seed

        count = lambda table: psql(dsn, f"SELECT count(*) FROM {table}")[0][0]  # noqa: E731,S608
        before = {t: count(t) for t in ("directives_task", "directives_assignment", "core_auditentry")}
        last_audit = psql(dsn, "SELECT coalesce(max(id), 0) FROM core_auditentry")[0][0]
        run_and_kill_midway(env, variant_of_the_seed(var))
        after = {t: count(t) for t in before}
        new_actions = [a for (a,) in psql(dsn, "SELECT action FROM core_auditentry WHERE id > %s", last_audit)]
        confirmed = psql(dsn, "SELECT confirmed_at FROM directives_document WHERE code = %s", VARIANT_CODE)
        ok = (after["directives_task"] == before["directives_task"]
              and after["directives_assignment"] == before["directives_assignment"]
              and confirmed == [(None,)]
              and all(a == "directives.document.registered" or a.startswith("orgs.") for a in new_actions))
        checks.append(("`sohoi ingest --confirm` SIGKILLed mid fan-out leaves no task, assignment or audit row", ok,
                       f"tasks {before['directives_task']}->{after['directives_task']}, assignments "
                       f"{before['directives_assignment']}->{after['directives_assignment']}, new audit rows "
                       f"{new_actions}, document confirmed_at {confirmed}"))
    finally:
        for s in servers:
            try:
                s.stop()
            except Exception as exc:  # noqa: BLE001 - keep cleaning up
                log(f"stopping {s.name}: {exc}")
        logs = REPO / "var" / "load-logs"  # the servers' and workers' logs outlive the temporary folder
        logs.mkdir(parents=True, exist_ok=True)
        for f in var.glob("*.log"):
            (logs / f.name).write_bytes(f.read_bytes())
        if not args.keep:
            psql(f"{PG}/postgres", f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
            subprocess.run(["rm", "-rf", str(var)], check=False)  # noqa: S603,S607
        else:
            log(f"kept database {db} and folder {var}")

    elapsed = time.monotonic() - started
    table = render(phases, checks, args, elapsed, writer)
    print("\n" + table)
    if not args.no_doc:
        write_doc(table)
        log(f"figures written to {DOC.relative_to(REPO)}")
    return 0 if all(ok for _, ok, _ in checks) else 1


TOKENS_SCRIPT = """
import os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sohoi.config.settings")
import django
django.setup()
from sohoi.accounts.models import User
from sohoi.accounts.services import api_token_create
for name in sys.argv[1:]:
    print(name, api_token_create(actor=None, user=User.objects.get(username=name), name="load test")[1])
"""


def scale_out(env: dict, dsn: str, main_server: Server, second: Server, mix: Mix, sessions: dict, args,
              phases: list[Phase], checks: list) -> None:
    """Two app servers and two job workers on one database; worker A SIGKILLed while it writes an import job,
    the second server SIGKILLed at the same moment (loadtest/scaleout.py)."""
    sys.path.insert(0, str(REPO))
    from loadtest import scaleout

    survivor, victim = Phase("scale-out: surviving server"), Phase("scale-out: killed server")
    workers = [scaleout.Worker(env, "a"), scaleout.Worker(env, "b")]
    try:
        header = scaleout.register_header(env)
        wards = [w for (w,) in psql(dsn, "SELECT name FROM orgs_adminunit WHERE valid_to IS NULL AND kind <> 'district' "
                                         "AND parent_id = (SELECT id FROM orgs_adminunit WHERE code = '92') ORDER BY code")]
        importer = sessions[scaleout.IMPORTER]
        log(f"scale-out: two servers, two workers (pids {[w.proc.pid for w in workers]}); {scaleout.JOBS} register "
            f"imports of {scaleout.ROWS} rows uploaded through both servers at {args.duration / 3:.0f}s")
        jobs: list[int] = []

        def upload_all() -> list[int]:  # through both servers, alternately, while they are under load
            return [scaleout.start_import((main_server if i % 2 == 0 else second).url, importer,
                                          scaleout.register_file(i + 1, wards, header), f"mo-rong-{i + 1}.csv")
                    for i in range(scaleout.JOBS)]

        def job_status(job: int) -> tuple[str, bool]:
            status, retryable = psql(dsn, "SELECT status, retryable FROM associations_importjob WHERE id = %s", job)[0]
            return status, retryable

        async def kill_midway(phase: Phase) -> None:
            await asyncio.sleep(args.duration / 3)
            jobs.extend(await asyncio.to_thread(upload_all))
            deadline = time.monotonic() + args.duration
            held = None
            while time.monotonic() < deadline and held is None:  # bounded: a job being written by a worker of ours
                for job_id, label in psql(dsn, "SELECT id, worker FROM associations_importjob "
                                                "WHERE status IN ('checking', 'writing') AND worker <> ''") or []:
                    pid = int(label.split(":")[1])
                    owner = next((w for w in workers if w.proc.pid in (pid, _pgid(pid))), None)
                    if owner is not None:
                        held = (job_id, owner)
                        break
                await asyncio.sleep(0.1)
            if held is None:
                phase.notes.append("no job was being written within the phase: worker A killed idle")
                held = (None, workers[0])
            held[1].kill()
            os.killpg(second.proc.pid, signal.SIGKILL)
            victim.stopped = True
            phase.notes.append(f"SIGKILL worker {held[1].name} (pid {held[1].proc.pid}) while it wrote job {held[0]}, "
                               f"and app server :{second.port}")

        async def both():
            half = max(2, args.concurrency // 2)
            await asyncio.gather(drive(survivor, main_server, mix, sessions, half, args.duration, args.write_every,
                                       during=kill_midway),
                                 drive(victim, second, mix, sessions, half, args.duration, args.write_every))
        asyncio.run(both())
        phases += [survivor, victim]
        states = scaleout.settle(main_server.url, importer, jobs, job_status, survivor.notes)
        per_job = dict(psql(dsn, "SELECT substring(name from 'Hội Mở Rộng ([0-9]+)-'), count(*) "
                                 "FROM associations_association WHERE name LIKE 'Hội Mở Rộng %%' GROUP BY 1") or [])
        counts = {i + 1: per_job.get(str(i + 1), 0) for i in range(scaleout.JOBS)}
        checks.append(("scale-out: every import job done, each one's rows stored exactly once (after retry)",
                       all(s == "done" for s in states.values()) and set(counts.values()) == {scaleout.ROWS},
                       f"states {states}; associations per job {counts}; " + "; ".join(survivor.notes[:6])))
        markers = survivor.writes_ok + victim.writes_ok
        stored = dict(psql(dsn, "SELECT full_name, count(*) FROM associations_leader WHERE full_name LIKE 'Tải Thử %%' "
                                "GROUP BY full_name") or [])
        missing = [m for m in markers if stored.get(m) != 1]
        checks.append(("scale-out: every write acknowledged by either server is stored once", bool(markers) and not missing,
                       f"{len(markers)} acknowledged, {len(missing)} missing"))
        checks.append(("scale-out: no error on the surviving server", not survivor.errors,
                       f"{len(survivor.errors)} error(s) {[f'{e.kind} {e.status}: {e.error[:80]}' for e in survivor.errors[:3]]}; "
                       f"the killed server: {len(victim.errors)} (its in-flight and later requests)"))
    finally:
        for w in workers:
            w.stop()


def _pgid(pid: int) -> int:
    try:
        return os.getpgid(pid)
    except ProcessLookupError:
        return -1


def render(phases: list[Phase], checks: list[tuple[str, bool, str]], args, elapsed: float, writer: str) -> str:
    rows = [p.row() for p in phases]
    cols = list(rows[0]) if rows else []
    lines = [
        f"Measured {datetime.datetime.now():%Y-%m-%d %H:%M} by `make load` (loadtest/run.py), {elapsed:.0f} s in all.",
        "",
        f"- machine: {os.cpu_count()} cores, load average {LOADAVG} before the run (other work on the machine), {platform.system()} {platform.release()}, Python {platform.python_version()}",
        f"- server: gunicorn {gunicorn_version()}, {args.workers} sync workers, DEBUG=0, SECURE_HTTPS=0, "
        f"PostgreSQL {pg_version()} on 127.0.0.1, CONN_MAX_AGE=60",
        f"- load: {args.concurrency} closed-loop clients (no think time) spread over {len(ROLES)} demo roles, "
        f"{args.duration:.0f} s per phase, every {args.write_every}th request of {writer} an API write (a leader record)",
        "",
        "| " + " | ".join(cols) + " |",
        "|" + "|".join("---" for _ in cols) + "|",
        *("| " + " | ".join(r[c] for c in cols) + " |" for r in rows),
        "",
        "| check | result | detail |",
        "|---|---|---|",
        *(f"| {name} | {'PASS' if ok else 'FAIL'} | {detail} |" for name, ok, detail in checks),
    ]
    for p in phases:
        kinds: dict[str, list[float]] = {}
        refused: dict[str, dict[int, int]] = {}
        for s in p.samples:
            kinds.setdefault(s.kind, []).append(s.seconds * 1000)
            if 400 <= s.status < 500:
                refused.setdefault(s.kind, {}).setdefault(s.status, 0)
                refused[s.kind][s.status] += 1
        if p.name == "steady":
            lines += ["", "Steady phase by request kind (4xx: the object drawn is outside that role's scope):", "",
                      "| request | count | p50 ms | p95 ms | 4xx |", "|---|---|---|---|---|"]
            for kind, lat in sorted(kinds.items()):
                q = statistics.quantiles(sorted(lat), n=100) if len(lat) >= 2 else [lat[0]] * 99
                four = ", ".join(f"{n}x{code}" for code, n in sorted(refused.get(kind, {}).items())) or "0"
                lines.append(f"| {kind} | {len(lat)} | {q[49]:.0f} | {q[94]:.0f} | {four} |")
    return "\n".join(lines)


def gunicorn_version() -> str:
    import gunicorn

    return gunicorn.__version__


def pg_version() -> str:
    try:
        return psql(f"{PG}/postgres", "SHOW server_version")[0][0].split()[0]
    except Exception:  # noqa: BLE001
        return "?"


def write_doc(table: str) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else f"# Reliability\n\n{START}\n{END}\n"
    if START not in text:
        text += f"\n{START}\n{END}\n"
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    DOC.write_text(f"{head}{START}\n{table}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
