"""Who sees and does what with Party records, declared once (design.md convention 12).

Scope: the read-all roles see every Party record; a Party committee (Role.PARTY_COMMITTEE) sees the
organisations whose superior committee lies in its subtree or whose association does, and those of the
associations in its territory (a district committee and the associations of its district, wherever the tree
files them); association staff see their own association's organisations (counts only). Nobody else sees
Party records.

Named actions: a Party committee records organisations only under a superior committee of its own subtree
(issue 10: it could place one under another committee); the eligibility list and the "core" figures are
derived from party membership, so only roles allowed to see sensitive data AND having a Party scope see them;
the eligibility task is the urging boards'; the rule table is the administrator's.

Models are imported inside functions: the models import this module for their SCOPE.
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sohoi.accounts.choices import READ_ALL_ROLES, Role
from sohoi.core.permissions import declare, has_role, has_unit, is_admin, reads_all, sees_sensitive
from sohoi.core.scoping import CHANGE, VIEW, ScopePolicy, can, territory_ids

NONE = Q(pk__in=[])
ADMIN_ONLY = frozenset({Role.ADMIN})
TERRITORY_ROLES = frozenset({Role.PARTY_COMMITTEE})

is_committee = has_role(Role.PARTY_COMMITTEE)
is_staff = has_role(Role.ASSOCIATION_STAFF)
# Roles that hold a Party scope at all (the read-all roles, committees, an association's own staff).
has_party_scope = reads_all | is_committee | is_staff


def _path(user: Any) -> str | None:
    return user.unit.path if user.unit_id and user.unit.path else None


def party_q(prefix: str = ""):
    """The scope rule of every Party record; `prefix` leads from the model to the PartyOrganisation."""

    def also(user: Any, action: str) -> Q:
        path = _path(user)
        if not path:
            return NONE
        if is_committee(user):
            return (Q(**{f"{prefix}superior__path__startswith": path})
                    | Q(**{f"{prefix}association__unit__path__startswith": path}))
        if action == VIEW and is_staff(user):
            return Q(**{f"{prefix}association__unit__path__startswith": path})
        return NONE

    return also


def association_party_q(prefix: str = ""):
    """Scope of per-association Party figures (PartyMemberCount) and of the eligibility list."""

    def also(user: Any, action: str) -> Q:
        from .models import PartyOrganisation

        path = _path(user)
        if not path:
            return NONE
        if is_committee(user):
            orgs = PartyOrganisation.objects.filter(superior__path__startswith=path).values("association_id")
            q = Q(**{f"{prefix}unit__path__startswith": path}) | Q(**{f"{prefix}pk__in": orgs})
            ids = territory_ids(user) if action == VIEW else []
            return q | Q(**{f"{prefix}territory__in": ids}) if ids else q
        if action == VIEW and is_staff(user):
            return Q(**{f"{prefix}unit__path__startswith": path})
        return NONE

    return also


def party_association_q(user: Any) -> Q | None:
    """Which associations' Party figures `user` sees: None = all of them."""
    if reads_all(user):
        return None
    return association_party_q()(user, VIEW)


ORG_SCOPE = ScopePolicy(unit_field=None, view_all=READ_ALL_ROLES, change_all=ADMIN_ONLY, also=party_q(),
                        territory_field="association__territory", territory_roles=TERRITORY_ROLES)
RATING_SCOPE = ScopePolicy(unit_field=None, view_all=READ_ALL_ROLES, change_all=ADMIN_ONLY,
                           also=party_q("organisation__"), territory_field="organisation__association__territory",
                           territory_roles=TERRITORY_ROLES)
# The territory rule of counts is inside association_party_q (it also serves the association list).
COUNT_SCOPE = ScopePolicy(unit_field=None, view_all=READ_ALL_ROLES, change_all=ADMIN_ONLY,
                          also=association_party_q("association__"))
RULE_SCOPE = ScopePolicy(unit_field=None, everyone_views=True, change_all=ADMIN_ONLY)


# Predicates ---------------------------------------------------------------------------------------------

@rules.predicate
def superior_in_own_subtree(user: Any, superior: Any) -> bool:
    """The committee a new organisation reports to lies in the user's own subtree."""
    path = _path(user)
    return bool(path and superior is not None and getattr(superior, "path", "").startswith(path))


