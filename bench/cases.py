"""The benchmark cases of issue 14 part 7, measured in ONE database at ONE scale (bench/run.py calls this in a
subprocess per database and scale, with DATABASE_URL / SOHOI_VAR_DIR set). Prints one JSON object per case.

Each case times Sổ Hội and its baseline in the same process, alternating, through the Django test client
(same middleware, same session) where a page or an API call is measured. Bounded: every case stops after its
repetitions or its time budget, whichever comes first. A case that misses its target gets a pyinstrument
profile of one Sổ Hội run in bench/profiles/.

Run by hand: DATABASE_URL=... python bench/cases.py --scale city --out /tmp/cases.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sohoi.config.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Q  # noqa: E402
from django.http import JsonResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import path as url_path  # noqa: E402

PROFILES = ROOT / "bench" / "profiles"


def timed(fn: Callable[[], object], repeat: int, budget: float) -> list[float]:
    fn()  # warm-up (connections, caches, template loading), not counted
    times: list[float] = []
    deadline = time.perf_counter() + budget
    while len(times) < repeat and (len(times) < 3 or time.perf_counter() < deadline):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
        if time.perf_counter() > deadline and len(times) >= 1 and times[-1] > budget:
            break
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def profile(name: str, fn: Callable[[], object]) -> str:
    try:
        from pyinstrument import Profiler
    except ImportError:
        return ""
    PROFILES.mkdir(parents=True, exist_ok=True)
    profiler = Profiler(interval=0.002)
    profiler.start()
    try:
        fn()
    finally:
        profiler.stop()
    target = PROFILES / f"{name}.txt"
    target.write_text(profiler.output_text(unicode=True, color=False, show_all=False))
    return str(target.relative_to(ROOT))


# ------------------------------------------------------------------ baselines: one hand-written query each

def sql(query: str, params: list | tuple = ()) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


def dashboard_sql(unit_id: int) -> dict:
    """The Standing Committee home's numbers by hand: its unit's open work, overdue assignments, reports
    awaiting review, association alerts (congress overdue, leader changes unreported), associations without
    an officer, associations without a Party organisation, documents of the unit not disseminated."""
    today = time.strftime("%Y-%m-%d")
    out = {}
    out["mine"] = sql("SELECT COUNT(*) FROM directives_assignment WHERE unit_id = %s AND done_on IS NULL", [unit_id])
    out["overdue"] = sql("SELECT COUNT(*) FROM directives_assignment a JOIN directives_task t ON t.id = a.task_id "
                         "JOIN directives_document d ON d.id = t.document_id WHERE d.secrecy = 'normal' "
                         "AND a.done_on IS NULL AND a.due_on < %s", [today])
    out["review"] = sql("SELECT COUNT(*) FROM directives_progressreport WHERE status = 'submitted'")
    out["congress"] = sql(
        "SELECT COUNT(*) FROM associations_association a JOIN (SELECT association_id FROM associations_congress "
        "GROUP BY association_id HAVING MAX(next_due) < %s) c ON c.association_id = a.id "
        "WHERE a.status IN ('operating', 'suspended')", [today])
    out["unreported"] = sql("SELECT COUNT(DISTINCT association_id) FROM associations_leader "
                            "WHERE reported_on IS NULL AND ended_on IS NULL")
    out["uncovered"] = sql(
        "SELECT COUNT(*) FROM associations_association a WHERE a.status = 'operating' AND NOT EXISTS "
        "(SELECT 1 FROM associations_officerassignment o WHERE o.association_id = a.id AND o.ended_on IS NULL)")
    out["no_party"] = sql(
        "SELECT COUNT(*) FROM associations_association a WHERE a.status = 'operating' AND NOT EXISTS "
        "(SELECT 1 FROM party_partyorganisation p WHERE p.association_id = a.id AND p.status = 'active')")
    out["undisseminated"] = sql(
        "SELECT COUNT(DISTINCT t.document_id) FROM directives_assignment a JOIN directives_task t ON t.id = a.task_id "
        "WHERE a.unit_id = %s AND NOT EXISTS (SELECT 1 FROM directives_disseminationsession s "
        "WHERE s.document_id = t.document_id AND s.unit_id = %s)", [unit_id, unit_id])
    return out


def minimal_list_view(request):
    """The baseline of the API list: one hand-written query (rows and total in one go), JSON out."""
    page, size = int(request.GET.get("page", 1)), 50
    ids = [int(i) for i in request.GET.get("territories", "").split(",") if i]
    prefix = request.GET.get("prefix", "")
    where, params = ["a.status = %s"], ["operating"]
    if ids or prefix:
        marks = ",".join(["%s"] * len(ids)) or "NULL"
        where.append(f"(a.territory_id IN ({marks}) OR u.path LIKE %s)")
        params += ids + [prefix + "%"]
    condition = " AND ".join(where)  # fixed text and placeholders; every value is bound
    query = ("SELECT a.id, a.name, a.short_name, a.status, a.scope_level, a.territory_id, a.field_id, "  # noqa: S608
             f"a.members_individual, COUNT(*) OVER () FROM associations_association a "
             f"JOIN orgs_unit u ON u.id = a.unit_id WHERE {condition} ORDER BY a.name_sort, a.id LIMIT %s OFFSET %s")
    rows = sql(query, [*params, size, (page - 1) * size])
    return JsonResponse({"count": rows[0][-1] if rows else 0,
                         "items": [dict(zip(("id", "name", "short_name", "status", "scope_level", "territory_id",
                                             "field_id", "members_individual"), r[:-1], strict=True)) for r in rows]})


urlpatterns = [url_path("bench/minimal-list/", minimal_list_view)]

IMPORT_ROWS = 5_000


def import_file() -> bytes:
    """A register file of new commune associations of Can Tho (CSV, the register's own columns)."""
    import csv
    import io

    from sohoi.associations.services.register_import import COLUMNS
    from sohoi.orgs.models import AdminUnit

    wards = list(AdminUnit.objects.filter(parent__code="92", valid_to__isnull=True).exclude(kind="district")
                 .order_by("code").values_list("name", flat=True))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(list(COLUMNS.values()))
    for k in range(IMPORT_ROWS):
        ward = wards[k % len(wards)]
        writer.writerow([f"Hội Thử nhập số {k + 1} {ward}", "", "Khác", "Xã, phường", ward, "", f"{k + 1}/QĐ-UBND",
                         "05/09/2025", f"Ủy ban nhân dân {ward}", "Đang hoạt động", "Không", 100 + k % 500,
                         "", "", "", ""])
    return out.getvalue().encode("utf-8")


def import_case(case, scale: str) -> None:
    """The register import (new rows, committed then rolled back) vs parsing the same CSV and inserting its
    units and associations with two executemany calls (also rolled back)."""
    import csv
    import io

    from django.db import transaction

    from sohoi.accounts.models import User
    from sohoi.associations.models import FieldOfActivity
    from sohoi.associations.services.register_import import register_import
    from sohoi.core.text import fold
    from sohoi.orgs.models import AdminUnit, Unit

    data = import_file()
    actor = User.objects.get(username="noivu")

    def sohoi():
        with transaction.atomic():
            result = register_import(actor=actor, upload=io.BytesIO(data), filename="bench.csv", dry_run=False)
            assert not result.errors, result.errors[:3]
            transaction.set_rollback(True)

    field = FieldOfActivity.objects.filter(name="Khác").values_list("pk", flat=True).first() or \
        FieldOfActivity.objects.values_list("pk", flat=True).first()
    areas = dict(AdminUnit.objects.filter(parent__code="92").values_list("name", "pk"))

    def floor():
        with transaction.atomic():
            rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))[1:]
            base = (Unit.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
            with connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO orgs_unit (id, name, name_folded, code, kind, level, path, area_id, email, "
                    "created_at, updated_at, version) VALUES (%s, %s, %s, '', 'association', 'commune', %s, %s, '', "
                    "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)",
                    [(base + i, r[0], fold(r[0]), f"/{base + i:09d}/", areas.get(r[4])) for i, r in enumerate(rows)])
                cursor.executemany(
                    "INSERT INTO associations_association (unit_id, name, name_folded, name_sort, short_name, "
                    "english_name, field_id, main_activity, main_activity_folded, is_economic, scope_level, territory_id, "
                    "head_office, founding_decision_number, founding_decision_issuer, special_status, state_tasks, "
                    "phone, email, website, status, members_individual, members_organisational, members_honorary, "
                    "branches_reported, created_at, updated_at, version) VALUES (%s, %s, %s, %s, '', '', %s, '', '', "
                    "%s, 'commune', %s, '', %s, %s, %s, '', '', '', '', 'operating', %s, 0, 0, 0, "
                    "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)",
                    [(base + i, r[0], fold(r[0]), fold(r[0]), field, False, areas.get(r[4]), r[6], r[8], False,
                      int(r[11])) for i, r in enumerate(rows)])
            transaction.set_rollback(True)

    case("register_import", 2.0, sohoi, floor,
         note=f"register import of {IMPORT_ROWS:,} new rows (CSV, committed then rolled back) vs csv + two "
              "executemany of the same rows (target: at least half the floor's rows/s)", repeat=3)


# ------------------------------------------------------------------ the cases

def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--budget", type=float, default=12.0, help="seconds per side of a case")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--only", default="", help="comma-separated case names (default: all)")
    args = parser.parse_args()

    # The baseline view is mounted beside the app's own URLs, behind the same middleware.
    import sohoi.config.urls as app_urls
    from sohoi.accounts.models import User
    from sohoi.associations.models import Association
    from sohoi.core.scoping import territory_ids

    app_urls.urlpatterns = urlpatterns + list(app_urls.urlpatterns)
    from django.urls import clear_url_caches

    clear_url_caches()

    database = connection.vendor
    users = {u.username: u for u in User.objects.filter(username__in=["thuongtruc", "dandan", "quanuy.ninhkieu"])}
    clients = {}
    for name, user in users.items():
        clients[name] = Client()
        clients[name].force_login(user)
    results = []

    def case(name: str, target: float, sohoi: Callable, baseline: Callable | None, note: str = "",
             repeat: int | None = None) -> None:
        if args.only and name not in args.only.split(","):
            return
        started = time.perf_counter()
        mine = timed(sohoi, repeat or args.repeat, args.budget)
        base = timed(baseline, repeat or args.repeat, args.budget) if baseline else []
        med, base_med = statistics.median(mine), statistics.median(base) if base else None
        ratio = med / base_med if base_med else None
        passed = ratio <= target if ratio is not None else None
        row = {"case": name, "scale": args.scale, "database": database, "runs": len(mine),
               "median_s": round(med, 4), "p95_s": round(p95(mine), 4),
               "baseline_median_s": round(base_med, 4) if base_med else None,
               "baseline_p95_s": round(p95(base), 4) if base else None,
               "ratio": round(ratio, 2) if ratio is not None else None, "target": target, "pass": passed,
               "note": note, "wall_s": round(time.perf_counter() - started, 1)}
        if passed is False:
            row["profile"] = profile(f"{name}-{args.scale}-{database}", sohoi)
        results.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)

    def get(client: str, url: str) -> Callable[[], object]:
        def fn():
            response = clients[client].get(url)
            assert response.status_code == 200, (url, response.status_code)
            return response.content if not response.streaming else b"".join(response.streaming_content)
        return fn

    tttu = users["thuongtruc"].unit_id
    case("dashboard", 1.5, get("thuongtruc", "/"), lambda: dashboard_sql(tttu),
         note="Standing Committee home vs the same numbers by hand-written SQL")
    case("report dashboard", 3.0, get("thuongtruc", "/bao-cao/"), lambda: dashboard_sql(tttu),
         note="the six points' figures (every indicator, previous period too) vs the home's numbers by hand")

    def report_quarter() -> bytes:
        from sohoi.reports.documents.build import build
        from sohoi.reports.registry import Filters
        from sohoi.reports.selectors import current_period

        return build(Filters(users["thuongtruc"], current_period().previous()), "docx")

    case("periodic_report_quarter", 3.0, report_quarter, lambda: dashboard_sql(tttu),
         note="sohoi report --period <last quarter> --format docx, in process, vs the home's numbers by hand")

    sample = (Association.objects.filter(name__startswith="Hội Khuyến học ", unit__kind="association")
              .order_by("-pk").values_list("name", flat=True).first()) or "Hội Khuyến học thành phố Cần Thơ"
    from sohoi.associations.filters import search_q
    from sohoi.associations.selectors import association_queryset
    from sohoi.core.text import fold

    def first_page(q) -> tuple:
        qs = association_queryset(user=users["dandan"]).filter(q).order_by("name_sort", "pk")
        return qs.count(), list(qs[:50])

    # Both sides through the same scoped selector, so the ratio is the search's own cost.
    case("name_search", 3.0, lambda: first_page(search_q(fold(sample))),
         lambda: first_page(Q(name_folded=fold(sample))),
         note=f"search (count + first page of the scoped list), folded '{fold(sample)}' vs exact lookup on the "
              "indexed folded name, same selector")
    case("name_search_api", 0, get("dandan", f"/api/v1/associations/?q={fold(sample)}&page_size=50"), None,
         note="the same search as a whole API request (authentication, scoping, JSON); measured, no target")
    case("list_page_search", 2.0, get("dandan", f"/hoi/?q={fold(sample)}"), None,
         note="whole list page with the search; target: national time at most 2x city time (see cross-scale)")

    district = users["quanuy.ninhkieu"]
    ids = ",".join(str(i) for i in territory_ids(district))
    page1 = "/api/v1/associations/?status=operating&page=1&page_size=50"
    base1 = f"/bench/minimal-list/?page=1&territories={ids}&prefix={district.unit.path}"
    case("api_list_page1", 1 / 0.6, get("quanuy.ninhkieu", page1), get("quanuy.ninhkieu", base1),
         note="API association list, operating, scoped to the Ninh Kieu district committee, vs one hand-written "
              "query (target: at least 0.6x its requests/s)")
    total = Association.objects.filter(status="operating").count()
    deep = max(1, int(total / 50 * 0.9))
    case("api_list_deep_page", 1 / 0.6, get("dandan", f"/api/v1/associations/?status=operating&page={deep}&page_size=50"),
         get("dandan", f"/bench/minimal-list/?page={deep}"),
         note=f"page {deep} of the read-all list (the district user's scope has too few pages to go deep)")

    import_case(case, args.scale)

    Path(args.out).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results))
    return 0


if __name__ == "__main__":
    assert settings.configured
    sys.exit(main())
