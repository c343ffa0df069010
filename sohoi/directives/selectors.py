"""Reads of the directives app: scoping applied once (through each model's SCOPE), the one state
classification as a SQL expression, and the roll-ups every page and the API share."""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.db.models import Count, ExpressionWrapper, F, Func, IntegerField, Min, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sohoi.core import memo
from sohoi.core.deadlines import TrackState, state_expression, today
from sohoi.core.permissions import allowed
from sohoi.core.scoping import get_scoped, restrict

from . import permissions as access
from .filters import AssignmentFilter, DocumentFilter, ReportFilter, TaskFilter
from .models import Assignment, Document, ProgressReport, ReportPeriod, Task

STATES = list(TrackState)


def with_state(qs: QuerySet, on: datetime.date | None = None) -> QuerySet:
    """Annotate `state` on assignments: the same rule as `Assignment.state_on` (deadlines.classify); an
    undated assignment is judged by the age of its document (deadline_rules.undated_days)."""
    from .deadline_rules import undated_days

    on = on or today()
    return qs.annotate(state=state_expression(due="due_on", done_on="done_on", started="has_report", on=on,
                                              opened="task__document__date", undated_days=undated_days(on)))


# Documents -----------------------------------------------------------------------------------------

def document_list(*, user: Any, filters: Any = None) -> DocumentFilter:
    """The register, filtered. No per-row aggregate here: counting every document's tasks before the LIMIT
    costs a join and GROUP BY over the whole register; a page adds them with `with_task_counts`."""
    qs = restrict(Document.objects.select_related("issuer"), user).order_by("-date", "-id")
    return DocumentFilter(filters or {}, queryset=qs)


def with_task_counts(documents: Any) -> list[Document]:
    """Set `task_count` on a page of documents: one GROUP BY over the page's ids, after the LIMIT."""
    rows = list(documents)
    counts = dict(Task.objects.filter(document_id__in=[d.pk for d in rows]).order_by().values_list("document_id")
                  .annotate(n=Count("pk")))
    for d in rows:
        d.task_count = counts.get(d.pk, 0)
    return rows


def document_get(*, user: Any, pk: int, action: str = "view") -> Document:
    return get_scoped(Document.objects.select_related("issuer", "parent", "created_by"), user, action, pk=pk)


def cascade_tree(*, document: Document, user: Any) -> dict[str, Any]:
    """The cascade (central directive -> city letter -> district plans -> association plans) around this
    document, as nested {doc, children, current}; documents the user may not see are left out."""
    visible = restrict(Document.objects.all(), user)
    root = document
    seen = {root.pk}
    while root.parent_id and root.parent_id not in seen:
        parent = visible.filter(pk=root.parent_id).first()
        if parent is None:
            break
        seen.add(parent.pk)
        root = parent
    # Load the visible subtree level by level: one query per level, not per node.
    nodes: dict[int, dict[str, Any]] = {root.pk: {"doc": root, "children": [], "current": root.pk == document.pk}}
    level = [root.pk]
    depth = 0
    while level and depth < 10:
        children = list(visible.filter(parent_id__in=level).select_related("issuer").order_by("date", "code"))
        level = []
        for child in children:
            if child.pk in nodes:
                continue
            nodes[child.pk] = {"doc": child, "children": [], "current": child.pk == document.pk}
            nodes[child.parent_id]["children"].append(nodes[child.pk])
            level.append(child.pk)
        depth += 1
    return nodes[root.pk]


def _count_matrix(qs: QuerySet, key: str) -> dict[Any, dict[str, int]]:
    counts: dict[Any, dict[str, int]] = defaultdict(lambda: dict.fromkeys(TrackState.values, 0))
    for row in qs.values(key, "state").annotate(n=Count("pk")).order_by():
        counts[row[key]][row["state"]] = row["n"]
    return counts


def _list_url(**params: Any) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items() if v not in (None, ""))
    return reverse("directives:assignment_list") + (f"?{query}" if query else "")


