"""Who sees and does what with the activities records, declared once (design.md convention 12).

Scope (rows):
- every record that belongs to one association (state tasks and support, finances, yearly reports, exchanges,
  foreign-funded projects, members' cases) is seen like the association's own rows: the read-all roles, the
  Department of Home Affairs and the People's Committee (state management), the association's own staff
  (its subtree), the officer assigned to it, and the Party committees of its territory;
- good models are a catalogue everyone signed in reads (they exist to be copied);
- reviews (sơ kết, tổng kết) belong to the unit that held them: its subtree and the read-all roles see them,
  and only when the reader may see the reviewed document (selectors add that rule).

Named actions:
- state-assigned tasks and state support are recorded by the People's Committee and by the Department of
  Home Affairs on its behalf (and the administrator): the letter's point 2, "the State funds only the tasks
  it assigns";
- an association reports its own finances, files its own yearly report, records its own good models,
  exchanges, foreign-funded projects and members' cases (the administrator may too);
- the officer assigned to the association, or the Department, accepts or returns a yearly report;
- a replication is recorded by the model's owner or by the adopting unit's staff;
- a review is recorded by any unit for itself.
The association's special status, founding decision, scope and status stay state decisions of the
associations app (`associations.record_state_decision`); nothing here changes them.

Models are imported inside functions: the models import this module for their SCOPE.
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sohoi.accounts.choices import READ_ALL_ROLES, Role
from sohoi.associations.permissions import (
    VIEW_ALL,
    assigned_association_ids,
    follows_association,
    is_home_affairs,
)
from sohoi.core.permissions import declare, has_role, has_unit, is_admin
from sohoi.core.scoping import CHANGE, VIEW, ScopePolicy, can

NONE = Q(pk__in=[])
ADMIN_ONLY = frozenset({Role.ADMIN})
STAFF = frozenset({Role.ASSOCIATION_STAFF})
STATE_BODIES = frozenset({Role.ADMIN, Role.PEOPLES_COMMITTEE, Role.HOME_AFFAIRS})
TERRITORY_ROLES = frozenset({Role.PARTY_COMMITTEE})
ALL_ROLES = frozenset(Role.values)

is_staff = has_role(Role.ASSOCIATION_STAFF)
is_state_body = has_role(*STATE_BODIES)
is_officer = has_role(Role.HOME_AFFAIRS_OFFICER)


def _officer_sees(prefix: str):
    """The assigned officer reads (never changes) the association's rows."""

    def also(user: Any, action: str) -> Q:
        if action != VIEW or not is_officer(user):
            return NONE
        return Q(**{f"{prefix}__in": assigned_association_ids(user)})

    return also


def association_rows(prefix: str = "association", *, change_all=ADMIN_ONLY, change_own=STAFF) -> ScopePolicy:
    return ScopePolicy(unit_field=f"{prefix}__unit", view_all=VIEW_ALL, change_all=frozenset(change_all),
                       change_own=frozenset(change_own), also=_officer_sees(f"{prefix}_id"),
                       territory_field=f"{prefix}__territory", territory_roles=TERRITORY_ROLES)


STATE_SCOPE = association_rows(change_all=STATE_BODIES, change_own=frozenset())
SUPPORT_SCOPE = association_rows("task__association", change_all=STATE_BODIES, change_own=frozenset())
OWN_SCOPE = association_rows()
CATALOGUE_SCOPE = ScopePolicy(unit_field="association__unit", everyone_views=True, change_all=ADMIN_ONLY,
                              change_own=STAFF)
REPLICATION_SCOPE = ScopePolicy(unit_field="good_model__association__unit", everyone_views=True,
                                change_all=ADMIN_ONLY, change_own=STAFF)
REVIEW_SCOPE = ScopePolicy(unit_field="unit", view_all=READ_ALL_ROLES, change_all=ADMIN_ONLY, change_own=ALL_ROLES)


