"""Leaders, congresses, charters and the member roster of one association."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sohoi.core.permissions import allowed, require
from sohoi.core.scoping import CHANGE, get_scoped
from sohoi.core.views import paginate
from sohoi.core.widgets import parse_day

from .. import selectors, services
from ..forms import CharterForm, CongressForm, ImportForm, LeaderForm, apply_errors
from ..models import Leader
from ..services.roster import roster_template


def _form_page(request, association, form, title, status=200):
    return render(request, "associations/form.html", {"form": form, "title": title, "back": association},
                  status=status)


def leader_add(request: HttpRequest, pk: int) -> HttpResponse:
    association = selectors.association_get(user=request.user, pk=pk, action=CHANGE)
    require(request.user, "associations.record_leadership", association)
    form = LeaderForm(request.POST or None, show_sensitive=allowed(request.user, "associations.see_sensitive"))
    if request.method == "POST" and form.is_valid():
        try:
            services.leader_appoint(actor=request.user, association=association, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi lãnh đạo hội."))
            return redirect("associations:association_detail", pk=pk)
    return _form_page(request, association, form, _("Thêm lãnh đạo: %(n)s") % {"n": association})


@require_POST
def leader_action(request: HttpRequest, pk: int) -> HttpResponse:
    """POST what=end|reported with a date: end a term of office, or record that the change was reported."""
    leader = get_scoped(Leader.objects.select_related("association"), request.user, CHANGE, pk=pk)
    try:
        day = parse_day(request.POST.get("on", "").strip())  # dd/mm/yyyy as the date widget shows it
        if day is None:
            raise ValueError("empty")
    except ValueError:
        messages.error(request, _("Ngày không hợp lệ: chọn ngày trong ô ngày."))
        return redirect("associations:association_detail", pk=leader.association_id)
    try:
        if request.POST.get("what") == "end":
            services.leader_end(actor=request.user, leader=leader, ended_on=day)
        else:
            services.leader_mark_reported(actor=request.user, leader=leader, reported_on=day)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã cập nhật."))
    return redirect("associations:association_detail", pk=leader.association_id)


def congress_add(request: HttpRequest, pk: int) -> HttpResponse:
    association = selectors.association_get(user=request.user, pk=pk, action=CHANGE)
    next_number = association.congresses.count() + 1
    form = CongressForm(request.POST or None, initial={"number": next_number})
    if request.method == "POST" and form.is_valid():
        try:
            services.congress_record(actor=request.user, association=association, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi đại hội."))
            return redirect("associations:association_detail", pk=pk)
    return _form_page(request, association, form, _("Ghi đại hội: %(n)s") % {"n": association})


def charter_add(request: HttpRequest, pk: int) -> HttpResponse:
    association = selectors.association_get(user=request.user, pk=pk, action=CHANGE)
    form = CharterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.charter_add(actor=request.user, association=association, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi điều lệ."))
            return redirect("associations:association_detail", pk=pk)
    return _form_page(request, association, form, _("Ghi điều lệ: %(n)s") % {"n": association})


def member_list(request: HttpRequest, pk: int) -> HttpResponse:
    association = selectors.association_get(user=request.user, pk=pk)
    qs = selectors.member_queryset(user=request.user, association=association)
    page = paginate(request, qs)
    rows = list(page.object_list)
    sensitive = selectors.members_for(user=request.user, association=association, rows=rows)
    return render(request, "associations/members.html", {
        "object": association, "page": page, "rows": rows, "show_sensitive": sensitive,
        "counts": selectors.member_counts(association), "title": _("Hội viên: %(n)s") % {"n": association}})


def member_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload a roster: the import runs as a background job (services/import_jobs.py); this page, with
    `?job=<id>`, shows its progress and outcome (polled), and runs it again after a system failure."""
    from django.urls import reverse

    from ..models import ImportJob
    from ..services.import_jobs import import_job_reconcile, import_job_retry, import_job_start, store_upload

    association = selectors.association_get(user=request.user, pk=pk, action=CHANGE)
    here = reverse("associations:member_import", args=[pk])
    jobs = ImportJob.objects.filter(kind=ImportJob.Kind.ROSTER, association=association)
    if request.method == "POST" and request.POST.get("retry"):
        job = get_object_or_404(jobs, pk=request.POST["retry"] if request.POST["retry"].isdigit() else 0)
        try:
            import_job_retry(actor=request.user, job=job)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect(f"{here}?job={job.pk}")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = import_job_start(actor=request.user, kind=ImportJob.Kind.ROSTER, association=association,
                               path=store_upload(upload), filename=upload.name,
                               dry_run=not form.cleaned_data["commit"])
        job = _settled(job)
        if job.status == ImportJob.State.DONE and not job.dry_run:
            messages.success(request, _("Đã nhập %(n)s dòng: %(c)s mới, %(u)s cập nhật.") % {
                "n": job.total, "c": job.created, "u": job.updated})
            return redirect("associations:member_list", pk=pk)
        return redirect(f"{here}?job={job.pk}")
    job = None
    if request.GET.get("job", "").isdigit():
        job = import_job_reconcile(get_object_or_404(jobs, pk=request.GET["job"]))
        if request.htmx:
            return render(request, "associations/partials/_import_job.html", _job_context(job, here, pk))
    return render(request, "associations/import.html", {
        "form": form, "object": association, **(_job_context(job, here, pk) if job else {}),
        "title": _("Nhập danh sách hội viên: %(n)s") % {"n": association}})


def _settled(job, seconds: float = 5.0):
    """A roster is usually small: wait a few seconds for the worker, so that the common case answers at once
    (the outcome, or the member list); a longer job shows its progress on the page it redirects to."""
    import time

    deadline = time.monotonic() + seconds
    job.refresh_from_db()
    while not job.finished and time.monotonic() < deadline:
        time.sleep(0.2)
        job.refresh_from_db()
    return job


def _job_context(job, here: str, pk: int) -> dict:
    from django.urls import reverse

    return {"job": job, "poll_url": f"{here}?job={job.pk}", "retry_url": here, "retry_field": "retry",
            "done_url": reverse("associations:member_list", args=[pk]), "done_label": _("Xem danh sách hội viên")}


def member_template(request: HttpRequest) -> HttpResponse:
    from ..exports import XLSX

    response = HttpResponse(roster_template(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-danh-sach-hoi-vien.xlsx"'
    return response
