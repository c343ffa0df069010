"""Imports at the floor (issue 14, part 5): the register and roster imports beside the bare minimum.

`run() -> list[dict]` (called by bench/run.py, or `python bench/bench_imports.py [--rows N] [--memory-rows N]`)
measures, on a database of its own (a fresh SQLite file with the demo data, or a `sohoi_bench_imports`
database on the PostgreSQL server of DATABASE_URL):

- register_import new / update: the import (CSV, committed then rolled back) vs the floor: parsing the same
  CSV with the csv module plus bare `executemany` INSERTs (units, associations) or UPDATEs. Target: at least
  half the floor's rows/s, and at least 20x django-import-export's rows/s.
- roster_import new / update: the same for a roster of members of one association.
- xlsx_read: reading the register file through `importing.read_table` vs openpyxl's own read-only
  iteration of the same sheet. Target: at most 1.3x.
- import_memory: peak resident memory of a process that checks and writes a file of --memory-rows rows
  (1,000,000 by default; the MAX_ROWS policy is lifted for it). Target: under 300 MB.

django-import-export is not a dependency: its rate is the one measured for issue 14 on this machine
(about 325 rows/s for the register: the import then ran 1,300 rows/s, "4x django-import-export").
Each case: median and p95 of `repeat` runs, in seconds, and rows/s in `note`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
IMPORT_EXPORT_ROWS_PER_S = 325.0  # django-import-export, register rows/s (issue 14's measurement)
ROWS = 20_000
MEMORY_ROWS = 1_000_000
REPEAT = 3


def _times(fn, repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - started)
    runs.sort()
    return statistics.median(runs), runs[min(len(runs) - 1, round(0.95 * (len(runs) - 1)))]


def _register_rows(rows: int, members_shift: int = 0):
    from sohoi.associations.services.register_import import COLUMNS
    from sohoi.orgs.models import AdminUnit

    wards = list(AdminUnit.objects.filter(parent__code="92", valid_to__isnull=True).exclude(kind="district")
                 .order_by("code").values_list("name", flat=True))
    yield list(COLUMNS.values())
    for k in range(rows):
        ward = wards[k % len(wards)]
        yield [f"Hội Đo nhập số {k + 1} {ward}", "", "Khác", "Xã, phường", ward, "", f"{k + 1}/QĐ-UBND",
               "05/09/2025", f"Ủy ban nhân dân {ward}", "Đang hoạt động", "Không", 100 + (k + members_shift) % 500,
               "", "", "", ""]


def _register_csv(rows: int, members_shift: int = 0) -> bytes:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out).writerows(_register_rows(rows, members_shift))
    return out.getvalue().encode("utf-8")


def _roster_rows(rows: int, shift: int = 0):
    from sohoi.associations.services.roster import COLUMNS

    yield list(COLUMNS.values())
    for k in range(rows):
        yield [f"Hội viên Đo {k + 1}", "Nữ" if k % 2 else "Nam", 1950 + (k + shift) % 50, f"{999000000000 + k}", "",
               "Cá nhân", "01/01/2020", "", "Không"]


def _roster_csv(rows: int, shift: int = 0) -> bytes:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out).writerows(_roster_rows(rows, shift))
    return out.getvalue().encode("utf-8")


def _case(name: str, scale: str, median: float, p95: float, base: float, target: float, *, higher_is_better=False,
          ratio: float | None = None, note: str = "") -> dict:
    from django.db import connection

    ratio = ratio if ratio is not None else (median / base if base else None)
    passed = ratio is not None and (ratio >= target if higher_is_better else ratio <= target)
    return {"case": name, "scale": scale, "database": connection.vendor, "median": round(median, 4),
            "p95": round(p95, 4), "baseline_median": round(base, 4), "ratio": round(ratio, 3) if ratio else None,
            "target": target, "passed": bool(passed), "note": note}


def _measure(rows: int, repeat: int) -> list[dict]:
    import csv
    import io

    from django.db import connection, transaction

    from sohoi.accounts.models import User
    from sohoi.associations.models import Association, FieldOfActivity, Member
    from sohoi.associations.services.register_import import register_import
    from sohoi.associations.services.roster import roster_import
    from sohoi.core.text import fold
    from sohoi.orgs.models import AdminUnit, Unit

    actor = User.objects.get(username="noivu")
    scale = f"{rows:,} rows"
    cases = []
    field = FieldOfActivity.objects.filter(name="Khác").values_list("pk", flat=True).first()
    areas = dict(AdminUnit.objects.filter(parent__code="92").values_list("name", "pk"))

    def sohoi(data: bytes, *, commit: bool = False):
        def go():
            with transaction.atomic():
                result = register_import(actor=actor, upload=io.BytesIO(data), filename="b.csv", dry_run=False)
                assert not result.errors, result.errors[:3]
                transaction.set_rollback(not commit)
        return go

    new = _register_csv(rows)

    def floor_new():
        with transaction.atomic():
            table = list(csv.reader(io.StringIO(new.decode("utf-8"))))[1:]
            base = (Unit.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
            with connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO orgs_unit (id, name, name_folded, code, kind, level, path, area_id, email, "
                    "created_at, updated_at, version) VALUES (%s, %s, %s, '', 'association', 'commune', %s, %s, '', "
                    "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)",
                    [(base + i, r[0], fold(r[0]), f"/{base + i:09d}/", areas.get(r[4])) for i, r in enumerate(table)])
                cursor.executemany(
                    "INSERT INTO associations_association (unit_id, name, name_folded, name_sort, short_name, "
                    "english_name, field_id, main_activity, main_activity_folded, is_economic, scope_level, territory_id, "
                    "head_office, founding_decision_number, founding_decision_issuer, special_status, state_tasks, "
                    "phone, email, website, status, members_individual, members_organisational, members_honorary, "
                    "branches_reported, created_at, updated_at, version) VALUES (%s, %s, %s, %s, '', '', %s, '', '', "
                    "%s, 'commune', %s, '', %s, %s, %s, '', '', '', '', 'operating', %s, 0, 0, 0, "
                    "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)",
                    [(base + i, r[0], fold(r[0]), fold(r[0]), field, False, areas.get(r[4]), r[6], r[8], False,
                      int(r[11])) for i, r in enumerate(table)])
            transaction.set_rollback(True)

    m, p = _times(sohoi(new), repeat)
    fm, _fp = _times(floor_new, repeat)
    cases.append(_case("register_import_new", scale, m, p, fm, 2.0, note=(
        f"{rows / m:,.0f} rows/s vs floor {rows / fm:,.0f} rows/s (csv + executemany); "
        f"{rows / m / IMPORT_EXPORT_ROWS_PER_S:.0f}x django-import-export (target 20x)")))
    sohoi(new, commit=True)()  # the register now holds them: the next file updates every row
    changed = _register_csv(rows, members_shift=7)
    names = dict(Association.objects.filter(name__startswith="Hội Đo nhập số ").values_list("name", "pk"))

    def floor_update():
        with transaction.atomic():
            table = list(csv.reader(io.StringIO(changed.decode("utf-8"))))[1:]
            with connection.cursor() as cursor:
                cursor.executemany(
                    "UPDATE associations_association SET members_individual = %s, updated_at = CURRENT_TIMESTAMP, "
                    "version = version + 1 WHERE id = %s", [(int(r[11]), names[" ".join(r[0].split())]) for r in table])
            transaction.set_rollback(True)

    m, p = _times(sohoi(changed), repeat)
    fm, _fp = _times(floor_update, repeat)
    cases.append(_case("register_import_update", scale, m, p, fm, 2.0, note=(
        f"{rows / m:,.0f} rows/s vs floor {rows / fm:,.0f} rows/s (csv + executemany UPDATE); "
        f"{rows / m / IMPORT_EXPORT_ROWS_PER_S:.0f}x django-import-export")))

    association = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    Member.objects.filter(association=association, full_name__startswith="Hội viên Đo ").delete()
    roster = _roster_csv(rows)

    def roster_run(data: bytes, *, commit: bool = False):
        def go():
            with transaction.atomic():
                result = roster_import(actor=None, association=association, upload=io.BytesIO(data),
                                       filename="r.csv", dry_run=False)
                assert not result.errors, result.errors[:3]
                transaction.set_rollback(not commit)
        return go

    def floor_roster():
        with transaction.atomic():
            table = list(csv.reader(io.StringIO(roster.decode("utf-8"))))[1:]
            with connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO associations_member (association_id, full_name, name_folded, gender, birth_year, "
                    "id_number, phone, kind, joined_on, is_party_member, created_at, updated_at, version) VALUES "
                    "(%s, %s, %s, %s, %s, %s, '', 'individual', '2020-01-01', %s, CURRENT_TIMESTAMP, "
                    "CURRENT_TIMESTAMP, 1)",
                    [(association.pk, r[0], fold(r[0]), "female" if r[1] == "Nữ" else "male", int(r[2]), r[3], False)
                     for r in table])
            transaction.set_rollback(True)

    m, p = _times(roster_run(roster), repeat)
    fm, _fp = _times(floor_roster, repeat)
    cases.append(_case("roster_import_new", scale, m, p, fm, 2.0, note=(
        f"{rows / m:,.0f} rows/s vs floor {rows / fm:,.0f} rows/s; "
        f"{rows / m / IMPORT_EXPORT_ROWS_PER_S:.0f}x django-import-export")))
    roster_run(roster, commit=True)()
    roster2 = _roster_csv(rows, shift=3)
    ids = dict(Member.objects.filter(association=association, id_number__startswith="999").values_list("id_number", "pk"))

    def floor_roster_update():
        with transaction.atomic():
            table = list(csv.reader(io.StringIO(roster2.decode("utf-8"))))[1:]
            with connection.cursor() as cursor:
                cursor.executemany("UPDATE associations_member SET birth_year = %s, version = version + 1, "
                                   "updated_at = CURRENT_TIMESTAMP WHERE id = %s",
                                   [(int(r[2]), ids[r[3]]) for r in table])
            transaction.set_rollback(True)

    m, p = _times(roster_run(roster2), repeat)
    fm, _fp = _times(floor_roster_update, repeat)
    cases.append(_case("roster_import_update", scale, m, p, fm, 2.0, note=(
        f"{rows / m:,.0f} rows/s vs floor {rows / fm:,.0f} rows/s; "
        f"{rows / m / IMPORT_EXPORT_ROWS_PER_S:.0f}x django-import-export")))
    Member.objects.filter(association=association, id_number__startswith="999").delete()
    cases.append(_xlsx_case(rows, repeat))
    return cases


def _xlsx_case(rows: int, repeat: int) -> dict:
    import io

    from openpyxl import Workbook, load_workbook

    from sohoi.associations.importing import read_table, register_limits
    from sohoi.associations.services.register_import import COLUMNS, OPTIONAL

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(list(COLUMNS.values()))
    for k in range(rows):
        sheet.append([f"Hội Đọc số {k}", "", "Khác", "Xã, phường", "Phường An Bình", "", f"{k}/QĐ-UBND",
                      "05/09/2025", "UBND", "Đang hoạt động", "Không", k % 500, "", "", "", ""])
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()

    def ours():
        n = sum(1 for _ in read_table(io.BytesIO(data), "b.xlsx", COLUMNS, optional=OPTIONAL, limits=register_limits()))
        assert n == rows

    def theirs():
        wb = load_workbook(io.BytesIO(data), read_only=True)
        n = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True)) - 1
        wb.close()
        assert n == rows

    m, p = _times(ours, repeat)
    fm, _fp = _times(theirs, repeat)
    return _case("xlsx_read", f"{rows:,} rows", m, p, fm, 1.3,
                 note=f"read_table {rows / m:,.0f} rows/s vs openpyxl read-only iteration {rows / fm:,.0f} rows/s")


MEMORY_CHILD = """
import io, json, os, resource, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sohoi.config.settings")
import django
django.setup()
from django.conf import settings
settings.DEBUG = False  # as in production: no query log kept in memory
sys.path.insert(0, %(bench)r)
import bench_imports as b
from sohoi.associations import importing
importing.MAX_ROWS = 10 ** 7  # the policy limit, lifted: this measures memory
from django.db import transaction
from sohoi.accounts.models import User
from sohoi.associations.services.register_import import register_import
from sohoi.associations.models import Association
from sohoi.associations.services.roster import roster_import
rows, path, kind = int(sys.argv[1]), sys.argv[2], sys.argv[3]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
import time
t = time.perf_counter()
with open(path, "rb") as f, transaction.atomic():
    if kind == "register":
        result = register_import(actor=User.objects.get(username="noivu"), upload=f, filename="m.csv", dry_run=False)
    else:
        result = roster_import(actor=None, association=Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ"),
                               upload=f, filename="m.csv", dry_run=False)
    assert not result.errors, result.errors[:3]
    transaction.set_rollback(True)
