"""Pages of point 2: state-assigned tasks, state support, finances."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from sohoi.associations.models import Association
from sohoi.core.scoping import restrict, scoped_view
from sohoi.directives.models import Document

from .. import finance, selectors, services
from ..forms import FinanceForm, StateSupportForm, StateTaskForm
from .common import association_of, create_form, list_page


def _back(a: Association) -> str:
    return reverse("activities:association", args=[a.pk])


@scoped_view(Association)
def state_task_add(request: HttpRequest, pk: int) -> HttpResponse:
    a = association_of(request, pk)
    form = StateTaskForm(request.POST or None, documents=restrict(Document.objects.all(), request.user))
    return create_form(request, action="activities.record_state_task", obj=a, form=form,
                       save=lambda d: services.state_task_record(actor=request.user, association=a, data=d),
                       title=_("Nhiệm vụ Nhà nước giao: %(a)s") % {"a": a}, done=_("Đã ghi nhiệm vụ được giao."),
                       back_url=_back(a))


@scoped_view(Association)
def support_add(request: HttpRequest, pk: int) -> HttpResponse:
    a = association_of(request, pk)
    form = StateSupportForm(request.POST or None, tasks=selectors.state_tasks(user=request.user).filter(association=a))
    return create_form(request, action="activities.record_state_support", obj=a, form=form,
                       save=lambda d: services.state_support_record(actor=request.user, task=d.pop("task"), data=d),
                       title=_("Kinh phí Nhà nước hỗ trợ: %(a)s") % {"a": a}, done=_("Đã ghi kinh phí hỗ trợ."),
                       back_url=_back(a))


@scoped_view(Association)
def finance_add(request: HttpRequest, pk: int) -> HttpResponse:
    a = association_of(request, pk)
    form = FinanceForm(request.POST or None)
    return create_form(request, action="activities.report_finances", obj=a, form=form,
                       save=lambda d: services.finance_report(actor=request.user, association=a, data=d),
                       title=_("Báo cáo tài chính năm: %(a)s") % {"a": a}, done=_("Đã ghi báo cáo tài chính."),
                       back_url=_back(a))


def state_task_list(request: HttpRequest) -> HttpResponse:
    return list_page(request, selectors.state_task_list(user=request.user, filters=request.GET),
                     template="activities/list.html", partial="activities/partials/_state_tasks.html",
                     title=_("Nhiệm vụ Nhà nước giao cho hội"))


def support_list(request: HttpRequest) -> HttpResponse:
    return list_page(request, selectors.support_list(user=request.user, filters=request.GET),
                     template="activities/list.html", partial="activities/partials/_supports.html",
                     title=_("Kinh phí Nhà nước hỗ trợ hội"))


def finance_list(request: HttpRequest) -> HttpResponse:
    return list_page(request, selectors.finance_list(user=request.user, filters=request.GET),
                     template="activities/list.html", partial="activities/partials/_finances.html",
                     title=_("Tài chính của các hội"), totals=selectors.finance_totals(user=request.user),
                     flag=int(finance.ADMIN_FLAG * 100))
