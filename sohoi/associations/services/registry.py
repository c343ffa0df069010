"""Association records and their lifecycle. The Unit of each association is created and closed here,
through the orgs services, so that the tree and the audit trail stay whole."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sohoi.core import audit
from sohoi.core.permissions import require
from sohoi.core.services import StaleEditError, object_create, object_update
from sohoi.core.text import fold
from sohoi.orgs.choices import UnitKind, UnitLevel
from sohoi.orgs.models import Unit
from sohoi.orgs.services import unit_close, unit_create, unit_update

from ..choices import ENDED, FOUNDING, Action, ScopeLevel, Status
from ..models import Association, AssociationTransition, FieldOfActivity, FoundingDossier, LineageEvent
from ..workflows import REASON_REQUIRED, TRANSITIONS
from .base import validate_decision

UNIT_LEVEL = {ScopeLevel.NATIONWIDE: UnitLevel.CENTRAL, ScopeLevel.PROVINCE: UnitLevel.PROVINCE,
              ScopeLevel.DISTRICT: UnitLevel.DISTRICT, ScopeLevel.COMMUNE: UnitLevel.COMMUNE}
ASSOCIATION_KINDS = (UnitKind.ASSOCIATION, UnitKind.BRANCH)


def _check_counts(data: dict[str, Any]) -> None:
    total = sum(int(data.get(k) or 0) for k in ("members_individual", "members_organisational", "members_honorary"))
    if total and not data.get("members_reported_on"):
        raise ValidationError({"members_reported_on": _("Nhập ngày tính số liệu hội viên đã báo cáo.")})


@transaction.atomic
def association_create(
    *, actor: Any, name: str, field: FieldOfActivity, scope_level: str, parent: Unit | None = None,
    unit: Unit | None = None, status: str = Status.COMMITTEE_RECOGNISED, status_since: datetime.date | None = None,
    committee_decision: dict[str, Any] | None = None, **data: Any,
) -> Association:
    """Register an association (or a branch, when `parent` is an association's unit).

    `unit` adopts an existing unit of kind association/branch (those the orgs demo created); otherwise a new
    unit is created under `parent`. A new founding starts at "founding committee recognised" with its dossier.
    """
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("Nhập tên đầy đủ của hội bằng tiếng Việt.")})
    if scope_level not in ScopeLevel.values:
        raise ValidationError({"scope_level": _("Chọn phạm vi hoạt động trong danh sách.")})
    if status not in Status.values:
        raise ValidationError({"status": _("Tình trạng không có trong danh sách.")})
    parent = unit.parent if unit is not None else parent
    parent_assoc = getattr(parent, "association", None) if parent and parent.kind in ASSOCIATION_KINDS else None
    if parent_assoc is not None:
        require(actor, "associations.create_branch", parent_assoc)
    else:
        require(actor, "associations.create")
    _check_counts(data)
    territory = data.get("territory")
    _refuse_duplicate(name, scope_level, territory, parent if parent_assoc is not None else None)
    if unit is None:
        if parent is None:
            raise ValidationError({"parent": _("Chọn đơn vị mà hội trực thuộc trong cây tổ chức.")})
        kind = UnitKind.BRANCH if parent_assoc is not None else UnitKind.ASSOCIATION
        unit = unit_create(actor=actor, name=name, kind=kind, parent=parent, level=UNIT_LEVEL[scope_level],
                           area=territory, code=data.get("short_name", "")[:30])
    elif unit.kind not in ASSOCIATION_KINDS:
        raise ValidationError({"unit": _("Đơn vị “%(unit)s” không phải hội hoặc chi hội.") % {"unit": unit}})
    elif Association.objects.filter(unit=unit).exists():
        raise ValidationError({"unit": _("Đơn vị “%(unit)s” đã có hồ sơ hội.") % {"unit": unit}})
    assoc = object_create(actor=actor, model=Association, action="associations.association.created", data={
        "unit": unit, "name": name, "field": field, "scope_level": scope_level, "status": status,
        "status_since": status_since, **data})
    if status in FOUNDING:
        cd = committee_decision or {}
        FoundingDossier.objects.create(association=assoc, created_by=actor if actor else None,
                                       committee_decision_number=cd.get("number", ""),
                                       committee_decision_date=cd.get("date"),
                                       committee_members=cd.get("members", 0))
    return assoc


def duplicate_of(name: str, scope_level: str, territory: Any, parent: Unit | None = None) -> Association | None:
    """An association still active with the same name (compared folded: diacritics, case, spacing and
    invisible characters ignored), scope level and territory; for a branch, under the same association."""
    qs = Association.objects.filter(name_folded=fold(name), scope_level=scope_level).exclude(status__in=ENDED)
    qs = qs.filter(territory=territory) if territory is not None else qs.filter(territory__isnull=True)
    if parent is not None:
        qs = qs.filter(unit__parent=parent)
    return qs.order_by("pk").first()


def _refuse_duplicate(name: str, scope_level: str, territory: Any, parent: Unit | None) -> None:
    existing = duplicate_of(name, scope_level, territory, parent)
    if existing is not None:
        where = _(", địa bàn %(territory)s") % {"territory": territory} if territory is not None else ""
        raise ValidationError({"name": (
            _("Đã có hội “%(name)s” (mã %(pk)s) cùng tên, cùng phạm vi %(value)s%(where)s. Mở hồ sơ hội đó "
              "để cập nhật thay vì đăng ký lại, hoặc đặt tên khác nếu đây là một hội khác.")
            % {"name": existing.name, "pk": existing.pk, "value": existing.get_scope_level_display().lower(), "where": where})})


@transaction.atomic
def association_update(*, actor: Any, association: Association, data: dict[str, Any],
                       expected_version: int | None = None) -> Association:
    """Edit the profile. Status and name change only through `association_transition` (the deciding
    document must be attached), so they are refused here."""
    require(actor, "associations.edit_profile", association)
    locked = [k for k in data if k in Association.WORKFLOW_FIELDS]
    if locked:
        raise ValidationError({k: _("Trường này chỉ đổi qua sự kiện tổ chức (có văn bản quyết định).") for k in locked})
    decided = [k for k in data if k in Association.STATE_FIELDS]
    if decided:
        raise ValidationError({k: (_("“%(verbose_name)s” do cơ quan nhà nước quyết định: Sở Nội vụ ghi qua "
                                     "bước “Ghi quyết định của Nhà nước”, kèm văn bản quyết định.")
                                   % {"verbose_name": Association._meta.get_field(k).verbose_name})
                               for k in decided})
    merged = {k: getattr(association, k) for k in ("members_individual", "members_organisational",
                                                    "members_honorary", "members_reported_on")}
    merged.update({k: v for k, v in data.items() if k in merged})
    _check_counts(merged)
    territory_changed = "territory" in data and data["territory"] != association.territory
    association = object_update(actor=actor, obj=association, data=data, action="associations.association.updated",
                                expected_version=expected_version)
    if territory_changed:
        unit_update(actor=actor, unit=association.unit, data={"area": association.territory})
    return association


@transaction.atomic
def association_state_decision(
    *, actor: Any, association: Association, changes: dict[str, Any], decision_number: str,
    decision_date: datetime.date | None, decision_issuer: str, note: str = "", expected_version: int | None = None,
) -> Association:
    """Record a decision of the state on an association (founding decision, scope, territory, special status,
    managing agency, state tasks: Association.STATE_FIELDS) with the document that made it. The only way these
    fields change after registration; home affairs only; one ledger row and one audit entry."""
    require(actor, "associations.record_state_decision", association)
    unknown = [k for k in changes if k not in Association.STATE_FIELDS]
    if unknown:
        raise ValidationError({k: _("Trường này không do quyết định của Nhà nước đặt; sửa ở hồ sơ hội.") for k in unknown})
    validate_decision(decision_number, decision_date, decision_issuer)
    current = Association.objects.select_for_update().filter(pk=association.pk).values_list("version", flat=True).first()
    based_on = expected_version if expected_version is not None else association.version
    if current != based_on:
        raise StaleEditError(_("Hồ sơ hội đã được người khác cập nhật sau khi bạn mở. Tải lại trang rồi làm lại."))
    scope_level = changes.get("scope_level", association.scope_level)
    if scope_level not in ScopeLevel.values:
        raise ValidationError({"scope_level": _("Chọn phạm vi hoạt động trong danh sách.")})
    before = audit.snapshot(association)
    for name, value in changes.items():
        setattr(association, name, value)
    association.version = current + 1
    association.full_clean(exclude=[f.name for f in Association._meta.fields if f.name not in changes])
    diff = audit.diff(before, audit.snapshot(association))
    if not diff:
        raise ValidationError(_("Quyết định không thay đổi trường nào của hồ sơ. Sửa ít nhất một trường rồi ghi lại."))
    association.save(update_fields=[*changes, "version", "updated_at"])
    if "territory" in changes:
        unit = association.unit
        unit.area = association.territory
        unit.save(update_fields=["area", "updated_at"])  # the unit follows; the decision below is its audit
    AssociationTransition.objects.create(
        association=association, action=Action.STATE_DECISION, from_status=association.status,
        to_status=association.status, decision_number=decision_number.strip(), decision_date=decision_date,
        decision_issuer=decision_issuer.strip(), note=note,
        actor=actor if getattr(actor, "is_authenticated", False) else None)
    audit.record(actor=actor, action="associations.association.state_decided", target=association, changes=diff,
                 note=f"{decision_number} ngày {decision_date:%d/%m/%Y} của {decision_issuer}. {note}".strip())
    return association


def _validate_successors(association: Association, action: str, successors: Sequence[Association]) -> None:
    need = TRANSITIONS[action].successors
    if not need:
        if successors:
            raise ValidationError({"successors": _("Sự kiện này không có hội kế thừa; bỏ trống ô hội kế thừa.")})
        return
    if not successors:
        raise ValidationError({"successors": _("Chọn hội kế thừa (hội mới hoặc hội nhận sáp nhập).")})
    if need == "one" and len(successors) != 1:
        raise ValidationError({"successors": _("Sự kiện này có đúng một hội kế thừa.")})
    for s in successors:
        if s.pk == association.pk:
            raise ValidationError({"successors": _("Hội không thể kế thừa chính nó.")})
        if s.status in ENDED:
            raise ValidationError({"successors": _("“%(s)s” đã chấm dứt hoạt động, không thể là hội kế thừa.")
                                                 % {"s": s}})


@transaction.atomic
def association_transition(
    *, actor: Any, association: Association, action: str, decision_number: str,
    decision_date: datetime.date | None, decision_issuer: str, note: str = "", new_name: str = "",
    successors: Sequence[Association] = (), expected_version: int | None = None,
) -> Association:
    """The one way a status changes (workflows.TRANSITIONS), with the deciding document and lineage."""
    TRANSITIONS.known(action)
    # State decisions are the Department's; association staff record only their own filings and congresses.
    require(actor, f"associations.transition.{action}", association)
    current = Association.objects.select_for_update().filter(pk=association.pk).values_list(
        "status", "version").first()
    status, version = current
    based_on = expected_version if expected_version is not None else association.version
    if version != based_on:
        raise StaleEditError(_("Hồ sơ hội đã được người khác cập nhật sau khi bạn mở. Tải lại trang rồi làm lại."))
    step = TRANSITIONS.transition(action, status)
    validate_decision(decision_number, decision_date, decision_issuer)
    if action in REASON_REQUIRED and not (note or "").strip():
        raise ValidationError({"note": (
            _("Nhập lý do vào ô “Ghi chú, lý do”: “%(value)s” phải nêu rõ lý do trong văn bản.")
            % {"value": Action(action).label})})
    _validate_successors(association, action, successors)
    new_name = " ".join((new_name or "").split())
    if step.needs_new_name:
        if not new_name:
            raise ValidationError({"new_name": _("Nhập tên mới của hội.")})
        if fold(new_name) == association.name_folded:
            raise ValidationError({"new_name": _("Tên mới trùng tên hiện tại (so sánh không dấu). Nhập tên khác.")})
        clash = (Association.objects.filter(scope_level=association.scope_level, territory_id=association.territory_id,
                                            name_folded=fold(new_name)).exclude(pk=association.pk)
                 .exclude(status__in=ENDED).first())
        if clash:
            raise ValidationError({"new_name": _("Tên mới trùng với “%(clash)s” trong cùng phạm vi. Chọn tên khác.")
                                               % {"clash": clash}})
    target = TRANSITIONS.target(action, status)
    old_name = association.name
    changes: dict[str, Any] = {"status": [status, target]} if target != status else {}
    association.status = target
    association.status_since = decision_date
    fields = ["status", "status_since", "version", "updated_at"]
    if action == Action.PERMIT:
        association.founding_decision_number = decision_number
        association.founding_decision_date = decision_date
        association.founding_decision_issuer = decision_issuer
        fields += ["founding_decision_number", "founding_decision_date", "founding_decision_issuer"]
        changes["founding_decision"] = [None, f"{decision_number} ({decision_date:%d/%m/%Y})"]
    if step.needs_new_name:
        association.name = new_name
        fields.append("name")
        changes["name"] = [old_name, new_name]
        unit_update(actor=actor, unit=association.unit, data={"name": new_name})
    association.version = version + 1
    association.save(update_fields=fields)
    _dossier_dates(association, action, decision_date)
    row = AssociationTransition.objects.create(
        association=association, action=action, from_status=status, to_status=target,
        decision_number=decision_number.strip(), decision_date=decision_date, decision_issuer=decision_issuer.strip(),
        note=note, actor=actor if getattr(actor, "is_authenticated", False) else None)
    if successors:
        LineageEvent.objects.bulk_create([LineageEvent(transition=row, kind=action, predecessor=association,
                                                       successor=s, on=decision_date) for s in successors])
        changes["successors"] = [None, [str(s) for s in successors]]
    if target in ENDED:
        unit_close(actor=actor, unit=association.unit, on=decision_date, successors=[s.unit for s in successors])
    elif successors:  # separation: the association goes on, the new ones descend from it
        association.unit.successors.add(*[s.unit for s in successors])
    audit.record(actor=actor, action=f"associations.association.{action}", target=association, changes=changes,
                 note=f"{Action(action).label}: {decision_number} ngày {decision_date:%d/%m/%Y} của {decision_issuer}. "
                      f"{note}".strip())
    return association


def _dossier_dates(association: Association, action: str, on: datetime.date) -> None:
    """Keep the dossier's dates in step with the lifecycle (its deadlines are computed from them)."""
    dossier = FoundingDossier.objects.filter(association=association).first()
    if dossier is None:
        return
    if action == Action.FILE_DOSSIER and dossier.filed_on is None:
        dossier.filed_on = on
        dossier.save(update_fields=["filed_on", "updated_at"])
    elif action == Action.HOLD_FIRST_CONGRESS and dossier.first_congress_on is None:
        dossier.first_congress_on = on
        dossier.save(update_fields=["first_congress_on", "updated_at"])


@transaction.atomic
def field_create(*, actor: Any, code: str, name: str, order: int = 0) -> FieldOfActivity:
    require(actor, "associations.edit_fields")
    return object_create(actor=actor, model=FieldOfActivity, data={"code": code, "name": name, "order": order},
                         action="associations.field.created")
