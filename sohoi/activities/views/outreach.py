"""Pages of point 5, outward: good models and replications, exchanges and projects, members' cases, diversity."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from sohoi.associations.models import Association
from sohoi.core import audit
from sohoi.core.scoping import get_scoped, scoped_view
from sohoi.orgs.choices import UnitKind
from sohoi.orgs.models import Unit

from .. import selectors, services
from ..forms import (
    ExchangeForm,
    ExchangeReportForm,
    ForeignProjectForm,
    GoodModelForm,
    MemberCaseForm,
    ReplicationForm,
)
from ..models import Exchange, GoodModel
from .common import association_of, create_form, list_page, uploaded


def _back(a: Association) -> str:
    return reverse("activities:association", args=[a.pk])


@scoped_view(Association)
def good_model_add(request: HttpRequest, pk: int) -> HttpResponse:
    a = association_of(request, pk)
    form = GoodModelForm(request.POST or None, request.FILES or None, initial={"field": a.field_id})

    def save(d):
        d.pop("evidence", None)
        evidence = uploaded(request, "evidence")
        return services.good_model_record(actor=request.user, association=a, data=d,
                                          files=[evidence] if evidence else [])

    return create_form(request, action="activities.record_good_model", obj=a, form=form, save=save,
                       title=_("Mô hình hay, cách làm tốt: %(a)s") % {"a": a}, done=_("Đã ghi mô hình."),
                       back_url=_back(a), redirect_to=lambda m: reverse("activities:good_model_detail", args=[m.pk]))


@scoped_view(GoodModel)
def good_model_detail(request: HttpRequest, pk: int) -> HttpResponse:
    model = get_scoped(selectors.good_models(user=request.user), request.user, pk=pk)
    return render(request, "activities/good_model_detail.html", {
        "model": model, "title": model.title, "evidence": model.evidence.all()[:20],
        "replications": model.replications.select_related("adopter")[:50],
        "history": audit.visible_history(model, request.user, limit=50)})


@scoped_view(GoodModel)
def replication_add(request: HttpRequest, pk: int) -> HttpResponse:
    model = get_scoped(GoodModel.objects.select_related("association__unit"), request.user, pk=pk)
    units = Unit.objects.filter(kind__in=(UnitKind.ASSOCIATION, UnitKind.BRANCH)).exclude(pk=model.association.unit_id)
    form = ReplicationForm(request.POST or None, units=units)
    back = reverse("activities:good_model_detail", args=[model.pk])
    return create_form(request, action="activities.record_replication", obj=model, form=form,
                       save=lambda d: services.replication_record(actor=request.user, good_model=model,
                                                                  adopter=d.pop("adopter"), data=d),
                       title=_("Nhân rộng mô hình: %(m)s") % {"m": model}, done=_("Đã ghi việc nhân rộng."),
                       back_url=back)


def good_model_list(request: HttpRequest) -> HttpResponse:
    return list_page(request, selectors.good_model_list(user=request.user, filters=request.GET),
                     template="activities/list.html", partial="activities/partials/_good_models.html",
                     title=_("Mô hình hay, cách làm tốt"))


@scoped_view(Association)
def exchange_add(request: HttpRequest, pk: int) -> HttpResponse:
    a = association_of(request, pk)
    return create_form(request, action="activities.record_exchange", obj=a, form=ExchangeForm(request.POST or None),
                       save=lambda d: services.exchange_record(actor=request.user, association=a, data=d),
                       title=_("Đoàn ra, đoàn vào: %(a)s") % {"a": a}, done=_("Đã ghi đoàn."), back_url=_back(a))


@scoped_view(Exchange)
def exchange_report(request: HttpRequest, pk: int) -> HttpResponse:
    exchange = get_scoped(Exchange.objects.select_related("association__unit"), request.user, pk=pk)
    return create_form(request, action="activities.record_exchange", obj=exchange.association,
                       form=ExchangeReportForm(request.POST or None),
                       save=lambda d: services.exchange_report(actor=request.user, exchange=exchange, data=d),
                       title=_("Báo cáo kết quả: %(e)s") % {"e": exchange}, done=_("Đã ghi báo cáo kết quả."),
                       back_url=reverse("activities:exchange_list"))


def exchange_list(request: HttpRequest) -> HttpResponse:
    return list_page(request, selectors.exchange_list(user=request.user, filters=request.GET),
                     template="activities/list.html", partial="activities/partials/_exchanges.html",
                     title=_("Đối ngoại nhân dân: đoàn ra, đoàn vào"),
                     missing=selectors.exchanges_missing_report(user=request.user).count())


@scoped_view(Association)
def project_add(request: HttpRequest, pk: int) -> HttpResponse:
    a = association_of(request, pk)
    return create_form(request, action="activities.record_exchange", obj=a,
                       form=ForeignProjectForm(request.POST or None),
                       save=lambda d: services.foreign_project_record(actor=request.user, association=a, data=d),
                       title=_("Dự án tài trợ nước ngoài: %(a)s") % {"a": a}, done=_("Đã ghi dự án."),
                       back_url=_back(a))


def project_list(request: HttpRequest) -> HttpResponse:
    return list_page(request, selectors.project_list(user=request.user, filters=request.GET),
                     template="activities/list.html", partial="activities/partials/_projects.html",
                     title=_("Dự án tài trợ nước ngoài"))


@scoped_view(Association)
def case_add(request: HttpRequest, pk: int) -> HttpResponse:
    a = association_of(request, pk)
    return create_form(request, action="activities.record_case", obj=a, form=MemberCaseForm(request.POST or None),
                       save=lambda d: services.member_case_record(actor=request.user, association=a, data=d),
                       title=_("Vụ việc của hội viên: %(a)s") % {"a": a}, done=_("Đã ghi vụ việc."),
                       back_url=_back(a))


def case_list(request: HttpRequest) -> HttpResponse:
    filterset = selectors.case_list(user=request.user, filters=request.GET)
    counts = selectors.case_counts(user=request.user, qs=filterset.qs if filterset.is_valid() else None)
    return list_page(request, filterset, template="activities/list.html",
                     partial="activities/partials/_cases.html", title=_("Vụ việc của hội viên"), counts=counts)


def diversity(request: HttpRequest) -> HttpResponse:
    data = selectors.diversity(user=request.user)
    for rows in data.values():
        peak = max([r["n"] for r in rows] or [0]) or 1
        for r in rows:
            r["pct"] = round(r["n"] * 100 / peak)
    return render(request, "activities/diversity.html", {**data, "title": _("Đa dạng các loại hình hội")})
