"""Every write of the activities app, for the write matrix (tests/test_permission_matrix.py).

The oracles are the rules written out by hand from the demo, never asked of the permission layer:
- state-assigned tasks and state support: the People's Committee (ubnd), the Department of Home Affairs (noivu)
  and the administrator (quantri), for any association;
- finances, yearly reports, good models, exchanges, foreign projects, members' cases: the association's own
  staff (hoi.khuyenhoc for the Study Promotion Association, hoi.chuthapdo for the Red Cross) and the
  administrator; nobody else, not even the boards that read everything;
- accepting a yearly report: the officer assigned to the association (canbonoivu for the two city associations,
  canbonoivu.hai for the Oriental Medicine Association) and the Department (noivu);
- a replication: the model's owner (its staff) or the administrator;
- a review: any user acting for a unit, for that unit (everyone but quantri, who has none).
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from sohoi.activities.models import (
    Exchange,
    FinanceYear,
    ForeignProject,
    GoodModel,
    MemberCase,
    Replication,
    Review,
    StateSupport,
    StateTask,
    YearlyReport,
)
from sohoi.associations.models import Association
from sohoi.core.deadlines import today
from sohoi.orgs.models import Unit
from tests.permission_matrix import Operation

ADMIN = {"quantri"}
STATE = {"ubnd", "noivu", "quantri"}
KH, CTD, DY = "Hội Khuyến học thành phố Cần Thơ", "Hội Chữ thập đỏ thành phố Cần Thơ", "Hội Đông y thành phố Cần Thơ"
STAFF = {KH: "hoi.khuyenhoc", CTD: "hoi.chuthapdo", DY: None}
OFFICER = {KH: "canbonoivu", CTD: "canbonoivu", DY: "canbonoivu.hai"}
ADOPTER = "Hội Kiến trúc sư thành phố Cần Thơ"


def _assocs() -> list[Association]:
    return [Association.objects.get(name=n) for n in (KH, CTD)]


def _own(username: str, a: Any) -> bool:
    return username in ADMIN or STAFF.get(a.name) == username


def _this_year() -> int:
    return today().year


def _task(a: Association) -> StateTask:
    return StateTask.objects.filter(association=a).order_by("pk").first()


def _submitted() -> list[YearlyReport]:
    out = []
    for name in (KH, DY):
        r = YearlyReport.objects.filter(association__name=name, status="submitted").order_by("-year").first()
        if r is not None:
            out.append(r)
    return out


def _models() -> list[GoodModel]:
    return [GoodModel.objects.filter(association__name=n).order_by("pk").first() for n in (KH, CTD)]


def _open_exchanges() -> list[Exchange]:
    return list(Exchange.objects.filter(reported_on__isnull=True, association__name=CTD)[:1]) + list(
        Exchange.objects.filter(reported_on__isnull=True).exclude(association__name=CTD)[:1])


def _none() -> list[None]:
    return [None]


def _task_form(a: Association, api: bool = False) -> dict[str, Any]:
    data = {"document_number": "55/QĐ-UBND", "content": "Tổ chức hoạt động nhân đạo theo nhiệm vụ được giao (ma trận).",
            "year_from": _this_year() - 1}
    if api:
        return {**data, "association_id": a.pk}
    return {**data, "document": "", "year_to": ""}


def _support(a: Association, api: bool = False) -> dict[str, Any]:
    data = {"year": _this_year() - 1, "amount": 120_000_000, "budget_source": "city", "document_number": "90/QĐ-UBND"}
    return {**data, "task_id": _task(a).pk} if api else {**data, "task": _task(a).pk, "decided_on": ""}


def _finance(a: Association, api: bool = False) -> dict[str, Any]:
    data = {"year": _this_year(), "rev_dues": 300, "rev_state": 700, "revenue_total": 1000, "exp_programmes": 600,
            "exp_staff": 300, "expenditure_total": 900, "staff_paid": 4, "staff_state_paid": 1, "note": ""}
    if api:
        return {**data, "association_id": a.pk}
    return {**data, **{k: 0 for k in ("rev_donations", "rev_services", "rev_foreign", "rev_other", "exp_office",
                                      "exp_assets", "exp_other")}, "version": ""}


def _report(a: Association, api: bool = False) -> dict[str, Any]:
    data = {"year": _this_year(), "members": 1200, "branches": 12, "activities": "Trao 300 suất học bổng (ma trận).",
            "organisation": "", "difficulties": "", "proposals": ""}
    return {**data, "association_id": a.pk} if api else data


def _review() -> dict[str, Any]:
    return {"programme": "Chương trình phối hợp (ma trận)", "kind": "interim", "held_on": "2025-06-01",
            "period_from": "2024-01-01", "period_to": "2025-05-31", "findings": "Hoàn thành 8/10 chỉ tiêu.",
            "strengths": "", "weaknesses": "", "proposals": "", "document": ""}


def _good_model(a: Association, api: bool = False) -> dict[str, Any]:
    data = {"title": "Mô hình mới (ma trận)", "started_on": "2024-03-01", "description": "Cách làm mới.",
            "results": "50 hộ hưởng lợi.", "beneficiaries": 50, "commendations": ""}
    return {**data, "association_id": a.pk} if api else {**data, "field": a.field_id}


def _replication(m: GoodModel, api: bool = False) -> dict[str, Any]:
    unit = Unit.objects.get(name=ADOPTER)
    data = {"adopted_on": "2025-04-01", "result": "effective", "note": ""}
    return {**data, "adopter_id": unit.pk} if api else {**data, "adopter": unit.pk}


def _exchange(a: Association, api: bool = False) -> dict[str, Any]:
    data = {"direction": "out", "partner": "Hội hữu nghị (ma trận)", "country": "Nhật Bản", "starts_on": "2025-05-01",
            "ends_on": "2025-05-06", "purpose": "Giao lưu", "approval_number": "33/UBND-NC"}
    return {**data, "association_id": a.pk} if api else {**data, "report_due": ""}


def _project(a: Association, api: bool = False) -> dict[str, Any]:
    data = {"title": "Dự án (ma trận)", "donor": "Quỹ X", "country": "Úc", "amount": 500_000_000,
            "approval_number": "44/QĐ-UBND", "approved_on": "2025-01-10", "starts_on": "2025-02-01",
            "ends_on": "2026-01-31"}
    return {**data, "association_id": a.pk} if api else data


def _case(a: Association, api: bool = False) -> dict[str, Any]:
    data = {"kind": "need", "raised_by": "Hội viên chi hội (ma trận)", "raised_on": "2025-03-03",
            "summary": "Đề nghị tập huấn.", "response": "", "outcome": "open"}
    return {**data, "association_id": a.pk} if api else {**data, "closed_on": ""}


def _count(model, **lookup):
    return lambda t: model.objects.filter(**{k: (v(t) if callable(v) else v) for k, v in lookup.items()}).count()


def _assoc_ops(key: str, name: str, page: str, api: str | None, payload, state, action: str, allowed) -> list[Operation]:
    ops = [Operation(name=f"{key} (page)", route=f"activities:{page}", url=lambda a, p=page: reverse(
        f"activities:{p}", args=[a.pk]), targets=_assocs, payload=payload, allowed=allowed, state=state,
        action=action, audit_target=False)]
    if api:
        ops.append(Operation(name=f"{key} (API)", route=f"POST /api/v1/activities/{api}", api=True,
                             url=lambda a, p=api: f"/api/v1/activities/{p}", targets=_assocs,
                             payload=lambda a, f=payload: f(a, api=True), allowed=allowed, state=state, action=action,
                             audit_target=False))
    return ops


def _state_allowed(u, user, a) -> bool:
    return u in STATE


def _own_allowed(u, user, a) -> bool:
    return _own(u, a)


OPERATIONS = [
    *_assoc_ops("activities.record_state_task", "", "state_task_add", "state-tasks", _task_form,
                _count(StateTask, association=lambda a: a), "activities.state_task.recorded", _state_allowed),
    *_assoc_ops("activities.record_state_support", "", "support_add", "state-supports", _support,
                _count(StateSupport, task__association=lambda a: a), "activities.state_support.recorded",
                _state_allowed),
    *_assoc_ops("activities.report_finances", "", "finance_add", "finances", _finance,
                lambda a: list(FinanceYear.objects.filter(association=a).values_list("year", "revenue_total")),
                "activities.finance.", _own_allowed),
    *_assoc_ops("activities.file_yearly_report", "", "report_file", "yearly-reports", _report,
                _count(YearlyReport, association=lambda a: a), "activities.yearly_report.filed", _own_allowed),
    *_assoc_ops("activities.record_good_model", "", "good_model_add", "good-models", _good_model,
                _count(GoodModel, association=lambda a: a), "activities.good_model.recorded", _own_allowed),
    *_assoc_ops("activities.record_exchange", "", "exchange_add", "exchanges", _exchange,
                _count(Exchange, association=lambda a: a), "activities.exchange.recorded", _own_allowed),
    *_assoc_ops("activities.record_exchange: project", "", "project_add", "foreign-projects", _project,
                _count(ForeignProject, association=lambda a: a), "activities.foreign_project.recorded", _own_allowed),
    *_assoc_ops("activities.record_case", "", "case_add", "member-cases", _case,
                _count(MemberCase, association=lambda a: a), "activities.member_case.recorded", _own_allowed),
    Operation(name="activities.review_yearly_report: accept (page)", route="activities:report_detail",
              url=lambda r: reverse("activities:report_detail", args=[r.pk]), targets=_submitted,
              payload=lambda r: {"action": "accept", "comment": "Đạt yêu cầu."},
              allowed=lambda u, user, r: u == "noivu" or OFFICER[r.association.name] == u,
              state=lambda r: r.status, action="activities.yearly_report.accept"),
    Operation(name="activities.review_yearly_report: return (API)",
              route="POST /api/v1/activities/yearly-reports/{report_id}/transition", api=True,
              url=lambda r: f"/api/v1/activities/yearly-reports/{r.pk}/transition", targets=_submitted,
              payload=lambda r: {"action": "return", "comment": "Bổ sung phần tài chính."},
              allowed=lambda u, user, r: u == "noivu" or OFFICER[r.association.name] == u,
              state=lambda r: r.status, action="activities.yearly_report.return"),
    Operation(name="activities.record_review (page)", route="activities:review_add",
              url=lambda t: reverse("activities:review_add"), targets=_none, payload=lambda t: _review(),
              allowed=lambda u, user, t: u not in ADMIN, state=lambda t: Review.objects.count(),
              action="activities.review.recorded", audit_target=False),
    Operation(name="activities.record_review (API)", route="POST /api/v1/activities/reviews", api=True,
              url=lambda t: "/api/v1/activities/reviews", targets=_none,
              payload=lambda t: {k: v for k, v in _review().items() if k != "document"},
              allowed=lambda u, user, t: u not in ADMIN, state=lambda t: Review.objects.count(),
              action="activities.review.recorded", audit_target=False),
    Operation(name="activities.record_replication (page)", route="activities:replication_add",
              url=lambda m: reverse("activities:replication_add", args=[m.pk]), targets=_models, payload=_replication,
              allowed=lambda u, user, m: _own(u, m.association),
              state=lambda m: Replication.objects.filter(good_model=m).count(),
              action="activities.replication.recorded", audit_target=False),
    Operation(name="activities.record_replication (API)", route="POST /api/v1/activities/good-models/{model_id}/replications",
              api=True, url=lambda m: f"/api/v1/activities/good-models/{m.pk}/replications", targets=_models,
              payload=lambda m: _replication(m, api=True), allowed=lambda u, user, m: _own(u, m.association),
              state=lambda m: Replication.objects.filter(good_model=m).count(),
              action="activities.replication.recorded", audit_target=False),
    Operation(name="activities.record_exchange: report (page)", route="activities:exchange_report",
              url=lambda e: reverse("activities:exchange_report", args=[e.pk]), targets=_open_exchanges,
              payload=lambda e: {"reported_on": e.ends_on.isoformat(), "report_summary": "Đã hoàn thành."},
              allowed=lambda u, user, e: _own(u, e.association), state=lambda e: e.reported_on,
              action="activities.exchange.reported"),
    Operation(name="activities.record_exchange: report (API)", route="POST /api/v1/activities/exchanges/{exchange_id}/report",
              api=True, url=lambda e: f"/api/v1/activities/exchanges/{e.pk}/report", targets=_open_exchanges,
              payload=lambda e: {"reported_on": e.ends_on.isoformat(), "report_summary": "Đã hoàn thành."},
              allowed=lambda u, user, e: _own(u, e.association), state=lambda e: e.reported_on,
              action="activities.exchange.reported"),
]
