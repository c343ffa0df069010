"""Who sees and does what in the association registry, declared once (design.md convention 12).

Scope (which rows a role sees and changes) is the `ScopePolicy` objects the models attach as `SCOPE`;
named actions are django-rules predicates over (user, object) that services `require()` before writing,
views and selectors ask with `allowed()`, and templates with `{% can %}`. No other module of the app tests
a role. Models are imported inside functions: the models import this module for their SCOPE.

The rules, in words:
- the Department of Home Affairs and the People's Committee read the whole register (state management),
  with the read-all roles; Party committees (Role.PARTY_COMMITTEE) also read the associations of their
  territory, whichever branch of the tree files them; association staff read and edit their own
  association; an officer reads and edits the associations (and their branches) assigned to him;
- the Department (and the administrator) register new associations, import the register, decide the
  lifecycle steps that are state decisions, assign officers; association staff record only their own
  filings (dossier, first congress) and their own contact/profile fields;
- the fields a state decision sets (founding decision, scope, territory, special status, managing agency,
  state tasks) change only through "record a state decision", by home affairs, with its document;
- the legal rule table is the administrator's.
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from sohoi.accounts.choices import READ_ALL_ROLES, Role
from sohoi.core.permissions import declare, has_role, is_admin, sees_sensitive
from sohoi.core.scoping import CHANGE, ScopePolicy, can

from .choices import Action

# State management reads the whole register (Department of Home Affairs, People's Committee).
VIEW_ALL = READ_ALL_ROLES | {Role.HOME_AFFAIRS, Role.PEOPLES_COMMITTEE}
# The Department (and the administrator) change every association.
CHANGE_ALL = frozenset({Role.ADMIN, Role.HOME_AFFAIRS})
STAFF = frozenset({Role.ASSOCIATION_STAFF})
# Party committees see the associations of their territory, not only of their subtree (issue 10).
TERRITORY_ROLES = frozenset({Role.PARTY_COMMITTEE})
NONE = Q(pk__in=[])

is_department = has_role(*CHANGE_ALL)
is_home_affairs = has_role(Role.HOME_AFFAIRS)
is_officer = has_role(Role.HOME_AFFAIRS_OFFICER)


# Scope --------------------------------------------------------------------------------------------------

def assigned_association_ids(user: Any) -> QuerySet:
    """Subquery: associations an officer currently follows, plus their branches (one level down)."""
    from .models import Association, OfficerAssignment

    current = OfficerAssignment.objects.filter(officer_id=user.pk, ended_on__isnull=True)
    return Association.objects.filter(Q(pk__in=current.values("association_id"))
                                      | Q(unit__parent_id__in=current.values("association__unit_id"))).values("pk")


def _officer_q(prefix: str):
    def also(user: Any, action: str) -> Q:
        if not is_officer(user):
            return NONE
        return Q(**{f"{prefix}__in": assigned_association_ids(user)})

    return also


ASSOCIATION_SCOPE = ScopePolicy(unit_field="unit", view_all=VIEW_ALL, change_all=CHANGE_ALL, change_own=STAFF,
                                also=_officer_q("pk"), territory_field="territory", territory_roles=TERRITORY_ROLES)
# Rows that belong to one association (leaders, congresses, members, transitions) follow its scope.
CHILD_SCOPE = ScopePolicy(unit_field="association__unit", view_all=VIEW_ALL, change_all=CHANGE_ALL,
                          change_own=STAFF, also=_officer_q("association_id"),
                          territory_field="association__territory", territory_roles=TERRITORY_ROLES)
# Monitoring is the Department's own work: officers write their logs, association staff only read them.
MONITORING_SCOPE = ScopePolicy(unit_field="association__unit", view_all=VIEW_ALL, change_all=CHANGE_ALL,
                               also=_officer_q("association_id"), territory_field="association__territory",
                               territory_roles=TERRITORY_ROLES)
LINEAGE_SCOPE = ScopePolicy(unit_field="predecessor__unit", view_all=VIEW_ALL,
                            territory_field="predecessor__territory", territory_roles=TERRITORY_ROLES)
# Reference data every signed-in user reads; changed through services.field_create only.
FIELD_SCOPE = ScopePolicy(unit_field=None, everyone_views=True)
# The legal rule table: everyone reads it (it is shown beside each check), the administrator changes it.
LEGAL_RULE_SCOPE = ScopePolicy(unit_field=None, everyone_views=True, change_all=frozenset({Role.ADMIN}))
# Register import jobs are the Department's.
IMPORT_JOB_SCOPE = ScopePolicy(unit_field=None, view_all=CHANGE_ALL, change_all=CHANGE_ALL)


def monitoring_officers(*, active_only: bool = True) -> QuerySet:
    """Users who hold the officer role: the choices of an assignment (active ones), the workload table and the
    list filter (every one, so that past assignments still show). No other module names the role."""
    from sohoi.accounts.models import User

    qs = User.objects.filter(role_links__role=Role.HOME_AFFAIRS_OFFICER)
    return qs.filter(is_active=True) if active_only else qs


def is_monitoring_officer(user: Any) -> bool:
    return bool(is_officer(user))


# Predicates over (user, object) -------------------------------------------------------------------------

def _association(obj: Any) -> Any:
    """The association an object belongs to (an association, or a row with `.association`)."""
    from .models import Association

    return obj if obj is None or isinstance(obj, Association) else getattr(obj, "association", None)


@rules.predicate
def changes_association(user: Any, obj: Any) -> bool:
    """The user may change this association (scope: Department, own staff, assigned officer)."""
    assoc = _association(obj)
    return assoc is not None and can(user, CHANGE, assoc)


@rules.predicate
def follows_association(user: Any, obj: Any) -> bool:
    """The user is the officer currently assigned to this association (or to the association above it)."""
    from .models import Association

    assoc = _association(obj)
    return (assoc is not None and bool(is_officer(user))
            and Association.objects.filter(pk=assoc.pk, pk__in=assigned_association_ids(user)).exists())


@rules.predicate
def no_object(user: Any, obj: Any) -> bool:
    return obj is None


# A new association (no parent association): the Department. A branch (obj = the parent association): whoever
# may change the parent.
declare("associations.create", is_department & no_object, label=_("Đăng ký hội mới"),
        refusal=_("Chỉ Sở Nội vụ (hoặc quản trị hệ thống) được đăng ký hội mới."))
declare("associations.create_branch", changes_association, label=_("Thêm chi hội"),
        refusal=_("Chỉ người được sửa hồ sơ của hội cấp trên được thêm chi hội của hội đó."))
declare("associations.edit_profile", changes_association, label=_("Sửa hồ sơ hội (liên hệ, hội viên báo cáo)"),
        refusal=_("Bạn không được sửa hồ sơ của hội này. Liên hệ Sở Nội vụ nếu cần quyền này."))
declare("associations.record_state_decision", is_home_affairs & changes_association,
        label=_("Ghi quyết định của Nhà nước về hội"),
        refusal=_("Chỉ Sở Nội vụ được ghi quyết định của Nhà nước về hội (thành lập, phạm vi, địa bàn, hội đặc thù, "
                "cơ quan quản lý, nhiệm vụ được giao)."))
# Lifecycle: what an association records itself (its filing, its first congress), and state decisions.
OWN_ACTIONS = frozenset({Action.FILE_DOSSIER, Action.HOLD_FIRST_CONGRESS})
for _action in Action:
    if _action == Action.STATE_DECISION:
        continue  # its own step, "associations.record_state_decision"
    if _action in OWN_ACTIONS:
        declare(f"associations.transition.{_action}", changes_association, label=_action.label,
                refusal=_("Bạn không được ghi sự kiện tổ chức của hội này."))
    else:
        declare(f"associations.transition.{_action}", is_department & changes_association, label=_action.label,
                refusal=_("Chỉ Sở Nội vụ (hoặc quản trị hệ thống) được ghi quyết định này; hội chỉ tự ghi việc nộp "
                        "hồ sơ và đại hội lần đầu."))
declare("associations.transition", changes_association, label=_("Ghi sự kiện tổ chức (một trong các bước)"),
        refusal=_("Bạn không được ghi sự kiện tổ chức của hội này."))
declare("associations.edit_dossier", changes_association, label=_("Sửa hồ sơ thành lập"),
        refusal=_("Bạn không được sửa hồ sơ thành lập của hội này."))
declare("associations.record_leadership", changes_association, label=_("Ghi lãnh đạo, đại hội, điều lệ"),
        refusal=_("Bạn không được ghi lãnh đạo, đại hội hay điều lệ của hội này."))
declare("associations.import_members", changes_association, label=_("Nhập danh sách hội viên"),
        refusal=_("Bạn không được nhập danh sách hội viên của hội này."))
declare("associations.import_register", is_department, label=_("Nhập danh bạ hội"),
        refusal=_("Chỉ Sở Nội vụ (hoặc quản trị hệ thống) được nhập danh bạ hội."))
declare("associations.edit_legal_rules", is_admin, label=_("Sửa bảng quy định pháp lý về hội"),
        refusal=_("Chỉ quản trị hệ thống được sửa bảng quy định pháp lý."))
declare("associations.edit_fields", is_department, label=_("Thêm lĩnh vực hoạt động"),
        refusal=_("Chỉ Sở Nội vụ (hoặc quản trị hệ thống) được thêm lĩnh vực hoạt động."))
declare("associations.assign_officer", is_department, label=_("Phân công cán bộ theo dõi hội"),
        refusal=_("Chỉ Sở Nội vụ (hoặc quản trị hệ thống) được phân công cán bộ theo dõi hội."))
declare("associations.log_monitoring", is_department | follows_association, label=_("Ghi nhật ký theo dõi hội"),
        refusal=_("Chỉ cán bộ được phân công theo dõi hội này (hoặc Sở Nội vụ) được ghi nhật ký theo dõi."))
# The home page's coverage card is the Department's working view (the page itself is scoped like the list).
declare("associations.see_coverage", is_department, label=_("Theo dõi độ phủ phân công cán bộ theo dõi hội"))
declare("associations.see_sensitive", sees_sensitive, label=_("Xem dữ liệu cá nhân nhạy cảm (đảng viên, số định danh)"))
declare("associations.see_own_follow_up", is_officer, label=_("Xem các hội mình theo dõi"))
