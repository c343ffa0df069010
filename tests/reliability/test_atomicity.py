"""Multi-step services are all-or-nothing: the work is killed midway and nothing half-written remains.

Two ways of killing it:
- in-process: an inner step of the service is made to raise (after earlier steps have written rows), and
  every table of the database is counted before and after (plus the audit trail, which is append-only);
- out of process: `sohoi ingest --confirm` runs in a subprocess, is held at the middle of the fan-out
  (some assignments written, not all) and SIGKILLed; the database is then opened afresh and checked.
  The subprocess works on a copy of the SQLite test database; the PostgreSQL variant runs in `make load`
  (loadtest/run.py, step "ingest killed midway").
"""

from __future__ import annotations

import datetime
import io
import os
import sqlite3

import pytest
from django.apps import apps
from django.db import connection
from openpyxl import Workbook

from loadtest.killing import VARIANT_CODE, run_and_kill_midway, variant_of_the_seed
from sohoi.associations.models import Association, Member
from sohoi.associations.services import roster as roster_service
from sohoi.associations.services.roster import COLUMNS
from sohoi.directives.models import Assignment, Document, Task
from sohoi.directives.services import proposals
from sohoi.orgs.models import Unit, UnitGroup


class Killed(Exception):
    """Stands for the process dying at this point."""


def row_counts() -> dict[str, int]:
    """Rows of every table of the project (and auth/sessions), so a half-write anywhere shows."""
    return {m._meta.label: m._base_manager.count() for m in apps.get_models()
            if not m._meta.proxy and m._meta.managed}


def _xlsx(rows) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(list(COLUMNS.values()))
    for r in rows:
        sheet.append(r)
    buf = io.BytesIO()
    book.save(buf)
    buf.seek(0)
    return buf


FIRST = [["Lê Văn Một", "Nam", 1980, "092080001111", "0901000001", "Cá nhân", "05/09/2023", "", "Có"],
         ["Trần Thị Hai", "Nữ", 1990, "092090002222", "", "Danh dự", "2024-01-15", "", "Không"]]
# Re-import: both existing members change (update) and 50 new ones arrive (create).
SECOND = [[*FIRST[0][:4], "0909999999", *FIRST[0][5:]], [*FIRST[1][:4], "0908888888", *FIRST[1][5:]]] + [
    [f"Hội Viên Số {i}", "Nam", 1970 + i % 30, f"0920{i:08d}", "", "Cá nhân", "01/01/2020", "", "Không"]
    for i in range(50)]


@pytest.mark.parametrize("kill_at", ["bulk_update", "audit"])
def test_roster_import_killed_midway_leaves_nothing(users, monkeypatch, kill_at):
    hkh = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    actor = users["hoi.khuyenhoc"]
    first = roster_service.roster_import(actor=actor, association=hkh, upload=_xlsx(FIRST), filename="a.xlsx",
                                         dry_run=False)
    assert first.ok and first.created == 2
    before = row_counts()
    phones = dict(Member.objects.filter(association=hkh).values_list("id_number", "phone"))

    if kill_at == "bulk_update":  # after the 50 new rows were inserted
        def boom(model, *args, **kwargs):  # the update step (core.bulk.update, one executemany)
            assert model is Member
            assert Member.objects.filter(association=hkh).count() == len(phones) + 50  # the creates happened
            raise Killed
        monkeypatch.setattr(roster_service.bulk, "update", boom)
    else:  # the last step: the audit row, after every member row was written
        class Audit:
            @staticmethod
            def record(**kwargs):
                raise Killed
        monkeypatch.setattr(roster_service, "audit", Audit)

    with pytest.raises(Killed):
        roster_service.roster_import(actor=actor, association=hkh, upload=_xlsx(SECOND), filename="b.xlsx",
                                     dry_run=False)
    assert row_counts() == before
    assert dict(Member.objects.filter(association=hkh).values_list("id_number", "phone")) == phones

    monkeypatch.undo()  # the same import, not killed, goes through in full
    again = roster_service.roster_import(actor=actor, association=hkh, upload=_xlsx(SECOND), filename="b.xlsx",
                                         dry_run=False)
    assert (again.created, again.updated) == (50, 2)
    assert row_counts()["associations.Member"] == before["associations.Member"] + 50


