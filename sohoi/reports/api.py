"""REST API of the reports app: the indicators, computed exactly as the dashboard and the report compute them
(the same registry, the caller's scope), each with the address of the list behind it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Query, Router, Schema

from sohoi.core.permissions import require

from . import selectors
from .forms import FiltersForm

prefix = "/reports/"
router = Router()


class IndicatorQuery(Schema):
    period: str = ""
    territory: int | None = None
    field: int | None = None
    point: int | None = None


class BucketOut(Schema):
    bucket: str
    label: str
    value: float
    previous: float | None
    list_url: str | None


class IndicatorOut(Schema):
    key: str
    point: int
    label: str
    definition: str
    unit: str
    value: float | None
    previous: float | None
    list_url: str | None
    buckets: list[BucketOut]


class IndicatorsOut(Schema):
    period: str
    start: str
    end: str
    previous_period: str
    indicators: list[IndicatorOut]


@router.get("indicators", response=IndicatorsOut, summary="Các chỉ tiêu (bảng số liệu, báo cáo định kỳ)")
def indicators(request: HttpRequest, q: Query[IndicatorQuery]) -> dict:
    """Every indicator (or those of one point of letter 752-CV/TU) for a period (2026, 2026-H1, 2026-Q3; default
    the current quarter), a territory (administrative unit id, with what it covers) and a field, beside the
    previous period, in the caller's scope."""
    require(request.user, "reports.view_dashboard")
    data = {k: v for k, v in {"period": q.period, "territory": q.territory, "field": q.field}.items() if v not in (None, "")}
    form = FiltersForm(data, user=request.user, default_period=selectors.current_period())
    if not form.is_valid():
        raise ValidationError({name: [str(e) for e in errs] for name, errs in form.errors.items()})
    f = form.filters()
    out = []
    for sec in selectors.sections(f):
        if q.point is not None and sec["point"] != q.point:
            continue
        for item in sec["items"]:
            out.append({"key": item["key"], "point": sec["point"], "label": item["label"],
                        "definition": item["definition"], "unit": item["unit"], "value": item["value"],
                        "previous": item["previous"], "list_url": item["url"],
                        "buckets": [{"bucket": r["bucket"], "label": r["label"], "value": r["value"],
                                     "previous": r["previous"], "list_url": r["url"]} for r in item["rows"]]})
    return {"period": f.period.code, "start": f"{f.period.start:%Y-%m-%d}", "end": f"{f.period.end:%Y-%m-%d}",
            "previous_period": f.period.previous().code, "indicators": out}
