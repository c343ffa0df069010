"""Who may read which rows of the audit trail, declared once, and the one query that applies it.

Three rules (issue 10):

- a row whose target is a SECRET document, or anything that belongs to one (its tasks, their assignments,
  report periods, progress reports and their attachments, dissemination sessions), is read only by that
  document's named readers and its registrar, whatever their role: administrators included, because the
  rows carry file names, recipients, assigned units, milestones and return comments. The rule follows the
  document's CURRENT secrecy, so rows written while it was still normal disappear once it is made secret;
- rows recording a READ of sensitive personal data (action codes ending in `SENSITIVE_READ_SUFFIX`) are
  shown to administrators only: who looked at whose ID numbers is itself sensitive;
- an object's History tab is shown to those who may change the object and to the read-all roles.

`audit_visible(qs, user)` is the only filter: the audit list and detail pages, the API and every History
tab (`audit.visible_history`) go through it. It stays one SQL query: the hidden targets are subqueries of
ids cast to text (AuditEntry.target_id is a CharField), never lists built in Python.

The secrecy rule itself is the directives app's (`directives/permissions.py`: readers plus registrar);
it is restated here as a queryset over the directives models, imported lazily so that core does not
import a domain app at load time. `sohoi/core/tests/test_audit_access.py` checks that the two agree for
every demo user.
"""

from __future__ import annotations

from typing import Any

import rules
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from .permissions import allowed, declare, is_admin, reads_all
from .scoping import CHANGE, can

# The action-code convention for reads of sensitive personal data (associations.member.sensitive_viewed,
# party.organisation.sensitive_viewed ...); a test keeps every such audit.record call on it.
SENSITIVE_READ_SUFFIX = ".sensitive_viewed"

# Models that are secret with their document, and the lookup from each to that document.
SECRET_WITH_DOCUMENT: dict[str, str] = {
    "directives.Document": "pk",
    "directives.Task": "document",
    "directives.Assignment": "task__document",
    "directives.ReportPeriod": "assignment__task__document",
    "directives.ProgressReport": "assignment__task__document",
    "directives.ReportAttachment": "report__assignment__task__document",
    "directives.DisseminationSession": "document",
}


@rules.predicate
def may_change_object(user: Any, obj: Any) -> bool:
    return obj is not None and getattr(obj, "pk", None) is not None and can(user, CHANGE, obj)


declare("core.view_audit_log", is_admin, label=_("Xem nhật ký thay đổi của toàn hệ thống"),
        refusal=_("Chỉ quản trị hệ thống xem được nhật ký thay đổi."))
# reads_all first: it needs no query, `may_change_object` asks the database.
declare("core.view_history", reads_all | may_change_object, label=_("Xem lịch sử thay đổi của một hồ sơ"),
        refusal=_("Lịch sử thay đổi chỉ dành cho người được sửa hồ sơ này hoặc lãnh đạo theo dõi chung."))
declare("core.view_sensitive_reads", is_admin, label=_("Xem ai đã xem dữ liệu cá nhân nhạy cảm"),
        refusal=_("Chỉ quản trị hệ thống xem được các lần xem dữ liệu cá nhân nhạy cảm."))
# core's one other named action, kept beside these so that core/views.py tests no role itself.
declare("core.add_holiday", is_admin, label=_("Thêm ngày nghỉ lễ vào lịch làm việc"),
        refusal=_("Chỉ quản trị hệ thống thêm được ngày nghỉ lễ."))


def hidden_secret_documents(user: Any) -> QuerySet:
    """Secret documents `user` may not read (all of them for an anonymous caller), as a queryset to nest."""
    from sohoi.directives.choices import Secrecy
    from sohoi.directives.models import Document

    secret = Document.objects.exclude(secrecy=Secrecy.NORMAL)
    if not getattr(user, "is_authenticated", False):
        return secret
    readable = Document.readers.through.objects.filter(user_id=user.pk).values("document_id")
    return secret.exclude(created_by_id=user.pk).exclude(pk__in=readable)


def _secret_targets(user: Any) -> Q:
    """Rows whose target belongs to a secret document `user` may not read (subqueries, no Python loop)."""
    from django.apps import apps

    hidden = hidden_secret_documents(user)
    condition = Q()
    for label, path in SECRET_WITH_DOCUMENT.items():
        model = apps.get_model(label)
        owned = hidden if path == "pk" else model.objects.filter(**{f"{path}__in": hidden.values("pk")})
        ids = owned.annotate(_target_id=Cast("pk", CharField(max_length=64))).values("_target_id")
        ct = ContentType.objects.get_for_model(model, for_concrete_model=False)  # cached after the first call
        condition |= Q(target_type_id=ct.pk, target_id__in=ids)
    return condition


def audit_visible(qs: QuerySet, user: Any) -> QuerySet:
    """`qs` (AuditEntry rows) without the rows `user` may not read: secret targets they are not a reader of,
    and sensitive reads unless they may see those. Apply after `restrict()`; one query either way."""
    qs = qs.exclude(_secret_targets(user))
    if not allowed(user, "core.view_sensitive_reads"):
        qs = qs.exclude(action__endswith=SENSITIVE_READ_SUFFIX)
    return qs


def object_history(obj: Any, user: Any, *, limit: int = 100) -> list | None:
    """The History tab of `obj` as `user` may see it, or None when the tab is not theirs to see."""
    from . import audit
    from .audit_labels import present

    if obj is None or not allowed(user, "core.view_history", obj):
        return None
    return present(audit_visible(audit.history_for(obj), user)[:limit])
