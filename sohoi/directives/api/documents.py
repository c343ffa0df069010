"""The register through the API: list and read documents, register one from a file or its text (the same
reader, checks and duplicate detection as the upload page; a cited document's stub is filled the same way),
read and edit the proposed tasks, confirm them (fan-out), edit the header and the secrecy, read the figures."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Status, UploadedFile
from ninja.pagination import paginate

from sohoi.core.permissions import require
from sohoi.core.scoping import restrict, scoped_view
from sohoi.orgs.models import Unit

from .. import selectors, services
from ..models import Assignment, Document
from . import router
from .common import detail, filtered, params, readers_of
from .schemas import (
    ConfirmIn,
    ConfirmOut,
    DocumentDetailOut,
    DocumentFilters,
    DocumentOut,
    DocumentPatchIn,
    DocumentRegisteredOut,
    DocumentTextIn,
    DocumentUploadForm,
    ProposalIn,
    ProposalOut,
    TrackingOut,
)

DOCUMENT_ORDERING = {"date", "-date", "code", "-code", "id", "-id", "created_at", "-created_at"}


@router.get("/documents", response=list[DocumentOut], summary="Sổ văn bản", operation_id="directives_document_list",
            description="The register of documents in the caller's scope (secret ones only for their readers). "
                        "Filters as on the register page; `?page=` or `?cursor=`.")
@paginate
def list_documents(request: HttpRequest, filters: Query[DocumentFilters], ordering: str = "-date"):
    qs = filtered(selectors.document_list(user=request.auth, filters=params(filters)))
    return qs.order_by(ordering if ordering in DOCUMENT_ORDERING else "-date", "-id")


@router.get("/documents/{int:document_id}", response=DocumentDetailOut, summary="Một văn bản",
            operation_id="directives_document_get", description="One document with the ids of its tasks.")
@scoped_view(Document)
def get_document(request: HttpRequest, document_id: int):
    return detail(selectors.document_get(user=request.auth, pk=document_id), request.auth)


def _meta(request: HttpRequest, form: Any) -> dict[str, Any]:
    meta = {k: getattr(form, k) for k in ("direction", "received_on", "incoming_no", "urgency", "secrecy")}
    meta["readers"] = readers_of(request.auth, form.readers) if form.readers else []
    return meta


def _registered(request: HttpRequest, document: Document, created: bool):
    return Status(201 if created else 200, {"created": created, "document": detail(document, request.auth)})


@router.post("/documents/upload", response={200: DocumentRegisteredOut, 201: DocumentRegisteredOut},
             summary="Vào sổ văn bản từ tệp (.txt, .docx, .pdf có lớp chữ)", operation_id="directives_document_upload",
             description="Register a document from its file (multipart/form-data: `file` plus the upload page's "
                         "fields). Same reader, checks and duplicate detection as the upload page: 201 with the new "
                         "entry and its proposed tasks (GET .../proposal), or 200 with `created: false` when the "
                         "document is already registered (nothing written). A document cited earlier (a stub) is "
                         "filled in place (document managers only). Secrecy and readers: registrars only.")
def upload_document(request: HttpRequest, file: File[UploadedFile], form: Form[DocumentUploadForm]):
    require(request.auth, "directives.register")
    # Read one byte past the limit, as the page does: enough to refuse an oversize file without loading it all.
    data = file.read(settings.SOHOI_MAX_UPLOAD_BYTES + 1)
    document, created = services.document_register(actor=request.auth, data=data, filename=file.name or "",
                                                    meta=_meta(request, form))
    return _registered(request, document, created)


@router.post("/documents", response={200: DocumentRegisteredOut, 201: DocumentRegisteredOut},
             summary="Vào sổ văn bản từ nội dung chữ", operation_id="directives_document_register_text",
             description="Register a document from its plain text (JSON), e.g. from an e-office system that "
                         "already holds the text. Same reading, checks and duplicate detection as the upload.")
def register_text(request: HttpRequest, payload: DocumentTextIn):
    require(request.auth, "directives.register")
    document, created = services.document_register(actor=request.auth, text=payload.text,
                                                    meta=_meta(request, payload))
    return _registered(request, document, created)


def _changeable(request: HttpRequest, document_id: int) -> Document:
    """404 outside the caller's scope (no leak), 403 when the caller sees the document but may not change it."""
    document = selectors.document_get(user=request.auth, pk=document_id)
    require(request.auth, "directives.change_document", document)
    return document


@router.patch("/documents/{int:document_id}", response=DocumentDetailOut, summary="Sửa thông tin văn bản",
              operation_id="directives_document_update",
              description="Edit the header (the fields a reader could not read, or got wrong), the secrecy and the "
                          "readers (registrars only). Only the fields sent change; send the `version` you read: "
                          "a stale edit is refused (400) and changes nothing.")
