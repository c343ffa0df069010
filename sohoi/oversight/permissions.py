"""Who sees and does what in oversight, declared once (design.md convention 12).

Scope of an activity: the read-all roles see every activity; others see the activities their unit (or a unit
under it) leads, took part in, was examined by, or received a recommendation from, and those they are a team
member of. An association therefore sees only the oversight it took part in or was subject to.
A recommendation is seen by the read-all roles, by the team side (lead and participating units) and by the
unit it is addressed to (and the units above it): an addressed unit sees only what is addressed to it, not
the recommendations made to others in the same activity.

Who runs what: the Fatherland Front (its own role, and the staff of its member organisations, the
socio-political organisations) runs supervision and social criticism; the Party side (Standing Committee,
Mass Mobilisation and Propaganda Boards, Party committees) runs inspections; the administrator may do both.
The draft of a confidential social criticism is read only by the participants.

Models are imported inside functions: the models import this module for their SCOPE.
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from sohoi.accounts.choices import READ_ALL_ROLES, Role
from sohoi.core.permissions import declare, has_role, has_unit, is_admin
from sohoi.core.scoping import CHANGE, VIEW, ScopePolicy

from .choices import Kind

NONE = Q(pk__in=[])
ADMIN_ONLY = frozenset({Role.ADMIN})
FRONT_ROLES = frozenset({Role.FATHERLAND_FRONT})
PARTY_ROLES = frozenset({Role.STANDING_COMMITTEE, Role.MASS_MOBILISATION, Role.PROPAGANDA, Role.PARTY_COMMITTEE})
RUNNER_ROLES = FRONT_ROLES | PARTY_ROLES | {Role.ASSOCIATION_STAFF}

is_front = has_role(*FRONT_ROLES)
is_party_side = has_role(*PARTY_ROLES)
is_staff = has_role(Role.ASSOCIATION_STAFF)


def _path(user: Any) -> str | None:
    return user.unit.path if getattr(user, "unit_id", None) and user.unit.path else None


@rules.predicate
def in_front_organisation(user: Any) -> bool:
    """Staff of a member organisation of the Front (a socio-political organisation)."""
    return bool(is_staff(user) and user.unit_id and user.unit.kind == "socio_political")


front_side = is_front | in_front_organisation


def _runs(user: Any, kind: str | None) -> bool:
    if kind in (Kind.SUPERVISION, Kind.CRITICISM):
        return bool(front_side(user))
    if kind == Kind.INSPECTION:
        return bool(is_party_side(user))
    return False


# Scope ------------------------------------------------------------------------------------------------

def team_side_ids(user: Any):
    """Activities whose lead or participating units lie in the user's subtree, or where the user is a team
    member (a subquery of ids)."""
    from .models import Activity

    path = _path(user)
    q = Q(team__user_id=user.pk)
    if path:
        q |= Q(lead_unit__path__startswith=path) | Q(participants__path__startswith=path)
    return Activity.objects.filter(q).values("pk")


def activity_q(user: Any, action: str) -> Q:
    from .models import Activity, Recommendation

    if action != VIEW:
        return NONE  # changes: the lead's subtree (ScopePolicy.change_own)
    path = _path(user)
    q = Q(pk__in=Activity.objects.filter(team__user_id=user.pk).values("pk"))
    if path:
        q |= Q(pk__in=Activity.objects.filter(Q(participants__path__startswith=path)
                                              | Q(examined__path__startswith=path)).values("pk"))
        q |= Q(pk__in=Recommendation.objects.filter(addressee__path__startswith=path).values("activity_id"))
    return q


def recommendation_q(user: Any, action: str) -> Q:
    if action != VIEW:
        return Q(activity_id__in=_changeable_activity_ids(user))
    return Q(activity_id__in=team_side_ids(user))


def _changeable_activity_ids(user: Any):
    from sohoi.core.scoping import restrict

    from .models import Activity

    return restrict(Activity.objects.all(), user, CHANGE).values("pk")


def child_q(prefix: str = "activity"):
    def also(user: Any, action: str) -> Q:
        from sohoi.core.scoping import restrict

        from .models import Activity

        return Q(**{f"{prefix}_id__in": restrict(Activity.objects.all(), user, action).values("pk")})

    return also


def programme_q(user: Any, action: str) -> Q:
    from .models import Programme

    path = _path(user)
    if action != VIEW or not path:
        return NONE
    return Q(pk__in=Programme.objects.filter(parties__path__startswith=path).values("pk"))


def programme_child_q(user: Any, action: str) -> Q:
    from sohoi.core.scoping import restrict

    from .models import Programme

    return Q(programme_id__in=restrict(Programme.objects.all(), user, action).values("pk"))


ACTIVITY_SCOPE = ScopePolicy(unit_field="lead_unit", view_all=READ_ALL_ROLES, change_all=ADMIN_ONLY,
                             change_own=RUNNER_ROLES, also=activity_q)
CHILD_SCOPE = ScopePolicy(unit_field=None, view_all=READ_ALL_ROLES, change_all=ADMIN_ONLY, also=child_q())
RECOMMENDATION_SCOPE = ScopePolicy(unit_field="addressee", view_all=READ_ALL_ROLES, change_all=ADMIN_ONLY,
                                   also=recommendation_q)
RULE_SCOPE = ScopePolicy(unit_field=None, everyone_views=True, change_all=ADMIN_ONLY)
PROGRAMME_SCOPE = ScopePolicy(unit_field="lead_unit", view_all=READ_ALL_ROLES, change_all=ADMIN_ONLY,
                              change_own=FRONT_ROLES, also=programme_q)
PROGRAMME_CHILD_SCOPE = ScopePolicy(unit_field=None, view_all=READ_ALL_ROLES, change_all=ADMIN_ONLY,
                                    also=programme_child_q)


# Predicates --------------------------------------------------------------------------------------------

@rules.predicate
def may_run_kind(user: Any, kind: Any) -> bool:
    """`kind` is a Kind value (creating) or an activity (its kind)."""
    return _runs(user, getattr(kind, "kind", kind))


@rules.predicate
def unit_in_own_subtree(user: Any, unit: Any) -> bool:
    path = _path(user)
    return bool(path and unit is not None and getattr(unit, "path", "").startswith(path))


@rules.predicate
def leads_activity(user: Any, activity: Any) -> bool:
    """The activity's lead unit lies in the user's subtree and the user's role runs this kind of work."""
    return bool(activity is not None and _runs(user, activity.kind) and unit_in_own_subtree(user, activity.lead_unit))


