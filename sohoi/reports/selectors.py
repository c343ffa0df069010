"""Reads of the reports app: the dashboard's figures from the indicator registry, grouped by the six points of
letter 752-CV/TU, with their charts (core.charts) and the lists behind them; the Standing Committee's home
panels. Every figure is an indicator's SQL count in the reader's scope; nothing here counts rows itself."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sohoi.core.charts import hbars, line, progress
from sohoi.core.deadlines import TrackState, today
from sohoi.core.permissions import allowed

from .registry import Filters, Period, Result, evaluate, get, indicators

POINTS = {
    0: gettext_lazy("Chung"),
    1: gettext_lazy("Cấp ủy quán triệt Chỉ thị; tổ chức đảng trong hội; đảng viên làm nòng cốt"),
    2: gettext_lazy("Chính quyền: thành lập hội, quản lý nhà nước, hỗ trợ kinh phí"),
    3: gettext_lazy("Mặt trận và các đoàn thể: phối hợp, giám sát và phản biện xã hội"),
    4: gettext_lazy("Sở Nội vụ: cán bộ chuyên trách theo dõi hội, kiện toàn tổ chức"),
    5: gettext_lazy("Các hội: củng cố tổ chức, hoạt động, mô hình hay"),
    6: gettext_lazy("Ban Dân vận: theo dõi, đôn đốc, kiểm tra, báo cáo"),
}
TREND_YEARS = 6  # the trend line's years, ending with the period's
TRACKED_DOCUMENTS = 3  # directives with a progress bar per task on the dashboard
TREND_KEY = "associations.founded"


def current_period(on: datetime.date | None = None) -> Period:
    on = on or today()
    return Period.parse(f"{on.year}-Q{(on.month - 1) // 3 + 1}")


def _row_url(ind: Any, f: Filters, bucket: str | None) -> str | None:
    return ind.list_url(f, bucket)


def present(result: Result, f: Filters) -> dict[str, Any]:
    """One indicator as the dashboard and the report show it: figure, previous, change, rows, links, chart."""
    ind = result.indicator
    rows = [{"bucket": b, "label": label, "value": v, "previous": p, "url": _row_url(ind, f, b)}
            for b, label, v, p in result.bucket_rows()]
    total, prev = result.total, result.previous_total
    out = {"key": ind.key, "label": str(ind.label), "definition": str(ind.definition), "unit": ind.unit,
           "value": total, "previous": prev, "delta": (total - prev) if (total is not None and prev is not None) else None,
           "url": ind.list_url(f, None), "rows": rows, "missing": result.value is None}
    if rows and ind.chart == "bars":
        out["chart"] = hbars([r for r in rows if r["value"] or r["previous"]] or rows)
    return out


def sections(f: Filters, *, compare: bool = True) -> list[dict[str, Any]]:
    """Points 1 to 6 of the letter (and the register in general, if any indicator is declared so), each with
    its indicators computed for `f`; a point no app reports on yet is listed empty."""
    by_point: dict[int, list[dict[str, Any]]] = {p: [] for p in POINTS}
    for res in evaluate(None, f, compare=compare):
        by_point[res.indicator.point].append(present(res, f))
    return [{"point": p, "title": str(POINTS[p]), "items": by_point[p]} for p in [1, 2, 3, 4, 5, 6, 0]
            if p or by_point[p]]


def trend(f: Filters, key: str = TREND_KEY, years: int = TREND_YEARS) -> dict[str, Any] | None:
    """A flow indicator year by year (one COUNT per year), ending with the period's year."""
    try:
        ind = get(key)
    except KeyError:
        return None
    last = f.period.end.year
    points = []
    for year in range(last - years + 1, last + 1):
        value = ind.compute(Filters(f.user, Period.parse(str(year)), f.territory, f.field))
        points.append((str(year), value if isinstance(value, int | float) else 0))
    return {"label": str(ind.label), "chart": line(points)}


def tracked_documents(user: Any, limit: int = TRACKED_DOCUMENTS) -> list[dict[str, Any]]:
    """The latest directives with tasks assigned in the user's scope, each task with a progress bar (share of
    its assignments done). Two queries per document, `limit` documents."""
    from sohoi.core.scoping import restrict
    from sohoi.directives.models import Assignment, Document
    from sohoi.directives.selectors import document_rollup

    visible = restrict(Assignment.objects.all(), user).values("task__document_id")
    docs = restrict(Document.objects.all(), user).filter(pk__in=visible).order_by("-date", "-pk")[:limit]
    done = {TrackState.DONE_ON_TIME.value, TrackState.DONE_LATE.value}
    out = []
    for doc in docs:
        rollup = document_rollup(document=doc, user=user)
        tasks = []
        for row in rollup["tasks"]:
            finished = sum(c["n"] for c in row["cells"] if c["state"].value in done)
            tasks.append({"task": row["task"], "bar": progress(finished, row["total"]), "url": row["url"]})
        out.append({"document": doc, "tasks": tasks, "board": reverse("directives:document_board", args=[doc.pk])})
    return out


