"""Recommendations: deadlines from the rule table with a moved clock, the one overdue classification, and
every bad input refused with a Vietnamese message naming the field, nothing stored, no audit row."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sohoi.core import deadlines
from sohoi.core.deadlines import TrackState, classify
from sohoi.core.models import AuditEntry
from sohoi.oversight import selectors, services
from sohoi.oversight.models import OversightRule, Recommendation

pytestmark = pytest.mark.django_db
D = datetime.date
CONCLUDED_ON = D(2026, 3, 10)


def _last() -> int:
    return AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


@pytest.fixture
def concluded(planned, users):
    def make(on: datetime.date = CONCLUDED_ON):
        front = users["mattran"]
        act = services.activity_transition(actor=front, activity=planned(), step="start", on=D(2026, 1, 6))
        act = services.conclusion_save(actor=front, activity=act, text="Kết luận.")
        return services.activity_transition(actor=front, activity=act, step="conclude", on=on)

    return make


def test_default_deadline_comes_from_the_rule_row_valid_on_the_conclusion_date(concluded, users, unit):
    act = concluded(D(2026, 3, 10))
    rec = services.recommendation_add(actor=users["mattran"], activity=act, text="K", addressee=unit("Quận ủy Ninh Kiều"))
    assert rec.due == D(2026, 4, 9) and rec.due_rule.days == 30  # the demo row: 30 days
    # A later regulation is a new row from a date; an activity concluded after it gets the new default.
    OversightRule.objects.filter(code="supervision_answer_days").update(valid_to=D(2026, 12, 31))
    OversightRule.objects.create(code="supervision_answer_days", days=15, legal_basis="Quy định mới (thử)",
                                 valid_from=D(2027, 1, 1))
    later = concluded(D(2027, 2, 1))
    rec2 = services.recommendation_add(actor=users["mattran"], activity=later, text="K",
                                       addressee=unit("Quận ủy Ninh Kiều"))
    assert rec2.due == D(2027, 2, 16)
    rec3 = services.recommendation_add(actor=users["mattran"], activity=act, text="K", addressee=unit("Quận ủy Ninh Kiều"),
                                       due=D(2026, 5, 31))  # overridden
    assert rec3.due == D(2026, 5, 31) and rec3.due_rule is None


def test_states_with_a_moved_clock_are_the_one_classification(concluded, users, unit, monkeypatch):
    act = concluded(D(2026, 3, 10))
    rec = services.recommendation_add(actor=users["mattran"], activity=act, text="K", addressee=unit("Quận ủy Ninh Kiều"))

    def state_on(day):
        monkeypatch.setattr(deadlines, "today", lambda: day)
        return selectors.recommendation_states(Recommendation.objects.filter(pk=rec.pk)).get().state

    assert state_on(D(2026, 4, 9)) == TrackState.NOT_STARTED  # the deadline day itself: not overdue
    assert state_on(D(2026, 4, 10)) == TrackState.OPEN_OVERDUE
    services.recommendation_answer(actor=users["quanuy.ninhkieu"], recommendation=rec, answer="accepted",
                                   on=D(2026, 4, 12))
    assert state_on(D(2026, 4, 20)) == TrackState.DONE_LATE
    rec.refresh_from_db()
    assert rec.state_on(D(2026, 4, 20)) == classify(due=rec.due, done_on=rec.answered_on, started=False) \
        == TrackState.DONE_LATE


def test_demo_has_on_time_late_and_overdue_answers(demo):
    states = {r.addressee.name: r.track for r in selectors.recommendation_states(
        demo("Giám sát việc thực hiện chính sách").recommendations.select_related("addressee"))}
    assert states == {"Huyện ủy Phong Điền": TrackState.DONE_ON_TIME,
                      "Hội Chữ thập đỏ thành phố Cần Thơ": TrackState.DONE_LATE,
                      "Quận ủy Ninh Kiều": TrackState.OPEN_OVERDUE}


def test_no_addressee_and_a_deadline_before_the_conclusion_are_refused(concluded, users, unit):
    act = concluded(D(2026, 3, 10))
    count, last = Recommendation.objects.count(), _last()
    with pytest.raises(ValidationError) as exc:
        services.recommendation_add(actor=users["mattran"], activity=act, text="K", addressee=None)
    assert "đơn vị nhận kiến nghị" in exc.value.message_dict["addressee"][0]
    with pytest.raises(ValidationError) as exc:
        services.recommendation_add(actor=users["mattran"], activity=act, text="K", addressee=unit("Quận ủy Ninh Kiều"),
                                    due=D(2026, 3, 9))
    assert "trước ngày kết luận (10/03/2026)" in exc.value.message_dict["due"][0]
    assert Recommendation.objects.count() == count and _last() == last


def test_bad_inputs_through_the_page_and_the_api(client, concluded, users, unit):
    act = concluded(D(2026, 3, 10))
    client.force_login(users["mattran"])
    count, last = Recommendation.objects.count(), _last()
    page = client.post(f"/giam-sat/{act.pk}/kien-nghi/", {"text": "K", "addressee": "", "due": ""})
    assert page.status_code == 200 and "đơn vị nhận kiến nghị" in page.content.decode()
    api = client.post(f"/api/v1/oversight/activities/{act.pk}/recommendations",
                      {"text": "K", "addressee_id": unit("Quận ủy Ninh Kiều").pk, "due": "2026-01-01"},
                      content_type="application/json")
    assert api.status_code == 400 and "due" in api.json()["fields"]
    assert Recommendation.objects.count() == count and _last() == last


def test_an_answer_by_a_unit_not_addressed_is_refused(demo, users, client):
    rec = demo("Giám sát việc thực hiện chính sách").recommendations.get(addressee__name="Quận ủy Ninh Kiều")
    last = _last()
    for username in ("huyenuy.phongdien", "mattran", "dandan"):
        with pytest.raises(PermissionDenied) as exc:
            services.recommendation_answer(actor=users[username], recommendation=rec, answer="accepted")
        assert "đơn vị nhận kiến nghị" in str(exc.value)
    client.force_login(users["dandan"])  # sees it (read-all), may not answer it
    response = client.post(f"/api/v1/oversight/recommendations/{rec.pk}/answer", {"answer": "accepted"},
                           content_type="application/json")
    assert response.status_code == 403 and "đơn vị nhận kiến nghị" in response.json()["message"]
    rec.refresh_from_db()
    assert rec.answered_on is None and _last() == last


def test_answer_reasons_and_the_report_with_evidence(demo, users):
    rec = demo("Giám sát việc thực hiện chính sách").recommendations.get(addressee__name="Quận ủy Ninh Kiều")
    nk = users["quanuy.ninhkieu"]
    with pytest.raises(ValidationError) as exc:
        services.recommendation_answer(actor=nk, recommendation=rec, answer="not_accepted", text="")
    assert "lý do" in exc.value.message_dict["answer_text"][0]
    with pytest.raises(ValidationError) as exc:
        services.recommendation_report(actor=nk, recommendation=rec, text="Đã làm")
    assert "Trả lời kiến nghị trước" in exc.value.message_dict["action_text"][0]
    rec = services.recommendation_answer(actor=nk, recommendation=rec, answer="partly", text="Một phần")
    rec = services.recommendation_report(actor=nk, recommendation=rec, text="Đã ban hành đề án",
                                         evidence=("anh.jpg", b"\xff\xd8\xff evidence"))
    assert rec.evidence_name == "anh.jpg" and rec.action_on is not None
