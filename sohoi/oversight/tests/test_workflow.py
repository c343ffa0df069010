"""The workflow table: every step from every state, allowed or refused, and who may take it."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sohoi.core.models import AuditEntry
from sohoi.oversight import services
from sohoi.oversight.choices import State, Step
from sohoi.oversight.models import Activity
from sohoi.oversight.workflows import TRANSITIONS

pytestmark = pytest.mark.django_db
D = datetime.date
EXPECTED = {  # written out by hand: (state, step) -> target
    (State.PLANNED, Step.START): State.IN_PROGRESS,
    (State.IN_PROGRESS, Step.CONCLUDE): State.CONCLUDED,
    (State.CONCLUDED, Step.REOPEN): State.IN_PROGRESS,
    (State.CONCLUDED, Step.CLOSE): State.CLOSED,
}


def _in_state(planned, users, state: str) -> Activity:
    act = planned()
    front = users["mattran"]
    path = {State.PLANNED: [], State.IN_PROGRESS: [Step.START], State.CONCLUDED: [Step.START, Step.CONCLUDE],
            State.CLOSED: [Step.START, Step.CONCLUDE, Step.CLOSE]}[state]
    for step in path:
        if step == Step.CONCLUDE:
            act = services.conclusion_save(actor=front, activity=act, text="Kết luận.")
        act = services.activity_transition(actor=front, activity=act, step=step, on=D(2026, 1, 10))
    if state == State.IN_PROGRESS:  # ready to conclude: the conclusion is written
        act = services.conclusion_save(actor=front, activity=act, text="Kết luận.")
    assert act.state == state
    return act


def test_the_table_is_the_one_written_out():
    found = {(s, step): t.target for step, t in TRANSITIONS.items() for s in t.sources}
    assert found == EXPECTED


@pytest.mark.parametrize("state", State.values)
@pytest.mark.parametrize("step", Step.values)
def test_every_step_from_every_state(planned, users, state, step):
    act = _in_state(planned, users, state)
    before = (act.state, act.version)
    last = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    if (state, step) in EXPECTED:
        after = services.activity_transition(actor=users["mattran"], activity=act, step=step, on=D(2026, 1, 20))
        assert after.state == EXPECTED[(state, step)]
        assert AuditEntry.objects.filter(pk__gt=last, action=f"oversight.activity.{step}").exists()
    else:
        with pytest.raises(ValidationError) as exc:
            services.activity_transition(actor=users["mattran"], activity=act, step=step)
        assert "step" in exc.value.message_dict and "Không thể" in exc.value.message_dict["step"][0]
        fresh = Activity.objects.get(pk=act.pk)
        assert (fresh.state, fresh.version) == before
        assert not AuditEntry.objects.filter(pk__gt=last).exists()
    assert set(TRANSITIONS.allowed_steps(state)) == {s for (st, s) in EXPECTED if st == state}


@pytest.mark.parametrize("username", ["dandan", "quanuy.ninhkieu", "hoi.khuyenhoc", "thuongtruc", "ubnd"])
def test_only_the_lead_takes_a_step(planned, users, username):
    act = planned()
    with pytest.raises(PermissionDenied):
        services.activity_transition(actor=users[username], activity=act, step=Step.START)
    assert Activity.objects.get(pk=act.pk).state == State.PLANNED


def test_conclude_needs_a_conclusion_and_close_needs_every_answer(planned, users, unit):
    front = users["mattran"]
    act = services.activity_transition(actor=front, activity=planned(), step=Step.START, on=D(2026, 1, 6))
    with pytest.raises(ValidationError) as exc:
        services.activity_transition(actor=front, activity=act, step=Step.CONCLUDE)
    assert "conclusion" in exc.value.message_dict
    act = services.conclusion_save(actor=front, activity=act, text="Kết luận.")
    act = services.activity_transition(actor=front, activity=act, step=Step.CONCLUDE, on=D(2026, 1, 20))
    rec = services.recommendation_add(actor=front, activity=act, text="Kiến nghị", addressee=unit("Quận ủy Ninh Kiều"))
    with pytest.raises(ValidationError) as exc:
        services.activity_transition(actor=front, activity=act, step=Step.CLOSE)
    assert "1 kiến nghị chưa được trả lời" in exc.value.message_dict["step"][0]
    services.recommendation_answer(actor=users["quanuy.ninhkieu"], recommendation=rec, answer="accepted",
                                   on=D(2026, 2, 1))
    act = services.activity_transition(actor=front, activity=Activity.objects.get(pk=act.pk), step=Step.CLOSE,
                                       on=D(2026, 2, 2))
    assert act.state == State.CLOSED and act.closed_on == D(2026, 2, 2)


def test_a_forbidden_step_through_the_api_answers_the_error_shape(client, users, demo):
    act = demo("Giám sát thường xuyên")  # in progress
    client.force_login(users["mattran"])
    last = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    response = client.post(f"/api/v1/oversight/activities/{act.pk}/transitions", {"step": "close"},
                           content_type="application/json")
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"code", "message", "fields"} and "Đang tiến hành" in body["fields"]["step"][0]
    assert Activity.objects.get(pk=act.pk).state == State.IN_PROGRESS
    assert not AuditEntry.objects.filter(pk__gt=last).exists()


def test_a_supervision_from_plan_to_closure_through_the_pages(client, users, unit):
    """The Front runs a supervision through the web: plan, start, conclude, recommend; the district answers;
    the Front closes it."""
    client.force_login(users["mattran"])
    nk = unit("Quận ủy Ninh Kiều")
    response = client.post("/giam-sat/them/", {
        "kind": "supervision", "form": "thematic", "subject": "Giám sát qua trang", "lead_unit": users["mattran"].unit_id,
        "examined": [nk.pk], "planned_start": "2026-01-05", "planned_end": "2026-02-05"})
    assert response.status_code == 302, response.content.decode()[:2000]
    act = Activity.objects.get(subject="Giám sát qua trang")
    assert client.post(f"/giam-sat/{act.pk}/chuyen-trang-thai/", {"step": "start"}).status_code == 302
    assert client.post(f"/giam-sat/{act.pk}/ket-luan/", {"conclusion": "Kết luận qua trang"}).status_code == 302
    assert client.post(f"/giam-sat/{act.pk}/chuyen-trang-thai/", {"step": "conclude"}).status_code == 302
    assert client.post(f"/giam-sat/{act.pk}/kien-nghi/", {"text": "Kiến nghị qua trang", "addressee": nk.pk,
                                                         "due": ""}).status_code == 302
    rec = act.recommendations.get()
    client.force_login(users["quanuy.ninhkieu"])
    page = client.get(f"/giam-sat/{act.pk}/").content.decode()
    assert f"/giam-sat/kien-nghi/{rec.pk}/tra-loi/" in page
    assert client.post(f"/giam-sat/kien-nghi/{rec.pk}/tra-loi/", {"answer": "accepted"}).status_code == 302
    client.force_login(users["mattran"])
    assert client.post(f"/giam-sat/{act.pk}/chuyen-trang-thai/", {"step": "close"}).status_code == 302
    act.refresh_from_db()
    assert act.state == State.CLOSED
    page = client.get(f"/giam-sat/{act.pk}/").content.decode()
    assert "<td>Kết thúc" in page and "oversight.activity." not in page  # the timeline (audit history), in words
