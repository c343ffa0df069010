"""Every write of the oversight app, for the write matrix (tests/test_permission_matrix.py).

The oracles are the rules written out by hand from the demo (sohoi/oversight/demo.py), never asked of the
permission layer:
- a supervision or a social criticism led by the city Fatherland Front is run by mattran (and the
  administrator quantri); the inspection of 752-CV/TU led by Ban Dân vận Thành ủy by dandan (and quantri);
  nobody else plans, edits, steps, adds team members, files, findings, recommendations or points;
- only a user of the addressed unit itself answers a recommendation and reports on it (quanuy.ninhkieu for
  Quận ủy Ninh Kiều, huyenuy.phongdien for Huyện ủy Phong Điền, hoi.chuthapdo for Hội Chữ thập đỏ thành phố);
- comments on a draft come from participants with a unit: the Front (lead) and Hội Khuyến học thành phố
  (participant), hoi.khuyenhoc;
- a criticism point is marked by the criticised body (ubnd: the city People's Committee), the lead (mattran) or
  quantri;
- a finding becomes a task only by the lead of the inspection with a unit to issue from: dandan;
- coordination programmes: mattran and quantri;
- the rule table of response deadlines: quantri only (as the associations' legal rules).
"""

from __future__ import annotations

import base64
import datetime
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sohoi.directives.models import Document
from sohoi.orgs.models import Unit
from sohoi.oversight import services
from sohoi.oversight.models import Activity, CriticismPoint, Finding, OversightRule, Programme, Recommendation
from tests.permission_matrix import Operation

ADMIN = "quantri"
FRONT = "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ"
KH = "Hội Khuyến học thành phố Cần Thơ"
TODAY = datetime.date.today()
TEXT = b"KE HOACH GIAM SAT\n\nNoi dung: giam sat viec thuc hien chinh sach doi voi hoi.\n\nThoi gian: quy II."


def _unit(name: str) -> Unit:
    return Unit.objects.get(name=name)


def _runners(activity: Activity) -> set[str]:
    return {ADMIN, "dandan" if activity.kind == "inspection" else "mattran"}


def _runs(u: str, user: Any, activity: Activity) -> bool:
    return u in _runners(activity)


def _by_subject(prefix: str) -> Activity:
    return Activity.objects.get(subject__startswith=prefix)


def _open() -> list[Activity]:
    """A supervision under way and the (concluded) inspection."""
    return [_by_subject("Giám sát thường xuyên"), _by_subject("Kiểm tra việc thực hiện")]


def _concluded() -> list[Activity]:
    return [_by_subject("Phản biện xã hội dự thảo"), _by_subject("Kiểm tra việc thực hiện")]


def _criticism() -> list[Activity]:
    return [_by_subject("Phản biện xã hội dự thảo")]


def _fresh_criticism(with_draft: bool):
    def targets() -> list[Activity]:
        act = services.activity_create(actor=None, data={
            "kind": "criticism", "subject": f"Phản biện dự thảo (ma trận {with_draft})", "lead_unit": _unit(FRONT),
            "participants": [_unit(KH)], "examined": [_unit("Ủy ban nhân dân thành phố Cần Thơ")],
            "planned_start": TODAY, "planned_end": TODAY + datetime.timedelta(days=30)})
        if with_draft:
            services.draft_upload(actor=None, activity=act, name="du-thao.txt", data=TEXT)
        return [Activity.objects.get(pk=act.pk)]

    return targets


def _letter() -> Document:
    return Document.objects.get(code="752-CV/TU")


def _kinds() -> list[str]:
    return ["supervision", "inspection"]


def _new_activity(kind: str, api: bool = False) -> dict[str, Any]:
    lead = _unit(FRONT) if kind == "supervision" else _unit("Ban Dân vận Thành ủy")
    data = {"kind": kind, "form": "thematic" if kind == "supervision" else "", "subject": f"Hoạt động mới (ma trận) {kind}",
            "planned_start": "2026-12-01", "planned_end": "2026-12-20", "method": "Làm việc trực tiếp"}
    examined = [_unit("Quận ủy Ninh Kiều").pk]
    document = _letter().pk if kind == "inspection" else None
    if api:
        return {**data, "lead_unit_id": lead.pk, "examined_ids": examined, "document_id": document}
    return {**data, "lead_unit": lead.pk, "examined": examined, "participants": [], "legal_basis": "",
            "document": document or "", "draft_title": ""}


