"""Who reads the audit trail (issue 10): each test replays a leak through real requests and sees it closed.

- rows about a secret document and everything of it are read only by its readers and registrar, on the audit
  list and detail pages, the API and the History tabs, also when the document became secret later;
- the History tab is shown to those who may change the object and to read-all roles; reads of sensitive
  personal data appear only to administrators;
- the bulk paths (register import, confirmation fan-out) write one row per object, in bulk.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sohoi.associations.models import Association
from sohoi.core import audit
from sohoi.core.audit_access import SENSITIVE_READ_SUFFIX, audit_visible, hidden_secret_documents
from sohoi.core.models import AuditEntry
from sohoi.core.scoping import restrict
from sohoi.directives.choices import Secrecy
from sohoi.directives.models import Assignment, Document, ProgressReport, Task
from sohoi.directives.services import document_confirm, document_register, progress_report_submit

pytestmark = pytest.mark.django_db

SOURCE = Path(__file__).resolve().parents[2]  # the sohoi package

LETTER = """THÀNH ỦY CẦN THƠ
*
Số {n}-CV/TU
V/v nắm tình hình nội bộ một hội

ĐẢNG CỘNG SẢN VIỆT NAM
Cần Thơ, ngày 05 tháng 3 năm 2013

Kính gửi: Ban Dân vận Thành ủy

1 - Ban Dân vận Thành ủy nắm tình hình nội bộ hội, báo cáo Thường trực Thành ủy trước ngày 30/4/2013.

Nơi nhận:
- Như trên
- Lưu

Nguyễn Văn An
"""
MILESTONE = "Mốc-mật-QWZ"
FILE_NAME = "danh-sach-QWZ.txt"


def _document(users, n: int, **meta) -> Document:
    doc, _ = document_register(actor=users["dandan"], text=LETTER.format(n=n), meta=meta)
    document_confirm(actor=users["dandan"], document=doc)
    assignment = Assignment.objects.get(task__document=doc)
    progress_report_submit(actor=users["dandan"], assignment=assignment, text="Đã nắm tình hình.",
                           milestone=MILESTONE, files=[(FILE_NAME, b"ten, don vi")])
    return doc


def _rows_of(doc: Document) -> list[AuditEntry]:
    """Every audit row about the document and the things that belong to it (written by the services above)."""
    targets = [doc, *Task.objects.filter(document=doc), *Assignment.objects.filter(task__document=doc),
               *ProgressReport.objects.filter(assignment__task__document=doc)]
    rows = [row for t in targets for row in audit.history_for(t)]
    assert {r.action for r in rows} >= {"directives.document.registered", "directives.task.created",
                                        "directives.assignment.opened", "directives.report.submitted"}
    return rows


def _api_ids(client, **params) -> set[int]:
    body = client.get("/api/v1/audit", {"page_size": 500, **params}).json()
    return {item["id"] for item in body["items"]}


@pytest.fixture
def secret(users) -> Document:
    return _document(users, 9101, secrecy=Secrecy.SECRET, readers=[users["thuongtruc"]])


def test_administrator_no_longer_reads_secret_rows_on_the_audit_pages_and_api(secret, users, login):
    rows = _rows_of(secret)
    normal = _document(users, 9102)  # control: the same writes on a normal document stay visible
    control = _rows_of(normal)
    admin = login("quantri")
    listing = admin.get("/nhat-ky/", {"actor": "dandan"}).content.decode()
    api_ids = _api_ids(admin, actor="dandan")
    for row in control:
        assert f"/nhat-ky/{row.pk}/" in listing and row.pk in api_ids, row.action
    for row in rows:
        assert f"/nhat-ky/{row.pk}/" not in listing, row.action
        assert row.pk not in api_ids, row.action
        assert admin.get(f"/nhat-ky/{row.pk}/").status_code == 404, row.action
        assert admin.get(f"/api/v1/audit/{row.pk}").status_code == 404, row.action
    assert MILESTONE in str([r.changes for r in control])  # the kind of detail that used to leak
    assert secret.code not in listing and FILE_NAME not in listing and MILESTONE not in listing


def test_rows_written_before_a_document_was_made_secret_are_hidden_too(users, login):
    doc = _document(users, 9103)
    rows = _rows_of(doc)
    admin = login("quantri")
    assert {r.pk for r in rows} <= _api_ids(admin, actor="dandan")
    # The registrar grades it secret later: what the rows say (assigned unit, milestones, actor's unit) is now
    # secret as well, so the rule follows the document's current secrecy, not the one at writing time.
    Document.objects.filter(pk=doc.pk).update(secrecy=Secrecy.CONFIDENTIAL)
    assert not {r.pk for r in rows} & _api_ids(admin, actor="dandan")
    assert admin.get(f"/nhat-ky/{rows[0].pk}/").status_code == 404
    registrar = login("dandan")
    page = registrar.get(f"/van-ban/{doc.pk}/").content.decode()
    assert 'id="panel-history"' in page and "Vào sổ văn bản" in page


def test_history_tabs_of_a_secret_document_show_its_rows_to_readers_only(secret, users, login):
    task = secret.tasks.get()
    assignment = Assignment.objects.get(task=task)
    for name in ("thuongtruc", "dandan"):  # a named reader, the registrar
        client = login(name)
        assert "Vào sổ văn bản" in client.get(f"/van-ban/{secret.pk}/").content.decode(), name
        assert "Tạo nhiệm vụ" in client.get(f"/van-ban/nhiem-vu/{task.pk}/").content.decode(), name
        page = client.get(f"/van-ban/giao-viec/{assignment.pk}/").content.decode()
        assert "Giao nhiệm vụ cho đơn vị" in page, name
    # Outside the pages too: the one filter, asked directly for a read-all non-reader.
    ids = {r.pk for r in _rows_of(secret)}
    assert not audit_visible(AuditEntry.objects.filter(pk__in=ids), users["tuyengiao"]).exists()
    assert audit_visible(AuditEntry.objects.filter(pk__in=ids), users["thuongtruc"]).count() == len(ids)


def test_hidden_secret_documents_agree_with_the_register_scope(secret, users):
    """The audit filter restates the register's secrecy rule (readers + registrar); both must say the same."""
    assert Document.objects.exclude(secrecy=Secrecy.NORMAL).exists()
    for name, user in users.items():
        invisible = set(Document.objects.exclude(secrecy=Secrecy.NORMAL).exclude(
            pk__in=restrict(Document.objects.all(), user).values("pk")).values_list("pk", flat=True))
        assert set(hidden_secret_documents(user).values_list("pk", flat=True)) == invisible, name


