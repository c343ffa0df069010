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
from sohoi.core.widgets import parse_day
from sohoi.orgs.models import Unit, UnitGroup

from .. import selectors, services
from ..choices import Recurrence
from ..forms import DocumentForm, UploadForm
from ..models import Document
from ..services.proposals import choice_of, parse_choice
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


def _iso_day(text: str) -> str:
    """The proposal keeps deadlines as ISO text; the page shows and takes dd/mm/yyyy (core.widgets). Text that
    is not a date is passed on unchanged, for the service's message naming the task."""
    try:
        day = parse_day(text.strip())
    except ValueError:
        return text
    return day.isoformat() if day else ""


def _tasks_from_post(post: Any) -> list[dict[str, Any]]:
    tasks = []
    for i in range(int(post.get("count", "0") or 0)):
        p = f"t{i}-"
        tasks.append({
            "no": post.get(f"{p}no", ""), "text": post.get(f"{p}text", ""), "include": post.get(f"{p}include") == "on",
            "deadline": _iso_day(post.get(f"{p}deadline", "")), "recurrence": post.get(f"{p}recurrence", ""),
            "leads": _entries_from_post(post, f"{p}lead"), "coordinators": _entries_from_post(post, f"{p}coord"),
        })
    return tasks


def _decorate(tasks: list[dict[str, Any]], document: Document) -> list[dict[str, Any]]:
    """Add what the review screen shows beside each printed name: is it resolved, and to what."""
    out = []
    for i, task in enumerate(tasks):
        item = dict(task)
        for role, key in (("leads", "lead"), ("coordinators", "coord")):
            entries = []
            for j, entry in enumerate(task.get(role, [])):
                choice = entry.get("choice") or choice_of(entry.get("name", ""), document.date, document.issuer)
                entries.append({**entry, "choice": choice, "resolved": bool(choice), "field": f"t{i}-{key}{j}"})
            item[role] = entries
            item[f"{key}_add"] = f"t{i}-{key}{len(entries)}"
        item["unresolved"] = any(not e["resolved"] for r in ("leads", "coordinators") for e in item[r])
        out.append(item)
    return out


@scoped_view(Document)
def document_review(request: HttpRequest, pk: int) -> HttpResponse:
    document = _changeable(request, pk)
    if document.confirmed_at is not None:
        messages.info(request, _("Nhiệm vụ của văn bản này đã được xác nhận."))
        return redirect(document)
    tasks = document.proposal.get("tasks") or []
    if request.method == "POST":
        tasks = _tasks_from_post(request.POST)
        try:
            # Saved first, on its own: a refused confirmation keeps the reviewer's corrections.
            document = services.document_review_save(actor=request.user, document=document, tasks=tasks)
            if request.POST.get("action") == "confirm":
                created = services.document_confirm(actor=request.user, document=document)
                messages.success(request, _("Đã xác nhận %(n)s nhiệm vụ và giao việc cho các đơn vị.") % {"n": len(created)})
                return redirect(document)
            messages.success(request, _("Đã lưu bản duyệt; có thể quay lại hoàn tất sau."))
            return redirect("directives:document_review", pk)
        except ValidationError as exc:
            apply_errors(request, exc)
            document.refresh_from_db()
    context = {"document": document, "tasks": _decorate(tasks, document), "options": _options(document),
               "recurrences": Recurrence.choices, "title": _("Duyệt nhiệm vụ – %(doc)s") % {"doc": document}}
    return render(request, "directives/document_review.html", context)
