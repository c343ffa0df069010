"""Every write of the reports app, for the write matrix (tests/test_permission_matrix.py).

The oracle, written by hand from the rule: the periodic report is requested by the roles that report upward,
the read-all roles (thuongtruc, dandan, tuyengiao, quantri) and the Party committees (quanuy.ninhkieu,
huyenuy.phongdien); nobody else (the Department, the People's Committee, the Front, association staff)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from sohoi.reports.models import ReportJob
from tests.permission_matrix import Operation

REPORTERS = {"thuongtruc", "dandan", "tuyengiao", "quantri", "quanuy.ninhkieu", "huyenuy.phongdien"}

OPERATIONS = [
    Operation(name="reports.generate (page)", route="reports:report_new",
              url=lambda t: reverse("reports:report_new"), targets=lambda: [None],
              payload=lambda t: {"period": "2026-Q3", "format": "xlsx"},
              allowed=lambda u, user, t: u in REPORTERS, state=lambda t: ReportJob.objects.count(),
              action="reports.job.created", audit_target=False),
    Operation(name="reports.generate (API)", route="POST /api/v1/reports/periodic", api=True,
              url=lambda t: "/api/v1/reports/periodic", targets=lambda: [None],
              payload=lambda t: {"period": "2026-Q3", "format": "xlsx"},
              allowed=lambda u, user, t: u in REPORTERS, state=lambda t: ReportJob.objects.count(),
              action="reports.job.created", audit_target=False),
]


def _doc(code: str) -> Any:
    from sohoi.directives.models import Document

    return Document.objects.get(code=code, is_stub=False)


def _plans(target: Any) -> int:
    from sohoi.directives.models import Document

    return Document.objects.filter(parent=target).count()


def _entries(target: Any) -> int:
    from sohoi.reports.models import BookEntry

    return BookEntry.objects.filter(document=target).count()


# The implementing plan: drafted and issued by a unit given a task of the document that directs at least one
# body in operation today. On 752-CV/TU: the district committees, the People's Committee, the Front, the
# city Board, the two city associations (the Department of Home Affairs directs nobody: its POST is answered
# with the message and writes nothing); the Standing Board, Propaganda and the administrator were given no
# task. Nobody of the demo users' units was given a task of 45-KH/QU.
PLANNERS_752 = {"quanuy.ninhkieu", "huyenuy.phongdien", "ubnd", "mattran", "dandan", "hoi.khuyenhoc", "hoi.chuthapdo"}
# Who reads which document: 752-CV/TU every user of a unit; 45-KH/QU the read-all boards and its issuer.
READERS_45 = {"dandan", "thuongtruc", "tuyengiao", "quanuy.ninhkieu"}

OPERATIONS += [
    Operation(name="reports.plan_register (page)", route="reports:plan_draft",
              url=lambda t: reverse("reports:plan_draft", args=[t.pk]),
              targets=lambda: [_doc("752-CV/TU"), _doc("45-KH/QU")],
              payload=lambda t: {"action": "register"},
              allowed=lambda u, user, t: t.code == "752-CV/TU" and u in PLANNERS_752,
              state=_plans, action="reports.plan.registered", audit_target=False),
    Operation(name="reports.book_incoming (page)", route="reports:book_register_incoming",
              url=lambda t: reverse("reports:book_register_incoming", args=[t.pk]),
              targets=lambda: [_doc("752-CV/TU"), _doc("45-KH/QU")],
              payload=lambda t: {"note": "Bản sao nhận qua Sổ Hội"},
              allowed=lambda u, user, t: u != "quantri" if t.code == "752-CV/TU" else u in READERS_45,
              state=_entries, action="reports.book.incoming_registered"),
    Operation(name="reports.book_outgoing (page)", route="reports:book_register_outgoing",
              url=lambda t: reverse("reports:book_register_outgoing", args=[t.pk]),
              targets=lambda: [_doc("752-CV/TU"), _doc("45-KH/QU")],
              payload=lambda t: {},
              allowed=lambda u, user, t: t.code == "45-KH/QU" and u == "quanuy.ninhkieu",
              state=_entries, action="reports.book.outgoing_registered"),
]

# The same three writes through the API (issue 17: API parity), with the pages' oracles.
OPERATIONS += [
    Operation(name="reports.plan_register (API)", route="POST /api/v1/reports/plans/{document_id}", api=True,
              url=lambda t: f"/api/v1/reports/plans/{t.pk}",
              targets=lambda: [_doc("752-CV/TU"), _doc("45-KH/QU")],
              payload=lambda t: {},
              allowed=lambda u, user, t: t.code == "752-CV/TU" and u in PLANNERS_752,
              state=_plans, action="reports.plan.registered", audit_target=False),
    Operation(name="reports.book_incoming (API)", route="POST /api/v1/reports/books/incoming/{document_id}",
              api=True, url=lambda t: f"/api/v1/reports/books/incoming/{t.pk}",
              targets=lambda: [_doc("752-CV/TU"), _doc("45-KH/QU")],
              payload=lambda t: {"note": "Bản sao nhận qua API"},
              allowed=lambda u, user, t: u != "quantri" if t.code == "752-CV/TU" else u in READERS_45,
              state=_entries, action="reports.book.incoming_registered"),
    Operation(name="reports.book_outgoing (API)", route="POST /api/v1/reports/books/outgoing/{document_id}",
              api=True, url=lambda t: f"/api/v1/reports/books/outgoing/{t.pk}",
              targets=lambda: [_doc("752-CV/TU"), _doc("45-KH/QU")],
              payload=lambda t: {},
              allowed=lambda u, user, t: t.code == "45-KH/QU" and u == "quanuy.ninhkieu",
              state=_entries, action="reports.book.outgoing_registered"),
]