def _cells(counts: dict[str, int], **params: Any) -> dict[str, Any]:
    return {
        "cells": [{"state": s, "n": counts.get(s.value, 0), "url": _list_url(**params, state=s.value)} for s in STATES],
        "total": sum(counts.values()), "url": _list_url(**params),
    }


def document_rollup(*, document: Document, user: Any, on: datetime.date | None = None) -> dict[str, Any]:
    """Counts per state for each task and for the document, over the assignments the user may see; every
    count carries the URL of the list behind it (which applies the same scope and the same rule)."""
    on = on or today()
    assignments = with_state(restrict(Assignment.objects.filter(task__document=document), user), on)
    by_task = _count_matrix(assignments, "task_id")
    tasks = list(restrict(document.tasks.select_related("lead", "lead_group"), user))
    total = dict.fromkeys(TrackState.values, 0)
    rows = []
    for task in tasks:
        counts = by_task.get(task.pk, dict.fromkeys(TrackState.values, 0))
        for state, n in counts.items():
            total[state] += n
        rows.append({"task": task, **_cells(counts, document=document.pk, task=task.pk)})
    return {"tasks": rows, "total": _cells(total, document=document.pk), "on": on}


BOARD_UNITS = 100  # unit rows shown on a board; the rest are one link away (the assignment list)
# How the unit rows of a board may be sorted (?sap-xep=), each done in SQL before the LIMIT; the default puts
# the units late the longest first (the oldest deadline they still miss), as the Standing Committee reads it.
BOARD_ORDERS: dict[str, tuple[str, tuple[Any, ...]]] = {
    "tre": (gettext_lazy("Trễ lâu nhất"), (F("oldest").asc(nulls_last=True), "-overdue", "path")),
    "qua-han": (gettext_lazy("Nhiều việc quá hạn nhất"), ("-overdue", F("oldest").asc(nulls_last=True), "path")),
    "tong": (gettext_lazy("Nhiều việc nhất"), ("-total", "path")),
    "ten": (gettext_lazy("Theo cây tổ chức"), ("path",)),
}
BOARD_DEFAULT_ORDER = "tre"


def document_board(*, document: Document, user: Any, on: datetime.date | None = None,
                   order: str = BOARD_DEFAULT_ORDER) -> dict[str, Any]:
    """The Standing Committee's view: task by task and unit by unit, each count a link. Unit rows are sorted
    by `order` (BOARD_ORDERS) in SQL and at most BOARD_UNITS of them are read."""
    on = on or today()
    order = order if order in BOARD_ORDERS else BOARD_DEFAULT_ORDER
    rollup = document_rollup(document=document, user=user, on=on)
    assignments = with_state(restrict(Assignment.objects.filter(task__document=document), user), on)
    late = Q(state=TrackState.OPEN_OVERDUE)
    per_unit = (assignments.order_by().values("unit_id")
                .annotate(oldest=Min("due_on", filter=late), overdue=Count("pk", filter=late), total=Count("pk"),
                          path=Min("unit__path")))
    shown = list(per_unit.order_by(*BOARD_ORDERS[order][1])[:BOARD_UNITS])
    by_unit = _count_matrix(assignments.filter(unit_id__in=[r["unit_id"] for r in shown]), "unit_id")
    from sohoi.orgs.models import Unit

    units = Unit.objects.in_bulk([r["unit_id"] for r in shown])
    reviewed = _reviewed_on(document, user)
    unit_rows = [{"unit": units[r["unit_id"]], "reviewed_on": reviewed.get(r["unit_id"]),
                  "late_days": (on - r["oldest"]).days if r["oldest"] else None,
                  **_cells(by_unit[r["unit_id"]], document=document.pk, unit=r["unit_id"])} for r in shown]
    unit_count = len(shown) if len(shown) < BOARD_UNITS else per_unit.count()
    return {**rollup, "units": unit_rows, "shows_reviews": reviewed is not NO_REVIEWS, "order": order,
            "orders": [(key, label) for key, (label, _fields) in BOARD_ORDERS.items()],
            "unit_count": unit_count, "more_units": unit_count - len(unit_rows),
            "all_url": _list_url(document=document.pk)}


