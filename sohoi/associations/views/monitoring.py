"""Officer assignment, coverage and workload, and the monitoring log."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sohoi.core.deadlines import today
from sohoi.core.permissions import require
from sohoi.core.scoping import get_scoped
from sohoi.core.views import paginate

from .. import selectors, services
from ..forms import MonitoringLogForm, OfficerAssignForm, apply_errors
from ..models import MonitoringLog


def coverage(request: HttpRequest) -> HttpResponse:
    data = selectors.coverage(user=request.user)
    return render(request, "associations/coverage.html", {**data, "page": paginate(request, data["uncovered"]),
                                                          "title": _("Phân công cán bộ theo dõi hội")})


def officer_assign(request: HttpRequest, pk: int) -> HttpResponse:
    association = selectors.association_get(user=request.user, pk=pk)
    require(request.user, "associations.assign_officer", association)
    form = OfficerAssignForm(request.POST or None, initial={"started_on": today()})
    if request.method == "POST" and form.is_valid():
        try:
            services.officer_assign(actor=request.user, association=association, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã phân công cán bộ theo dõi."))
            return redirect("associations:association_detail", pk=pk)
    return render(request, "associations/form.html", {"form": form, "back": association,
                                                      "title": _("Phân công theo dõi: %(n)s") % {"n": association}})


def log_add(request: HttpRequest, pk: int) -> HttpResponse:
    association = selectors.association_get(user=request.user, pk=pk)
    require(request.user, "associations.log_monitoring", association)
    form = MonitoringLogForm(request.POST or None, initial={"on": today()})
    if request.method == "POST" and form.is_valid():
        try:
            services.monitoring_log_add(actor=request.user, association=association, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi nhật ký theo dõi."))
            return redirect("associations:association_detail", pk=pk)
    return render(request, "associations/form.html", {"form": form, "back": association,
                                                      "title": _("Nhật ký theo dõi: %(n)s") % {"n": association}})


def log_close(request: HttpRequest, pk: int) -> HttpResponse:
    log = get_scoped(MonitoringLog.objects.select_related("association"), request.user, pk=pk)
    if request.method == "POST":
        require(request.user, "associations.log_monitoring", log.association)
        try:
            services.monitoring_log_close(actor=request.user, log=log, done_on=today())
        except ValidationError as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    return redirect("associations:association_detail", pk=log.association_id)
