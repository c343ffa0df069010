"""Legal checks: the rows of the decree valid on the filing date decide; deadlines count working days."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from sohoi.associations import rules, services
from sohoi.associations.choices import DossierItem, RuleCode, ScopeLevel
from sohoi.associations.models import LegalRule
from sohoi.core.models import Holiday

D = datetime.date
ALL_ITEMS = [DossierItem.APPLICATION, DossierItem.CHARTER, DossierItem.COMMITTEE_LIST, DossierItem.CRIMINAL_RECORD,
             DossierItem.HEAD_OFFICE]


def _checks(users, dossier, **data):
    services.dossier_update(actor=users["noivu"], dossier=dossier, data=data)
    dossier.refresh_from_db()
    return {c.code: c for c in rules.check_dossier(dossier)}


def test_rules_switch_from_decree_45_to_126_by_filing_date(users, founding):
    a = founding()
    old = _checks(users, a.dossier, filed_on=D(2024, 11, 25), complete_on=D(2024, 11, 25), founding_members=60,
                  committee_members=5, submitted=ALL_ITEMS)
    assert "45/2010" in old[RuleCode.FOUNDING_MEMBERS].legal_basis
    # Decree 45/2010: 60 calendar days.
    assert "24/01/2025" in old[RuleCode.DECISION_DEADLINE].detail
    new = _checks(users, a.dossier, filed_on=D(2024, 11, 26), complete_on=D(2024, 11, 26))
    assert "126/2024" in new[RuleCode.FOUNDING_MEMBERS].legal_basis
    assert "126/2024" in new[RuleCode.DECISION_DEADLINE].legal_basis
    # Decree 126/2024 (default row): 30 working days -> 08/01/2025 (01/01 is a holiday).
    assert "08/01/2025" in new[RuleCode.DECISION_DEADLINE].detail


def test_nationwide_founders_from_two_provinces_only_under_126(users, founding):
    a = founding(name="Hội Thử nghiệm toàn quốc", scope=ScopeLevel.NATIONWIDE)
    old = _checks(users, a.dossier, filed_on=D(2024, 6, 3), founding_members=150, founding_provinces=1)
    assert old[RuleCode.FOUNDING_MEMBERS].passed is True
    new = _checks(users, a.dossier, filed_on=D(2025, 6, 3))
    assert new[RuleCode.FOUNDING_MEMBERS].passed is False
    assert "2 tỉnh" in new[RuleCode.FOUNDING_MEMBERS].detail


def test_member_and_committee_thresholds_by_scope(users, founding):
    a = founding(name="Hội Thử nghiệm xã", scope=ScopeLevel.COMMUNE)
    checks = _checks(users, a.dossier, filed_on=D(2025, 3, 3), founding_members=9, committee_members=3,
                     submitted=ALL_ITEMS[:3])
    assert checks[RuleCode.FOUNDING_MEMBERS].passed is False and "cần ít nhất 10" in checks[RuleCode.FOUNDING_MEMBERS].detail
    assert checks[RuleCode.COMMITTEE_SIZE].passed is True
    assert checks[RuleCode.DOSSIER_ITEMS].passed is False
    assert "Phiếu lý lịch tư pháp" in checks[RuleCode.DOSSIER_ITEMS].detail
    checks = _checks(users, a.dossier, founding_members=10, submitted=ALL_ITEMS)
    assert checks[RuleCode.FOUNDING_MEMBERS].passed and checks[RuleCode.DOSSIER_ITEMS].passed


def test_economic_association_uses_legal_entity_threshold(users, founding):
    a = founding(name="Hiệp hội Thử nghiệm", is_economic=True)
    checks = _checks(users, a.dossier, filed_on=D(2025, 3, 3), founding_members=6, committee_members=3)
    assert checks[RuleCode.FOUNDING_MEMBERS_ECONOMIC].passed is True  # 5 legal entities for a province
    assert checks[RuleCode.COMMITTEE_SIZE_ECONOMIC].passed is True


def test_working_day_deadline_skips_tet_holidays(users, founding):
    a = founding()
    checks = _checks(users, a.dossier, filed_on=D(2025, 1, 20), complete_on=D(2025, 1, 20))
    # 30 working days after Mon 20/01/2025 would be 03/03 without holidays; Tết 27-31/01 pushes it a week.
    assert "10/03/2025" in checks[RuleCode.DECISION_DEADLINE].detail
    Holiday.objects.filter(day__range=(D(2025, 1, 27), D(2025, 1, 31))).delete()
    checks = {c.code: c for c in rules.check_dossier(a.dossier)}
    assert "03/03/2025" in checks[RuleCode.DECISION_DEADLINE].detail


def test_name_and_main_field_duplicates_ignore_diacritics(users, founding):
    # The same folded name, scope and territory is refused at registration (issue 10, part 4) ...
    with pytest.raises(ValidationError, match="Hội Khuyến học thành phố Cần Thơ"):
        founding(name="HOI KHUYEN HOC Thanh Pho Can Tho", field="study_promotion", main_activity="khuyến học")
    # ... and a near name is registered, with the clash shown in its dossier check.
    founding(name="Hội Khuyến học và Phát triển thành phố Cần Thơ", field="study_promotion", main_activity="khuyến học")
    b = founding(name="Hội Khuyến học Cần Thơ", field="study_promotion", main_activity="Khuyen hoc ")
    checks_b = {c.code: c for c in rules.check_dossier(b.dossier)}
    assert "Hội Khuyến học thành phố Cần Thơ" in checks_b["name_unique"].detail
    assert checks_b["name_unique"].passed is False  # "thành phố" does not make a name different
    assert checks_b["main_field_unique"].passed is False
    c = founding(name="Hội Khuyến học xã Mới", scope=ScopeLevel.COMMUNE, main_activity="Khuyến học")
    assert {x.code: x for x in rules.check_dossier(c.dossier)}["name_unique"].passed is True  # another scope


def test_first_congress_deadline_and_extension(users, founding):
    from sohoi.associations.choices import Action

    a = founding()
    services.association_transition(actor=users["noivu"], association=a, action=Action.FILE_DOSSIER,
                                    decision_number="1/ĐN", decision_date=D(2025, 1, 2), decision_issuer="Ban vận động")
    a.refresh_from_db()
    services.association_transition(actor=users["noivu"], association=a, action=Action.PERMIT,
                                    decision_number="9/QĐ-UBND", decision_date=D(2025, 2, 3),
                                    decision_issuer="UBND thành phố")
    a.refresh_from_db()
    info = rules.first_congress_due(a, a.dossier, D(2025, 2, 3))
    assert info["due"] == D(2025, 5, 4) and info["request_by"] == D(2025, 5, 19)
    services.dossier_update(actor=users["noivu"], dossier=a.dossier, data={
        "extension_requested_on": D(2025, 5, 10), "extension_days": 45})
    a.dossier.refresh_from_db()
    info = rules.first_congress_due(a, a.dossier, D(2025, 2, 3))
    assert info["extended_due"] == D(2025, 6, 3)  # capped at 30 days
    services.dossier_update(actor=users["noivu"], dossier=a.dossier, data={"extension_requested_on": D(2025, 5, 25)})
    a.dossier.refresh_from_db()
    info = rules.first_congress_due(a, a.dossier, D(2025, 2, 3))
    assert info["extension_ok"] is False and info["extended_due"] is None  # requested too late


def test_rule_edit_is_admin_only_audited_and_cannot_overlap(users):
    import pytest
    from django.core.exceptions import PermissionDenied, ValidationError

    from sohoi.core.audit import history_for

    rule = LegalRule.objects.get(code=RuleCode.TERM_YEARS, valid_from=D(2024, 11, 26))
    with pytest.raises(PermissionDenied):
        services.legal_rule_update(actor=users["noivu"], rule=rule, data={"value": "4"})
    services.legal_rule_update(actor=users["quantri"], rule=rule, data={"value": "4"})
    assert history_for(rule).filter(action="associations.legalrule.updated").exists()
    with pytest.raises(ValidationError) as err:
        services.legal_rule_create(actor=users["quantri"], data={
            "code": RuleCode.TERM_YEARS, "label": "x", "value": "6", "unit": "years", "scope_level": "",
            "legal_basis": "x", "valid_from": D(2026, 1, 1)})
    assert "chồng lên" in str(err.value)
    with pytest.raises(ValidationError) as err:
        services.legal_rule_update(actor=users["quantri"], rule=rule, data={"value": "năm"})
    assert "value" in err.value.error_dict