def _may_create(u: str, kind: str) -> bool:
    return u == ADMIN or u == ("mattran" if kind == "supervision" else "dandan")


def _edit_form(a: Activity) -> dict[str, Any]:
    return {"kind": a.kind, "form": a.form, "subject": a.subject, "lead_unit": a.lead_unit_id,
            "participants": [u.pk for u in a.participants.all()], "examined": [u.pk for u in a.examined.all()],
            "legal_basis": a.legal_basis_id or "", "document": a.document_id or "",
            "planned_start": a.planned_start.isoformat(), "planned_end": a.planned_end.isoformat(),
            "method": "Phương pháp đã sửa (ma trận)", "draft_title": a.draft_title, "version": a.version}


def _unanswered() -> list[Recommendation]:
    """The overdue recommendation to Quận ủy Ninh Kiều, and a new one to Hội Chữ thập đỏ thành phố."""
    s1 = _by_subject("Giám sát việc thực hiện chính sách")
    extra = services.recommendation_add(actor=None, activity=s1, addressee=_unit("Hội Chữ thập đỏ thành phố Cần Thơ"),
                                        text="Kiến nghị thêm (ma trận)")
    return [s1.recommendations.get(addressee__name="Quận ủy Ninh Kiều"), extra]


def _answered() -> list[Recommendation]:
    s1 = _by_subject("Giám sát việc thực hiện chính sách")
    return list(s1.recommendations.filter(answered_on__isnull=False).order_by("pk"))


ANSWERER = {"Quận ủy Ninh Kiều": "quanuy.ninhkieu", "Huyện ủy Phong Điền": "huyenuy.phongdien",
            "Hội Chữ thập đỏ thành phố Cần Thơ": "hoi.chuthapdo"}


def _answers(u: str, user: Any, r: Recommendation) -> bool:
    return ANSWERER[r.addressee.name] == u


def _points() -> list[CriticismPoint]:
    return list(CriticismPoint.objects.filter(activity=_criticism()[0]).order_by("pk"))


def _open_findings() -> list[Finding]:
    return list(Finding.objects.filter(activity__kind="inspection", task__isnull=True))


def _programmes() -> list[Programme]:
    return list(Programme.objects.all())


def _new_programme(api: bool = False) -> dict[str, Any]:
    data = {"title": "Chương trình phối hợp (ma trận)", "start_year": 2026, "end_year": 2030, "content": ""}
    if api:
        return {**data, "lead_unit_id": _unit(FRONT).pk, "party_ids": [_unit(KH).pk]}
    return {**data, "lead_unit": _unit(FRONT).pk, "parties": [_unit(KH).pk]}


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _page(name: str, route: str, **kw: Any) -> Operation:
    return Operation(name=f"oversight.{name} (page)", route=f"oversight:{route}",
                     url=lambda t, r=route: reverse(f"oversight:{r}", args=[t.pk]), **kw)


def _api(name: str, path: str, **kw: Any) -> Operation:
    return Operation(name=f"oversight.{name} (API)", route=f"{kw.pop('method', 'POST')} /api/v1/oversight/{path}",
                     api=True, url=lambda t, p=path: "/api/v1/oversight/" + p.split("{")[0] + (
                         f"{t.pk}" + p.split("}")[1] if "{" in p else ""), **kw)


def _count(related: str):
    return lambda t: getattr(Activity.objects.get(pk=t.pk), related).count()


def _inspection_rule() -> list[OversightRule]:
    return [OversightRule.objects.get(code="inspection_answer_days")]


def _rule_payload(r: OversightRule) -> dict[str, Any]:
    return {"code": r.code, "days": 45, "legal_basis": "Quy định của Thành ủy (ma trận)", "is_default": "",
            "valid_from": r.valid_from.isoformat() if r.valid_from else "", "valid_to": "", "version": r.version}


