"""Every write of the directives app, for the write matrix (tests/test_permission_matrix.py).

The oracles below are the rules written out by hand, from usernames, so that a rule loosened in
directives/permissions.py is caught here instead of being copied:
- a document is registered as issued by a body by that body's own users, or by a document manager
  (Ban Dân vận / Ban Tuyên giáo, clerks) as an incoming document;
- a document is changed (header, review) by its registrar, its issuer's users, Ban Dân vận or the
  administrator;
- a report is written by the assigned unit (or the administrator on its behalf) and judged by Ban Dân vận,
  Thường trực, the administrator or the issuing unit, never by its author or the unit it reports for;
- the urge is Ban Dân vận's (and the administrator's);
- dissemination sessions are recorded by the boards for any unit and by a unit for itself.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from sohoi.core.models import Notification
from sohoi.directives.dissemination.models import DisseminationSession
from sohoi.directives.models import Assignment, DeadlineRule, Document, ProgressReport
from sohoi.orgs.models import Unit
from tests.permission_matrix import Operation

BOARDS = {"dandan", "tuyengiao"}  # document managers among the demo users
REGISTRAR = {"dandan", "quantri"}  # change any visible document
REVIEWERS = {"dandan", "thuongtruc", "quantri"}
ORGANISERS = {"dandan", "tuyengiao", "quantri"}


def _letter(issuer_line: str, code: str, place: str) -> str:
    return (f"{issuer_line}\n*\nSố {code}\nV/v rà soát các hội quần chúng năm 2014\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
            f"{place}, ngày 06 tháng 01 năm 2014\n\n1 - Ban Dân vận rà soát các hội, báo cáo trước ngày 28/02/2014.\n\n"
            "Nơi nhận:\n- Lưu\n")


UPLOADS = [
    {"code": "901-CV/TU", "direction": "incoming", "text": _letter("THÀNH ỦY CẦN THƠ", "901-CV/TU", "Cần Thơ"),
     "may": BOARDS},
    {"code": "902-KH/QU", "direction": "outgoing",
     "text": _letter("QUẬN ỦY NINH KIỀU", "902-KH/QU", "Ninh Kiều"), "may": {"quanuy.ninhkieu"}},
]


def _upload_files(target: dict[str, Any]) -> dict[str, Any]:
    return {"file": SimpleUploadedFile("vanban.txt", target["text"].encode(), content_type="text/plain")}


def _document(code: str) -> Document:
    return Document.objects.get(code=code, is_stub=False)


def _document_payload(doc: Document) -> dict[str, Any]:
    fields = ["code", "number", "symbol", "doc_type", "system", "issuer_name", "place", "signer_name",
              "signer_title", "direction", "incoming_no", "urgency", "secrecy"]
    data = {name: getattr(doc, name) or "" for name in fields}
    data.update({"issuer": doc.issuer_id or "", "parent": doc.parent_id or "", "version": doc.version,
                 "date": doc.date.isoformat() if doc.date else "",
                 "received_on": doc.received_on.isoformat() if doc.received_on else "",
                 "subject": doc.subject + " (đã hiệu đính)"})
    return data


def _may_change(doc: Document) -> set[str]:
    by_code = {"752-CV/TU": {"dandan"}, "45-KH/QU": {"quanuy.ninhkieu"}}
    return REGISTRAR | by_code[doc.code]


def _proposal_target() -> Document:
    from sohoi.directives.services import document_register

    doc, _created = document_register(actor=None, text=_letter("QUẬN ỦY NINH KIỀU", "903-KH/QU", "Ninh Kiều"),
                                      meta={"direction": "outgoing"})
    return doc


def _review_payload(doc: Document) -> dict[str, Any]:
    hkh = Unit.objects.get(name="Hội Khuyến học quận Ninh Kiều")
    return {"count": 1, "t0-no": "1", "t0-text": "Rà soát các hội trên địa bàn quận.", "t0-include": "on",
            "t0-deadline": "2014-02-28", "t0-recurrence": "", "t0-lead0-name": hkh.name,
            "t0-lead0-choice": f"unit:{hkh.pk}", "action": "save"}


def _submitted_reports() -> list[ProgressReport]:
    from sohoi.directives.services import progress_report_submit

    city = ProgressReport.objects.get(status="submitted", assignment__unit__name="Hội Khuyến học thành phố Cần Thơ")
    plan_task = Assignment.objects.filter(task__document__code="45-KH/QU", task__no="3").get()
    district = progress_report_submit(actor=None, assignment=plan_task, text="Đã sơ kết một năm (bản giấy).")
    return [city, district]


def _may_review(report: ProgressReport) -> set[str]:
    issuer_users = {"45-KH/QU": {"quanuy.ninhkieu"}}.get(report.assignment.task.document.code, set())
    return REVIEWERS | issuer_users


def _open_assignments() -> list[Assignment]:
    return [Assignment.objects.get(task__document__code="752-CV/TU", task__no="1", unit__name="Huyện ủy Phong Điền"),
            Assignment.objects.get(task__document__code="752-CV/TU", task__no="4", unit__name="Sở Nội vụ")]


def _may_report(name: str, user: Any, assignment: Assignment) -> bool:
    """The assigned unit's own users (the department has several officers), or the administrator."""
    return name == "quantri" or (user.unit is not None and user.unit.name == assignment.unit.name)