def test_audit_filter_is_one_query(secret, users, django_assert_num_queries):
    user = users["quantri"]
    list(audit_visible(AuditEntry.objects.all(), user)[:5])  # warms the ContentType cache and the user's roles
    with django_assert_num_queries(1):
        rows = list(audit_visible(AuditEntry.objects.select_related("actor"), user)[:50])
    assert rows


def test_history_tab_only_for_those_who_may_change_or_read_all(login):
    a = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    # mattran and ubnd see the association but may not change it and are not read-all roles.
    for name, shown in [("mattran", False), ("ubnd", False), ("noivu", True), ("hoi.khuyenhoc", True),
                        ("tuyengiao", True), ("quantri", True)]:
        response = login(name).get(f"/hoi/{a.pk}/")
        assert response.status_code == 200, name
        body = response.content.decode()
        assert ('id="tab-history"' in body) is shown, name
        assert ('id="panel-history"' in body) is shown, name


def test_generic_detail_pages_hide_the_history_tab_too(login):
    from sohoi.orgs.models import Unit

    unit = Unit.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    assert 'id="tab-history"' in login("quantri").get(f"/don-vi/{unit.pk}/").content.decode()
    response = login("mattran").get(f"/don-vi/{unit.pk}/")
    if response.status_code == 200:  # in scope: the page is shown, its history is not
        assert 'id="tab-history"' not in response.content.decode()


def test_sensitive_reads_appear_only_to_administrators(login):
    a = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    login("dandan").get(f"/hoi/{a.pk}/")  # a sensitive-data role reads party membership: recorded
    read = AuditEntry.objects.filter(action="associations.leader.sensitive_viewed", target_id=str(a.pk)).latest("id")
    code = "associations.leader.sensitive_viewed"
    label = "Xem dữ liệu nhạy cảm của lãnh đạo hội"  # how the History tab names that row
    # Those who see the History tab but are not administrators: no trace of who read what.
    for name in ("noivu", "hoi.khuyenhoc", "dandan", "thuongtruc"):
        body = login(name).get(f"/hoi/{a.pk}/").content.decode()
        assert 'id="panel-history"' in body and label not in body and code not in body, name
    admin = login("quantri")
    assert label in admin.get(f"/hoi/{a.pk}/").content.decode()
    assert f"/nhat-ky/{read.pk}/" in admin.get("/nhat-ky/", {"action": code}).content.decode()
    assert read.pk in _api_ids(admin, action=code)


def test_only_administrators_open_the_audit_list(login):
    for name in ("thuongtruc", "dandan", "noivu"):
        assert login(name).get("/nhat-ky/").status_code == 403, name
    assert login("quantri").get("/nhat-ky/").status_code == 200


