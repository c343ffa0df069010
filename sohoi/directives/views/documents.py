"""The register: list, upload, review of proposed tasks, document page, header edit, original file."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sohoi.core import audit
from sohoi.core.permissions import allowed, require
from sohoi.core.scoping import scoped_view
from sohoi.core.views import paginate, render_page
from sohoi.orgs.models import Unit, UnitGroup

from .. import selectors, services
from ..forms import DocumentForm, UploadForm
from ..models import Document
from ..services.proposals import parse_choice
from .common import apply_errors


def document_list(request: HttpRequest) -> HttpResponse:
    filterset = selectors.document_list(user=request.user, filters=request.GET)
    qs = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    page = paginate(request, qs)
    page.object_list = selectors.with_task_counts(page.object_list)
    return render_page(request, "directives/document_list.html",
                       {"filter": filterset, "page": page, "can_register": allowed(request.user, "directives.register")},
                       "directives/partials/_document_rows.html")


def document_upload(request: HttpRequest) -> HttpResponse:
    require(request.user, "directives.register")
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    form.fields["file"].allow_empty_file = True  # an empty file gets the service's Vietnamese message
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        # Read one byte past the limit: enough to refuse an oversize file without loading all of it.
        data = upload.read(settings.SOHOI_MAX_UPLOAD_BYTES + 1)
        try:
            document, created = services.document_register(actor=request.user, data=data, filename=upload.name,
                                                            meta=form.meta())
        except ValidationError as exc:
            apply_errors(request, exc, form)
        else:
            if not created:
                messages.info(request, _("Văn bản này đã có trong sổ; đây là bản đã vào sổ, không tạo bản mới."))
                return redirect(document)
            messages.success(request, _("Đã vào sổ văn bản. Hãy kiểm tra các nhiệm vụ được đề xuất rồi xác nhận."))
            if document.proposal.get("tasks"):
                return redirect("directives:document_review", document.pk)
            return redirect(document)
    return render(request, "directives/document_upload.html",
                  {"form": form, "limit_mb": settings.SOHOI_MAX_UPLOAD_BYTES // (1024 * 1024)}, status=400 if form.errors else 200)


@scoped_view(Document)
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_get(user=request.user, pk=pk)
    can_change = allowed(request.user, "directives.change_document", document)
    context = {
        "document": document, "title": str(document), "can_change": can_change,
        "rollup": selectors.document_rollup(document=document, user=request.user),
        "tree": selectors.cascade_tree(document=document, user=request.user),
        "cites": selectors.restrict(document.cites.all(), request.user),
        "readers": document.readers.all() if document.is_secret else [],
        "history": audit.visible_history(document, request.user, limit=100),
    }
    return render(request, "directives/document_detail.html", context)


@scoped_view(Document)
def document_board(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_get(user=request.user, pk=pk)
    board = selectors.document_board(document=document, user=request.user, order=request.GET.get("sap-xep", ""))
    if request.GET.get("export") == "xlsx":  # what the board shows, in the reader's scope
        from ..exports import board_xlsx

        audit.record(actor=request.user, action="directives.document.board_exported", target=document)
        return board_xlsx(document, board)
    return render(request, "directives/document_board.html", {"document": document, "board": board,
                                                              "title": str(document)})


def _changeable(request: HttpRequest, pk: int) -> Document:
    """404 outside the user's view scope (no leak), 403 when the user sees the document but may not change it."""
    document = selectors.document_get(user=request.user, pk=pk)
    require(request.user, "directives.change_document", document)
    return document


@scoped_view(Document)
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    document = _changeable(request, pk)
    form = DocumentForm(request.POST or None, instance=document, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        if "readers" in form.fields:
            data["readers"] = list(data.get("readers") or [])
        try:
            services.document_update(actor=request.user, document=Document.objects.get(pk=pk), data=data,
                                     expected_version=form.cleaned_data["version"])
        except ValidationError as exc:
            apply_errors(request, exc, form)
        else:
            messages.success(request, _("Đã lưu thông tin văn bản."))
            return redirect("directives:document_detail", pk)
    return render(request, "directives/document_edit.html", {"form": form, "document": document})


@scoped_view(Document)
def document_file(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_get(user=request.user, pk=pk)
    if not document.original:
        messages.info(request, _("Văn bản này chưa có tệp gốc."))
        return redirect(document)
    return FileResponse(document.original.open("rb"), as_attachment=True,
                        filename=document.original_name or document.original.name.rsplit("/", 1)[-1])


# Review of the proposed tasks ---------------------------------------------------------------------

def _options(document: Document) -> list[tuple[str, str]]:
    groups = [(f"group:{g.pk}", _("Nhóm: %(name)s") % {"name": g.name}) for g in UnitGroup.objects.order_by("name")]
    units = Unit.objects.valid_on(document.date).order_by("path").only("pk", "name", "path")
    return groups + [(f"unit:{u.pk}", "· " * (u.depth - 1) + u.name) for u in units]


def _entries_from_post(post: Any, prefix: str) -> list[dict[str, Any]]:
    entries = []
    j = 0
    while f"{prefix}{j}-choice" in post:
        name = post.get(f"{prefix}{j}-name", "").strip()
        choice = post.get(f"{prefix}{j}-choice", "")
        j += 1
        if choice == "-":  # a person removed this body
            continue
        if not name:
            target = parse_choice(choice)
            if target is None:
                continue  # the empty "add" slot
            name = target.name
        entries.append({"name": name, "choice": choice})
    return entries