NO_REVIEWS: dict[int, Any] = {}


def _reviewed_on(document: Document, user: Any) -> dict[int, datetime.date]:
    """unit id -> the last day it held a review (sơ kết, tổng kết) of `document`, as the reader may see them; one
    query. The activities app records reviews; without it the board has no such column (NO_REVIEWS)."""
    from django.apps import apps
    from django.db.models import Max

    try:
        review = apps.get_model("activities", "Review")
    except LookupError:
        return NO_REVIEWS
    rows = restrict(review.objects.filter(document=document), user).order_by().values("unit_id").annotate(
        last=Max("held_on"))
    return {r["unit_id"]: r["last"] for r in rows}


# Tasks and assignments -------------------------------------------------------------------------------

def task_list(*, user: Any, filters: Any = None) -> TaskFilter:
    qs = restrict(Task.objects.select_related("document", "lead", "lead_group"), user)
    return TaskFilter(filters or {}, queryset=qs)


def task_get(*, user: Any, pk: int) -> Task:
    return get_scoped(Task.objects.select_related("document__issuer", "lead", "lead_group"), user, pk=pk)


def assignment_queryset(*, user: Any, on: datetime.date | None = None) -> QuerySet:
    qs = Assignment.objects.select_related("task__document", "unit", "via_group")
    return with_state(restrict(qs, user), on)


def assignment_list(*, user: Any, filters: Any = None, on: datetime.date | None = None) -> AssignmentFilter:
    return AssignmentFilter(filters or {}, queryset=assignment_queryset(user=user, on=on))


def assignment_get(*, user: Any, pk: int, on: datetime.date | None = None) -> Assignment:
    reports = ProgressReport.objects.select_related("created_by", "reviewed_by", "period").prefetch_related(
        "attachments")
    qs = assignment_queryset(user=user, on=on).select_related("task__document__issuer", "task__lead").prefetch_related(
        Prefetch("reports", queryset=reports), Prefetch("periods", queryset=ReportPeriod.objects.order_by("-seq")))
    return get_scoped(qs, user, pk=pk)


def my_work(*, user: Any, on: datetime.date | None = None) -> QuerySet:
    """Open work of the user's own unit, most urgent first."""
    if not user.unit_id:
        return Assignment.objects.none()
    return (assignment_queryset(user=user, on=on).filter(unit_id=user.unit_id, done_on__isnull=True)
            .order_by("due_on", "task__document__date", "task__position"))


def overdue_assignments(*, user: Any, on: datetime.date | None = None) -> QuerySet:
    # `done_on IS NULL` is implied by the state; said on its own, it drops finished rows before the joins the
    # state's CASE needs.
    return assignment_queryset(user=user, on=on).filter(done_on__isnull=True, state=TrackState.OPEN_OVERDUE)


class _GroupsTotal(Func):
    """The sum of a grouped COUNT over every group, on each group's row and before the LIMIT: a grouped
    query's top rows and its total in one pass over the rows."""

    template = "SUM(COUNT(*)) OVER ()"
    contains_aggregate = True  # not a GROUP BY column
    contains_over_clause = True
    output_field = IntegerField()


OVERDUE_TOP = 10  # groups named by the overdue breakdowns (dashboard, home, report)


