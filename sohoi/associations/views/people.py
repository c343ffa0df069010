"""Leaders, congresses, charters and the member roster of one association."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sohoi.core.permissions import allowed, require
from sohoi.core.scoping import CHANGE, get_scoped
from sohoi.core.views import paginate

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
        day = datetime.date.fromisoformat(request.POST.get("on", ""))
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
    association = selectors.association_get(user=request.user, pk=pk, action=CHANGE)
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = services.roster_import(actor=request.user, association=association, upload=upload,
                                        filename=upload.name, dry_run=not form.cleaned_data["commit"])
        if result.ok and not result.dry_run:
            messages.success(request, _("Đã nhập %(n)s dòng: %(c)s mới, %(u)s cập nhật.") % {
                "n": result.rows, "c": result.created, "u": result.updated})
            return redirect("associations:member_list", pk=pk)
    return render(request, "associations/import.html", {"form": form, "result": result, "object": association,
                                                        "title": _("Nhập danh sách hội viên: %(n)s") % {
                                                            "n": association}})


def member_template(request: HttpRequest) -> HttpResponse:
    from ..exports import XLSX

    response = HttpResponse(roster_template(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-danh-sach-hoi-vien.xlsx"'
    return response
