"""Every write of the Party app (design.md convention 1): keyword-only, atomic, validating, audited.

Who may do each write is declared in permissions.py and asked with `require()` before anything is read
or validated.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sohoi.core import audit
from sohoi.core.concurrency import lock
from sohoi.core.dated_rows import check_dated_row
from sohoi.core.deadlines import today
from sohoi.core.permissions import require
from sohoi.core.scoping import restrict
from sohoi.core.services import object_create, object_update
from sohoi.orgs.choices import UnitKind

from .choices import Grade, OrgKind, OrgStatus
from .models import PartyMemberCount, PartyOrganisation, PartyRule, QualityRating
from .rules import grade_for_score

COUNT_FIELDS = {"official_members": gettext_lazy("số đảng viên chính thức"),
                "probationary_members": gettext_lazy("số đảng viên dự bị"),
                "official": gettext_lazy("số đảng viên chính thức"), "probationary": gettext_lazy("số đảng viên dự bị")}


# Validation --------------------------------------------------------------------------------------------

def _check_parent_visible(actor: Any, parent: PartyOrganisation | None) -> None:
    """A grassroots committee the actor cannot see is answered like a missing one: no name (issue 10)."""
    if parent is None or actor is None:
        return
    if not restrict(PartyOrganisation.objects.filter(pk=parent.pk), actor).exists():
        raise ValidationError({"parent": _("Lựa chọn không hợp lệ. Chọn một đảng bộ cơ sở trong danh sách.")})


def _check_counts(data: dict[str, Any], errors: dict[str, str]) -> None:
    for name, label in COUNT_FIELDS.items():
        if name in data and data[name] is not None:
            try:
                value = int(data[name])
            except (TypeError, ValueError):
                errors[name] = _("%(label)s phải là một số nguyên. Nhập số người, ví dụ 5.") % {"label": label.capitalize()}
                continue
            if value < 0:
                errors[name] = _("%(label)s không được âm (đã nhập %(value)s). Nhập 0 hoặc một số dương.") % {"label": label.capitalize(), "value": value}


def _check_organisation(data: dict[str, Any], obj: PartyOrganisation | None = None) -> None:
    def get(name: str) -> Any:
        return data[name] if name in data else getattr(obj, name, None)

    errors: dict[str, str] = {}
    _check_counts(data, errors)
    superior = get("superior")
    if superior is not None and superior.kind != UnitKind.PARTY_COMMITTEE:
        errors["superior"] = (_("“%(superior)s” không phải là cấp ủy đảng. Chọn một cấp ủy (quận ủy, huyện "
                                "ủy, đảng ủy) làm cấp ủy cấp trên.") % {"superior": superior})
    kind, parent = get("kind"), get("parent")
    if kind == OrgKind.CELL_UNDER_COMMITTEE:
        if parent is None:
            errors["parent"] = _("Chi bộ trực thuộc đảng ủy cơ sở phải chọn đảng bộ cơ sở mà nó trực thuộc.")
        elif parent.kind != OrgKind.GRASSROOTS_COMMITTEE:
            errors["parent"] = _("“%(parent)s” không phải đảng bộ cơ sở. Chọn một đảng bộ cơ sở.") % {"parent": parent}
    elif parent is not None:
        errors["parent"] = _("Chỉ chi bộ trực thuộc đảng ủy cơ sở mới có đảng bộ cấp trên; để trống ô này.")
    decided = get("decision_date")
    if decided and decided > today():
        errors["decision_date"] = _("Ngày quyết định thành lập không thể sau hôm nay. Sửa lại ngày.")
    reported = get("members_reported_on")
    if reported and decided and reported < decided:
        errors["members_reported_on"] = _("Ngày tính số đảng viên không thể trước ngày thành lập. Sửa lại "
                                          "ngày.")
    association = get("association")
    if association is not None and association.unit.kind not in (UnitKind.ASSOCIATION, UnitKind.BRANCH):
        errors["association"] = _("Chọn một hội quần chúng.")
    if errors:
        raise ValidationError(errors)


# Rules -------------------------------------------------------------------------------------------------

def _check_overlap(rule: PartyRule, code: str, start: datetime.date | None, end: datetime.date | None) -> None:
    check_dated_row(PartyRule.objects.filter(code=code), row=rule, start=start, end=end,
                    describe=lambda other: f"“{other.label}”")


@transaction.atomic
def party_rule_create(*, actor: Any, data: dict[str, Any]) -> PartyRule:
    require(actor, "party.edit_rules")
    _check_overlap(PartyRule(), data.get("code", ""), data.get("valid_from"), data.get("valid_to"))
    return object_create(actor=actor, model=PartyRule, data=dict(data), action="party.rule.created")


@transaction.atomic
def party_rule_update(*, actor: Any, rule: PartyRule, data: dict[str, Any],
                      expected_version: int | None = None) -> PartyRule:
    require(actor, "party.edit_rules")
    _check_overlap(rule, data.get("code", rule.code), data.get("valid_from", rule.valid_from),
                   data.get("valid_to", rule.valid_to))
    return object_update(actor=actor, obj=rule, data=dict(data), action="party.rule.updated",
                         expected_version=expected_version)


# Organisations -----------------------------------------------------------------------------------------

@transaction.atomic
def organisation_create(*, actor: Any, data: dict[str, Any]) -> PartyOrganisation:
    data = dict(data)
    # Who first, then what: a refusal says nothing about the rows it names.
    require(actor, "party.create_organisation")
    if data.get("superior") is not None:  # a missing one is a field error, below
        require(actor, "party.place_under", data["superior"])
    if data.get("association") is not None:
        require(actor, "party.attach_to_association", data["association"])
    _check_parent_visible(actor, data.get("parent"))
    _check_organisation(data)
    data.setdefault("status", OrgStatus.ACTIVE)
    org = object_create(actor=actor, model=PartyOrganisation, data=data, action="party.organisation.created")
    if org.secretary_name:
        audit.record(actor=actor, action="party.organisation.secretary_set", target=org,
                     note="Đã ghi bí thư (tên không chép vào nhật ký: dữ liệu cá nhân nhạy cảm).")
    return org


@transaction.atomic
def organisation_update(*, actor: Any, organisation: PartyOrganisation, data: dict[str, Any],
                        expected_version: int | None = None) -> PartyOrganisation:
    data = {k: v for k, v in data.items() if k not in ("status", "ended_on", "successor", "end_decision_number")}
    require(actor, "party.change_organisation", organisation)
    if "superior" in data and data["superior"] != organisation.superior:
        require(actor, "party.place_under", data["superior"])
    if "association" in data and data["association"] != organisation.association:
        require(actor, "party.attach_to_association", data["association"])
    if "parent" in data and data["parent"] != organisation.parent:
        _check_parent_visible(actor, data["parent"])
    _check_organisation(data, organisation)
    secretary_changed = "secretary_name" in data and data["secretary_name"] != organisation.secretary_name
    org = object_update(actor=actor, obj=organisation, data=data, action="party.organisation.updated",
                        expected_version=expected_version)
    if secretary_changed:
        audit.record(actor=actor, action="party.organisation.secretary_set", target=org,
                     note="Đã sửa bí thư (tên không chép vào nhật ký: dữ liệu cá nhân nhạy cảm).")
    return org


@transaction.atomic
def organisation_end(*, actor: Any, organisation: PartyOrganisation, status: str, ended_on: datetime.date,
                     decision_number: str, successor: PartyOrganisation | None = None) -> PartyOrganisation:
    """Dissolve, or merge into `successor` (the lineage). The record stays, with its ratings."""
    require(actor, "party.change_organisation", organisation)
    errors: dict[str, str] = {}
    if organisation.status != OrgStatus.ACTIVE:
        errors["status"] = _("Tổ chức đảng này đã %(status)s; không thể kết thúc lần nữa.") % {"status": organisation.get_status_display().lower()}
    if status not in (OrgStatus.DISSOLVED, OrgStatus.MERGED):
        errors["status"] = _("Chọn “giải thể” hoặc “hợp nhất, sáp nhập”.")
    if not (decision_number or "").strip():
        errors["decision_number"] = _("Nhập số quyết định giải thể hoặc hợp nhất.")
    if ended_on is None:
        errors["ended_on"] = _("Nhập ngày giải thể hoặc hợp nhất.")
    elif ended_on < organisation.decision_date:
        errors["ended_on"] = (_("Ngày kết thúc không thể trước ngày thành lập (%(decision_date)s). Sửa lại "
                                "ngày.") % {"decision_date": format(organisation.decision_date, '%d/%m/%Y')})
    if status == OrgStatus.MERGED:
        if successor is None:
            errors["successor"] = _("Hợp nhất, sáp nhập phải chọn tổ chức đảng tiếp nhận.")
        elif successor.pk == organisation.pk or successor.status != OrgStatus.ACTIVE:
            errors["successor"] = _("Tổ chức đảng tiếp nhận phải là một tổ chức khác, đang hoạt động.")
    elif successor is not None:
        errors["successor"] = _("Giải thể không có tổ chức tiếp nhận; để trống ô này.")
    if errors:
        raise ValidationError(errors)
    return object_update(actor=actor, obj=organisation, data={
        "status": status, "ended_on": ended_on, "end_decision_number": decision_number.strip(),
        "successor": successor}, action=f"party.organisation.{status}")


# Counts and ratings ------------------------------------------------------------------------------------

@transaction.atomic
def member_count_report(*, actor: Any, association: Any, reported_on: datetime.date, official: int,
                        probationary: int = 0, source: str = "") -> PartyMemberCount:
    """Record (or correct, for the same day) the reported number of party members of an association."""
    require(actor, "party.report_count", association)
    errors: dict[str, str] = {}
    _check_counts({"official": official, "probationary": probationary}, errors)
    if reported_on is None:
        errors["reported_on"] = _("Nhập ngày tính số đảng viên.")
    elif reported_on > today():
        errors["reported_on"] = _("Ngày tính số đảng viên không thể sau hôm nay. Sửa lại ngày.")
    if errors:
        raise ValidationError(errors)
    lock(association)  # concurrent reports of the same day queue here, so the second one updates the first
    existing = PartyMemberCount.objects.filter(association=association, reported_on=reported_on).first()
    data = {"official": int(official), "probationary": int(probationary or 0), "source": source}
    if existing:
        return object_update(actor=actor, obj=existing, data=data, action="party.member_count.updated")
    return object_create(actor=actor, model=PartyMemberCount, data={
        "association": association, "reported_on": reported_on, **data}, action="party.member_count.reported")


@transaction.atomic
def rating_record(*, actor: Any, organisation: PartyOrganisation, year: int, grade: str | None = None,
                  score: int | None = None, decision: str = "", note: str = "") -> QualityRating:
    """The rating of one year (a second call for the same year corrects it). With a score, the grade is
    derived from the rule rows valid that year; a typed grade that disagrees is refused."""
    require(actor, "party.rate", organisation)
    errors: dict[str, str] = {}
    this_year = today().year
    if year is None or not (1930 <= int(year) <= this_year):
        errors["year"] = _("Năm xếp loại phải từ 1930 đến %(this_year)s. Sửa lại năm.") % {"this_year": this_year}
    elif not organisation.existed_in(int(year)):
        end = _(", kết thúc %(ended_on)s") % {"ended_on": format(organisation.ended_on, '%d/%m/%Y')} if organisation.ended_on else ""
        errors["year"] = (_("Năm %(year)s tổ chức đảng này chưa có hoặc không còn (thành lập "
                            "%(decision_date)s%(end)s). Chọn một năm tổ chức còn hoạt động.") % {"year": year, "decision_date": format(organisation.decision_date, '%d/%m/%Y'), "end": end})
    if score is not None and not (0 <= int(score) <= 100):
        errors["score"] = _("Điểm phải từ 0 đến 100 (đã nhập %(score)s). Sửa lại điểm hoặc để trống.") % {"score": score}
    if errors:
        raise ValidationError(errors)
    if score is not None:
        derived = grade_for_score(int(score), int(year))
        if grade and grade != derived:
            raise ValidationError({"grade": (
                _("Với %(score)s điểm, xếp loại theo quy định năm %(year)s là “%(derived)s”, không phải "
                  "“%(chosen)s”. Để trống ô xếp loại hoặc sửa lại điểm.") % {"score": score, "year": year, "derived": derived.label, "chosen": Grade(grade).label})})
        grade = derived
    if not grade or grade not in Grade.values:
        raise ValidationError({"grade": _("Chọn xếp loại, hoặc nhập điểm để hệ thống tự xếp loại.")})
    data = {"grade": grade, "score": score, "decision": decision, "note": note}
    lock(organisation)  # concurrent ratings of the same year queue here, so the second one corrects the first
    existing = QualityRating.objects.filter(organisation=organisation, year=year).first()
    if existing:
        return object_update(actor=actor, obj=existing, data=data, action="party.rating.updated")
    return object_create(actor=actor, model=QualityRating, data={"organisation": organisation, "year": int(year),
                                                                 **data}, action="party.rating.recorded")


# The one-click task of the eligibility page --------------------------------------------------------------

LETTER_CODE = "752-CV/TU"


def letter_task():
    """Task 1 of 752-CV/TU ('Cấp ủy đảng các cấp ... set up Party organisations where conditions are met')."""
    from sohoi.core.text import fold
    from sohoi.directives.models import Task

    key = fold(LETTER_CODE).replace(" ", "")
    return Task.objects.select_related("document").filter(document__code_key=key, no="1").first()


@transaction.atomic
def eligibility_task_create(*, actor: Any, committee: Any, associations: list[Any],
                            due: datetime.date | None = None):
    """Send one task to `committee`: consider setting up Party organisations in these associations. It is a
    directives document (a follow-up of 752-CV/TU, task 1) confirmed through the directives services, so
    it is tracked, reported on and urged like every other task. Returns the created Task."""
    from sohoi.directives.choices import Direction, DocType, System
    from sohoi.directives.services import document_confirm, document_create

    require(actor, "party.create_eligibility_task", committee)
    if committee is None or committee.kind != UnitKind.PARTY_COMMITTEE:
        raise ValidationError({"committee": _("Chọn một cấp ủy đảng để giao nhiệm vụ.")})
    if not associations:
        raise ValidationError({"associations": _("Chưa chọn hội nào; chọn ít nhất một hội đủ điều kiện.")})
    task1 = letter_task()
    if task1 is None:
        raise ValidationError(_("Chưa có Công văn %(LETTER_CODE)s (nhiệm vụ 1) trong sổ văn bản. Vào sổ văn "
                                "bản đó trước, rồi giao nhiệm vụ.") % {"LETTER_CODE": LETTER_CODE})
    on = today()
    due = due or on + datetime.timedelta(days=90)
    if due < on:
        raise ValidationError({"due": _("Hạn hoàn thành không thể trước hôm nay. Chọn một ngày sau hôm nay.")})
    names = "; ".join(a.name for a in associations)
    issuer = actor.unit if actor is not None and actor.unit_id else None
    # i18n: data (the text of an official document, always Vietnamese)
    text = (f"Thực hiện nhiệm vụ 1 của Công văn {LETTER_CODE}: xem xét thành lập tổ chức đảng tại các hội đủ điều "
            f"kiện nhưng chưa có tổ chức đảng: {names}. Báo cáo kết quả trước ngày {due:%d/%m/%Y}.")
    # i18n: data (the text of an official document, always Vietnamese)
    document = document_create(actor=actor, fields={
        "system": System.PARTY, "doc_type": DocType.CONG_VAN, "issuer": issuer,
        "issuer_name": issuer.name if issuer else "", "date": on, "place": "Cần Thơ",
        "subject": f"V/v xem xét thành lập tổ chức đảng trong các hội (thực hiện nhiệm vụ 1 Công văn {LETTER_CODE})",
        "direction": Direction.OUTGOING, "parent": task1.document, "recipients": [committee.name],
        "proposal": {"source": "party.eligibility", "committee": committee.pk,
                     "associations": [a.pk for a in associations], "letter_task": task1.pk,
                     "tasks": [{"no": "1", "text": text, "include": True, "deadline": due.isoformat(),
                                "recurrence": "", "leads": [{"name": committee.name, "choice": f"unit:{committee.pk}"}],
                                "coordinators": []}]}})
    task = document_confirm(actor=actor, document=document)[0]
    audit.record(actor=actor, action="party.eligibility.task_created", target=task, changes={
        "committee": [None, str(committee)], "associations": [None, [a.name for a in associations]],
        "letter_task": [None, str(task1)], "due": [None, due]})
    return task