def overdue_top(*, user: Any, column: str, within: Q | None = None, on: datetime.date | None = None
                ) -> tuple[int, dict[str, int]]:
    """How many `overdue_assignments` (`within`: a further condition, e.g. the dashboard's territory) and the
    OVERDUE_TOP largest groups by `column` (most first), in ONE query over the rows, remembered for the
    request: the home page's card, the point-6 figure and its breakdown by unit are the same scan."""
    on = on or today()
    within = within if within is not None else Q()

    def compute() -> tuple[int, dict[str, int]]:
        # Grouped by `column + 0`, not the bare column: SQLite would otherwise walk the column's index to
        # skip the sort, one random read per row (7x slower at city scale than a scan and a sort).
        key = ExpressionWrapper(F(column) + 0, output_field=IntegerField())
        rows = list(overdue_assignments(user=user, on=on).filter(within).order_by().annotate(key=key)
                    .values("key").annotate(n=Count("pk"), total=_GroupsTotal()).order_by("-n", "key")[:OVERDUE_TOP])
        return (int(rows[0]["total"]) if rows else 0), {str(r["key"]): r["n"] for r in rows}

    return memo.remember(("directives.overdue_top", getattr(user, "pk", None), on, within, column), compute)


def overdue_count(*, user: Any, within: Q | None = None, on: datetime.date | None = None) -> int:
    """How many of `overdue_assignments`: the total of `overdue_top` by unit (the breakdown the home page
    draws), so the count costs no query of its own."""
    return overdue_top(user=user, column="unit_id", within=within, on=on)[0]


URGE_SHOWN = 5  # assignments named per unit on the urge page; the count links to the full list


def urge_units(*, user: Any, on: datetime.date | None = None) -> QuerySet:
    """Units with overdue assignments (grouped in SQL: unit, count, oldest due date), the longest-waiting
    unit first; a page paginates it."""
    from django.db.models import Min

    return (overdue_assignments(user=user, on=on).order_by().values("unit_id", "unit__path")
            .annotate(n=Count("pk"), oldest=Min("due_on")).order_by("oldest", "unit__path", "unit_id"))


def urge_rows(*, user: Any, units: Any, on: datetime.date | None = None) -> list[dict[str, Any]]:
    """The rows of the urge page for `units` (a page of `urge_units`): each unit with its count, its oldest
    due date and its first URGE_SHOWN overdue assignments (one query, numbered per unit in SQL)."""
    from django.db.models import F, Window
    from django.db.models.functions import RowNumber

    from sohoi.orgs.models import Unit

    on = on or today()
    groups = list(units)
    ids = [g["unit_id"] for g in groups]
    names = Unit.objects.in_bulk(ids)
    shown = defaultdict(list)
    first = (overdue_assignments(user=user, on=on).filter(unit_id__in=ids)
             .annotate(rank=Window(RowNumber(), partition_by=[F("unit_id")], order_by=[F("due_on").asc(),
                                                                                   F("pk").asc()]))
             .filter(rank__lte=URGE_SHOWN).order_by("unit_id", "due_on", "pk"))
    for a in first:
        shown[a.unit_id].append(a)
    return [{"unit": names[g["unit_id"]], "count": g["n"], "oldest": g["oldest"], "assignments": shown[g["unit_id"]],
             "more": g["n"] - len(shown[g["unit_id"]]), "days": (on - g["oldest"]).days,
             "url": _list_url(unit=g["unit_id"], state=TrackState.OPEN_OVERDUE.value)} for g in groups]


def report_list(*, user: Any, filters: Any = None) -> ReportFilter:
    qs = restrict(ProgressReport.objects.select_related("assignment__task__document", "assignment__unit"), user)
    return ReportFilter(filters or {}, queryset=qs)


def report_get(*, user: Any, pk: int) -> ProgressReport:
    return get_scoped(ProgressReport.objects.select_related("assignment__task__document", "assignment__unit"),
                      user, pk=pk)


def pending_reviews(*, user: Any) -> QuerySet:
    """Reports waiting for this user's decision (the rule `directives.review_report`, in SQL)."""
    return restrict(ProgressReport.objects.filter(status="submitted"), user).filter(
        access.reviewable_reports_q(user))


# Home page -----------------------------------------------------------------------------------------