# Predicates ---------------------------------------------------------------------------------------------

def _path(user: Any) -> str | None:
    return user.unit.path if getattr(user, "unit_id", None) and user.unit.path else None


def _association(obj: Any) -> Any:
    from sohoi.associations.models import Association

    if obj is None or isinstance(obj, Association):
        return obj
    for name in ("association", "good_model"):
        if hasattr(obj, name):
            return _association(getattr(obj, name))
    return None


@rules.predicate
def own_association(user: Any, obj: Any) -> bool:
    """The object (or the association it belongs to) lies in the staff member's own subtree."""
    assoc, path = _association(obj), _path(user)
    return bool(assoc is not None and path and assoc.unit.path.startswith(path))


@rules.predicate
def adopter_in_subtree(user: Any, unit: Any) -> bool:
    path = _path(user)
    return bool(path and unit is not None and getattr(unit, "path", "").startswith(path))


@rules.predicate
def unit_is_own(user: Any, unit: Any) -> bool:
    path = _path(user)
    return bool(path and unit is not None and getattr(unit, "path", "").startswith(path))


@rules.predicate
def changes_record(user: Any, obj: Any) -> bool:
    return obj is not None and getattr(obj, "pk", None) is not None and can(user, CHANGE, obj)


association_reports = is_admin | (is_staff & own_association)

declare("activities.record_state_task", is_state_body, label=_("Ghi nhiệm vụ Nhà nước giao cho hội"),
        refusal=_("Chỉ Ủy ban nhân dân (hoặc Sở Nội vụ thay mặt) được ghi nhiệm vụ Nhà nước giao cho hội."))
declare("activities.record_state_support", is_state_body, label=_("Ghi kinh phí Nhà nước hỗ trợ hội"),
        refusal=_("Chỉ Ủy ban nhân dân (hoặc Sở Nội vụ thay mặt) được ghi kinh phí Nhà nước hỗ trợ hội."))
declare("activities.report_finances", association_reports, label=_("Báo cáo tài chính năm của hội"),
        refusal=_("Chỉ cán bộ của chính hội này được báo cáo tài chính của hội."))
declare("activities.file_yearly_report", association_reports, label=_("Nộp báo cáo tình hình tổ chức, hoạt "
                                                                      "động"),
        refusal=_("Chỉ cán bộ của chính hội này được nộp báo cáo năm của hội."))
declare("activities.review_yearly_report", follows_association | is_home_affairs,
        label=_("Chấp nhận hoặc trả lại báo cáo năm của hội"),
        refusal=_("Chỉ cán bộ được phân công theo dõi hội này (hoặc Sở Nội vụ) được chấp nhận hay trả lại "
                  "báo cáo."))
declare("activities.record_good_model", association_reports, label=_("Ghi mô hình hay, cách làm tốt của hội"),
        refusal=_("Chỉ cán bộ của chính hội này được ghi mô hình của hội."))
declare("activities.record_replication", is_admin | (is_staff & (own_association | adopter_in_subtree)),
        label=_("Ghi việc nhân rộng một mô hình"),
        refusal=_("Chỉ hội có mô hình, hoặc đơn vị áp dụng mô hình, được ghi việc nhân rộng."))
declare("activities.record_review", is_admin | (has_unit & unit_is_own), label=_("Ghi sơ kết, tổng kết"),
        refusal=_("Mỗi đơn vị chỉ ghi sơ kết, tổng kết của chính mình."))
declare("activities.record_exchange", association_reports, label=_("Ghi đoàn ra, đoàn vào và dự án nước ngoài"),
        refusal=_("Chỉ cán bộ của chính hội này được ghi hoạt động đối ngoại của hội."))
declare("activities.record_case", association_reports, label=_("Ghi vụ việc của hội viên"),
        refusal=_("Chỉ cán bộ của chính hội này được ghi vụ việc của hội viên."))
