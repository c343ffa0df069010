"""With English chosen (the `django_language` cookie that the language switch sets), the messages the oversight
services write reach the reader in English; without it they stay in Vietnamese, the source language."""

from __future__ import annotations

import pytest
from django.conf import settings

from sohoi.oversight.models import Activity, State

FRONT_PLAN = {"kind": "supervision", "form": "thematic", "subject": "Giám sát ngôn ngữ",
              "planned_start": "2026-02-05", "planned_end": "2026-01-05"}


def _english(client) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.mark.parametrize(("english", "expected"), [
    (False, "Ngày dự kiến kết thúc không thể trước ngày bắt đầu."),
    (True, "The planned end date cannot be before the start date."),
])
def test_a_refused_plan_names_the_problem_in_the_readers_language(client, users, english, expected):
    front = users["mattran"]
    client.force_login(front)
    if english:
        _english(client)
    count = Activity.objects.count()
    response = client.post("/giam-sat/them/", {**FRONT_PLAN, "lead_unit": front.unit_id})
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert Activity.objects.count() == count


@pytest.mark.parametrize(("english", "expected"), [
    (False, "Chưa có kết luận: ghi nội dung kết luận"),
    (True, "There is no conclusion yet: write the conclusion"),
])
def test_a_refused_step_is_explained_in_the_readers_language(client, users, planned, english, expected):
    front = users["mattran"]
    act = planned()
    client.force_login(front)
    assert client.post(f"/giam-sat/{act.pk}/chuyen-trang-thai/", {"step": "start"}).status_code == 302
    if english:
        _english(client)
    response = client.post(f"/giam-sat/{act.pk}/chuyen-trang-thai/", {"step": "conclude"}, follow=True)
    assert expected in response.content.decode()
    assert Activity.objects.get(pk=act.pk).state == State.IN_PROGRESS


def test_the_api_error_follows_the_language_too(client, users, demo):
    act = demo("Giám sát thường xuyên")  # in progress: it cannot be closed
    client.force_login(users["mattran"])
    _english(client)
    response = client.post(f"/api/v1/oversight/activities/{act.pk}/transitions", {"step": "close"},
                           content_type="application/json")
    assert response.status_code == 400
    message = response.json()["fields"]["step"][0]
    assert message.startswith("Cannot “") and "while the activity is “" in message and "Steps allowed now:" in message
    assert Activity.objects.get(pk=act.pk).state == State.IN_PROGRESS
