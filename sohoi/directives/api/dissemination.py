"""Dissemination sessions (quán triệt): list, read, record, edit; a document's coverage; the reminder to
units that have not disseminated it."""

from django.http import HttpRequest
from ninja import Query, Status
from ninja.pagination import paginate

from sohoi.core.scoping import CHANGE, scoped_view
from sohoi.orgs.models import Unit

from .. import selectors
from ..dissemination import selectors as dissemination_selectors
from ..dissemination import services as dissemination_services
from ..dissemination.models import DisseminationSession
from ..models import Document
from . import router
from .schemas import CoverageOut, SessionFilters, SessionIn, SessionOut, SessionPatchIn, UrgeOut


@router.get("/dissemination-sessions", response=list[SessionOut], summary="Buổi quán triệt",
            operation_id="directives_session_list", description="Dissemination sessions in the caller's scope.")
@paginate
def list_sessions(request: HttpRequest, filters: Query[SessionFilters]):
    return dissemination_selectors.session_list(user=request.auth, filters=filters.dict())


@router.get("/dissemination-sessions/{int:session_id}", response=SessionOut, summary="Một buổi quán triệt",
            operation_id="directives_session_get", description="One dissemination session.")
@scoped_view(DisseminationSession)
def get_session(request: HttpRequest, session_id: int):
    return dissemination_selectors.session_get(user=request.auth, pk=session_id)


@router.post("/dissemination-sessions", response={201: SessionOut}, summary="Ghi buổi quán triệt",
             operation_id="directives_session_record",
             description="Record that a unit disseminated a document: a unit records its own sessions (and those "
                         "of units under it), the organising boards any unit's.")
def create_session(request: HttpRequest, payload: SessionIn):
    document = selectors.document_get(user=request.auth, pk=payload.document_id)
    unit = Unit.objects.filter(pk=payload.unit_id).first()
    data = payload.dict(exclude={"document_id", "unit_id"})
    session = dissemination_services.session_record(actor=request.auth, document=document, unit=unit, data=data)
    return Status(201, session)


@router.patch("/dissemination-sessions/{int:session_id}", response=SessionOut, summary="Sửa buổi quán triệt",
              operation_id="directives_session_update",
              description="Edit a session as its page does (only the fields sent change; send the `version` you "
                          "read). A session outside what the caller may change answers 404. Sessions are not "
                          "deleted: neither the page nor the API offers it.")
@scoped_view(DisseminationSession)
def update_session(request: HttpRequest, session_id: int, payload: SessionPatchIn):
    session = dissemination_selectors.session_get(user=request.auth, pk=session_id, action=CHANGE)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    # null empties a text field (as an emptied form field); a null count is 0 (the service's reading)
    data = {k: ("" if v is None and k in ("form", "title", "materials", "note") else v) for k, v in data.items()}
    dissemination_services.session_update(actor=request.auth, session=session, data=data, expected_version=version)
    return dissemination_selectors.session_get(user=request.auth, pk=session.pk)


@router.get("/documents/{int:document_id}/dissemination", response=CoverageOut,
            summary="Tình hình quán triệt một văn bản", operation_id="directives_dissemination_coverage",
            description="Which units in the document's scope held a session, with attendance totals.")
@scoped_view(Document)
def document_dissemination(request: HttpRequest, document_id: int):
    document = selectors.document_get(user=request.auth, pk=document_id)
    data = dissemination_selectors.coverage(document=document, user=request.auth)
    rows = [{"unit_id": r["unit"].pk, "unit_name": r["unit"].name, "held": r["held"],
             "sessions": [s.pk for s in r["sessions"]], "actual": r["actual"], "membership": r["membership"],
             "members_reach": r["members_reach"], "totals": r["totals"]} for r in data["rows"]]
    return {**{k: data[k] for k in ("in_scope", "held", "not_held", "sessions", "actual", "membership",
                                 "members_reach", "totals")},
            "document_id": document.pk, "rows": rows}


@router.post("/documents/{int:document_id}/dissemination/urge", response=UrgeOut,
             summary="Nhắc các đơn vị chưa quán triệt", operation_id="directives_dissemination_urge",
             description="Remind every unit in scope that has not disseminated the document (once per unit and "
                         "document); 400 when nobody is left to remind.")
@scoped_view(Document)
def dissemination_urge(request: HttpRequest, document_id: int):
    document = selectors.document_get(user=request.auth, pk=document_id)
    return {"sent": dissemination_services.dissemination_urge(actor=request.auth, document=document)}
