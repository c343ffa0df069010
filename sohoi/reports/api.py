"""REST API of the reports app: the indicators, computed exactly as the dashboard and the report compute them
(the same registry, the caller's scope), each with the address of the list behind it."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema, Status

from sohoi.core.permissions import require
from sohoi.core.scoping import get_scoped, scoped_view

from . import selectors, services
from .forms import FiltersForm, ReportForm
from .models import ReportJob

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


# The periodic report as a job (issue 17: API parity with /bao-cao/bao-cao-dinh-ky/).

class PeriodicReportIn(Schema):
    period: str = Field("", max_length=10, description="2026, 2026-H1 or 2026-Q3; empty: the previous quarter")
    territory: int | None = Field(None, ge=1, le=2_147_483_647)
    field: int | None = Field(None, ge=1, le=2_147_483_647)
    format: str = Field("docx", max_length=8, description="docx | xlsx | pdf")


class PeriodicReportOut(Schema):
    id: int
    period: str
    territory_id: int | None
    field_id: int | None
    format: str
    status: str
    done: int
    total: int
    error: str
    filename: str
    finished_at: datetime.datetime | None


@router.post("periodic", response={202: PeriodicReportOut}, summary="Lập báo cáo định kỳ (chạy nền)",
             description="Start the periodic report (.docx in the Party's format, .xlsx annex or .pdf) for a period, "
                         "territory and field; poll GET /reports/periodic/{id}, then download its file.")
def start_periodic_report(request: HttpRequest, payload: PeriodicReportIn):
    require(request.auth, "reports.generate")
    data = {k: v for k, v in payload.dict().items() if v not in (None, "")}
    form = ReportForm(data, user=request.auth, default_period=selectors.current_period().previous())
    if not form.is_valid():
        raise ValidationError({name: [str(e) for e in errs] for name, errs in form.errors.items()})
    f = form.filters()
    job = services.report_job_start(actor=request.auth, period=f.period, territory=f.territory, field=f.field,
                                    fmt=form.cleaned_data["format"])
    job.refresh_from_db()
    return Status(202, job)


@router.get("periodic/{int:job_id}", response=PeriodicReportOut, summary="Tiến độ lập báo cáo định kỳ",
            description="The report job's progress (poll until status is done or failed).")
@scoped_view(ReportJob)
def get_periodic_report(request: HttpRequest, job_id: int):
    return services.report_job_reconcile(get_scoped(ReportJob.objects.defer("content"), request.auth, pk=job_id))


@router.get("periodic/{int:job_id}/file", summary="Tải tệp báo cáo định kỳ",
            description="The finished report's file (404 until it is done).")
@scoped_view(ReportJob)
def download_periodic_report(request: HttpRequest, job_id: int):
    from .documents.build import FORMATS

    job = get_scoped(ReportJob.objects.all(), request.auth, pk=job_id)
    if job.status != ReportJob.State.DONE or job.content is None:
        raise Http404("Báo cáo chưa lập xong.")
    response = HttpResponse(bytes(job.content), content_type=FORMATS[job.format])
    response["Content-Disposition"] = f'attachment; filename="{job.filename}"'
    return response
