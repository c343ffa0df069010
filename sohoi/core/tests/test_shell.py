import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from sohoi.accounts.demo import DEMO_PASSWORD

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_each_role_sees_its_home_page_in_vietnamese(client, users):
    for username, user in users.items():
        client.force_login(user)
        response = client.get("/")
        html = response.content.decode()
        assert response.status_code == 200, username
        assert '<html lang="vi">' in html
        assert "Bạn đang làm việc với tư cách" in html
        for label in user.role_labels():
            assert label in html, (username, label)
        if user.unit:
            assert str(user.unit) in html
        assert "Văn bản &amp; nhiệm vụ" in html  # the letter's six areas in the menu


@pytest.mark.django_db
def test_language_switch_to_english_and_back(client, users):
    client.force_login(users["dandan"])
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "You are working as" in html and "Documents &amp; tasks" in html
    client.post(reverse("set_language"), {"language": "vi", "next": "/"})
    assert "Bạn đang làm việc với tư cách" in client.get("/").content.decode()


@pytest.mark.django_db
def test_anonymous_is_sent_to_login_and_login_works(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/tai-khoan/dang-nhap/")
    response = client.post("/tai-khoan/dang-nhap/", {"username": "dandan", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert "Ban Dân vận Thành ủy" in client.get("/").content.decode()


@pytest.mark.django_db
def test_wrong_password_message_and_lockout_after_five_failures(client):
    response = client.post("/tai-khoan/dang-nhap/", {"username": "dandan", "password": "sai-mat-khau"})
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()
    for _ in range(4):
        client.post("/tai-khoan/dang-nhap/", {"username": "dandan", "password": "sai-mat-khau"})
    response = client.post("/tai-khoan/dang-nhap/", {"username": "dandan", "password": DEMO_PASSWORD})
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()
    assert client.get("/").status_code == 302  # still not signed in


@pytest.mark.django_db
def test_password_rules_refuse_weak_passwords(users):
    from django.core.exceptions import ValidationError

    from sohoi.accounts.choices import Role
    from sohoi.accounts.services import user_create

    with pytest.raises(ValidationError):
        user_create(actor=users["quantri"], username="yeu", password="12345678", full_name="Yếu",
                    unit=users["dandan"].unit, roles=[Role.PROPAGANDA])


@pytest.mark.django_db
def test_security_headers(client, users):
    client.force_login(users["dandan"])
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_not_found_page_is_vietnamese(client, users):
    client.force_login(users["dandan"])
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang này" in response.content.decode()


@pytest.mark.django_db
def test_user_text_is_escaped(client, users):
    from sohoi.orgs.choices import UnitKind
    from sohoi.orgs.services import unit_create

    unit = unit_create(actor=users["quantri"], name='<script>alert("x")</script> Hội', kind=UnitKind.ASSOCIATION)
    client.force_login(users["thuongtruc"])
    html = client.get(f"/don-vi/{unit.pk}/").content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html


def test_no_template_or_asset_loads_from_another_host():
    external = re.compile(r"""(?:src|href|url)\s*[=(]\s*["']?(?:https?:)?//""", re.I)
    offenders = []
    for path in (ROOT / "sohoi").rglob("*"):
        is_asset = path.suffix in {".html", ".css", ".js"} and path.is_file()
        if is_asset and external.search(path.read_text(encoding="utf-8", errors="ignore")):
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders


def test_refuses_to_start_without_debug_and_with_default_secret():
    env = {**os.environ, "DEBUG": "0", "DJANGO_SETTINGS_MODULE": "sohoi.config.settings"}
    env.pop("SECRET_KEY", None)
    result = subprocess.run([sys.executable, "-c", "import django; django.setup()"], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "Từ chối khởi động" in result.stderr and "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_audit_page_is_for_administrators_only(client, users):
    client.force_login(users["thuongtruc"])
    assert client.get("/nhat-ky/").status_code == 403
    client.force_login(users["quantri"])
    response = client.get("/nhat-ky/?action=accounts.user")
    assert response.status_code == 200 and "accounts.user.created" in response.content.decode()
    bad = client.get("/nhat-ky/?date_from=31-02-2026")
    assert bad.status_code == 200 and "Bộ lọc chưa hợp lệ" in bad.content.decode()


@pytest.mark.django_db
def test_admin_adds_a_holiday_and_a_duplicate_is_refused(client, users):
    import datetime

    from sohoi.core.models import Holiday

    client.force_login(users["quantri"])
    response = client.post("/ngay-nghi/", {"day": "2027-02-05", "name": "Tết Nguyên đán", "legal_basis": ""})
    assert response.status_code == 302 and Holiday.objects.filter(day=datetime.date(2027, 2, 5)).exists()
    html = client.post("/ngay-nghi/", {"day": "2027-02-05", "name": "Trùng", "legal_basis": ""}).content.decode()
    assert "đã tồn tại" in html or "already exists" in html
    client.force_login(users["thuongtruc"])
    assert client.post("/ngay-nghi/", {"day": "2027-02-06", "name": "X"}).status_code == 403


@pytest.mark.django_db
def test_health_and_readiness_without_login(client):
    assert client.get("/healthz").content == b"ok"
    response = client.get("/readyz")
    assert response.status_code == 200 and response.json() == {"ready": True}


@pytest.mark.django_db
def test_not_ready_when_a_migration_is_missing(client, monkeypatch):
    from django.db.migrations.executor import MigrationExecutor

    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("x", False)])
    response = client.get("/readyz")
    assert response.status_code == 503 and "migrations not applied" in response.json()["reason"]


def test_json_logs_in_production():
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "x" * 60, "DJANGO_SETTINGS_MODULE": "sohoi.config.settings"}
    code = "import django, logging; django.setup(); logging.getLogger('sohoi.test').warning('thử nghiệm')"
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    import json

    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["level"] == "WARNING" and line["logger"] == "sohoi.test" and line["message"] == "thử nghiệm"


def test_templates_use_no_inline_styles_or_scripts():
    """The Content-Security-Policy forbids inline style attributes and scripts: they would silently not apply."""
    offenders = []
    for path in (ROOT / "sohoi").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"\sstyle=|<style|<script(?![^>]*\bsrc=)", text):
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, offenders


@pytest.mark.django_db
def test_nul_characters_are_refused_with_a_message(client, users):
    client.force_login(users["dandan"])
    page = client.get("/don-vi/?q=a%00b")
    assert page.status_code == 400 and "NUL" in page.content.decode()
    api = client.get("/api/v1/units/?q=a%00b")
    assert api.status_code == 400 and api.json()["code"] == "invalid"


def test_numbers_are_grouped_the_vietnamese_way():
    from django.contrib.humanize.templatetags.humanize import intcomma
    from django.utils import translation

    with translation.override("vi"):
        assert intcomma(1234567) == "1.234.567"