def dashboard(f: Filters) -> dict[str, Any]:
    return {"sections": sections(f), "trend": trend(f), "tracked": tracked_documents(f.user),
            "period": f.period, "previous": f.period.previous()}


# Home page -----------------------------------------------------------------------------------------

HEADLINES = {1: "party.eligible_without_organisation", 2: "associations.founding_congress_overdue",
             3: None, 4: "associations.without_officer", 5: "associations.term_expired",
             6: "directives.open_overdue"}


CHARTS = {1: "party.organisations", 2: "associations.by_status", 6: "directives.overdue_by_unit"}


def _card_chart(item: dict[str, Any]) -> dict[str, Any] | None:
    """A breakdown's bars sized for a home-page card (a quarter of the page wide)."""
    rows = [r for r in item["rows"] if r["value"]]
    return hbars(rows, width=260, label_w=120, label_chars=20, bar=14, gap=5) if rows else None


def home_panels(user: Any) -> list[dict[str, Any]]:
    """The Standing Committee's home: the six points of the letter at a glance, first. Each card's number is
    the indicator named in HEADLINES (else the point's first), a link to the list behind it; where a picture
    says more (CHARTS) the card adds that breakdown's bars, each bar a link too; the other figures of the point
    are one click away on the dashboard."""
    if not getattr(user, "is_authenticated", False) or not allowed(user, "reports.standing_home"):
        return []
    f = Filters(user, current_period())
    panels = []
    for point in range(1, 7):
        title = _("Điểm %(n)s. %(t)s") % {"n": point, "t": POINTS[point]}
        more = reverse("reports:dashboard") + f"#diem-{point}"
        inds = {i.key: i for i in indicators(point=point)}
        if not inds:
            panels.append({"title": title, "count": None, "text": _("Chưa có số liệu trong Sổ Hội."), "url": more,
                           "link_text": _("Mở bảng số liệu"), "order": 0})
            continue
        key = HEADLINES.get(point) if HEADLINES.get(point) in inds else next(iter(inds))
        chart_key = CHARTS.get(point) if CHARTS.get(point) in inds else None
        shown = [present(r, f) for r in evaluate([k for k in (key, chart_key) if k], f)]
        head, pictured = shown[0], (shown[1] if len(shown) > 1 else shown[0])
        panels.append({"title": title, "count": head["value"], "text": head["label"],
                       "url": head["url"] or more, "link_text": _("Xem danh sách"), "more": more, "order": 0,
                       "chart": _card_chart(pictured), "chart_title": pictured["label"]})
    return panels


# A unit's draft report upward ------------------------------------------------------------------------

def unit_draft(*, user: Any, document: Any) -> dict[str, Any]:
    """What the user's unit did on `document`: its assignments (task order), its reports not returned (oldest
    first) and its dissemination sessions, all within the user's scope. Three queries."""
    from sohoi.core.scoping import restrict
    from sohoi.directives.dissemination.models import DisseminationSession
    from sohoi.directives.models import Assignment, ProgressReport

    assignments = list(restrict(Assignment.objects.filter(task__document=document, unit_id=user.unit_id)
                                .select_related("task"), user).order_by("task__position", "pk"))
    reports: dict[int, list[Any]] = {}
    for r in restrict(ProgressReport.objects.filter(assignment__in=[a.pk for a in assignments]), user).exclude(
            status="returned").order_by("submitted_on", "pk"):
        reports.setdefault(r.assignment_id, []).append(r)
    sessions = list(restrict(DisseminationSession.objects.filter(document=document, unit_id=user.unit_id), user))
    return {"assignments": assignments, "reports": reports, "sessions": sessions}


PLAN_UNITS = 50  # subordinate bodies offered on the plan page (a commune committee may direct hundreds)


def plan_units(*, unit: Any, on: datetime.date) -> tuple[list[Any], int]:
    """The bodies `unit` may give tasks to (the rule the confirmation applies, directives.permissions.
    directed_units_q), valid on `on`, tree order: the first PLAN_UNITS and how many there are."""
    from django.db.models import Q

    from sohoi.directives.permissions import directed_units_q
    from sohoi.orgs.models import Unit

    qs = (Unit.objects.filter(directed_units_q(unit)).exclude(pk=unit.pk)
          .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on), Q(valid_to__isnull=True) | Q(valid_to__gte=on))
          .order_by("path", "pk"))
    return list(qs[:PLAN_UNITS]), qs.count()


def plan_draft(*, user: Any, document: Any, on: datetime.date, task_ids: list[int] | None = None,
               unit_ids: list[int] | None = None) -> Any:
    """The user's unit's implementing plan of `document`: its assignments there (all, or those of `task_ids`)
    rewritten for the bodies it directs (the offered ones, or those of `unit_ids` among them)."""
    from .documents.plan_draft import build_draft

    assignments = unit_draft(user=user, document=document)["assignments"]
    if task_ids is not None:
        assignments = [a for a in assignments if a.task_id in set(task_ids)]
    offered, _total = plan_units(unit=user.unit, on=on)
    units = offered if unit_ids is None else [u for u in offered if u.pk in set(unit_ids)]
    return build_draft(unit=user.unit, upper=document, assignments=assignments, units=units, on=on)
