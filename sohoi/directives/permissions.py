"""Who sees and does what in the register: the SCOPE hooks of every directives model, and the two
workflow permissions (report on an assignment, review a report).

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

from django.db.models import Q

from sohoi.accounts.choices import Role
from sohoi.core.scoping import VIEW

from .choices import Secrecy

ALL = Q(pk__isnull=False)  # "every row"; an empty Q() would vanish when OR-ed with another Q
NONE = Q(pk__in=[])
# Roles that keep the register for the whole city and may change any (visible) document.
REGISTRAR_ROLES = frozenset({Role.ADMIN, Role.MASS_MOBILISATION})
# Roles that oversee every assignment and may accept or return reports (letter, point 6).
REVIEWER_ROLES = frozenset({Role.ADMIN, Role.MASS_MOBILISATION, Role.STANDING_COMMITTEE})
URGE_ROLES = frozenset({Role.ADMIN, Role.MASS_MOBILISATION})


def _authenticated(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


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
        open_docs = ALL if user.reads_everything else mine
    else:
        open_docs = ALL if user.role_codes & REGISTRAR_ROLES else (Q(created_by_id=user.pk) | (
            Q(issuer__path__startswith=path) if path else NONE))
    return (Q(secrecy=Secrecy.NORMAL) & open_docs) | _secret_readable(user)


def visible_document_ids(user: Any, action: str = VIEW):
    from .models import Document

    return Document.objects.filter(document_q(user, action)).values("pk")


def task_q(user: Any, action: str = VIEW) -> Q:
    if not _authenticated(user):
        return NONE
    return Q(document_id__in=visible_document_ids(user, action))


def assignment_q(user: Any, action: str = VIEW) -> Q:
    """Through a visible document; besides the read-all roles, a unit sees its own assignments (and those of
    units under it) and every assignment of the documents it issued (it oversees them)."""
    if not _authenticated(user):
        return NONE
    docs = Q(task__document_id__in=visible_document_ids(user))
    if user.reads_everything:
        return docs
    path = _unit_path(user)
    if not path:
        return NONE
    return docs & (Q(unit__path__startswith=path) | Q(task__document__issuer__path__startswith=path))


def visible_assignment_ids(user: Any):
    from .models import Assignment

    return Assignment.objects.filter(assignment_q(user)).values("pk")


def child_of_assignment_q(user: Any, action: str = VIEW) -> Q:
    if not _authenticated(user):
        return NONE
    return Q(assignment_id__in=visible_assignment_ids(user))


def attachment_q(user: Any, action: str = VIEW) -> Q:
    from .models import ProgressReport

    if not _authenticated(user):
        return NONE
    return Q(report_id__in=ProgressReport.objects.filter(child_of_assignment_q(user)).values("pk"))


# Workflow permissions (the object has already been fetched through its scope) ------------------------

def can_report(user: Any, assignment: Any) -> bool:
    """The assigned unit reports for itself (an administrator may enter a report on its behalf)."""
    return _authenticated(user) and (user.unit_id == assignment.unit_id or user.has_role(Role.ADMIN))


def can_review(user: Any, assignment: Any) -> bool:
    """The overseeing body accepts or returns: the monitoring boards and the Standing Committee for every
    document, the issuing body for its own; never the unit that wrote the report."""
    if not _authenticated(user) or (user.unit_id is not None and user.unit_id == assignment.unit_id):
        return False
    return bool(user.role_codes & REVIEWER_ROLES) or (
        user.unit_id is not None and user.unit_id == assignment.task.document.issuer_id)


def can_urge(user: Any) -> bool:
    return _authenticated(user) and bool(user.role_codes & URGE_ROLES)


def can_register(user: Any) -> bool:
    return _authenticated(user) and (user.unit_id is not None or user.has_role(Role.ADMIN))