def _sessions() -> list[DisseminationSession]:
    return [DisseminationSession.objects.filter(unit__name="Huyện ủy Phong Điền").order_by("pk").first(),
            DisseminationSession.objects.filter(unit__name__startswith="Đảng ủy Khối Cơ quan").order_by("pk").first()]


def _session_payload(session: DisseminationSession) -> dict[str, Any]:
    data = {name: getattr(session, name) for name in (
        "form", "materials", "note", "planned_cadres", "actual_cadres", "planned_party", "actual_party",
        "planned_members", "actual_members", "planned_others", "actual_others")}
    data.update({"held_on": session.held_on.isoformat(), "title": session.title + " (bổ sung)",
                 "version": session.version})
    return data


def _may_edit_session(session: DisseminationSession) -> set[str]:
    own = {"Huyện ủy Phong Điền": {"huyenuy.phongdien"}}.get(session.unit.name, set())
    return ORGANISERS | own


def _new_session_payload(target: Any) -> dict[str, Any]:
    unit = Unit.objects.get(name="Quận ủy Ninh Kiều")
    return {"unit": unit.pk, "held_on": "2012-12-05", "form": "conference", "title": "Hội nghị quán triệt bổ sung",
            "planned_cadres": 40, "actual_cadres": 38}


def _urge_counts(_target: Any) -> int:
    return Notification.objects.filter(kind__startswith="directives.").count()


def _letter752() -> list[Document]:
    return [Document.objects.get(code="752-CV/TU")]


def _reports_of(assignment: Assignment) -> int:
    return ProgressReport.objects.filter(assignment=assignment).count()


def _sessions_of_ninh_kieu(_doc: Any) -> int:
    return DisseminationSession.objects.filter(unit__name="Quận ủy Ninh Kiều").count()


REPORT_BODY = {"text": "Đã triển khai; kết quả bước đầu như sau.", "percent": 70, "milestone": "Quán triệt xong"}

