"""Pages that follow an activity up: recommendations and their answers, the draft under criticism, the
inspected units side by side, findings turned into tasks, coordination programmes."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sohoi.core.deadlines import TrackState
from sohoi.core.params import int_param
from sohoi.core.permissions import allowed, require
from sohoi.core.scoping import get_scoped, scoped_view
from sohoi.core.views import paginate, render_page
from sohoi.orgs.models import Unit

from .. import selectors, services
from ..forms import (
    ActionReportForm,
    AnswerForm,
    CommentForm,
    DraftForm,
    MarkForm,
    ProgrammeForm,
    ResultForm,
    TaskFromFindingForm,
)
from ..models import Activity, CriticismPoint, Finding, Programme, Recommendation
from .activities import send_file
from .common import form_page, upload


def recommendation_list(request: HttpRequest) -> HttpResponse:
    filterset = selectors.recommendation_list(user=request.user, filters=request.GET)
    qs = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    return render_page(request, "oversight/recommendation_list.html", {
        "filter": filterset, "page": paginate(request, qs), "title": _("Kiến nghị và trả lời")},
        "oversight/partials/_recommendation_rows.html")


@scoped_view(Unit)
def unit_recommendations(request: HttpRequest, pk: int) -> HttpResponse:
    """Per unit: what was recommended to it (and the units under it) and how it answered."""
    unit = get_scoped(Unit, request.user, pk=pk)
    qs = selectors.unit_recommendations(user=request.user, unit=unit)
    return render(request, "oversight/recommendation_list.html", {
        "page": paginate(request, qs), "unit": unit, "states": selectors.state_counts(qs),
        "title": _("Kiến nghị gửi %(u)s") % {"u": unit}})


@scoped_view(Recommendation)
def recommendation_answer(request: HttpRequest, pk: int) -> HttpResponse:
    rec = selectors.recommendation_get(user=request.user, pk=pk)
    require(request.user, "oversight.answer", rec)
    return form_page(request, AnswerForm(request.POST or None), title=_("Trả lời kiến nghị"), back=rec,
                     done=_("Đã gửi trả lời."), intro=rec.text,
                     save=lambda d: services.recommendation_answer(actor=request.user, recommendation=rec,
                                                                   answer=d["answer"], text=d["answer_text"]))


@scoped_view(Recommendation)
def recommendation_report(request: HttpRequest, pk: int) -> HttpResponse:
    rec = selectors.recommendation_get(user=request.user, pk=pk)
    require(request.user, "oversight.answer", rec)
    return form_page(request, ActionReportForm(request.POST or None, request.FILES or None),
                     title=_("Báo cáo kết quả thực hiện kiến nghị"), back=rec, done=_("Đã báo cáo kết quả."),
                     intro=rec.text, multipart=True,
                     save=lambda d: services.recommendation_report(actor=request.user, recommendation=rec,
                                                                   text=d["action_text"],
                                                                   evidence=upload(request, "evidence")))


@scoped_view(Recommendation)
def evidence_file(request: HttpRequest, pk: int) -> HttpResponse:
    """The evidence the addressed unit attached, for whoever may see the recommendation."""
    rec = selectors.recommendation_get(user=request.user, pk=pk)
    return send_file(request, rec.evidence, rec.evidence_name, rec)


@scoped_view(Activity)
def draft_upload(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get(user=request.user, pk=pk)
    require(request.user, "oversight.edit", activity)

    def save(d):
        name, data = upload(request, "draft_file")
        return services.draft_upload(actor=request.user, activity=activity, name=name, data=data,
                                     title=d["draft_title"])

    return form_page(request, DraftForm(request.POST or None, request.FILES or None), title=_("Tải dự thảo lên"),
                     back=activity, done=_("Đã tải dự thảo; các đoạn được đánh số để góp ý."), save=save,
                     multipart=True)


@scoped_view(Activity)
def comment_add(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get(user=request.user, pk=pk)
    require(request.user, "oversight.comment", activity)
    return form_page(request, CommentForm(request.POST or None, initial={"paragraph": request.GET.get("doan")}),
                     title=_("Góp ý vào dự thảo"), back=activity, done=_("Đã ghi góp ý."),
                     save=lambda d: services.comment_add(actor=request.user, activity=activity, **d))


@scoped_view(CriticismPoint)
def point_mark(request: HttpRequest, pk: int) -> HttpResponse:
    point = get_scoped(CriticismPoint.objects.select_related("activity"), request.user, pk=pk)
    require(request.user, "oversight.mark_point", point)
    return form_page(request, MarkForm(request.POST or None), title=_("Ghi việc tiếp thu ý kiến phản biện"),
                     back=point.activity, done=_("Đã ghi."), intro=point.text,
                     save=lambda d: services.point_mark(actor=request.user, point=point, **d))


@scoped_view(Activity)
def inspected_unit(request: HttpRequest, pk: int) -> HttpResponse:
    """One inspected unit side by side (?unit=<id>, one of the examined units)."""
    activity = selectors.activity_get(user=request.user, pk=pk)
    examined = activity.examined.order_by("path")
    unit = examined.filter(pk=int_param(request.GET.get("unit")) or 0).first() or examined.first()
    data = selectors.inspected_unit(user=request.user, activity=activity, unit=unit) if unit else None
    shown = list(examined[:100])
    return render(request, "oversight/inspected_unit.html", {
        "object": activity, "examined": shown, "data": data, "track_states": TrackState,
        "side_by_side": selectors.inspected_states(user=request.user, activity=activity, units=shown),
        "checklist": selectors.checklist(user=request.user, activity=activity),
        "title": _("Đối chiếu đơn vị được kiểm tra")})


@scoped_view(Finding)
def finding_task(request: HttpRequest, pk: int) -> HttpResponse:
    finding = get_scoped(Finding.objects.select_related("activity", "unit"), request.user, pk=pk)
    require(request.user, "oversight.task_from_finding", finding)
    return form_page(request, TaskFromFindingForm(request.POST or None), title=_("Giao nhiệm vụ từ phát hiện"),
                     back=finding.activity, done=_("Đã giao nhiệm vụ; nhiệm vụ có trên bảng theo dõi."),
                     intro=finding.text,
                     save=lambda d: services.finding_to_task(actor=request.user, finding=finding, due=d["due"]))


# Coordination programmes -------------------------------------------------------------------------------

def programme_list(request: HttpRequest) -> HttpResponse:
    return render(request, "oversight/programme_list.html", {
        "page": paginate(request, selectors.programme_queryset(user=request.user)),
        "title": _("Chương trình phối hợp")})


def programme_add(request: HttpRequest) -> HttpResponse:
    require(request.user, "oversight.create_programme")
    user = request.user
    leads = Unit.objects.filter(path__startswith=user.unit.path) if user.unit_id else Unit.objects.all()
    form = ProgrammeForm(request.POST or None, leads=leads.order_by("path"), wanted=request.GET.get("unit_q", "")[:200],
                         initial={"lead_unit": user.unit_id})
    if request.method == "POST" and form.is_valid():
        try:
            programme = services.programme_create(actor=user, data=form.cleaned_data)
        except ValidationError as exc:
            from sohoi.core.forms import apply_errors

            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã lập chương trình phối hợp."))
            return redirect(programme)
    return render(request, "oversight/form.html", {"form": form, "title": _("Lập chương trình phối hợp"),
                                                   "back": None})


@scoped_view(Programme)
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    programme = selectors.programme_get(user=request.user, pk=pk)
    return render(request, "oversight/programme_detail.html", {
        "object": programme, "title": str(programme), "parties": programme.parties.order_by("path")[:100],
        "results": programme.results.all(),
        "result_form": ResultForm() if allowed(request.user, "oversight.change_programme", programme) else None})


@scoped_view(Programme)
def programme_result(request: HttpRequest, pk: int) -> HttpResponse:
    programme = selectors.programme_get(user=request.user, pk=pk)
    require(request.user, "oversight.change_programme", programme)
    return form_page(request, ResultForm(request.POST or None), title=_("Kết quả hằng năm"), back=programme,
                     done=_("Đã ghi kết quả."),
                     save=lambda d: services.programme_result_record(actor=request.user, programme=programme, **d))