@rules.predicate
def takes_part(user: Any, activity: Any) -> bool:
    """A participant: the lead or a participating unit is in the user's subtree, or the user is on the team."""
    from .models import Activity

    if activity is None or activity.pk is None:
        return False
    return Activity.objects.filter(pk=activity.pk, pk__in=team_side_ids(user)).exists()


@rules.predicate
def is_confidential(user: Any, activity: Any) -> bool:
    return bool(activity is not None and activity.confidential)


@rules.predicate
def addressed_to_user(user: Any, recommendation: Any) -> bool:
    """The user acts for the addressed unit itself (not for a unit above it: each body answers for itself)."""
    return bool(recommendation is not None and user.unit_id and user.unit_id == recommendation.addressee_id)


@rules.predicate
def criticised_body(user: Any, point: Any) -> bool:
    """The body whose draft was criticised: an examined unit of the activity in the user's subtree."""
    path = _path(user)
    return bool(path and point is not None and point.activity.examined.filter(path__startswith=path).exists())


@rules.predicate
def point_lead(user: Any, point: Any) -> bool:
    return bool(point is not None and leads_activity(user, point.activity))


@rules.predicate
def finding_lead(user: Any, finding: Any) -> bool:
    return bool(finding is not None and finding.activity.kind == Kind.INSPECTION and leads_activity(user, finding.activity))


