"""Who sees and does what in the register, declared once: the SCOPE hooks of every directives model
(documents, tasks, assignments, reports, dissemination sessions) and the named actions services check
before writing (register as issuer, fill a stub, set secrecy, teach an alias, confirm, report, review,
urge, record a dissemination session).

Visibility of a document:
- a document of grade "thường" is seen by the read-all roles (Standing Committee, boards, admin), and by
  others when their unit (or a unit under it) issued it or was assigned one of its tasks, or they
  registered it;
- a secret document (mật, tối mật, tuyệt mật) is seen ONLY by its named readers and the person who
  registered it, whatever their role: administrators included, because secrecy is a legal grade, not a
  system function.
Tasks, assignments, periods, reports and attachments are seen only through a visible document.
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sohoi.accounts.choices import Role
from sohoi.core.permissions import (
    authenticated,
    declare,
    has_role,
    has_unit,
    is_admin,
    manages_documents,
    reads_all,
)
from sohoi.core.scoping import VIEW, ScopePolicy

from .choices import Secrecy

ALL = Q(pk__isnull=False)  # "every row"; an empty Q() would vanish when OR-ed with another Q
NONE = Q(pk__in=[])
# Roles that keep the register for the whole city and may change any (visible) document.
REGISTRAR_ROLES = frozenset({Role.ADMIN, Role.MASS_MOBILISATION})
# Default deadlines are reference rows: everyone reads them (the review screen cites them), the administrator changes them.
RULE_SCOPE = ScopePolicy(unit_field=None, everyone_views=True, change_all=frozenset({Role.ADMIN}))
# Roles that oversee every assignment and may accept or return reports (letter, point 6).
REVIEWER_ROLES = frozenset({Role.ADMIN, Role.MASS_MOBILISATION, Role.STANDING_COMMITTEE})
URGE_ROLES = frozenset({Role.ADMIN, Role.MASS_MOBILISATION})
# Dissemination (letter, points 1 and 6): the boards organise and follow it for the whole city and may
# correct any session they can see; the units record their own.
ORGANISER_ROLES = frozenset({Role.ADMIN, Role.MASS_MOBILISATION, Role.PROPAGANDA})
RECORDER_ROLES = frozenset({Role.PARTY_COMMITTEE, Role.ASSOCIATION_STAFF, Role.FATHERLAND_FRONT,
                            Role.HOME_AFFAIRS, Role.PEOPLES_COMMITTEE, Role.CLERK})
is_registrar = has_role(*REGISTRAR_ROLES)
is_reviewer_role = has_role(*REVIEWER_ROLES)
is_organiser = has_role(*ORGANISER_ROLES)
is_recorder = has_role(*RECORDER_ROLES)


_authenticated = authenticated


def _unit_path(user: Any) -> str | None:
    return user.unit.path if user.unit_id and user.unit.path else None


def _secret_readable(user: Any) -> Q:
    from .models import Document

    readable = Document.readers.through.objects.filter(user_id=user.pk).values("document_id")
    return ~Q(secrecy=Secrecy.NORMAL) & (Q(created_by_id=user.pk) | Q(pk__in=readable))


def document_q(user: Any, action: str = VIEW) -> Q:
    from .models import Assignment

    if not _authenticated(user):
        return NONE
    path = _unit_path(user)
    mine = Q(created_by_id=user.pk)
    if path:
        mine |= Q(issuer__path__startswith=path)
        mine |= Q(pk__in=Assignment.objects.filter(unit__path__startswith=path).values("task__document_id"))
    if action == VIEW:
        open_docs = ALL if reads_all(user) else mine
    else:
        open_docs = ALL if is_registrar(user) else (Q(created_by_id=user.pk) | (
            Q(issuer__path__startswith=path) if path else NONE))
    return (Q(secrecy=Secrecy.NORMAL) & open_docs) | _secret_readable(user)


def _rebase(q: Q, prefix: str) -> Q:
    """`q`, written for a Document, as a condition on the document reached by `prefix` ("task__document__")."""
    out = Q()
    out.connector, out.negated = q.connector, q.negated
    out.children = [_rebase(c, prefix) if isinstance(c, Q) else (f"{prefix}{c[0]}", c[1]) for c in q.children]
    return out


def visible_document_ids(user: Any, action: str = VIEW):
    from .models import Document

    return Document.objects.filter(document_q(user, action)).values("pk")


def task_q(user: Any, action: str = VIEW) -> Q:
    if not _authenticated(user):
        return NONE
    return Q(document_id__in=visible_document_ids(user, action))


def assignment_q(user: Any, action: str = VIEW, prefix: str = "") -> Q:
    """Through a visible document; besides the read-all roles, a unit sees its own assignments (and those of
    units under it) and every assignment of the documents it issued (it oversees them). `prefix`: the path
    to the assignment from a row of it ("assignment__")."""
    if not _authenticated(user):
        return NONE
    # The document rule on the assignment's own document row (joined anyway for the state), not
    # `document_id IN (every visible document)`, a list built again for every query.
    docs = _rebase(document_q(user), f"{prefix}task__document__")
    if reads_all(user):
        return docs
    path = _unit_path(user)
    if not path:
        return NONE
    return docs & (Q(**{f"{prefix}unit__path__startswith": path})
                   | Q(**{f"{prefix}task__document__issuer__path__startswith": path}))


def visible_assignment_ids(user: Any):
    from .models import Assignment

    return Assignment.objects.filter(assignment_q(user)).values("pk")


def child_of_assignment_q(user: Any, action: str = VIEW) -> Q:
    """A row of a visible assignment: the assignment's own rule through the join, not `assignment_id IN (every
    visible assignment)`, which built the whole list before the first report (the review queue's count)."""
    if not _authenticated(user):
        return NONE
    return assignment_q(user, prefix="assignment__")


def attachment_q(user: Any, action: str = VIEW) -> Q:
    from .models import ProgressReport

    if not _authenticated(user):
        return NONE
    return Q(report_id__in=ProgressReport.objects.filter(child_of_assignment_q(user)).values("pk"))




def session_q(user: Any, action: str = VIEW) -> Q:
    """Dissemination sessions, through a visible document (secrecy applies to every role, as in the
    register); then the read-all roles see every session, others those of units in their subtree and
    those on documents their unit issued. Changes: the organising boards for every visible session, a
    recording unit for its own subtree."""
    if not _authenticated(user):
        return NONE
    docs = Q(document_id__in=visible_document_ids(user))
    path = _unit_path(user)
    if action == VIEW:
        if reads_all(user):
            return docs
        if not path:
            return NONE
        return docs & (Q(unit__path__startswith=path) | Q(document__issuer__path__startswith=path))
    if is_organiser(user):
        return docs
    if path and is_recorder(user):
        return docs & Q(unit__path__startswith=path)
    return NONE


def reviewable_reports_q(user: Any) -> Q:
    """The `directives.review_report` rule in SQL, for the review queue: reports of other units, never
    the user's own, on every document for the reviewer roles and on the documents the user's unit issued."""
    if not _authenticated(user):
        return NONE
    q = ~Q(created_by_id=user.pk)
    if user.unit_id:
        q &= ~Q(assignment__unit_id=user.unit_id)
    if is_reviewer_role(user):
        return q
    return q & Q(assignment__task__document__issuer_id=user.unit_id) if user.unit_id else NONE


def directed_units_q(body: Any) -> Q:
    """Units a body may give tasks to: its own subtree and, for a Party committee (and its boards), every
    body of the political system seated in its territory (the Party leads the People's Committee, the
    Front and the associations of its area, which sit in other branches of the tree)."""
    from sohoi.orgs.choices import UnitKind

    if body is None:
        return NONE
    if body.kind == UnitKind.PARTY_BOARD and body.parent_id:
        body = body.parent  # a board of a Party committee (Ban Dân vận Thành ủy) works for its committee
    q = Q(path__startswith=body.path)
    if body.kind == UnitKind.PARTY_COMMITTEE and body.area_id:
        q |= Q(area_id=body.area_id) | Q(area__parent_id=body.area_id) | Q(area__parent__parent_id=body.area_id)
    return q


def _in_subtree(user: Any, unit: Any) -> bool:
    path = _unit_path(user)
    return bool(path and unit is not None and unit.path.startswith(path))


# Named actions ------------------------------------------------------------------------------------

@rules.predicate
def issuer_is_own(user: Any, issuer: Any) -> bool:
    """`issuer` (a Unit) is the user's own unit or lies under it."""
    return _in_subtree(user, issuer)


@rules.predicate
def may_change_document(user: Any, document: Any) -> bool:
    from .models import Document

    return document is not None and Document.objects.filter(document_q(user, "change"), pk=document.pk).exists()


@rules.predicate
def is_assigned_unit(user: Any, assignment: Any) -> bool:
    return assignment is not None and user.unit_id is not None and user.unit_id == assignment.unit_id


@rules.predicate
def issued_the_document(user: Any, report: Any) -> bool:
    return user.unit_id is not None and user.unit_id == report.assignment.task.document.issuer_id


@rules.predicate
def wrote_or_belongs_to_report(user: Any, report: Any) -> bool:
    """The author of a report, or anyone of the unit it reports for, never judges it."""
    return report.created_by_id == user.pk or (user.unit_id is not None and user.unit_id == report.assignment.unit_id)


@rules.predicate
def records_for_unit(user: Any, unit: Any) -> bool:
    return _in_subtree(user, unit)


declare("directives.register", has_unit,
        label=_("Vào sổ văn bản"),
        refusal=_("Tài khoản của bạn chưa gắn với đơn vị nào nên chưa vào sổ văn bản được; hãy nhờ quản trị "
                  "gán đơn vị."))
declare("directives.register_as_issuer", has_unit & (issuer_is_own | manages_documents),
        label=_("Vào sổ văn bản do một cơ quan ban hành"),
        refusal=_("Bạn chỉ vào sổ được văn bản do chính đơn vị mình ban hành. Văn bản của cơ quan khác gửi "
                  "đến do văn thư hoặc Ban Dân vận, Ban Tuyên giáo của đơn vị nhận vào sổ."))
declare("directives.fill_stub", has_unit & manages_documents,
        label=_("Vào sổ bản đầy đủ của văn bản đã được trích dẫn"),
        refusal=_("Văn bản này đã được trích dẫn trong sổ; chỉ văn thư hoặc Ban Dân vận, Ban Tuyên giáo được "
                  "vào sổ bản đầy đủ của nó."))
declare("directives.set_secrecy", has_unit & manages_documents,
        label=_("Đặt độ mật và người được đọc"),
        refusal=_("Chỉ văn thư hoặc Ban Dân vận, Ban Tuyên giáo được đặt độ mật và người được đọc của văn "
                  "bản."))
declare("directives.teach_alias", has_unit & manages_documents,
        label=_("Ghi nhớ tên gọi khác của một cơ quan"),
        refusal=_("Chỉ văn thư hoặc Ban Dân vận, Ban Tuyên giáo được dạy hệ thống tên gọi khác của cơ quan; "
                  "lựa chọn của bạn vẫn được dùng cho văn bản này."))
declare("directives.change_document", may_change_document,
        label=_("Sửa văn bản, duyệt và xác nhận nhiệm vụ"),
        refusal=_("Chỉ người vào sổ, đơn vị ban hành hoặc Ban Dân vận được sửa văn bản này."))
# An administrator may enter a report on a unit's behalf (a paper report typed in); he can then never
# judge it, since the author never reviews his own report.
declare("directives.report", is_assigned_unit | is_admin,
        label=_("Gửi báo cáo tiến độ"),
        refusal=_("Chỉ đơn vị được giao nhiệm vụ này mới gửi báo cáo được."))
declare("directives.review_report", ~wrote_or_belongs_to_report & (is_reviewer_role | issued_the_document),
        label=_("Chấp nhận hoặc trả lại báo cáo"),
        refusal=_("Chỉ cơ quan theo dõi (Ban Dân vận, Thường trực) hoặc đơn vị ban hành văn bản mới xem xét "
                  "báo cáo; người viết báo cáo và đơn vị báo cáo không tự duyệt."))
declare("directives.urge", has_role(*URGE_ROLES),
        label=_("Đôn đốc đơn vị"),
        refusal=_("Chỉ Ban Dân vận (hoặc quản trị) được đôn đốc đơn vị."))
declare("directives.organise_dissemination", is_organiser,
        label=_("Theo dõi quán triệt toàn thành phố"),
        refusal=_("Chỉ Ban Dân vận, Ban Tuyên giáo (hoặc quản trị) được làm việc này."))
declare("directives.record_dissemination", is_organiser | (is_recorder & records_for_unit),
        label=_("Ghi buổi quán triệt của đơn vị"),
        refusal=_("Bạn chỉ ghi được buổi quán triệt của đơn vị mình hoặc đơn vị trực thuộc."))
declare("directives.record_any_dissemination", is_organiser | is_recorder,
        label=_("Ghi buổi quán triệt"),
        refusal=_("Vai trò của bạn không ghi buổi quán triệt."))
declare("directives.review_any_report", is_reviewer_role,
        label=_("Theo dõi và xem xét báo cáo của mọi văn bản"),
        refusal=_("Chỉ Ban Dân vận, Thường trực (hoặc quản trị) theo dõi báo cáo của mọi văn bản."))
declare("directives.edit_deadline_rules", is_admin, label=_("Sửa bảng thời hạn mặc định của nhiệm vụ"),
        refusal=_("Chỉ quản trị hệ thống sửa bảng thời hạn mặc định của nhiệm vụ."))


def board_users():
    """Active users of the Mass Mobilisation Board, who keep the city's register and confirm its documents
    (used by the data generator to sign generated confirmations). No other module names the role."""
    from sohoi.accounts.models import User

    return User.objects.filter(role_links__role=Role.MASS_MOBILISATION, is_active=True)