OPERATIONS = [
    Operation(
        name="directives.document_upload (page)", route="directives:document_upload",
        url=lambda t: "/van-ban/tai-len/", targets=lambda: UPLOADS,
        payload=lambda t: {"direction": t["direction"], "urgency": "normal", "secrecy": "normal"},
        files=_upload_files, audit_target=False,
        allowed=lambda name, user, t: name in t["may"],
        state=lambda t: Document.objects.filter(code=t["code"]).count(), action="directives.document.registered"),
    Operation(
        name="directives.document_edit (page)", route="directives:document_edit",
        url=lambda d: f"/van-ban/{d.pk}/sua/", targets=lambda: [_document("752-CV/TU"), _document("45-KH/QU")],
        payload=_document_payload, allowed=lambda name, user, d: name in _may_change(d),
        state=lambda d: Document.objects.get(pk=d.pk).subject, action="directives.document.updated"),
    Operation(
        name="directives.document_review (page)", route="directives:document_review",
        url=lambda d: f"/van-ban/{d.pk}/duyet/", targets=lambda: [_proposal_target()],
        payload=_review_payload,
        allowed=lambda name, user, d: name in REGISTRAR | {"quanuy.ninhkieu"},
        state=lambda d: Document.objects.get(pk=d.pk).proposal, action="directives.document.review_saved"),
    Operation(
        name="directives.report_review (page)", route="directives:report_review",
        url=lambda r: f"/van-ban/bao-cao/{r.pk}/xem-xet/", targets=_submitted_reports,
        payload=lambda r: {"action": "accept", "comment": "Đạt yêu cầu."},
        allowed=lambda name, user, r: name in _may_review(r),
        state=lambda r: ProgressReport.objects.get(pk=r.pk).status, action="directives.report.accepted"),
    Operation(
        name="directives.report_accept (API)", route="POST /api/v1/directives/reports/{report_id}/accept", api=True,
        url=lambda r: f"/api/v1/directives/reports/{r.pk}/accept", targets=_submitted_reports,
        payload=lambda r: {"comment": "Đạt."}, allowed=lambda name, user, r: name in _may_review(r),
        state=lambda r: ProgressReport.objects.get(pk=r.pk).status, action="directives.report.accepted"),
    Operation(
        name="directives.report_return (API)", route="POST /api/v1/directives/reports/{report_id}/return", api=True,
        url=lambda r: f"/api/v1/directives/reports/{r.pk}/return", targets=_submitted_reports,
        payload=lambda r: {"comment": "Bổ sung số liệu từng xã."}, allowed=lambda name, user, r: name in _may_review(r),
        state=lambda r: ProgressReport.objects.get(pk=r.pk).status, action="directives.report.returned"),
    Operation(
        name="directives.report_submit (page)", route="directives:assignment_detail",
        url=lambda a: f"/van-ban/giao-viec/{a.pk}/", targets=_open_assignments,
        payload=lambda a: dict(REPORT_BODY), allowed=_may_report,
        state=_reports_of, action="directives.report.submitted", audit_target=False),
    Operation(
        name="directives.report_submit (API)",
        route="POST /api/v1/directives/assignments/{assignment_id}/reports", api=True,
        url=lambda a: f"/api/v1/directives/assignments/{a.pk}/reports", targets=_open_assignments,
        payload=lambda a: dict(REPORT_BODY), allowed=_may_report,
        state=_reports_of, action="directives.report.submitted", audit_target=False),
    Operation(
        name="directives.urge (page)", route="directives:urge", url=lambda u: "/van-ban/don-doc/",
        targets=lambda: [Unit.objects.get(name="Ban Dân vận Thành ủy")], payload=lambda u: {"unit": u.pk},
        allowed=lambda name, user, u: name in {"dandan", "quantri"}, state=_urge_counts,
        action="directives.assignment.urged", audit_target=False),
    Operation(
        name="directives.dissemination_urge (page)", route="directives:dissemination_urge",
        url=lambda d: f"/van-ban/{d.pk}/quan-triet/nhac/", targets=_letter752, payload=lambda d: {},
        allowed=lambda name, user, d: name in {"dandan", "quantri"}, state=_urge_counts,
        action="directives.dissemination.urged"),
    Operation(
        name="directives.dissemination_add (page)", route="directives:dissemination_add",
        url=lambda d: f"/van-ban/{d.pk}/quan-triet/them/", targets=_letter752, payload=_new_session_payload,
        allowed=lambda name, user, d: name in ORGANISERS | {"quanuy.ninhkieu"}, state=_sessions_of_ninh_kieu,
        action="directives.dissemination.recorded", audit_target=False),
    Operation(
        name="directives.dissemination_add (API)", route="POST /api/v1/directives/dissemination-sessions", api=True,
        url=lambda d: "/api/v1/directives/dissemination-sessions", targets=_letter752,
        payload=lambda d: {**_new_session_payload(d), "document_id": d.pk,
                           "unit_id": Unit.objects.get(name="Quận ủy Ninh Kiều").pk},
        allowed=lambda name, user, d: name in ORGANISERS | {"quanuy.ninhkieu"}, state=_sessions_of_ninh_kieu,
        action="directives.dissemination.recorded", audit_target=False),
    Operation(
        name="directives.dissemination_edit (page)", route="directives:dissemination_edit",
        url=lambda s: f"/van-ban/quan-triet/{s.pk}/sua/", targets=_sessions, payload=_session_payload,
        allowed=lambda name, user, s: name in _may_edit_session(s),
        state=lambda s: DisseminationSession.objects.get(pk=s.pk).title, action="directives.dissemination.updated"),
]


