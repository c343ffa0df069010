"""Audited writes for the audit-coverage test (tests/test_audit_coverage.py)."""

import datetime
import io
import itertools

from openpyxl import Workbook

from sohoi.accounts.models import User
from sohoi.associations import services
from sohoi.associations.choices import ScopeLevel
from sohoi.associations.models import (
    Association,
    AssociationTransition,
    CharterVersion,
    Congress,
    FieldOfActivity,
    FoundingDossier,
    ImportJob,
    Leader,
    LegalRule,
    LineageEvent,
    Member,
    MonitoringLog,
    OfficerAssignment,
)
from sohoi.associations.services.roster import COLUMNS
from sohoi.orgs.models import Unit

D = datetime.date(2026, 3, 2)


def _assoc():
    return Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")


_seq = itertools.count(1)


def _new(actor):
    # A fresh name each time: a second registration under the same name is refused as a duplicate.
    return services.association_create(actor=actor, name=f"Hội Cây cảnh Nghệ nhân thử {next(_seq)}",
                                       scope_level=ScopeLevel.PROVINCE,
                                       field=FieldOfActivity.objects.first(), parent=Unit.objects.get(code="MTTQ"))


def _transition(actor):
    a = _new(actor)
    services.association_transition(actor=actor, association=a, action="file_dossier", decision_number="12/TTr-BVĐ",
                                     decision_date=D, decision_issuer="Ban vận động")
    return AssociationTransition.objects.filter(association=a).latest("pk")


def _lineage(actor):
    a, b = _new(actor), _assoc()
    for action in ("file_dossier", "permit", "hold_first_congress", "approve_charter"):
        services.association_transition(actor=actor, association=a, action=action, decision_number="1/QĐ-SNV",
                                        decision_date=D, decision_issuer="Sở Nội vụ")
        a.refresh_from_db()
    services.association_transition(actor=actor, association=a, action="merge", decision_number="2/QĐ-SNV",
                                    decision_date=D, decision_issuer="Sở Nội vụ", successors=[b])
    return LineageEvent.objects.filter(predecessor=a).latest("pk")


def _member(actor):
    book = Workbook()
    book.active.append(list(COLUMNS.values()))
    book.active.append(["Phạm Văn Thử", "Nam", 1985, "092085009999", "", "Cá nhân", "05/09/2023", "", "Không"])
    buf = io.BytesIO()
    book.save(buf)
    buf.seek(0)
    services.roster_import(actor=actor, association=_assoc(), upload=buf, filename="ds.xlsx", dry_run=False)
    return Member.objects.get(full_name="Phạm Văn Thử")


def _assignment(actor):
    officer = User.objects.get(username="canbonoivu")
    return services.officer_assign(actor=actor, association=_new(actor), officer=officer, started_on=D)


def _register_job(actor):
    """A register import run as a job (the page's path): the import writes one audit row with its actor."""
    import tempfile

    from sohoi.associations.services.register_import import register_import_job, register_template

    with tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False) as f:
        f.write(register_template())
    job = ImportJob.objects.create(created_by=actor, filename="mau.xlsx", path=f.name, dry_run=False)
    return register_import_job(job.pk)


WRITES = {
    Association: _new,
    ImportJob: _register_job,
    AssociationTransition: _transition,
    LineageEvent: _lineage,
    FoundingDossier: lambda actor: FoundingDossier.objects.get(association=_new(actor)),
    FieldOfActivity: lambda actor: services.field_create(actor=actor, code="thu", name="Lĩnh vực thử"),
    CharterVersion: lambda actor: services.charter_add(actor=actor, association=_assoc(), label="Điều lệ sửa đổi 2026",
                                                       decision_number="99/QĐ-SNV", decision_date=D,
                                                       decision_issuer="Sở Nội vụ"),
    Congress: lambda actor: services.congress_record(actor=actor, association=_assoc(), number=99, held_on=D,
                                                     expected=100, attended=80),
    Leader: lambda actor: services.leader_appoint(actor=actor, association=_assoc(), full_name="Đỗ Thị Thử",
                                                  position="vice_president", started_on=D),
    Member: _member,
    OfficerAssignment: _assignment,
    MonitoringLog: lambda actor: services.monitoring_log_add(actor=actor, association=_assoc(), on=D, kind="visit",
                                                             text="Làm việc với Thường trực hội"),
    LegalRule: lambda actor: services.legal_rule_create(actor=actor, data={
        "code": "term_years", "label": "Nhiệm kỳ thử", "value": 5, "unit": "years", "scope_level": "commune",
        "legal_basis": "Thử", "valid_from": datetime.date(2040, 1, 1)}),
}
