import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from sohoi.accounts.demo import DEMO_PASSWORD
from sohoi.core.models import AuditEntry


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


@pytest.mark.django_db
def test_admin_enables_totp_and_the_next_login_asks_for_the_code(client, users):
    client.post("/tai-khoan/dang-nhap/", {"username": "quantri", "password": DEMO_PASSWORD})
    page = client.get("/tai-khoan/xac-thuc-hai-lop/")
    assert page.status_code == 200 and "<svg" in page.content.decode()  # the QR code, drawn here
    device = TOTPDevice.objects.get(user=users["quantri"])
    bad = client.post("/tai-khoan/xac-thuc-hai-lop/", {"token": "000000"}, follow=True)
    assert "Mã không đúng" in bad.content.decode()
    device.refresh_from_db()
    device.throttle_reset()
    client.post("/tai-khoan/xac-thuc-hai-lop/", {"token": current_code(device)})
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEntry.objects.filter(action="accounts.user.second_factor_enabled").exists()

    client.post("/tai-khoan/dang-xuat/")
    client.post("/tai-khoan/dang-nhap/", {"username": "quantri", "password": DEMO_PASSWORD})
    blocked = client.get("/nhat-ky/")
    assert blocked.status_code == 302 and "/xac-thuc-hai-lop/nhap-ma/" in blocked["Location"]
    assert client.get("/api/v1/users/me").json()["code"] == "second_factor_required"
    device.refresh_from_db()
    device.last_t = -1  # allow the same time step again in this fast test
    device.save()
    response = client.post("/tai-khoan/xac-thuc-hai-lop/nhap-ma/", {"token": current_code(device), "next": "/nhat-ky/"})
    assert response.status_code == 302 and response["Location"] == "/nhat-ky/"
    assert client.get("/nhat-ky/").status_code == 200


@pytest.mark.django_db
def test_second_factor_setup_is_for_administrators(client, users):
    client.force_login(users["dandan"])
    assert client.get("/tai-khoan/xac-thuc-hai-lop/").status_code == 403


@pytest.mark.django_db
def test_users_without_a_device_are_not_asked(client):
    client.post("/tai-khoan/dang-nhap/", {"username": "dandan", "password": DEMO_PASSWORD})
    assert client.get("/").status_code == 200