OPERATIONS = [
    Operation(name="oversight.create (page)", route="oversight:activity_add",
              url=lambda k: reverse("oversight:activity_add"), targets=_kinds, payload=_new_activity,
              allowed=lambda u, user, k: _may_create(u, k), state=lambda k: Activity.objects.count(),
              action="oversight.activity.created", audit_target=False),
    Operation(name="oversight.create (API)", route="POST /api/v1/oversight/activities", api=True,
              url=lambda k: "/api/v1/oversight/activities", targets=_kinds, payload=lambda k: _new_activity(k, True),
              allowed=lambda u, user, k: _may_create(u, k), state=lambda k: Activity.objects.count(),
              action="oversight.activity.created", audit_target=False),
    _page("edit", "activity_edit", targets=_open, payload=_edit_form, allowed=_runs,
          state=lambda a: (a.method, a.version), action="oversight.activity.updated"),
    Operation(name="oversight.edit (API)", route="PATCH /api/v1/oversight/activities/{activity_id}", api=True,
              method="PATCH", url=lambda a: f"/api/v1/oversight/activities/{a.pk}", targets=_open,
              payload=lambda a: {"method": "Phương pháp (API)", "version": a.version}, allowed=_runs,
              state=lambda a: (a.method, a.version), action="oversight.activity.updated"),
    _page("step", "activity_step", targets=_concluded, payload=lambda a: {"step": "reopen"},
          allowed=_runs, state=lambda a: (a.state, a.version), action="oversight.activity.reopen"),
    _api("step", "activities/{activity_id}/transitions", targets=_concluded, payload=lambda a: {"step": "reopen"},
         allowed=_runs, state=lambda a: (a.state, a.version), action="oversight.activity.reopen"),
    _page("team", "team_add", targets=_open, payload=lambda a: {"name": "Thành viên (ma trận)", "role": "member"},
          allowed=_runs, state=_count("team"), action="oversight.team_member.added", audit_target=False),
    _api("team", "activities/{activity_id}/team", targets=_open,
         payload=lambda a: {"name": "Thành viên (ma trận)", "role": "member"},
         allowed=_runs, state=_count("team"), action="oversight.team_member.added", audit_target=False),
    _page("attachment", "attachment_add", targets=_open, payload=lambda a: {"kind": "plan"},
          files=lambda a: {"file": SimpleUploadedFile("ke-hoach.txt", TEXT, content_type="text/plain")},
          allowed=_runs, state=_count("attachments"), action="oversight.attachment.added", audit_target=False),
    _api("attachment", "activities/{activity_id}/attachments", targets=_open,
         payload=lambda a: {"kind": "plan", "name": "ke-hoach.txt", "content_base64": _b64(TEXT)},
         allowed=_runs, state=_count("attachments"), action="oversight.attachment.added", audit_target=False),
    _page("conclusion", "conclusion", targets=_open, payload=lambda a: {"conclusion": "Kết luận (ma trận)"},
          allowed=_runs, state=lambda a: (a.conclusion, a.version), action="oversight.activity.conclusion_saved"),
    _api("conclusion", "activities/{activity_id}/conclusion", targets=_open,
         payload=lambda a: {"conclusion": "Kết luận (API)"},
         allowed=_runs, state=lambda a: (a.conclusion, a.version), action="oversight.activity.conclusion_saved"),
    _page("finding", "finding_add", targets=_open, payload=lambda a: {"text": "Phát hiện (ma trận)", "unit": ""},
          allowed=_runs, state=_count("findings"), action="oversight.finding.added", audit_target=False),
    _api("finding", "activities/{activity_id}/findings", targets=_open, payload=lambda a: {"text": "Phát hiện (API)"},
         allowed=_runs, state=_count("findings"), action="oversight.finding.added", audit_target=False),
    _page("recommend", "recommendation_add", targets=_open,
          payload=lambda a: {"text": "Kiến nghị (ma trận)", "addressee": _unit("Quận ủy Ninh Kiều").pk, "due": ""},
          allowed=_runs, state=_count("recommendations"), action="oversight.recommendation.added", audit_target=False),
    _api("recommend", "activities/{activity_id}/recommendations", targets=_open,
         payload=lambda a: {"text": "Kiến nghị (API)", "addressee_id": _unit("Quận ủy Ninh Kiều").pk},
         allowed=_runs, state=_count("recommendations"), action="oversight.recommendation.added", audit_target=False),
    _page("point", "point_add", targets=_criticism, payload=lambda a: {"text": "Ý kiến (ma trận)", "paragraph": 3},
          allowed=_runs, state=_count("points"), action="oversight.point.added", audit_target=False),
    _api("point", "activities/{activity_id}/points", targets=_criticism,
         payload=lambda a: {"text": "Ý kiến (API)", "paragraph": 3},
         allowed=_runs, state=_count("points"), action="oversight.point.added", audit_target=False),
    _page("draft", "draft_upload", targets=_fresh_criticism(False), payload=lambda a: {"draft_title": "Dự thảo"},
          files=lambda a: {"draft_file": SimpleUploadedFile("du-thao.txt", TEXT, content_type="text/plain")},
          allowed=_runs, state=lambda a: (a.draft_paragraphs, a.version), action="oversight.activity.draft_uploaded"),
    _api("draft", "activities/{activity_id}/draft", targets=_fresh_criticism(False),
         payload=lambda a: {"name": "du-thao.txt", "content_base64": _b64(TEXT), "title": "Dự thảo"},
         allowed=_runs, state=lambda a: (a.draft_paragraphs, a.version), action="oversight.activity.draft_uploaded"),
    _page("comment", "comment_add", targets=_fresh_criticism(True), payload=lambda a: {"paragraph": 2, "text": "Góp ý"},
          allowed=lambda u, user, a: u in ("mattran", "hoi.khuyenhoc"), state=_count("comments"),
          action="oversight.comment.added", audit_target=False),
    _api("comment", "activities/{activity_id}/comments", targets=_fresh_criticism(True),
         payload=lambda a: {"paragraph": 2, "text": "Góp ý (API)"},
         allowed=lambda u, user, a: u in ("mattran", "hoi.khuyenhoc"), state=_count("comments"),
         action="oversight.comment.added", audit_target=False),
    _page("answer", "recommendation_answer", targets=_unanswered,
          payload=lambda r: {"answer": "accepted", "answer_text": ""}, allowed=_answers,
          state=lambda r: (r.answer, r.answered_on), action="oversight.recommendation.answered"),
    _api("answer", "recommendations/{recommendation_id}/answer", targets=_unanswered,
         payload=lambda r: {"answer": "partly", "text": "Một phần (API)"}, allowed=_answers,
         state=lambda r: (r.answer, r.answered_on), action="oversight.recommendation.answered"),
    _page("report", "recommendation_report", targets=_answered, payload=lambda r: {"action_text": "Đã làm (ma trận)"},
          allowed=_answers, state=lambda r: (r.action_text, r.action_on), action="oversight.recommendation.reported"),
    _api("report", "recommendations/{recommendation_id}/report", targets=_answered,
         payload=lambda r: {"text": "Đã làm (API)"}, allowed=_answers,
         state=lambda r: (r.action_text, r.action_on), action="oversight.recommendation.reported"),
    _page("mark_point", "point_mark", targets=_points,
          payload=lambda p: {"outcome": "not_taken_up", "explanation": "Giải trình (ma trận)"},
          allowed=lambda u, user, p: u in ("ubnd", "mattran", ADMIN),
          state=lambda p: (p.outcome, p.explanation), action="oversight.point.marked"),
    _api("mark_point", "points/{point_id}/mark", targets=_points,
         payload=lambda p: {"outcome": "not_taken_up", "explanation": "Giải trình (API)"},
         allowed=lambda u, user, p: u in ("ubnd", "mattran", ADMIN),
         state=lambda p: (p.outcome, p.explanation), action="oversight.point.marked"),
    _page("task_from_finding", "finding_task", targets=_open_findings,
          payload=lambda f: {"due": (TODAY + datetime.timedelta(days=60)).isoformat()},
          allowed=lambda u, user, f: u == "dandan", state=lambda f: f.task_id, action="oversight.finding.task_created"),
    _api("task_from_finding", "findings/{finding_id}/task", targets=_open_findings,
         payload=lambda f: {"due": (TODAY + datetime.timedelta(days=60)).isoformat()},
         allowed=lambda u, user, f: u == "dandan", state=lambda f: f.task_id, action="oversight.finding.task_created"),
    Operation(name="oversight.create_programme (page)", route="oversight:programme_add",
              url=lambda t: reverse("oversight:programme_add"), targets=lambda: [None],
              payload=lambda t: _new_programme(), allowed=lambda u, user, t: u in ("mattran", ADMIN),
              state=lambda t: Programme.objects.count(), action="oversight.programme.created", audit_target=False),
    Operation(name="oversight.create_programme (API)", route="POST /api/v1/oversight/programmes", api=True,
              url=lambda t: "/api/v1/oversight/programmes", targets=lambda: [None],
              payload=lambda t: _new_programme(True), allowed=lambda u, user, t: u in ("mattran", ADMIN),
              state=lambda t: Programme.objects.count(), action="oversight.programme.created", audit_target=False),
    _page("programme_result", "programme_result", targets=_programmes,
          payload=lambda p: {"year": 2026, "results": "Kết quả (ma trận)"}, allowed=lambda u, user, p: u in ("mattran", ADMIN),
          state=lambda p: list(p.results.values_list("year", "results")), action="oversight.programme_result.",
          audit_target=False),
    _api("programme_result", "programmes/{programme_id}/results", targets=_programmes,
         payload=lambda p: {"year": 2026, "results": "Kết quả (API)"}, allowed=lambda u, user, p: u in ("mattran", ADMIN),
         state=lambda p: list(p.results.values_list("year", "results")), action="oversight.programme_result.",
         audit_target=False),
    Operation(name="oversight.rule_add (page)", route="oversight:rule_add",
              url=lambda t: reverse("oversight:rule_add"), targets=lambda: [None],
              payload=lambda t: {"code": "supervision_answer_days", "days": 20, "is_default": "",
                                 "legal_basis": "Quy định cũ (ma trận)", "valid_from": "2000-01-01", "valid_to": "2013-12-31"},
              allowed=lambda u, user, t: u == ADMIN, state=lambda t: OversightRule.objects.count(),
              action="oversight.rule.created", audit_target=False),
    Operation(name="oversight.rule_edit (page)", route="oversight:rule_edit",
              url=lambda r: reverse("oversight:rule_edit", args=[r.pk]), targets=_inspection_rule,
              payload=_rule_payload, allowed=lambda u, user, r: u == ADMIN,
              state=lambda r: (r.days, r.legal_basis, r.version), action="oversight.rule.updated"),
    Operation(name="oversight.rule_add (API)", route="POST /api/v1/oversight/rules", api=True,
              url=lambda t: "/api/v1/oversight/rules", targets=lambda: [None],
              payload=lambda t: {"code": "supervision_answer_days", "days": 20, "legal_basis": "Quy định cũ (API)",
                                 "valid_from": "2000-01-01", "valid_to": "2013-12-31"},
              allowed=lambda u, user, t: u == ADMIN, state=lambda t: OversightRule.objects.count(),
              action="oversight.rule.created", audit_target=False),
    Operation(name="oversight.rule_edit (API)", route="PATCH /api/v1/oversight/rules/{rule_id}", api=True,
              method="PATCH", url=lambda r: f"/api/v1/oversight/rules/{r.pk}", targets=_inspection_rule,
              payload=lambda r: {"days": 45, "legal_basis": "Quy định của Thành ủy (API)", "version": r.version},
              allowed=lambda u, user, r: u == ADMIN,
              state=lambda r: (r.days, r.legal_basis, r.version), action="oversight.rule.updated"),
]
