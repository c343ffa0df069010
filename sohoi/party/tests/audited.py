"""Audited writes of the Party app, for tests/test_audit_coverage.py."""

from __future__ import annotations

import datetime

from sohoi.associations.models import Association
from sohoi.orgs.models import Unit
from sohoi.party import services
from sohoi.party.models import PartyMemberCount, PartyOrganisation, PartyRule, QualityRating


def _org(actor) -> PartyOrganisation:
    return services.organisation_create(actor=actor, data={
        "association": Association.objects.get(name="Hội Tin học thành phố Cần Thơ"), "name": "Chi bộ Hội Tin học thử",
        "kind": "cell", "superior": Unit.objects.get(code="ĐUK-DCĐ"), "decision_number": "1-QĐ/ĐUK",
        "decision_date": datetime.date(2020, 1, 2), "decision_issuer": "Ban Thường vụ Đảng ủy Khối",
        "official_members": 3})


WRITES = {
    # Every seeded rule is open-ended, so a new row would overlap: correct a label instead.
    PartyRule: lambda actor: services.party_rule_update(actor=actor, rule=PartyRule.objects.get(code="min_members"),
                                                       data={"label": "Có từ 3 đảng viên chính thức trở lên (sửa)"}),
    PartyOrganisation: _org,
    QualityRating: lambda actor: services.rating_record(actor=actor, organisation=_org(actor), year=2024, score=80),
    PartyMemberCount: lambda actor: services.member_count_report(
        actor=actor, association=Association.objects.get(name="Hội Tin học thành phố Cần Thơ"),
        reported_on=datetime.date(2026, 1, 31), official=5),
}
