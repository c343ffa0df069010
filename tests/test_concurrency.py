"""Two people edit the same record: the second edit, based on a stale version, is refused with a message
and the first person's change stays. Browser sessions must carry the CSRF token on API writes."""

import json

import pytest
from django.test import Client

from sohoi.associations.models import Association


@pytest.mark.django_db
def test_two_clients_editing_the_same_association(users):
    a = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    first, second = Client(), Client()
    first.force_login(users["noivu"])
    second.force_login(users["quantri"])
    opened = first.get(f"/api/v1/associations/{a.pk}").json()["version"]
    assert second.get(f"/api/v1/associations/{a.pk}").json()["version"] == opened
    ok = first.patch(f"/api/v1/associations/{a.pk}", json.dumps({"version": opened, "head_office": "Số 1 đường A"}),
                     content_type="application/json")
    assert ok.status_code == 200 and ok.json()["version"] == opened + 1
    stale = second.patch(f"/api/v1/associations/{a.pk}", json.dumps({"version": opened, "head_office": "Số 9 đường B"}),
                         content_type="application/json")
    assert stale.status_code == 400
    body = stale.json()
    assert body["code"] == "invalid" and "người khác sửa" in body["message"]
    a.refresh_from_db()
    assert a.head_office == "Số 1 đường A" and a.version == opened + 1


@pytest.mark.django_db
def test_api_writes_with_a_browser_session_need_the_csrf_token(users):
    a = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(users["noivu"])
    response = browser.patch(f"/api/v1/associations/{a.pk}", json.dumps({"version": a.version, "phone": "0292"}),
                             content_type="application/json")
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden" and "CSRF" in response.json()["message"]
    a.refresh_from_db()
    assert a.phone != "0292"
    browser.get("/")  # sets the CSRF cookie, as the page does
    token = browser.cookies["csrftoken"].value
    response = browser.patch(f"/api/v1/associations/{a.pk}", json.dumps({"version": a.version, "phone": "0292"}),
                             content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