def test_pages_show_history_only_through_the_visibility_filter():
    """`audit.history_for` is unfiltered: a page, API handler or template tag that calls it would leak."""
    offenders = []
    for path in SOURCE.rglob("*.py"):
        rel = path.relative_to(SOURCE).as_posix()
        if "/tests/" in rel or rel in ("core/audit.py", "core/audit_access.py"):
            continue
        if "history_for(" in path.read_text(encoding="utf-8"):
            offenders.append(rel)
    assert offenders == []


def test_sensitive_read_action_codes_follow_the_convention():
    """The filter recognises sensitive reads by their code's ending; a read recorded under another code
    would show up in History tabs again."""
    codes = set()
    for path in SOURCE.rglob("*.py"):
        if "/tests/" in path.as_posix():
            continue
        codes |= set(re.findall(r'action="([a-z_.]+)"', path.read_text(encoding="utf-8")))
    reads = {c for c in codes if re.search(r"(^|_)(viewed|read|seen|sensitive)(_|$)", c.rsplit(".", 1)[-1])}
    assert reads and all(c.endswith(SENSITIVE_READ_SUFFIX) for c in reads), sorted(reads)


def _csv(tmp_path, names: list[str], members: int = 120) -> Path:
    from sohoi.associations.services.register_import import COLUMNS

    path = tmp_path / "danh-ba.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS.values())
        for name in names:
            values = {"name": name, "field": "Khác", "scope_level": "Xã, phường", "territory": "Phường An Bình",
                      "status": "Đang hoạt động", "members": str(members), "head_office": "Số 1 đường Hòa Bình"}
            writer.writerow([values.get(key, "") for key in COLUMNS])
    return path


def _inserts(queries, action: str) -> int:
    return sum(1 for q in queries if q["sql"].startswith('INSERT INTO "core_auditentry"') and action in q["sql"])


def test_register_import_writes_one_row_per_association_in_bulk(users, tmp_path, login):
    from sohoi.associations.services import register_import

    names = ["Hội Cây kiểng QWZ một", "Hội Cây kiểng QWZ hai", "Hội Cây kiểng QWZ ba"]
    path = _csv(tmp_path, names)
    with open(path, "rb") as f, CaptureQueriesContext(connection) as ctx:
        result = register_import(actor=users["noivu"], upload=f, filename=path.name, dry_run=False)
    assert result.ok and result.created == 3, result.errors
    created = Association.objects.filter(name__in=names)
    rows = AuditEntry.objects.filter(action="associations.association.imported", actor=users["noivu"])
    assert sorted(rows.values_list("target_id", flat=True)) == sorted(str(a.pk) for a in created)
    assert {r.target_type.model_class() for r in rows} == {Association}
    assert all(r.changes["name"][1] == r.target_repr for r in rows)
    assert AuditEntry.objects.filter(action="associations.register.imported", actor=users["noivu"]).count() == 1
    assert _inserts(ctx.captured_queries, "associations.association.imported") == 1  # one INSERT, three rows
    # The imported association now has a history on its page.
    body = login("noivu").get(f"/hoi/{created.get(name=names[0]).pk}/").content.decode()
    assert "Nhập từ danh bạ" in body

    # Importing again with a changed figure updates, and records that update on the association.
    path = _csv(tmp_path, names, members=130)
    with open(path, "rb") as f:
        again = register_import(actor=users["noivu"], upload=f, filename=path.name, dry_run=False)
    assert again.ok and again.updated == 3, again.errors
    updated = AuditEntry.objects.filter(action="associations.association.import_updated", actor=users["noivu"])
    assert sorted(updated.values_list("target_id", flat=True)) == sorted(str(a.pk) for a in created)
    assert all(r.changes["members_individual"] == [120, 130] for r in updated)


def test_confirmation_fan_out_writes_one_row_per_assignment_in_bulk(users):
    text = LETTER.format(n=9104).replace(
        "1 - Ban Dân vận Thành ủy nắm",
        "1 - Ban Dân vận Thành ủy, Ban Tuyên giáo Thành ủy nắm")
    doc, _ = document_register(actor=users["dandan"], text=text)
    with CaptureQueriesContext(connection) as ctx:
        document_confirm(actor=users["dandan"], document=doc)
    assignments = list(Assignment.objects.filter(task__document=doc))
    assert len(assignments) >= 1
    rows = AuditEntry.objects.filter(action="directives.assignment.opened",
                                     target_id__in=[str(a.pk) for a in assignments])
    assert sorted(rows.values_list("target_id", flat=True)) == sorted(str(a.pk) for a in assignments)
    assert {r.target_type.model_class() for r in rows} == {Assignment}
    assert all(r.actor == users["dandan"] and r.changes["unit"][1] for r in rows)
    assert _inserts(ctx.captured_queries, "directives.assignment.opened") == 1