print(json.dumps({"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "seconds": time.perf_counter() - t,
                  "before_mb": before / 1024}))
"""


def _memory_case(rows: int, env: dict[str, str], kind: str = "register") -> dict:
    import csv

    from django.db import connection

    with tempfile.TemporaryDirectory() as folder:
        with open(Path(folder) / "m.csv", "w", newline="", encoding="utf-8") as f:  # written here, row by row
            csv.writer(f).writerows((_register_rows if kind == "register" else _roster_rows)(rows))
        done = subprocess.run([sys.executable, "-c", MEMORY_CHILD % {"bench": str(REPO / "bench")}, str(rows),  # noqa: S603
                               str(Path(folder) / "m.csv"), kind], cwd=REPO, env=env, capture_output=True, text=True,
                              timeout=3600, check=False)
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return {"case": f"{kind}_import_memory", "scale": f"{rows:,} rows", "database": connection.vendor,
            "median": round(figures["peak_mb"], 1), "p95": round(figures["peak_mb"], 1), "baseline_median": 300.0,
            "ratio": round(figures["peak_mb"] / 300.0, 3), "target": 1.0, "passed": figures["peak_mb"] < 300,
            "note": f"peak RSS {figures['peak_mb']:.0f} MB (limit 300 MB) for the {kind} import of {rows:,} rows "
                    f"(check + write, rolled back) in {figures['seconds']:.0f} s; DEBUG off"}


def _own_database() -> tuple[dict[str, str], object]:
    """A fresh database with the demo data, and its cleanup."""
    url = os.environ.get("DATABASE_URL", "")
    env = {**os.environ, "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"}
    folder = tempfile.mkdtemp(prefix="sohoi-bench-imports-")
    env["SOHOI_VAR_DIR"] = folder
    drop = None
    if url.startswith("postgres"):
        import psycopg

        base, _, _name = url.rpartition("/")
        with psycopg.connect(f"{base}/postgres", autocommit=True) as db:
            db.execute("DROP DATABASE IF EXISTS sohoi_bench_imports WITH (FORCE)")
            db.execute("CREATE DATABASE sohoi_bench_imports")
        env["DATABASE_URL"] = f"{base}/sohoi_bench_imports"

        def drop():
            with psycopg.connect(f"{base}/postgres", autocommit=True) as db:
                db.execute("DROP DATABASE IF EXISTS sohoi_bench_imports WITH (FORCE)")
    else:
        env["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    for command in (["migrate", "-v0"], ["demo"]):
        subprocess.run([sys.executable, "-m", "sohoi.cli", *command], cwd=REPO, env=env, check=True,  # noqa: S603
                       capture_output=True, timeout=900)

    def cleanup():
        import shutil

        if drop:
            drop()
        shutil.rmtree(folder, ignore_errors=True)
    return env, cleanup


def run(rows: int = ROWS, memory_rows: int = MEMORY_ROWS, repeat: int = REPEAT) -> list[dict]:
    """Every import case on a database of its own (see the module's docstring)."""
    env, cleanup = _own_database()
    try:
        done = subprocess.run([sys.executable, __file__, "--inside", f"--rows={rows}", f"--memory-rows={memory_rows}",  # noqa: S603
                               f"--repeat={repeat}"], cwd=REPO, env=env, capture_output=True, text=True, timeout=7200,
                              check=False)
        if done.returncode:
            raise RuntimeError(done.stderr[-3000:])
        return json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        cleanup()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--memory-rows", type=int, default=MEMORY_ROWS, help="0: skip the memory case")
    parser.add_argument("--repeat", type=int, default=REPEAT)
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.inside:
        cases = run(args.rows, args.memory_rows, args.repeat)
        for c in cases:
            print(f"{c['case']:24} {c['scale']:>16} {c['database']:10} median {c['median']:>9} baseline "
                  f"{c['baseline_median']:>9} ratio {c['ratio']} target {c['target']} "
                  f"{'pass' if c['passed'] else 'MISS'}  {c['note']}")
        print(json.dumps(cases))
        return 0
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sohoi.config.settings")
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # as in production: no query log (it would hold every statement in memory)
    cases = _measure(args.rows, args.repeat)
    if args.memory_rows:
        cases.append(_memory_case(args.memory_rows, dict(os.environ), "register"))
        cases.append(_memory_case(args.memory_rows, dict(os.environ), "roster"))
    print(json.dumps(cases))
    return 0


if __name__ == "__main__":
    sys.exit(main())