@scoped_view(Document)
def update_document(request: HttpRequest, document_id: int, payload: DocumentPatchIn):
    document = _changeable(request, document_id)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    if "issuer_id" in data:
        pk = data.pop("issuer_id")
        data["issuer"] = Unit.objects.filter(pk=pk).first() if pk else None
        if pk and data["issuer"] is None:
            raise ValidationError({"issuer_id": _("Không có đơn vị này; chọn cơ quan ban hành trong danh "
                                                  "sách đơn vị.")})
    if "parent_id" in data:
        pk = data.pop("parent_id")
        data["parent"] = restrict(Document.objects.exclude(pk=document.pk), request.auth).filter(pk=pk).first() \
            if pk else None
        if pk and data["parent"] is None:
            raise ValidationError({"parent_id": _("Không có văn bản cấp trên này trong phạm vi của bạn; chọn "
                                                  "văn bản khác.")})
    if "readers" in data:
        data["readers"] = readers_of(request.auth, data["readers"] or [])
    for name in [k for k, v in data.items() if v is None and k not in ("issuer", "parent", "date", "received_on")]:
        data[name] = ""  # a text field sent as null is emptied, as an emptied form field
    document = services.document_update(actor=request.auth, document=Document.objects.get(pk=document.pk),
                                        data=data, expected_version=version)
    # The edited document as written: a registrar who graded it secret without naming themselves among the
    # readers no longer sees it afterwards, yet the write succeeded and its answer is what they just sent.
    return detail(document, request.auth)


@router.get("/documents/{int:document_id}/proposal", response=ProposalOut, summary="Nhiệm vụ đề xuất của văn bản",
            operation_id="directives_proposal_get",
            description="The tasks the reader proposed (or as last reviewed): each printed name with the unit or "
                        "group it maps to (`choice`: `unit:<id>`, `group:<id>`, empty = a person must choose), the "
                        "reader's warnings, and `problems`: what still blocks the confirmation.")
@scoped_view(Document)
def get_proposal(request: HttpRequest, document_id: int):
    return selectors.proposal_read(document=selectors.document_get(user=request.auth, pk=document_id))


@router.put("/documents/{int:document_id}/proposal", response=ProposalOut, summary="Lưu bản duyệt nhiệm vụ",
            operation_id="directives_proposal_save",
            description="Replace the proposed task list with the list sent, as the review screen saves it: edit, "
                        "add, delete, split, merge and reorder by sending the whole list. A name mapped by a "
                        "document manager is remembered as an alias. Nothing is assigned until confirmed.")
@scoped_view(Document)
def save_proposal(request: HttpRequest, document_id: int, payload: ProposalIn):
    document = _changeable(request, document_id)
    document = services.document_review_save(actor=request.auth, document=document, tasks=_tasks(payload.tasks))
    return selectors.proposal_read(document=document)


@router.post("/documents/{int:document_id}/confirm", response={201: ConfirmOut},
             summary="Xác nhận nhiệm vụ và giao việc", operation_id="directives_document_confirm",
             description="Create the tasks of the reviewed proposal and one assignment per unit (groups fan out to "
                         "the units valid on the document date). Optionally send `tasks` to save them first. All or "
                         "nothing: every problem is listed in `fields.tasks` and nothing is written.")
@scoped_view(Document)
def confirm_document(request: HttpRequest, document_id: int, payload: ConfirmIn | None = None):
    document = _changeable(request, document_id)
    if payload is not None and payload.tasks is not None:
        # Saved on its own first, as the review page does: a refused confirmation keeps the corrections.
        document = services.document_review_save(actor=request.auth, document=document,
                                                 tasks=_tasks(payload.tasks))
    created = services.document_confirm(actor=request.auth, document=document)
    return Status(201, {"document_id": document.pk, "tasks": created,
                        "assignments": Assignment.objects.filter(task__in=created).count()})


def _tasks(items: list[Any]) -> list[dict[str, Any]]:
    """The page's reading of the review form: an entry with a choice but no name takes the target's name;
    an entry with neither is dropped."""
    from ..services.proposals import parse_choice

    tasks = []
    for item in items:
        task = item.dict()
        for role in ("leads", "coordinators"):
            entries = []
            for entry in task[role]:
                if not entry["name"].strip():
                    target = parse_choice(entry["choice"])
                    if target is None:
                        continue
                    entry["name"] = target.name
                entries.append(entry)
            task[role] = entries
        tasks.append(task)
    return tasks


@router.get("/documents/{int:document_id}/tracking", response=TrackingOut, summary="Số liệu theo dõi văn bản",
            operation_id="directives_document_tracking",
            description="The tracking board's figures: assignments per state for the document, for each task and "
                        "for each unit, over the assignments the caller may see (the same counts as the page).")
@scoped_view(Document)
def document_tracking(request: HttpRequest, document_id: int):
    document = selectors.document_get(user=request.auth, pk=document_id)
    board = selectors.document_board(document=document, user=request.auth)

    def cells(row: dict[str, Any]) -> dict[str, Any]:
        return {"total": row["total"], "counts": {c["state"].value: c["n"] for c in row["cells"]}}

    return {"document_id": document.pk, "on": board["on"], "total": cells(board["total"]),
            "tasks": [{"task_id": r["task"].pk, "no": r["task"].no, **cells(r)} for r in board["tasks"]],
            "units": [{"unit_id": r["unit"].pk, "unit_name": r["unit"].name, "reviewed_on": r["reviewed_on"],
                       **cells(r)} for r in board["units"]]}
