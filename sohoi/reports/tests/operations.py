"""Every write of the reports app, for the write matrix (tests/test_permission_matrix.py).

The oracle, written by hand from the rule: the periodic report is requested by the roles that report upward,
the read-all roles (thuongtruc, dandan, tuyengiao, quantri) and the Party committees (quanuy.ninhkieu,
huyenuy.phongdien); nobody else (the Department, the People's Committee, the Front, association staff)."""

from __future__ import annotations

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

