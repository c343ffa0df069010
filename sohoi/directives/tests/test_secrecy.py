"""A secret document is seen only by its named readers and the person who registered it: not in lists,
searches, exports (API), detail pages, the audit trail's text, or notifications to anyone else."""

from __future__ import annotations

import datetime
import json

import pytest

from sohoi.core.models import AuditEntry, Notification
from sohoi.directives.models import Assignment, Document
from sohoi.directives.services import document_confirm, document_register, reminders_send

from .conftest import SECRET_SUBJECT, SECRET_TEXT

pytestmark = pytest.mark.django_db


@pytest.fixture
def secret(users):
    doc, _ = document_register(actor=users["dandan"], text=SECRET_TEXT,
                               meta={"secrecy": "secret", "readers": [users["thuongtruc"]]})
    tasks = doc.proposal["tasks"]
    tasks[1]["include"] = False
    document_confirm(actor=users["dandan"], document=doc, tasks=tasks)
    return doc


def test_readers_and_registrar_see_it_nobody_else(secret, login):
    for name, visible in [("thuongtruc", True), ("dandan", True), ("quantri", False), ("tuyengiao", False)]:
        client = login(name)
        detail = client.get(f"/van-ban/{secret.pk}/")
        assert detail.status_code == (200 if visible else 404), name
        listing = client.get("/van-ban/", {"q": "XYZ"}).content.decode()
        assert (SECRET_SUBJECT in listing) is visible, name
        assert (secret.code in client.get("/van-ban/").content.decode()) is visible, name
        api = client.get("/api/v1/directives/documents", {"q": "99-CV"}).json()
        assert (api["count"] == 1) is visible, name
        task = secret.tasks.get()
        assert client.get(f"/van-ban/nhiem-vu/{task.pk}/").status_code == (200 if visible else 404), name
        assignments = client.get("/api/v1/directives/assignments", {"document": secret.pk}).json()
        assert (assignments["count"] > 0) is visible, name
        assert client.get(f"/van-ban/{secret.pk}/tep/").status_code == 404 or visible


def test_subject_never_reaches_the_audit_trail(secret):
    rows = AuditEntry.objects.filter(target_id=str(secret.pk), target_type__model="document")
    assert rows.exists()
    dumped = json.dumps([list(rows.values("changes", "note", "target_repr"))], ensure_ascii=False, default=str)
    assert SECRET_SUBJECT not in dumped and "XYZ" not in dumped
    task_rows = AuditEntry.objects.filter(action="directives.task.created", target_repr__contains="99-CV/TU")
    assert task_rows.exists() and "XYZ" not in json.dumps(list(task_rows.values("changes", "target_repr")),
                                                         ensure_ascii=False, default=str)


def test_reminders_of_secret_work_go_to_readers_only(secret, users):
    assignment = Assignment.objects.get(task__document=secret)
    assert assignment.unit == users["dandan"].unit
    # tuyengiao works elsewhere; add a non-reader colleague in the assigned unit.
    from sohoi.accounts.services import user_create

    colleague = user_create(actor=None, username="dandan.hai", password="x", full_name="Đồng nghiệp",
                            unit=assignment.unit, roles=["mass_mobilisation"], check_password=False)
    reminders_send(days=7, on=datetime.date(2013, 5, 2))
    keys = f"directives.remind:{assignment.pk}:"
    assert Notification.objects.filter(user=users["dandan"], key__startswith=keys).exists()  # the registrar
    assert not Notification.objects.filter(user=colleague, key__startswith=keys).exists()
    assert not Notification.objects.filter(body__contains="XYZ").exclude(
        user__in=[users["dandan"], users["thuongtruc"]]).exists()
    assert not Notification.objects.filter(title__contains="XYZ").exists()


def test_rollup_of_other_documents_is_unaffected_and_secret_counts_hidden(secret, login):
    body = login("quantri").get("/api/v1/directives/assignments", {"page_size": 500}).json()
    ids = {row["id"] for row in body["items"]}
    assert not ids & set(Assignment.objects.filter(task__document=secret).values_list("pk", flat=True))
    assert Document.objects.filter(pk=secret.pk).exists()