# The default task deadlines: the administrator only (directives.edit_deadline_rules). A new row for a type with
# no demo row, so that it overlaps nothing; the edit targets the demo row of "thông báo".

def _notice_rule() -> list[DeadlineRule]:
    return [DeadlineRule.objects.get(doc_type="thong_bao", recurrence="")]


def _deadline_rule_payload(r: DeadlineRule) -> dict[str, Any]:
    return {"doc_type": r.doc_type, "recurrence": r.recurrence, "days": 60, "legal_basis": "Quy chế (ma trận)",
            "is_default": "", "valid_from": r.valid_from.isoformat() if r.valid_from else "", "valid_to": "",
            "version": r.version}


def _deadline_rule_state(r: DeadlineRule) -> tuple[Any, ...]:
    fresh = DeadlineRule.objects.get(pk=r.pk)
    return fresh.days, fresh.legal_basis, fresh.version


RULE_OPERATIONS = [
    Operation(
        name="directives.rule_add (page)", route="directives:rule_add", url=lambda t: "/van-ban/thoi-han-mac-dinh/them/",
        targets=lambda: [None], audit_target=False,
        payload=lambda t: {"doc_type": "chi_thi", "recurrence": "", "days": 120, "is_default": "",
                           "legal_basis": "Quy chế (ma trận)", "valid_from": "2000-01-01", "valid_to": ""},
        allowed=lambda name, user, t: name == "quantri", state=lambda t: DeadlineRule.objects.count(),
        action="directives.deadline_rule.created"),
    Operation(
        name="directives.rule_edit (page)", route="directives:rule_edit",
        url=lambda r: f"/van-ban/thoi-han-mac-dinh/{r.pk}/", targets=_notice_rule, payload=_deadline_rule_payload,
        allowed=lambda name, user, r: name == "quantri", state=_deadline_rule_state,
        action="directives.deadline_rule.updated"),
    Operation(
        name="directives.rule_add (API)", route="POST /api/v1/directives/deadline-rules", api=True,
        url=lambda t: "/api/v1/directives/deadline-rules", targets=lambda: [None], audit_target=False,
        payload=lambda t: {"doc_type": "chi_thi", "days": 120, "legal_basis": "Quy chế (API)",
                           "valid_from": "2000-01-01"},
        allowed=lambda name, user, t: name == "quantri", state=lambda t: DeadlineRule.objects.count(),
        action="directives.deadline_rule.created"),
    Operation(
        name="directives.rule_edit (API)", route="PATCH /api/v1/directives/deadline-rules/{rule_id}", api=True,
        method="PATCH", url=lambda r: f"/api/v1/directives/deadline-rules/{r.pk}", targets=_notice_rule,
        payload=lambda r: {"days": 60, "legal_basis": "Quy chế (API)", "version": r.version},
        allowed=lambda name, user, r: name == "quantri", state=_deadline_rule_state,
        action="directives.deadline_rule.updated"),
]

OPERATIONS += RULE_OPERATIONS


# API operations added for parity with the pages (directives/parity.py) ----------------------------------

def _attachment(_target: Any) -> dict[str, Any]:
    return {"files": SimpleUploadedFile("bien-ban.txt", "Biên bản hội nghị (mẫu)".encode(), content_type="text/plain")}


def _proposal_tasks(_doc: Document) -> list[dict[str, Any]]:
    hkh = Unit.objects.get(name="Hội Khuyến học quận Ninh Kiều")
    return [{"no": "1", "text": "Rà soát các hội trên địa bàn quận.", "include": True, "deadline": "2014-02-28",
             "recurrence": "", "leads": [{"name": hkh.name, "choice": f"unit:{hkh.pk}"}], "coordinators": []}]


def _confirmed(doc: Document) -> tuple[Any, int]:
    fresh = Document.objects.get(pk=doc.pk)
    return fresh.confirmed_at, fresh.tasks.count()


