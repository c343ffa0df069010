"""Who sees the dashboard and writes the periodic report, declared once (design.md convention 12).

Every signed-in user sees the dashboard: each figure is counted within the reader's own scope (the
indicators restrict through their apps' selectors), so a district committee sees its district. The
Standing Committee's home page opens with the six points of the letter. The periodic report is written by
the roles that report upward: the read-all roles and the Party committees (for their own scope)."""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sohoi.accounts.choices import Role
from sohoi.core.permissions import declare, has_role, has_unit, is_authenticated, reads_all
from sohoi.core.scoping import ScopePolicy

is_standing = has_role(Role.STANDING_COMMITTEE)
writes_reports = reads_all | has_role(Role.PARTY_COMMITTEE)


def _own_jobs(user: Any, action: str) -> Q:
    from .models import ReportJob

    return Q(pk__in=ReportJob.objects.filter(created_by_id=user.pk).values("pk"))


# A report job is its requester's: nobody else follows or downloads it (the figures are the requester's scope).
JOB_SCOPE = ScopePolicy(unit_field=None, view_all=frozenset(), also=_own_jobs)

@rules.predicate
def issued_by_own_unit(user: Any, document: Any) -> bool:
    """The outgoing book holds what the unit itself issued."""
    return document is not None and user.unit_id is not None and document.issuer_id == user.unit_id


@rules.predicate
def unit_received_directive(user: Any, document: Any) -> bool:
    """The user's unit holds an assignment of the (confirmed) document: it has something to implement."""
    from sohoi.directives.models import Assignment

    return (document is not None and user.unit_id is not None
            and Assignment.objects.filter(task__document_id=document.pk, unit_id=user.unit_id).exists())


# A unit's books: its own subtree and the read-all roles (the unit_field rule).
BOOK_SCOPE = ScopePolicy(unit_field="unit")

declare("reports.view_dashboard", is_authenticated, label=_("Xem bảng số liệu"),
        refusal=_("Hãy đăng nhập để xem bảng số liệu."))
declare("reports.standing_home", is_standing, label=_("Trang chủ Thường trực: sáu điểm của Công văn 752-CV/TU"))
declare("reports.draft_unit_report", has_unit, label=_("Dự thảo báo cáo của đơn vị về văn bản được giao"),
        refusal=_("Chỉ người dùng thuộc một đơn vị mới dự thảo báo cáo của đơn vị."))
declare("reports.draft_plan", has_unit & unit_received_directive,
        label=_("Dự thảo kế hoạch thực hiện văn bản cấp trên"),
        refusal=_("Chỉ đơn vị được giao nhiệm vụ của văn bản này mới dự thảo kế hoạch thực hiện văn bản."))
declare("reports.book_incoming", has_unit, label=_("Vào sổ văn bản đến của đơn vị"),
        refusal=_("Tài khoản của bạn chưa gắn với đơn vị nào nên chưa có sổ văn bản đến."))
declare("reports.book_outgoing", has_unit & issued_by_own_unit, label=_("Vào sổ văn bản đi của đơn vị"),
        refusal=_("Sổ văn bản đi chỉ ghi văn bản do chính đơn vị của bạn ban hành."))
declare("reports.view_book", has_unit, label=_("Xem sổ văn bản của đơn vị"),
        refusal=_("Tài khoản của bạn chưa gắn với đơn vị nào nên chưa có sổ văn bản."))
declare("reports.generate", writes_reports, label=_("Lập báo cáo định kỳ"),
        refusal=_("Chỉ Ban Dân vận, Thường trực, Ban Tuyên giáo và cấp ủy lập báo cáo định kỳ."))


def default_reader() -> Any:
    """Whose scope `sohoi report` counts in when no user is named: the first active Standing Committee user,
    else the first active user of another read-all role (the periodic report is the city's); None if none."""
    from sohoi.accounts.choices import READ_ALL_ROLES
    from sohoi.accounts.models import User

    users = User.objects.filter(is_active=True, role_links__role__in=list(READ_ALL_ROLES)).distinct().order_by("pk")
    return users.filter(role_links__role=Role.STANDING_COMMITTEE).first() or users.first()
