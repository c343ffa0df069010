"""Legal checks of a founding dossier, driven by the LegalRule rows valid on the filing date.

Each check returns pass / fail / not yet decidable with its legal basis, so the screen shows the clerk
why. The values are never constants here: a new decree is a new set of rows (design.md §6).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from sohoi.core import memo
from sohoi.core.deadlines import add_working_days, today
from sohoi.core.text import fold

from .choices import ENDED, DossierItem, RuleCode, RuleUnit
from .models import Association, FoundingDossier, LegalRule

# Words that do not make two names different ("Hội X thành phố Cần Thơ" vs "Hội X Cần Thơ").
_FILLER = {"thanh", "pho", "tinh", "quan", "huyen", "xa", "phuong", "thi", "tran", "viet", "nam"}


@dataclass
class Check:
    code: str
    label: str
    passed: bool | None  # None: cannot be decided yet (a date not reached, data missing)
    detail: str
    legal_basis: str = ""
    is_default: bool = False

    @property
    def css(self) -> str:
        return {True: "ok", False: "bad", None: "info"}[self.passed]

    @property
    def verdict(self) -> str:
        return {True: _("Đạt"), False: _("Không đạt"), None: _("Chưa xác định")}[self.passed]


def _rules_on(on: datetime.date) -> list[LegalRule]:
    """Every legal rule row valid on `on` (a few dozen reference rows): one query per request (core.memo), where
    the alerts alone asked for four codes one query each."""
    return memo.remember(("legal_rules", on), lambda: list(LegalRule.objects.valid_on(on)))


def rule_for(code: str, on: datetime.date, scope_level: str = "") -> LegalRule | None:
    """The row valid on `on` for this scope; a row for the exact scope wins over a row for every scope."""
    def find() -> LegalRule | None:
        rows = [r for r in _rules_on(on) if r.code == code and r.scope_level in (scope_level, "")]
        rows.sort(key=lambda r: r.scope_level != scope_level)
        return rows[0] if rows else None

    return memo.remember(("legal_rule", code, on, scope_level), find)


def deadline_from(start: datetime.date, rule: LegalRule, off: frozenset[datetime.date] | None = None
                  ) -> datetime.date:
    """Apply a day-count rule: working days skip weekends and the holiday table (`off`: the holidays, read
    once by a caller that computes many deadlines), plain days do not."""
    n = rule.parsed()
    if rule.unit == RuleUnit.WORKING_DAYS:
        return add_working_days(start, n, off)
    return start + datetime.timedelta(days=n)


def term_years(association: Association, on: datetime.date | None = None) -> int:
    if association.term_years:
        return association.term_years
    rule = rule_for(RuleCode.TERM_YEARS, on or today())
    return rule.parsed() if rule else 5


def _basis(rule: LegalRule | None) -> tuple[str, bool]:
    return (rule.legal_basis, rule.is_default) if rule else (_("Chưa có quy định hiệu lực vào ngày này"), False)


def _missing_rule(code: str, label: str, on: datetime.date) -> Check:
    return Check(code, label, None, _("Chưa có dòng quy định “%(code)s” hiệu lực ngày %(d)s. Nhờ quản trị hệ "
                                      "thống bổ sung trong trang Quy định pháp lý.") % {"code": code,
                                                                                         "d": f"{on:%d/%m/%Y}"})


def check_members(a: Association, d: FoundingDossier, on: datetime.date) -> Check:
    code = RuleCode.FOUNDING_MEMBERS_ECONOMIC if a.is_economic else RuleCode.FOUNDING_MEMBERS
    rule = rule_for(code, on, a.scope_level) or rule_for(RuleCode.FOUNDING_MEMBERS, on, a.scope_level)
    label = _("Số người (tổ chức) đăng ký thành lập")
    if rule is None:
        return _missing_rule(code, label, on)
    need = rule.parsed()
    ok = d.founding_members >= need
    detail = _("Có %(have)s, cần ít nhất %(need)s (phạm vi %(scope)s).") % {
        "have": d.founding_members, "need": need, "scope": a.get_scope_level_display()}
    # Decree 126/2024 adds: founders of a nationwide association come from at least 2 provinces.
    provinces = rule_for(RuleCode.FOUNDING_PROVINCES, on, a.scope_level)
    if provinces is not None and provinces.scope_level == a.scope_level and d.founding_provinces < provinces.parsed():
        ok = False
        detail += " " + _("Cần người đăng ký ở ít nhất %(need)s tỉnh; hồ sơ ghi %(n)s.") % {
            "need": provinces.parsed(), "n": d.founding_provinces}
    return Check(code, label, ok, detail, *_basis(rule))


def check_committee(a: Association, d: FoundingDossier, on: datetime.date) -> Check:
    code = RuleCode.COMMITTEE_SIZE_ECONOMIC if a.is_economic else RuleCode.COMMITTEE_SIZE
    rule = rule_for(code, on, a.scope_level) or rule_for(RuleCode.COMMITTEE_SIZE, on, a.scope_level)
    label = _("Số thành viên ban vận động")
    if rule is None:
        return _missing_rule(code, label, on)
    need = rule.parsed()
    return Check(code, label, d.committee_members >= need,
                 _("Có %(have)s, cần ít nhất %(need)s.") % {"have": d.committee_members, "need": need},
                 *_basis(rule))


def check_items(a: Association, d: FoundingDossier, on: datetime.date) -> Check:
    rule = rule_for(RuleCode.DOSSIER_ITEMS, on, a.scope_level)
    label = _("Thành phần hồ sơ bắt buộc")
    if rule is None:
        return _missing_rule(RuleCode.DOSSIER_ITEMS, label, on)
    missing = [str(DossierItem(i).label) for i in rule.parsed() if i not in (d.submitted or [])]
    detail = _("Đủ giấy tờ bắt buộc.") if not missing else _("Còn thiếu: %(list)s.") % {"list": "; ".join(missing)}
    return Check(RuleCode.DOSSIER_ITEMS, label, not missing, detail, *_basis(rule))


def _name_key(name: str) -> str:
    return " ".join(w for w in fold(name).split() if w not in _FILLER)


def same_scope(a: Association):
    """Existing associations (not ended) in the same scope level and territory, other than `a`."""
    return (Association.objects.filter(scope_level=a.scope_level, territory_id=a.territory_id)
            .exclude(pk=a.pk).exclude(status__in=ENDED))


def check_name(a: Association) -> Check:
    label = _("Tên không trùng, không gây nhầm lẫn trong cùng phạm vi")
    key = _name_key(a.name)
    clashes = [o.name for o in same_scope(a).only("name", "name_folded")
               if o.name_folded == a.name_folded or _name_key(o.name) == key]
    if clashes:
        return Check("name_unique", label, False, _("Trùng hoặc dễ nhầm với: %(list)s. Đề nghị ban vận động đổi tên.")
                     % {"list": "; ".join(clashes)}, _("Điều kiện thành lập hội: tên hội không trùng, không gây nhầm lẫn"))
    return Check("name_unique", label, True, _("Không có hội nào cùng phạm vi trùng tên (so sánh không dấu)."),
                 _("Điều kiện thành lập hội: tên hội không trùng, không gây nhầm lẫn"))


def check_main_field(a: Association) -> Check:
    label = _("Lĩnh vực hoạt động chính không trùng trong cùng phạm vi")
    basis = _("Điều kiện thành lập hội: lĩnh vực hoạt động chính không trùng với hội đã có")
    if not a.main_activity_folded:
        return Check("main_field_unique", label, None, _("Chưa ghi lĩnh vực hoạt động chính. Bổ sung trong hồ sơ hội."),
                     basis)
    clashes = list(same_scope(a).filter(main_activity_folded=a.main_activity_folded).values_list("name", flat=True))
    if clashes:
        return Check("main_field_unique", label, False, _("Trùng lĩnh vực chính “%(f)s” với: %(list)s.") % {
            "f": a.main_activity, "list": "; ".join(clashes)}, basis)
    return Check("main_field_unique", label, True, _("Không trùng (so sánh không dấu)."), basis)


def decision_due(d: FoundingDossier) -> tuple[datetime.date | None, LegalRule | None]:
    start = d.complete_on or d.filed_on
    if start is None:
        return None, None
    rule = rule_for(RuleCode.DECISION_DEADLINE, d.filed_on or start)
    return (deadline_from(start, rule) if rule else None), rule


def check_decision(a: Association, d: FoundingDossier, on: datetime.date) -> Check:
    label = _("Thời hạn quyết định cho phép thành lập")
    due, rule = decision_due(d)
    if due is None or rule is None:
        return Check(RuleCode.DECISION_DEADLINE, label, None,
                     _("Chưa có ngày nhận đủ hồ sơ hợp lệ, chưa tính được hạn."), *_basis(rule))
    decided = a.founding_decision_date
    unit = rule.get_unit_display()
    base = _("Hạn: %(due)s (%(n)s %(unit)s kể từ ngày nhận đủ hồ sơ).") % {"due": f"{due:%d/%m/%Y}", "n": rule.value,
                                                                       "unit": unit}
    if decided:
        ok = decided <= due
        return Check(RuleCode.DECISION_DEADLINE, label, ok, base + " " + _("Đã quyết định ngày %(d)s.") % {
            "d": f"{decided:%d/%m/%Y}"}, *_basis(rule))
    if today() > due:
        return Check(RuleCode.DECISION_DEADLINE, label, False, base + " " + _("Đã quá hạn, chưa có quyết định."),
                     *_basis(rule))
    return Check(RuleCode.DECISION_DEADLINE, label, None, base + " " + _("Đang trong hạn."), *_basis(rule))


def first_congress_due(a: Association, d: FoundingDossier | None, on: datetime.date) -> dict:
    """Deadline of the first congress, the extension window and the extended deadline (or None)."""
    permitted = a.founding_decision_date
    out = {"due": None, "request_by": None, "extended_due": None, "rule": None, "extension_ok": None}
    rule = rule_for(RuleCode.FIRST_CONGRESS, on)
    if permitted is None or rule is None:
        return out
    out["rule"] = rule
    out["due"] = deadline_from(permitted, rule)
    req_rule = rule_for(RuleCode.EXTENSION_REQUEST, on)
    max_rule = rule_for(RuleCode.EXTENSION_MAX, on)
    if req_rule is not None:
        out["request_by"] = deadline_from(out["due"], req_rule)
    if d is not None and d.extension_requested_on and max_rule is not None:
        in_time = out["request_by"] is None or d.extension_requested_on <= out["request_by"]
        days = min(d.extension_days or max_rule.parsed(), max_rule.parsed())
        out["extension_ok"] = in_time
        if in_time:
            out["extended_due"] = out["due"] + datetime.timedelta(days=days)
    return out


def check_first_congress(a: Association, d: FoundingDossier, on: datetime.date) -> Check:
    label = _("Đại hội lần đầu đúng hạn (kể cả gia hạn)")
    info = first_congress_due(a, d, on)
    rule = info["rule"]
    if info["due"] is None:
        return Check(RuleCode.FIRST_CONGRESS, label, None, _("Chưa có quyết định cho phép thành lập."), *_basis(rule))
    detail = _("Hạn: %(d)s.") % {"d": f"{info['due']:%d/%m/%Y}"}
    if info["request_by"]:
        detail += " " + _("Đề nghị gia hạn chậm nhất %(d)s.") % {"d": f"{info['request_by']:%d/%m/%Y}"}
    if info["extension_ok"] is False:
        detail += " " + _("Đề nghị gia hạn nộp quá hạn, không được gia hạn.")
    limit = info["extended_due"] or info["due"]
    if info["extended_due"]:
        detail += " " + _("Đã gia hạn đến %(d)s.") % {"d": f"{limit:%d/%m/%Y}"}
    held = d.first_congress_on
    if held:
        return Check(RuleCode.FIRST_CONGRESS, label, held <= limit,
                     detail + " " + _("Đại hội ngày %(d)s.") % {"d": f"{held:%d/%m/%Y}"}, *_basis(rule))
    if today() > limit:
        return Check(RuleCode.FIRST_CONGRESS, label, False,
                     detail + " " + _("Đã quá hạn: quyết định cho phép hết hiệu lực."), *_basis(rule))
    return Check(RuleCode.FIRST_CONGRESS, label, None, detail + " " + _("Đang trong hạn."), *_basis(rule))


def check_dossier(dossier: FoundingDossier) -> list[Check]:
    """All founding checks, judged by the rules valid on the filing date (today if not filed yet)."""
    a = dossier.association
    on = dossier.filed_on or today()
    return [check_members(a, dossier, on), check_committee(a, dossier, on), check_items(a, dossier, on),
            check_name(a), check_main_field(a), check_decision(a, dossier, on), check_first_congress(a, dossier, on)]