API_OPERATIONS = [
    Operation(
        name="directives.document_upload (API)", route="POST /api/v1/directives/documents/upload",
        url=lambda t: "/api/v1/directives/documents/upload", targets=lambda: UPLOADS,
        payload=lambda t: {"direction": t["direction"], "urgency": "normal", "secrecy": "normal"},
        files=_upload_files, audit_target=False,  # multipart: sent as a form, as the upload page is
        allowed=lambda name, user, t: name in t["may"],
        state=lambda t: Document.objects.filter(code=t["code"]).count(), action="directives.document.registered"),
    Operation(
        name="directives.document_register_text (API)", route="POST /api/v1/directives/documents", api=True,
        url=lambda t: "/api/v1/directives/documents", targets=lambda: UPLOADS,
        payload=lambda t: {"text": t["text"], "direction": t["direction"]}, audit_target=False,
        allowed=lambda name, user, t: name in t["may"],
        state=lambda t: Document.objects.filter(code=t["code"]).count(), action="directives.document.registered"),
    Operation(
        name="directives.document_update (API)", route="PATCH /api/v1/directives/documents/{document_id}", api=True,
        method="PATCH", url=lambda d: f"/api/v1/directives/documents/{d.pk}",
        targets=lambda: [_document("752-CV/TU"), _document("45-KH/QU")],
        payload=lambda d: {"subject": d.subject + " (đã hiệu đính)", "version": d.version},
        allowed=lambda name, user, d: name in _may_change(d),
        state=lambda d: Document.objects.get(pk=d.pk).subject, action="directives.document.updated"),
    Operation(
        name="directives.proposal_save (API)", route="PUT /api/v1/directives/documents/{document_id}/proposal",
        api=True, method="PUT", url=lambda d: f"/api/v1/directives/documents/{d.pk}/proposal",
        targets=lambda: [_proposal_target()], payload=lambda d: {"tasks": _proposal_tasks(d)},
        allowed=lambda name, user, d: name in REGISTRAR | {"quanuy.ninhkieu"},
        state=lambda d: Document.objects.get(pk=d.pk).proposal, action="directives.document.review_saved"),
    Operation(
        name="directives.document_confirm (API)", route="POST /api/v1/directives/documents/{document_id}/confirm",
        api=True, url=lambda d: f"/api/v1/directives/documents/{d.pk}/confirm",
        targets=lambda: [_proposal_target()], payload=lambda d: {"tasks": _proposal_tasks(d)},
        allowed=lambda name, user, d: name in REGISTRAR | {"quanuy.ninhkieu"},
        state=_confirmed, action="directives.document."),
    Operation(
        name="directives.report_submit_files (API)",
        route="POST /api/v1/directives/assignments/{assignment_id}/reports/upload",
        url=lambda a: f"/api/v1/directives/assignments/{a.pk}/reports/upload", targets=_open_assignments,
        payload=lambda a: dict(REPORT_BODY), files=_attachment, allowed=_may_report,  # multipart, as the page
        state=_reports_of, action="directives.report.submitted", audit_target=False),
    Operation(
        name="directives.urge (API)", route="POST /api/v1/directives/urge", api=True,
        url=lambda u: "/api/v1/directives/urge", targets=lambda: [Unit.objects.get(name="Ban Dân vận Thành ủy")],
        payload=lambda u: {"unit_id": u.pk}, allowed=lambda name, user, u: name in {"dandan", "quantri"},
        state=_urge_counts, action="directives.assignment.urged", audit_target=False),
    Operation(
        name="directives.dissemination_urge (API)",
        route="POST /api/v1/directives/documents/{document_id}/dissemination/urge", api=True,
        url=lambda d: f"/api/v1/directives/documents/{d.pk}/dissemination/urge", targets=_letter752,
        payload=lambda d: {}, allowed=lambda name, user, d: name in {"dandan", "quantri"}, state=_urge_counts,
        action="directives.dissemination.urged"),
    Operation(
        name="directives.dissemination_edit (API)",
        route="PATCH /api/v1/directives/dissemination-sessions/{session_id}", api=True, method="PATCH",
        url=lambda s: f"/api/v1/directives/dissemination-sessions/{s.pk}", targets=_sessions,
        payload=lambda s: {"title": s.title + " (bổ sung)", "version": s.version},
        allowed=lambda name, user, s: name in _may_edit_session(s),
        state=lambda s: DisseminationSession.objects.get(pk=s.pk).title, action="directives.dissemination.updated"),
]

OPERATIONS += API_OPERATIONS