@rules.predicate
def leads_programme(user: Any, programme: Any) -> bool:
    return bool(programme is not None and unit_in_own_subtree(user, programme.lead_unit))


runner = is_admin | (has_unit & leads_activity)

declare("oversight.create", is_admin | (has_unit & may_run_kind), label=_("Lập kế hoạch giám sát, phản biện, "
                                                                          "kiểm tra"),
        refusal=_("Mặt trận Tổ quốc (và các tổ chức thành viên) chủ trì giám sát, phản biện xã hội; các ban "
                  "đảng, cấp ủy chủ trì kiểm tra. Vai trò của bạn không lập được loại hoạt động này."))
declare("oversight.lead_from", is_admin | unit_in_own_subtree, label=_("Chọn đơn vị chủ trì"),
        refusal=_("Đơn vị chủ trì phải là đơn vị của bạn hoặc đơn vị cấp dưới. Chọn lại ô “đơn vị chủ trì”."))
declare("oversight.edit", runner, label=_("Sửa kế hoạch, đoàn, tệp đính kèm của hoạt động"),
        refusal=_("Chỉ đơn vị chủ trì hoạt động này được sửa."))
for _step, _label in (("start", _("Bắt đầu tiến hành")), ("conclude", _("Kết luận")),
                      ("reopen", _("Mở lại để bổ sung")), ("close", _("Kết thúc"))):
    declare(f"oversight.step.{_step}", runner, label=format_lazy("{}: {}", _("Chuyển trạng thái"), _label),
            refusal=_("Chỉ đơn vị chủ trì hoạt động này được chuyển trạng thái."))
declare("oversight.recommend", runner, label=_("Ghi phát hiện, kiến nghị, kết luận"),
        refusal=_("Chỉ đơn vị chủ trì hoạt động này được ghi phát hiện và kiến nghị."))
declare("oversight.answer", has_unit & addressed_to_user, label=_("Trả lời kiến nghị, báo cáo kết quả thực "
                                                                  "hiện"),
        refusal=_("Kiến nghị này không gửi đơn vị của bạn: chỉ đơn vị được kiến nghị (ô “đơn vị nhận kiến "
                  "nghị”) trả lời và báo cáo kết quả."))
declare("oversight.read_draft", ~is_confidential | takes_part, label=_("Đọc dự thảo được phản biện"),
        refusal=_("Dự thảo này được đánh dấu mật: chỉ người tham gia phản biện được đọc."))
declare("oversight.comment", has_unit & takes_part, label=_("Góp ý vào một đoạn của dự thảo"),
        refusal=_("Chỉ đơn vị tham gia phản biện được góp ý vào dự thảo."))
declare("oversight.mark_point", is_admin | (has_unit & (criticised_body | point_lead)),
        label=_("Ghi việc tiếp thu ý kiến phản biện"),
        refusal=_("Chỉ cơ quan có dự thảo được phản biện (hoặc đơn vị chủ trì) ghi việc tiếp thu."))
declare("oversight.task_from_finding", has_unit & finding_lead, label=_("Giao nhiệm vụ từ phát hiện kiểm tra"),
        refusal=_("Chỉ đơn vị chủ trì cuộc kiểm tra (có đơn vị để ban hành văn bản) được giao nhiệm vụ từ "
                  "phát hiện."))
declare("oversight.create_programme", is_admin | (has_unit & is_front), label=_("Lập chương trình phối hợp"),
        refusal=_("Chỉ Mặt trận Tổ quốc lập chương trình phối hợp với các hội."))
declare("oversight.change_programme", is_admin | (has_unit & is_front & leads_programme),
        label=_("Sửa chương trình phối hợp, ghi kết quả hằng năm"),
        refusal=_("Chỉ đơn vị chủ trì chương trình phối hợp này được sửa hoặc ghi kết quả."))
declare("oversight.edit_rules", is_admin, label=_("Sửa bảng thời hạn trả lời kiến nghị"),
        refusal=_("Chỉ quản trị hệ thống sửa bảng thời hạn."))