def home_panels(user: Any) -> list[dict[str, Any]]:
    if not getattr(user, "is_authenticated", False):
        return []
    on = today()
    panels: list[dict[str, Any]] = []
    if user.unit_id:
        mine = my_work(user=user, on=on)
        counts = {r["state"]: r["n"] for r in mine.values("state").annotate(n=Count("pk")).order_by()}
        panels.append({"title": _("Nhiệm vụ của đơn vị đang mở"), "count": sum(counts.values()),
                       "text": _("Quá hạn: %(n)s") % {"n": counts.get(TrackState.OPEN_OVERDUE, 0)},
                       "url": reverse("directives:my_work"), "link_text": _("Xem việc của đơn vị"),
                       "optional": True})  # nothing open: no card (the home page leaves it out)
    overdue = overdue_count(user=user, on=on)
    panels.append({"title": _("Nhiệm vụ quá hạn"), "count": overdue,
                   "text": _("Trong phạm vi bạn theo dõi"),
                   "url": _list_url(state=TrackState.OPEN_OVERDUE.value),
                   "link_text": _("Đôn đốc") if allowed(user, "directives.urge") else _("Xem danh sách")})
    if allowed(user, "directives.urge"):
        panels[-1]["url"] = reverse("directives:urge")
    waiting = pending_reviews(user=user).count()
    if waiting or allowed(user, "directives.review_any_report"):
        panels.append({"title": _("Báo cáo chờ xem xét"), "count": waiting, "text": "",
                       "url": reverse("directives:review_queue"), "link_text": _("Xem xét")})
    return panels


def proposal_read(*, document: Document) -> dict[str, Any]:
    """The proposed tasks as the review screen shows them: each printed name with what it maps to (the kept
    choice, else what the matcher resolves today), and what still blocks the confirmation. For the API; the
    caller has already read the document through `document_get` (scope and secrecy)."""
    from sohoi.orgs.models import Unit, UnitGroup

    from .services.proposals import _clean_tasks, choice_of

    tasks = document.proposal.get("tasks") or []
    resolved: list[dict[str, Any]] = []
    wanted: dict[str, set[int]] = {"unit": set(), "group": set()}
    for task in tasks:
        item = {k: task.get(k, d) for k, d in (("no", ""), ("text", ""), ("include", True), ("deadline", ""),
                                                ("recurrence", ""))}
        for role in ("leads", "coordinators"):
            entries = []
            for entry in task.get(role) or []:
                choice = entry.get("choice") or choice_of(entry.get("name", ""), document.date, document.issuer)
                kind, _sep, pk = choice.partition(":")
                if pk.isdigit():
                    wanted.setdefault(kind, set()).add(int(pk))
                entries.append({"name": entry.get("name", ""), "choice": choice, "auto": bool(entry.get("auto")),
                                "kind": kind if pk.isdigit() else "", "target_id": int(pk) if pk.isdigit() else None})
            item[role] = entries
        resolved.append(item)
    names = {"unit": dict(Unit.objects.filter(pk__in=wanted["unit"]).values_list("pk", "name")),
             "group": dict(UnitGroup.objects.filter(pk__in=wanted["group"]).values_list("pk", "name"))}
    for item in resolved:
        for role in ("leads", "coordinators"):
            for entry in item[role]:
                entry["target_name"] = names.get(entry["kind"], {}).get(entry["target_id"], "")
                entry["resolved"] = bool(entry["target_name"])
        item["unresolved"] = any(not e["resolved"] for r in ("leads", "coordinators") for e in item[r])
    _cleaned, problems = _clean_tasks(tasks)
    if not any(t.get("include", True) for t in tasks):
        problems.append(_("Chưa chọn nhiệm vụ nào: chọn ít nhất một nhiệm vụ để xác nhận."))
    return {"document_id": document.pk, "confirmed": document.confirmed_at is not None,
            "warnings": list(document.warnings or []), "problems": problems if document.confirmed_at is None else [],
            "tasks": resolved}
