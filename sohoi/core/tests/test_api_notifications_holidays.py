"""Notifications and holidays through the API (issue 17): a user marks their own notifications read (never
someone else's), and the administrator keeps the holiday calendar that deadlines count with."""

from __future__ import annotations

import pytest

from sohoi.core.models import AuditEntry, Holiday, Notification


@pytest.mark.django_db
def test_mark_one_and_all_notifications_read(login, users):
    mine = [Notification.objects.create(user=users["dandan"], kind="test", title=f"Nhắc việc {i}", key=f"k{i}")
            for i in range(3)]
    other = Notification.objects.create(user=users["noivu"], kind="test", title="Của người khác", key="other")
    api = login("dandan")
    response = api.post(f"/api/v1/notifications/{mine[0].pk}/read", content_type="application/json")
    assert response.status_code == 200 and response.json()["read_at"]
    assert api.post(f"/api/v1/notifications/{other.pk}/read", content_type="application/json").status_code == 404
    other.refresh_from_db()
    assert other.read_at is None
    marked = api.post("/api/v1/notifications/read-all", content_type="application/json").json()["marked"]
    assert marked >= 2
    assert not Notification.objects.filter(user=users["dandan"], read_at__isnull=True).exists()
    assert Notification.objects.get(pk=other.pk).read_at is None


@pytest.mark.django_db
def test_holidays_crud_by_the_administrator_with_audit(login):
    api = login("quantri")
    created = api.post("/api/v1/holidays", {"day": "2031-04-30", "name": "Ngày Giải phóng miền Nam"},
                       content_type="application/json")
    assert created.status_code == 201
    pk = created.json()["id"]
    assert api.patch(f"/api/v1/holidays/{pk}", {"legal_basis": "Bộ luật Lao động 2019"},
                     content_type="application/json").json()["legal_basis"] == "Bộ luật Lao động 2019"
    listed = api.get("/api/v1/holidays?year=2031").json()["items"]
    assert [h["id"] for h in listed] == [pk]
    assert api.delete(f"/api/v1/holidays/{pk}").status_code == 204
    assert not Holiday.objects.filter(pk=pk).exists()
    actions = set(AuditEntry.objects.filter(target_id=str(pk), action__startswith="core.holiday.")
                  .values_list("action", flat=True))
    assert actions == {"core.holiday.created", "core.holiday.updated", "core.holiday.deleted"}


@pytest.mark.django_db
def test_a_duplicate_day_is_refused_in_the_error_shape(login):
    day = Holiday.objects.order_by("day").first()
    before = Holiday.objects.count()
    response = login("quantri").post("/api/v1/holidays", {"day": day.day.isoformat(), "name": "Trùng"},
                                     content_type="application/json")
    assert response.status_code == 400 and "day" in response.json()["fields"]
    assert Holiday.objects.count() == before
