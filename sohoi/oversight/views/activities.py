"""Pages of an activity: list, plan, detail with its timeline, state steps, team, files, conclusion."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sohoi.core import audit
from sohoi.core.forms import apply_errors
from sohoi.core.permissions import allowed, require
from sohoi.core.scoping import get_scoped, restrict, scoped_view
from sohoi.core.views import paginate, render_page
from sohoi.directives.models import Document
from sohoi.orgs.models import Unit

from .. import selectors, services
from ..choices import STATE_CSS, Kind, Step
from ..forms import (
    ActivityForm,
    AttachmentForm,
    ConclusionForm,
    FindingForm,
    PointForm,
    RecommendationForm,
    TeamMemberForm,
)
from ..models import Activity, Attachment
from ..workflows import TRANSITIONS
from .common import form_page, upload


def _leads(request: HttpRequest):
    user = request.user
    if allowed(user, "oversight.lead_from", None) and not user.unit_id:  # the administrator
        return Unit.objects.order_by("path")
    return Unit.objects.filter(path__startswith=user.unit.path).order_by("path") if user.unit_id else Unit.objects.none()


def _documents(request: HttpRequest):
    return restrict(Document.objects.filter(is_stub=False), request.user).order_by("-date", "-id")


def activity_list(request: HttpRequest) -> HttpResponse:
    filterset = selectors.activity_list(user=request.user, filters=request.GET)
    qs = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    page = paginate(request, qs)
    overdue = selectors.overdue_counts(list(page.object_list))
    rows = [(a, overdue.get(a.pk, 0)) for a in page.object_list]
    return render_page(request, "oversight/activity_list.html", {
        "filter": filterset, "page": page, "rows": rows, "state_css": STATE_CSS,
        "may_create": any(allowed(request.user, "oversight.create", k) for k in Kind.values),
        "title": _("Giám sát, phản biện xã hội, kiểm tra")}, "oversight/partials/_activity_rows.html")


def activity_add(request: HttpRequest) -> HttpResponse:
    kind = request.POST.get("kind") or request.GET.get("kind") or ""
    if not any(allowed(request.user, "oversight.create", k) for k in Kind.values):
        require(request.user, "oversight.create", kind)
    form = ActivityForm(request.POST or None, leads=_leads(request), documents=_documents(request),
                        wanted=request.GET.get("unit_q", "")[:200],
                        initial={"kind": kind, "lead_unit": request.user.unit_id})
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.activity_create(actor=request.user, data=form.data_dict())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã lập kế hoạch."))
            return redirect(activity)
    return render(request, "oversight/activity_form.html", {"form": form, "title": _("Lập kế hoạch")})


@scoped_view(Activity)
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get(user=request.user, pk=pk)
    require(request.user, "oversight.edit", activity)
    form = ActivityForm(request.POST or None, instance=Activity.objects.get(pk=activity.pk), leads=_leads(request),
                        documents=_documents(request), wanted=request.GET.get("unit_q", "")[:200])
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_update(actor=request.user, activity=activity, data=form.data_dict(),
                                     expected_version=form.cleaned_data.get("version"))
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu."))
            return redirect(activity)
    return render(request, "oversight/activity_form.html", {"form": form, "title": _("Sửa kế hoạch"),
                                                            "back": activity})


@scoped_view(Activity)
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get(user=request.user, pk=pk)
    data = selectors.activity_page(user=request.user, activity=activity)
    may = data["may_change"]
    steps = [(s, Step(s).label) for s in TRANSITIONS.allowed_steps(activity.state)
             if allowed(request.user, f"oversight.step.{s}", activity)]
    examined = activity.examined.all()
    context = {**data, "object": activity, "title": str(activity), "steps": steps, "state_css": STATE_CSS,
               "history": audit.visible_history(activity, request.user, limit=100),
               "checklist": selectors.checklist(user=request.user, activity=activity)
               if activity.kind == Kind.INSPECTION else [],
               "team_form": TeamMemberForm() if may else None, "attachment_form": AttachmentForm() if may else None,
               "conclusion_form": ConclusionForm(initial={"conclusion": activity.conclusion}) if may else None,
               "finding_form": FindingForm(units=examined) if may else None,
               "recommendation_form": may,
               "point_form": PointForm() if may and activity.kind == Kind.CRITICISM else None}
    return render(request, "oversight/activity_detail.html", context)


@scoped_view(Activity)
def activity_step(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get(user=request.user, pk=pk)
    if request.method != "POST":
        return redirect(activity)
    try:
        services.activity_transition(actor=request.user, activity=activity, step=request.POST.get("step", "")[:20])
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Đã chuyển trạng thái."))
    return redirect(activity)


@scoped_view(Activity)
def team_add(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get(user=request.user, pk=pk)
    require(request.user, "oversight.edit", activity)
    return form_page(request, TeamMemberForm(request.POST or None), title=_("Thêm thành viên đoàn"), back=activity,
                     done=_("Đã thêm thành viên đoàn."),
                     save=lambda d: services.team_member_add(actor=request.user, activity=activity, **d))


@scoped_view(Activity)
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get(user=request.user, pk=pk)
    require(request.user, "oversight.edit", activity)

    def save(d):
        name, data = upload(request, "file")
        return services.attachment_add(actor=request.user, activity=activity, kind=d["kind"], name=name, data=data)

    return form_page(request, AttachmentForm(request.POST or None, request.FILES or None), title=_("Đính kèm tệp"),
                     back=activity, done=_("Đã đính kèm tệp."), save=save, multipart=True)


@scoped_view(Attachment)
def attachment_file(request: HttpRequest, pk: int) -> FileResponse:
    attachment = get_scoped(Attachment, request.user, pk=pk)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


def send_file(request: HttpRequest, field: Any, name: str, back: Any) -> HttpResponse:
    """The stored file of a scoped object, as the register serves its originals (a download); back to the page
    with a message when there is none."""
    if not field:
        messages.info(request, _("Chưa có tệp."))
        return redirect(back)
    return FileResponse(field.open("rb"), as_attachment=True, filename=name or field.name.rsplit("/", 1)[-1])


@scoped_view(Activity)
def conclusion_file(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get(user=request.user, pk=pk)
    return send_file(request, activity.conclusion_file, activity.conclusion_file_name, activity)


@scoped_view(Activity)
def draft_file(request: HttpRequest, pk: int) -> HttpResponse:
    """The draft under criticism: a confidential draft only for the participants (oversight.read_draft)."""
    activity = selectors.activity_get(user=request.user, pk=pk)
    require(request.user, "oversight.read_draft", activity)
    return send_file(request, activity.draft_file, "", activity)


@scoped_view(Activity)
def conclusion(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get(user=request.user, pk=pk)
    require(request.user, "oversight.recommend", activity)
    return form_page(request, ConclusionForm(request.POST or None, request.FILES or None,
                                             initial={"conclusion": activity.conclusion}),
                     title=_("Kết luận"), back=activity, done=_("Đã lưu kết luận."), multipart=True,
                     save=lambda d: services.conclusion_save(actor=request.user, activity=activity,
                                                             text=d["conclusion"],
                                                             file=upload(request, "conclusion_file")))


@scoped_view(Activity)
def finding_add(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get(user=request.user, pk=pk)
    require(request.user, "oversight.recommend", activity)
    return form_page(request, FindingForm(request.POST or None, units=activity.examined.all()),
                     title=_("Ghi phát hiện"), back=activity, done=_("Đã ghi phát hiện."),
                     save=lambda d: services.finding_add(actor=request.user, activity=activity, **d))


@scoped_view(Activity)
def recommendation_add(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get(user=request.user, pk=pk)
    require(request.user, "oversight.recommend", activity)
    likely = list(activity.examined.values_list("pk", flat=True)[:100])
    return form_page(request, RecommendationForm(request.POST or None, units=Unit.objects.order_by("path"),
                                                 likely=likely),
                     title=_("Ghi kiến nghị"), back=activity, done=_("Đã ghi kiến nghị."),
                     save=lambda d: services.recommendation_add(actor=request.user, activity=activity, **d))


@scoped_view(Activity)
def point_add(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get(user=request.user, pk=pk)
    require(request.user, "oversight.recommend", activity)
    return form_page(request, PointForm(request.POST or None), title=_("Ghi ý kiến phản biện"), back=activity,
                     done=_("Đã ghi ý kiến phản biện."),
                     save=lambda d: services.point_add(actor=request.user, activity=activity, **d))
