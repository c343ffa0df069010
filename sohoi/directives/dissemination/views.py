"""Dissemination pages: the overview, a document's coverage, recording a session, a unit's history, and
the board's reminder to units that have not disseminated."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sohoi.core import audit
from sohoi.core.forms import apply_errors
from sohoi.core.permissions import allowed, require
from sohoi.core.scoping import CHANGE, can, get_scoped, scoped_view
from sohoi.core.views import page_size, paginate
from sohoi.orgs.models import Unit

from ..models import Document
from . import selectors, services
from .forms import SessionForm
from .models import DisseminationSession


def _document(request: HttpRequest, pk: int) -> Document:
    return get_scoped(Document.objects.select_related("issuer"), request.user, pk=pk)


DOCUMENTS_PER_PAGE = 20  # the overview's own page (?vb=), beside the sessions' (?page=)


def dissemination_list(request: HttpRequest) -> HttpResponse:
    sessions = selectors.session_list(user=request.user, filters=request.GET)
    documents = Paginator(selectors.overview_documents(user=request.user), min(DOCUMENTS_PER_PAGE, page_size())).get_page(
        request.GET.get("vb"))
    return render(request, "directives/dissemination_list.html", {
        "documents": selectors.overview(user=request.user, documents=documents.object_list),
        "document_page": documents, "page": paginate(request, sessions),
        "title": _("Quán triệt văn bản")})


@scoped_view(Document)
def dissemination_coverage(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    data = selectors.coverage(document=document, user=request.user)
    return render(request, "directives/dissemination_coverage.html", {
        **data, "title": _("Quán triệt %(d)s") % {"d": document}, "can_urge": allowed(request.user, "directives.urge", document),
        "can_record": allowed(request.user, "directives.record_any_dissemination")})


def _recordable_units(request: HttpRequest, document: Document):
    user = request.user
    in_scope = [u.pk for u in selectors.scope_units(document)]
    if allowed(user, "directives.organise_dissemination"):
        return Unit.objects.filter(Q(pk__in=in_scope) | Q(pk=user.unit_id)).order_by("path")
    if user.unit_id:
        return Unit.objects.filter(path__startswith=user.unit.path).filter(
            Q(pk__in=in_scope) | Q(pk=user.unit_id)).order_by("path")
    return Unit.objects.none()


@scoped_view(Document)
def dissemination_add(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    units = _recordable_units(request, document)
    if not units.exists():
        raise PermissionDenied(_("Vai trò của bạn không ghi được buổi quán triệt cho đơn vị nào."))
    form = SessionForm(request.POST or None, units=units, initial={"unit": request.user.unit_id})
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_record(actor=request.user, document=document, unit=form.cleaned_data["unit"],
                                              data=form.data_dict())
        except ValidationError as exc:
            apply_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error("unit", str(exc))
        else:
            messages.success(request, _("Đã ghi buổi quán triệt."))
            return redirect("directives:dissemination_coverage", pk=session.document_id)
    return render(request, "directives/dissemination_form.html", {
        "form": form, "document": document, "title": _("Ghi buổi quán triệt %(d)s") % {"d": document}})


@scoped_view(DisseminationSession)
def dissemination_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_get(user=request.user, pk=pk)
    return render(request, "directives/dissemination_detail.html", {
        "object": session, "title": str(session), "may_change": can(request.user, CHANGE, session),
        "history": audit.visible_history(session, request.user, limit=100)})


@scoped_view(DisseminationSession)
def dissemination_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_get(user=request.user, pk=pk, action=CHANGE)
    form = SessionForm(request.POST or None, instance=DisseminationSession.objects.get(pk=session.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.session_update(actor=request.user, session=session, data=form.data_dict(),
                                    expected_version=form.cleaned_data.get("version"))
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu."))
            return redirect("directives:dissemination_detail", pk=session.pk)
    return render(request, "directives/dissemination_form.html", {
        "form": form, "document": session.document, "title": _("Sửa: %(s)s") % {"s": session}})


@scoped_view(Document)
def dissemination_urge(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    if request.method != "POST":
        return redirect("directives:dissemination_coverage", pk=document.pk)
    require(request.user, "directives.urge", document)
    try:
        sent = services.dissemination_urge(actor=request.user, document=document)
    except ValidationError as exc:
        messages.warning(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã gửi %(n)s thông báo nhắc quán triệt.") % {"n": sent})
    return redirect("directives:dissemination_coverage", pk=document.pk)


@scoped_view(Unit)
def dissemination_unit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_scoped(Unit, request.user, pk=pk)
    sessions = selectors.unit_history(user=request.user, unit=unit)
    return render(request, "directives/dissemination_unit.html", {
        "unit": unit, "page": paginate(request, sessions), "title": _("Quán triệt của %(u)s") % {"u": unit}})
