import pytest

from sohoi.accounts.models import User


@pytest.mark.django_db
def test_admin_creates_user_with_roles_through_the_page(login):
    client = login("quantri")
    response = client.post("/tai-khoan/moi/", {
        "username": "canbo.moi", "full_name": "Cán Bộ Mới", "email": "", "position": "",
        "unit": User.objects.get(username="dandan").unit_id, "roles": ["propaganda"], "password": "mat-khau-du-dai-2026"})
    assert response.status_code == 302
    user = User.objects.get(username="canbo.moi")
    assert user.role_codes == {"propaganda"} and user.check_password("mat-khau-du-dai-2026")


@pytest.mark.django_db
def test_weak_password_and_duplicate_name_are_refused_with_the_field_named(login):
    client = login("quantri")
    data = {"username": "dandan", "full_name": "X", "unit": "", "roles": ["admin"], "password": "123"}
    html = client.post("/tai-khoan/moi/", data).content.decode()
    assert "đã có người dùng" in html
    data["username"] = "moi.hoan.toan"
    html = client.post("/tai-khoan/moi/", data).content.decode()
    assert "Mật khẩu quá ngắn: cần ít nhất 10 ký tự." in html and "This password" not in html
    assert not User.objects.filter(username="moi.hoan.toan").exists()


@pytest.mark.django_db
def test_only_admin_creates_users_and_changes_roles(login, users):
    client = login("thuongtruc")
    assert client.get("/tai-khoan/moi/").status_code == 403
    assert client.post(f"/tai-khoan/{users['dandan'].pk}/vai-tro/", {"roles": ["admin"]}).status_code == 403
    assert users["dandan"].role_codes == {"mass_mobilisation"}


@pytest.mark.django_db
def test_roles_change_is_audited(login, users):
    from sohoi.core.audit import history_for

    client = login("quantri")
    client.post(f"/tai-khoan/{users['tuyengiao'].pk}/vai-tro/", {"roles": ["propaganda", "mass_mobilisation"]})
    entry = history_for(users["tuyengiao"]).first()
    assert entry.action == "accounts.user.roles_changed"
    assert entry.changes["roles"] == [["propaganda"], ["mass_mobilisation", "propaganda"]]


def test_password_change_speaks_vietnamese_once(login):
    client = login("dandan")
    page = client.get("/tai-khoan/doi-mat-khau/").content.decode()
    assert "Ít nhất 10 ký tự." in page and "Your password" not in page and "can’t" not in page
    html = client.post("/tai-khoan/doi-mat-khau/", {"old_password": "sohoi-demo-2026", "new_password1": "12345678",
                                                   "new_password2": "12345678"}).content.decode()
    assert html.count("Mật khẩu quá ngắn: cần ít nhất 10 ký tự.") == 1
    assert "Mật khẩu không được chỉ gồm chữ số; thêm chữ cái." in html
    assert not any(english in html for english in ("This password", "Your password", "password is", "too short"))
