"""Charters, congresses and leaders."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sohoi.core import audit
from sohoi.core.concurrency import refuse_duplicate
from sohoi.core.permissions import require
from sohoi.core.services import object_create, object_update

from ..choices import CongressKind, Position
from ..models import Association, CharterVersion, Congress, FoundingDossier, Leader
from ..rules import term_years
from .base import validate_decision

# Positions held by one person at a time: appointing a new holder ends the previous one.
SINGLE_HOLDER = frozenset({Position.PRESIDENT, Position.GENERAL_SECRETARY, Position.INSPECTION_HEAD})


def add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29/02 -> 28/02
        return day.replace(year=day.year + years, day=28)


@transaction.atomic
def charter_add(*, actor: Any, association: Association, label: str, decision_number: str,
                decision_date: datetime.date, decision_issuer: str, effective_from: datetime.date | None = None,
                term_years: int | None = None, summary: str = "") -> CharterVersion:
    require(actor, "associations.record_leadership", association)
    validate_decision(decision_number, decision_date, decision_issuer)
    charter = object_create(actor=actor, model=CharterVersion, action="associations.charter.approved", data={
        "association": association, "label": label, "decision_number": decision_number,
        "decision_date": decision_date, "decision_issuer": decision_issuer, "effective_from": effective_from,
        "term_years": term_years, "summary": summary})
    if term_years and term_years != association.term_years:
        object_update(actor=actor, obj=association, data={"term_years": term_years},
                      action="associations.association.updated")
    return charter


@transaction.atomic
def congress_record(*, actor: Any, association: Association, number: int, held_on: datetime.date,
                    expected: int, attended: int, kind: str = CongressKind.TERM, term_label: str = "",
                    years: int | None = None, documents_sent_on: datetime.date | None = None) -> Congress:
    """Record a congress; its next-congress due date follows from the term length (charter, else the rule)."""
    require(actor, "associations.record_leadership", association)
    errors = {}
    if expected <= 0:
        errors["expected"] = _("Nhập số đại biểu (hoặc hội viên) được triệu tập, lớn hơn 0.")
    elif attended > expected:
        errors["attended"] = _("Số có mặt (%(attended)s) lớn hơn số được triệu tập (%(expected)s). Kiểm tra lại hai số.") % {"attended": attended, "expected": expected}
    elif attended * 2 <= expected:
        errors["attended"] = (_("Đại hội chỉ có %(attended)s/%(expected)s có mặt, chưa quá một nửa nên không "
                                "hợp lệ (Nghị định 126/2024/NĐ-CP). Không ghi đại hội này; tổ chức lại đại hội.")
                              % {"attended": attended, "expected": expected})
    if Congress.objects.filter(association=association, number=number).exists():
        errors["number"] = _("Đã có đại hội lần thứ %(number)s. Kiểm tra số thứ tự.") % {"number": number}
    if errors:
        raise ValidationError(errors)
    years = years or term_years(association, held_on)
    # Two clerks recording the same congress at once both pass the check above; the database constraint
    # (congress_number_once) refuses the second, with the same message instead of a 500.
    with refuse_duplicate({"number": _("Đã có đại hội lần thứ %(number)s. Kiểm tra số thứ tự.")
                                     % {"number": number}}):
        congress = object_create(actor=actor, model=Congress, action="associations.congress.recorded", data={
            "association": association, "number": number, "kind": kind, "held_on": held_on,
            "term_label": term_label, "term_years": years, "expected": expected, "attended": attended,
            "next_due": None if kind == CongressKind.EXTRAORDINARY else add_years(held_on, years),
            "documents_sent_on": documents_sent_on})
    if kind == CongressKind.FOUNDING:
        FoundingDossier.objects.filter(association=association, first_congress_on__isnull=True).update(
            first_congress_on=held_on)
    return congress


@transaction.atomic
def leader_appoint(*, actor: Any, association: Association, full_name: str, position: str,
                   started_on: datetime.date, is_party_member: bool = False, gender: str = "",
                   birth_year: int | None = None, congress: Congress | None = None,
                   reported_on: datetime.date | None = None) -> Leader:
    require(actor, "associations.record_leadership", association)
    if position not in Position.values:
        raise ValidationError({"position": _("Chọn chức danh trong danh sách.")})
    if reported_on and reported_on < started_on:
        raise ValidationError({"reported_on": _("Ngày báo cáo không thể trước ngày nhận chức.")})
    if position in SINGLE_HOLDER:
        for old in Leader.objects.filter(association=association, position=position, ended_on__isnull=True):
            leader_end(actor=actor, leader=old, ended_on=max(started_on - datetime.timedelta(days=1), old.started_on))
    leader = object_create(actor=actor, model=Leader, action="associations.leader.appointed", data={
        "association": association, "full_name": " ".join(full_name.split()), "position": position,
        "started_on": started_on, "is_party_member": is_party_member, "gender": gender, "birth_year": birth_year,
        "congress": congress, "reported_on": reported_on})
    return leader


@transaction.atomic
def leader_end(*, actor: Any, leader: Leader, ended_on: datetime.date) -> Leader:
    require(actor, "associations.record_leadership", leader.association)
    if ended_on < leader.started_on:
        raise ValidationError({"ended_on": _("Ngày thôi giữ chức không thể trước ngày nhận chức.")})
    return object_update(actor=actor, obj=leader, data={"ended_on": ended_on}, action="associations.leader.ended")


@transaction.atomic
def leader_mark_reported(*, actor: Any, leader: Leader, reported_on: datetime.date) -> Leader:
    require(actor, "associations.record_leadership", leader.association)
    if reported_on < leader.started_on:
        raise ValidationError({"reported_on": _("Ngày báo cáo không thể trước ngày nhận chức.")})
    leader = object_update(actor=actor, obj=leader, data={"reported_on": reported_on},
                           action="associations.leader.reported")
    audit.record(actor=actor, action="associations.association.leadership_reported", target=leader.association,
                 note=str(leader))
    return leader