@rules.predicate
def association_in_party_scope(user: Any, association: Any) -> bool:
    """The user's Party scope reaches this association (its subtree, its organisations' committee, its territory)."""
    from sohoi.associations.models import Association

    q = party_association_q(user)
    return association is not None and (q is None or Association.objects.filter(q, pk=association.pk).exists())


@rules.predicate
def association_in_subtree(user: Any, association: Any) -> bool:
    path = _path(user)
    return bool(path and association is not None and association.unit.path.startswith(path))


@rules.predicate
def changes_record(user: Any, obj: Any) -> bool:
    return obj is not None and can(user, CHANGE, obj)


committee_with_unit = is_committee & has_unit
sees_party_counts = sees_sensitive & has_party_scope

declare("party.create_organisation", is_admin | committee_with_unit, label=_("Ghi tổ chức đảng trong hội"),
        refusal=_("Chỉ cấp ủy đảng (hoặc quản trị hệ thống) được ghi tổ chức đảng."))
declare("party.place_under", is_admin | (committee_with_unit & superior_in_own_subtree),
        label=_("Đặt tổ chức đảng trực thuộc một cấp ủy"),
        refusal=_("Cấp ủy chỉ được đặt tổ chức đảng trực thuộc chính mình hoặc cấp ủy cấp dưới của mình. "
                  "Chọn lại ô “cấp ủy cấp trên trực tiếp”."))
declare("party.attach_to_association", is_admin | (committee_with_unit & association_in_party_scope),
        label=_("Ghi tổ chức đảng cho một hội"),
        refusal=_("Hội này không thuộc phạm vi theo dõi của cấp ủy bạn."))
declare("party.change_organisation", changes_record, label=_("Sửa, giải thể, hợp nhất tổ chức đảng"),
        refusal=_("Chỉ cấp ủy quản lý tổ chức đảng này (hoặc quản trị hệ thống) được làm việc này."))
declare("party.rate", changes_record, label=_("Xếp loại chất lượng tổ chức đảng"),
        refusal=_("Chỉ cấp ủy quản lý tổ chức đảng này (hoặc quản trị hệ thống) được xếp loại."))
declare("party.report_count", is_admin | (committee_with_unit & association_in_subtree),
        label=_("Ghi số đảng viên trong hội"),
        refusal=_("Chỉ cấp ủy đảng quản lý hội này (hoặc quản trị hệ thống) được ghi số đảng viên."))
declare("party.see_eligibility", sees_party_counts, label=_("Xem danh sách hội đủ điều kiện lập tổ chức đảng"),
        refusal=_("Danh sách này được tính từ thông tin đảng viên của từng người (dữ liệu cá nhân nhạy cảm); "
                  "vai trò của bạn không được xem."))
declare("party.see_counts", sees_party_counts, label=_("Xem số đảng viên trong lãnh đạo và hội viên"),
        refusal=_("Số đảng viên được tính từ thông tin đảng viên của từng người; vai trò của bạn không được "
                  "xem."))
declare("party.see_secretary", sees_sensitive, label=_("Xem tên bí thư (dữ liệu nhạy cảm)"))
# The task goes out as a document of the sender's unit: an account without a unit has nothing to issue from.
declare("party.create_eligibility_task", has_unit & has_role(Role.ADMIN, Role.MASS_MOBILISATION),
        label=_("Giao nhiệm vụ lập tổ chức đảng cho cấp ủy"),
        refusal=_("Chỉ Ban Dân vận (hoặc quản trị hệ thống) được giao nhiệm vụ cho cấp ủy từ trang này."))
declare("party.edit_rules", is_admin, label=_("Sửa bảng quy định về tổ chức đảng"),
        refusal=_("Chỉ quản trị hệ thống được sửa bảng quy định về tổ chức đảng."))


def superior_choices(user: Any):
    """Committees a user may place an organisation under (the form offers only these)."""
    from sohoi.orgs.choices import UnitKind
    from sohoi.orgs.models import Unit

    qs = Unit.objects.filter(kind=UnitKind.PARTY_COMMITTEE)
    if is_admin(user):
        return qs
    path = _path(user)
    return qs.filter(path__startswith=path) if path and committee_with_unit(user) else qs.none()