def _new_document(users) -> Document:
    """A plan with three tasks: one to a unit, two to named groups (fanned out to many units)."""
    from sohoi.directives.choices import Direction, DocType, System
    from sohoi.directives.services import document_create

    issuer = Unit.objects.get(name="Ban Dân vận Thành ủy")
    groups = list(UnitGroup.objects.all()[:2])
    assert groups, "the demo defines named groups"
    leads = [f"unit:{Unit.objects.get(name='Quận ủy Ninh Kiều').pk}"] + [f"group:{g.pk}" for g in groups]
    tasks = [{"no": str(i), "text": f"Nhiệm vụ thử {i}", "include": True, "deadline": "2026-12-31", "recurrence": "",
              "leads": [{"name": "Đơn vị", "choice": choice}], "coordinators": []}
             for i, choice in enumerate(leads, start=1)]
    return document_create(actor=users["dandan"], fields={
        "system": System.PARTY, "doc_type": DocType.KE_HOACH, "issuer": issuer, "issuer_name": issuer.name,
        "number": "999", "symbol": "KH/BDVTU", "code": "999-KH/BDVTU", "date": datetime.date(2026, 3, 2),
        "place": "Cần Thơ", "subject": "Kế hoạch thử tính nguyên tử", "direction": Direction.OUTGOING,
        "parent": None, "signer_name": "", "recipients": [], "proposal": {"tasks": tasks}})


@pytest.mark.parametrize("kill_at", ["fan_out", "final_audit"])
def test_document_confirm_killed_midway_leaves_nothing(users, monkeypatch, kill_at, mailoutbox):
    document = _new_document(users)
    before = row_counts()
    opened = []
    real_open = proposals.assignment_open

    if kill_at == "fan_out":  # midway through the assignments of the second task
        def open_then_die(**kwargs):
            opened.append(real_open(**kwargs))
            if len(opened) == 3:
                raise Killed
            return opened[-1]
        monkeypatch.setattr(proposals, "assignment_open", open_then_die)
    else:  # the very last write: the document's "confirmed" audit row
        real_record = proposals.audit.record

        class Audit:
            record_many = staticmethod(proposals.audit.record_many)  # the fan-out's rows, written for real

            @staticmethod
            def record(**kwargs):
                if kwargs.get("action") == "directives.document.tasks_confirmed":
                    assert Task.objects.filter(document=document).count() == 3  # everything else is written
                    raise Killed
                return real_record(**kwargs)
        monkeypatch.setattr(proposals, "audit", Audit)

    with pytest.raises(Killed):
        proposals.document_confirm(actor=users["dandan"], document=document)
    assert row_counts() == before
    document.refresh_from_db()
    assert document.confirmed_at is None
    assert not Assignment.objects.filter(task__document=document).exists()
    assert mailoutbox == []  # nobody was told about work that does not exist

    monkeypatch.undo()
    tasks = proposals.document_confirm(actor=users["dandan"], document=Document.objects.get(pk=document.pk))
    assert len(tasks) == 3 and Assignment.objects.filter(task__document=document).count() >= 3


def test_ingest_process_killed_midway_leaves_no_half_confirmed_document(tmp_path, django_db_setup,
                                                                         django_db_blocker):
    if connection.vendor != "sqlite":
        pytest.skip("on PostgreSQL this runs in `make load` (loadtest/run.py), on a database of its own")
    copy = tmp_path / "copy.sqlite3"
    # Outside any test transaction (no lock held), copy the session's test database with the demo data.
    with django_db_blocker.unblock():
        connection.ensure_connection()
        assert not connection.in_atomic_block
        target = sqlite3.connect(copy)
        connection.connection.backup(target)
        target.close()

    def count(sql: str, *params) -> int:
        with sqlite3.connect(copy) as db:  # a fresh connection: recovers from the killed writer's journal
            return db.execute(sql, params).fetchone()[0]

    tables = [r[0] for r in sqlite3.connect(copy).execute(
        "select name from sqlite_master where type='table' and name not like 'sqlite_%'")]
    before = {t: count(f'select count(*) from "{t}"') for t in tables}  # noqa: S608 - table names from the schema
    last_audit = count("select coalesce(max(id), 0) from core_auditentry")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{copy}", "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"}
    run_and_kill_midway(env, variant_of_the_seed(tmp_path))

    after = {t: count(f'select count(*) from "{t}"') for t in tables}  # noqa: S608
    changed = {t: (before[t], after[t]) for t in tables if before[t] != after[t]}
    # Registering the document is its own, committed step (the document, what it cites, one audit row);
    # the confirmation (tasks, assignments, their audit rows, the "confirmed" mark) was killed midway and
    # must have left nothing.
    assert set(changed) <= {"directives_document", "directives_document_cites", "directives_documentfile",
                            "core_auditentry", "orgs_unitalias"}, changed
    assert count("select count(*) from directives_document where code=? and confirmed_at is null", VARIANT_CODE) == 1
    assert count("select count(*) from directives_task") == before["directives_task"]
    assert count("select count(*) from directives_assignment") == before["directives_assignment"]
    new_actions = [r[0] for r in sqlite3.connect(copy).execute(
        "select action from core_auditentry where id > ?", (last_audit,))]
    assert new_actions and all(a.startswith("directives.document.registered") or a.startswith("orgs.")
                               for a in new_actions), new_actions
