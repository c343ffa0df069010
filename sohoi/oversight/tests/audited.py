"""Audited writes of the oversight app, for tests/test_audit_coverage.py (the actor is an administrator with
a unit, Ban Dân vận Thành ủy)."""

from __future__ import annotations

import datetime

from sohoi.orgs.models import Unit
from sohoi.oversight import services
from sohoi.oversight.models import (
    Activity,
    Attachment,
    CriticismPoint,
    DraftComment,
    Finding,
    OversightRule,
    Programme,
    ProgrammeResult,
    Recommendation,
    TeamMember,
)

D = datetime.date
TEXT = b"DU THAO\n\nDoan mot.\n\nDoan hai."


def _activity(actor, kind: str = "supervision") -> Activity:
    return services.activity_create(actor=actor, data={
        "kind": kind, "form": "regular" if kind == "supervision" else "", "subject": f"Hoạt động thử nhật ký {kind}",
        "lead_unit": actor.unit, "planned_start": D(2026, 1, 5), "planned_end": D(2026, 2, 5)})


def _started(actor, kind: str = "supervision") -> Activity:
    act = _activity(actor, kind)
    return services.activity_transition(actor=actor, activity=act, step="start", on=D(2026, 1, 5))


def _recommendation(actor) -> Recommendation:
    return services.recommendation_add(actor=actor, activity=_started(actor), text="Kiến nghị thử",
                                       addressee=actor.unit)


def _draft(actor) -> Activity:
    act = _activity(actor, "criticism")
    return services.draft_upload(actor=actor, activity=act, name="du-thao.txt", data=TEXT)


def _point(actor) -> CriticismPoint:
    act = _draft(actor)
    act = services.activity_transition(actor=actor, activity=act, step="start", on=D(2026, 1, 5))
    point = services.point_add(actor=actor, activity=act, text="Ý kiến thử", paragraph=1)
    act = services.conclusion_save(actor=actor, activity=act, text="Kết luận thử")
    services.activity_transition(actor=actor, activity=act, step="conclude", on=D(2026, 1, 20))
    return services.point_mark(actor=actor, point=point, outcome="taken_up")


def _programme(actor) -> Programme:
    return services.programme_create(actor=actor, data={
        "title": "Chương trình thử nhật ký", "lead_unit": actor.unit,
        "parties": [Unit.objects.get(name="Hội Khuyến học thành phố Cần Thơ")], "start_year": 2026, "end_year": 2027})


WRITES = {
    Activity: lambda actor: services.activity_update(actor=actor, activity=_activity(actor), data={"method": "Sửa"}),
    TeamMember: lambda actor: services.team_member_add(actor=actor, activity=_activity(actor), name="Thành viên thử",
                                                       role="member"),
    Attachment: lambda actor: services.attachment_add(actor=actor, activity=_activity(actor), kind="plan",
                                                      name="ke-hoach.txt", data=TEXT),
    Finding: lambda actor: services.finding_add(actor=actor, activity=_started(actor), text="Phát hiện thử"),
    Recommendation: lambda actor: services.recommendation_answer(actor=actor, recommendation=_recommendation(actor),
                                                                 answer="accepted"),
    DraftComment: lambda actor: services.comment_add(actor=actor, activity=_draft(actor), paragraph=2, text="Góp ý"),
    CriticismPoint: _point,
    Programme: _programme,
    ProgrammeResult: lambda actor: services.programme_result_record(actor=actor, programme=_programme(actor),
                                                                    year=2026, results="Kết quả thử"),
    OversightRule: lambda actor: services.rule_create(actor=actor, data={
        "code": "supervision_answer_days", "days": 20, "legal_basis": "Quy định thử nhật ký",
        "valid_from": D(2000, 1, 1), "valid_to": D(2013, 12, 31)}),
}
EXEMPT: dict = {}
