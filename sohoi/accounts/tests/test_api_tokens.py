"""API tokens: created, listed and revoked by their owner or an administrator, from a page and a command;
every create/revoke audited; the token shown once (issue 10, part 4)."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from sohoi.accounts.models import ApiToken
from sohoi.accounts.services import api_token_create, api_token_revoke
from sohoi.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_owner_and_admin_may_create_and_revoke_others_may_not(users):
    row, token = api_token_create(actor=users["dandan"], user=users["dandan"], name="Hệ thống báo cáo")
    tokens, audits = ApiToken.objects.count(), AuditEntry.objects.count()
    with pytest.raises(PermissionDenied):
        api_token_create(actor=users["tuyengiao"], user=users["dandan"], name="Giả danh")
    with pytest.raises(PermissionDenied):
        api_token_revoke(actor=users["tuyengiao"], token=row)
    row.refresh_from_db()
    assert row.revoked_at is None and ApiToken.objects.count() == tokens and AuditEntry.objects.count() == audits
    api_token_revoke(actor=users["quantri"], token=row)  # an administrator may
    assert AuditEntry.objects.filter(action="accounts.api_token.revoked", target_id=str(row.pk)).count() == 1
    other, _t = api_token_create(actor=users["quantri"], user=users["dandan"], name="Do quản trị tạo")
    assert AuditEntry.objects.filter(action="accounts.api_token.created", target_id=str(other.pk)).count() == 1


def test_a_revoked_token_stops_working(users, client):
    row, token = api_token_create(actor=users["dandan"], user=users["dandan"], name="Tích hợp")
    assert client.get("/api/v1/associations/", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    api_token_revoke(actor=users["dandan"], token=row)
    assert client.get("/api/v1/associations/", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401


def test_page_creates_shows_once_lists_and_revokes(login, users):
    client = login("dandan")
    response = client.post("/tai-khoan/token/", {"action": "create", "name": "Hệ thống tổng hợp"})
    assert response.status_code == 200
    token = response.context["new_token"]
    assert token and token in response.content.decode()
    row = ApiToken.objects.get(user=users["dandan"], name="Hệ thống tổng hợp")
    listing = client.get("/tai-khoan/token/").content.decode()
    assert "Hệ thống tổng hợp" in listing and token not in listing  # shown once only
    response = client.post("/tai-khoan/token/", {"action": "revoke", "token": row.pk})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.revoked_at is not None


def test_page_refuses_bad_input_and_other_users_tokens(login, users):
    mine, _t = api_token_create(actor=users["quantri"], user=users["quantri"], name="Của quản trị")
    client = login("dandan")
    audits = AuditEntry.objects.count()
    response = client.post("/tai-khoan/token/", {"action": "create", "name": ""})
    assert response.status_code == 200 and "name" in response.context["form"].errors
    for bad in (mine.pk, "abc", "99999999999999999999999", "-1"):
        response = client.post("/tai-khoan/token/", {"action": "revoke", "token": bad}, follow=True)
        assert response.status_code == 200 and "Không tìm thấy mã truy cập" in response.content.decode()
    mine.refresh_from_db()
    assert mine.revoked_at is None and AuditEntry.objects.count() == audits
    assert "Của quản trị" not in client.get("/tai-khoan/token/").content.decode()
    assert "Của quản trị" in login("quantri").get("/tai-khoan/token/").content.decode()


def test_command_creates_lists_and_revokes(users):
    out = io.StringIO()
    call_command("apitoken", "create", "dandan", "Máy chủ báo cáo", stdout=out)
    row = ApiToken.objects.get(user=users["dandan"], name="Máy chủ báo cáo")
    assert out.getvalue().strip().splitlines()[-1].startswith(row.prefix)
    out = io.StringIO()
    call_command("apitoken", "list", "dandan", stdout=out)
    assert "Máy chủ báo cáo" in out.getvalue() and "đang dùng" in out.getvalue()
    call_command("apitoken", "revoke", str(row.pk), stdout=io.StringIO())
    row.refresh_from_db()
    assert row.revoked_at is not None
    assert AuditEntry.objects.filter(action__startswith="accounts.api_token.", target_id=str(row.pk)).count() == 2
    with pytest.raises(CommandError, match="đã bị thu hồi"):
        call_command("apitoken", "revoke", str(row.pk))
    with pytest.raises(CommandError, match="Không có tài khoản"):
        call_command("apitoken", "create", "khong-co-ai", "x")
