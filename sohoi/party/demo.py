"""Demo of the Party side: the rule rows, Party organisations in seven demo associations (one more merged
into another when the districts ended, with its lineage), party-member counts reported for five
associations without a roster, and quality ratings 2023-2025. Deterministic and idempotent.

Hand counts the tests assert (on the hand-made associations of the associations demo, `hand_made_names()`;
its synthetic set is founded after 2013 and left out of these counts; today 2026):
- Party organisations: 8 (7 active, 1 merged: Chi bộ Hội Chữ thập đỏ huyện Phong Điền -> Đảng bộ Hội Chữ
  thập đỏ thành phố, 30/06/2025).
- Eligible, none yet: 28 active associations (operating or suspended, branches excluded), 7 of them with
  an active Party organisation; of the other 21, 14 have at least 3 party members: 13 through their
  leaders in office (3 of 4 are party members) and Hội Kiến trúc sư through its reported count (4).
  Grouped by superior committee: Đảng ủy Khối Cơ quan Dân - Chính - Đảng 10 (the rule row
  `default_superior`: city associations sit under the Fatherland Front), and one each under Đảng ủy
  phường Bình Thủy, phường Cái Khế, phường Tân An and xã Thới Lai. One (Hội Đông y, 31 reported) is
  recommended a grassroots Party committee. District users: Quận ủy Ninh Kiều 0, Huyện ủy Phong Điền 0.
- Ratings (20): 2023 = 1 excellent, 5 good, 1 completed, 0 failed (7); 2024 = 1, 4, 1, 1 (7);
  2025 = 3, 1, 2, 0 (6). By committee: Đảng ủy Khối Cơ quan Dân - Chính - Đảng 2023 = 1, 3, 1, 0;
  2024 = 1, 3, 0, 1; 2025 = 2, 1, 2, 0; Quận ủy Ninh Kiều 2023 good, 2024 good, 2025 excellent;
  Huyện ủy Phong Điền 2023 good, 2024 completed. The caucus (Đảng đoàn Hội Luật gia) is not rated.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from sohoi.associations.models import Association
from sohoi.orgs.models import Unit

from .choices import Grade, OrgKind, OrgStatus, RuleCode, RuleUnit
from .models import PartyMemberCount, PartyOrganisation, PartyRule, QualityRating
from .services import (
    member_count_report,
    organisation_create,
    organisation_end,
    party_rule_create,
    rating_record,
)

D = datetime.date
CHARTER = "Điều lệ Đảng Cộng sản Việt Nam (2011), Điều 21"
RULES = [
    (RuleCode.MIN_MEMBERS, "Có từ 3 đảng viên chính thức trở lên thì lập tổ chức cơ sở đảng", "3", RuleUnit.PEOPLE,
     CHARTER + ", khoản 1", False),
    (RuleCode.COMMITTEE_MEMBERS, "Từ 30 đảng viên trở lên lập đảng bộ cơ sở; dưới 30 lập chi bộ cơ sở", "30",
     RuleUnit.PEOPLE, CHARTER + ", khoản 2", False),
    (RuleCode.SCORE_EXCELLENT, "Hoàn thành xuất sắc nhiệm vụ: từ", "90", RuleUnit.POINTS,
     "Hướng dẫn kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng hằng năm (thang 100 điểm)", True),
    (RuleCode.SCORE_GOOD, "Hoàn thành tốt nhiệm vụ: từ", "70", RuleUnit.POINTS,
     "Hướng dẫn kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng hằng năm (thang 100 điểm)", True),
    (RuleCode.SCORE_COMPLETED, "Hoàn thành nhiệm vụ: từ", "50", RuleUnit.POINTS,
     "Hướng dẫn kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng hằng năm (thang 100 điểm)", True),
    (RuleCode.DEFAULT_SUPERIOR, "Hội cấp thành phố sinh hoạt đảng tại", "ĐUK-DCĐ", RuleUnit.UNIT_CODE,
     "Phân cấp quản lý tổ chức đảng của Thành ủy (mặc định, cần đối chiếu quyết định)", True),
]
BLOC = "Đảng ủy Khối Cơ quan Dân - Chính - Đảng thành phố"
# association, name, kind, superior, decision (number, date, issuer), secretary, official, probationary
ORGS = [
    ("Hội Khuyến học thành phố Cần Thơ", "Chi bộ Hội Khuyến học thành phố", OrgKind.CELL, BLOC,
     ("112-QĐ/ĐUK", D(2006, 3, 10)), "Trương Minh Khải", 18, 2),
    ("Hội Chữ thập đỏ thành phố Cần Thơ", "Đảng bộ Hội Chữ thập đỏ thành phố", OrgKind.GRASSROOTS_COMMITTEE, BLOC,
     ("87-QĐ/ĐUK", D(2005, 5, 20)), "Lê Thị Kim Phượng", 34, 3),
    ("Hội Người cao tuổi thành phố Cần Thơ", "Chi bộ Hội Người cao tuổi thành phố", OrgKind.CELL, BLOC,
     ("140-QĐ/ĐUK", D(2007, 8, 15)), "Huỳnh Văn Tám", 15, 1),
    ("Hội Cựu Thanh niên xung phong thành phố Cần Thơ", "Chi bộ Hội Cựu Thanh niên xung phong thành phố",
     OrgKind.CELL, BLOC, ("201-QĐ/ĐUK", D(2008, 4, 2)), "Võ Thanh Hùng", 12, 0),
    ("Hội Luật gia thành phố Cần Thơ", "Đảng đoàn Hội Luật gia thành phố", OrgKind.CAUCUS, "Thành ủy Cần Thơ",
     ("455-QĐ/TU", D(2009, 6, 1)), "Phạm Quốc Việt", 5, 0),
    ("Hội Văn học Nghệ thuật thành phố Cần Thơ", "Chi bộ Hội Văn học Nghệ thuật thành phố", OrgKind.CELL, BLOC,
     ("260-QĐ/ĐUK", D(2010, 9, 9)), "Đặng Ngọc Lan", 9, 1),
    ("Hội Khuyến học quận Ninh Kiều", "Chi bộ Hội Khuyến học quận Ninh Kiều", OrgKind.CELL, "Quận ủy Ninh Kiều",
     ("318-QĐ/QU", D(2013, 1, 18)), "Nguyễn Thị Mỹ Hạnh", 5, 1),
    ("Hội Chữ thập đỏ huyện Phong Điền", "Chi bộ Hội Chữ thập đỏ huyện Phong Điền", OrgKind.CELL, "Huyện ủy Phong Điền",
     ("97-QĐ/HU", D(2011, 4, 2)), "Bùi Văn Lực", 4, 0),
]
ISSUERS = {BLOC: "Ban Thường vụ Đảng ủy Khối Cơ quan Dân - Chính - Đảng", "Thành ủy Cần Thơ": "Ban Thường vụ Thành ủy",
           "Quận ủy Ninh Kiều": "Ban Thường vụ Quận ủy Ninh Kiều", "Huyện ủy Phong Điền": "Ban Thường vụ Huyện ủy Phong Điền"}
E, G, C, F = Grade.EXCELLENT, Grade.GOOD, Grade.COMPLETED, Grade.FAILED
# organisation -> {year: score (int) or grade}
RATINGS = {
    "Chi bộ Hội Khuyến học thành phố": {2023: 92, 2024: 88, 2025: 91},
    "Đảng bộ Hội Chữ thập đỏ thành phố": {2023: G, 2024: 95, 2025: 93},
    "Chi bộ Hội Người cao tuổi thành phố": {2023: 78, 2024: 74, 2025: G},
    "Chi bộ Hội Cựu Thanh niên xung phong thành phố": {2023: 65, 2024: 72, 2025: 68},
    "Chi bộ Hội Văn học Nghệ thuật thành phố": {2023: 81, 2024: 45, 2025: 58},
    "Chi bộ Hội Khuyến học quận Ninh Kiều": {2023: G, 2024: 89, 2025: 90},
    "Chi bộ Hội Chữ thập đỏ huyện Phong Điền": {2023: 70, 2024: C},
}
# Reported by the Party side for associations without a roster: official, probationary
COUNTS = {"Hội Đông y thành phố Cần Thơ": (31, 2), "Hội Kiến trúc sư thành phố Cần Thơ": (4, 0),
          "Hội Doanh nhân trẻ thành phố Cần Thơ": (1, 1), "Hội Người mù thành phố Cần Thơ": (2, 0),
          "Hội Y học thành phố Cần Thơ": (12, 1)}


def load(log: Callable[[str], None] = print) -> None:
    for code, label, value, unit, basis, default in RULES:
        if not PartyRule.objects.filter(code=code).exists():
            party_rule_create(actor=None, data={"code": code, "label": label, "value": value, "unit": unit,
                                                "legal_basis": basis, "is_default": default})
    orgs: dict[str, PartyOrganisation] = {}
    for assoc_name, name, kind, superior, (number, date), secretary, official, probationary in ORGS:
        org = PartyOrganisation.objects.filter(name=name).first()
        if org is None:
            org = organisation_create(actor=None, data={
                "association": Association.objects.get(name=assoc_name), "name": name, "kind": kind,
                "superior": Unit.objects.get(name=superior), "decision_number": number, "decision_date": date,
                "decision_issuer": ISSUERS[superior], "secretary_name": secretary, "official_members": official,
                "probationary_members": probationary, "members_reported_on": D(2025, 12, 31)})
        orgs[name] = org
    for name, years in RATINGS.items():
        org = orgs[name]
        for year, value in years.items():
            if not QualityRating.objects.filter(organisation=org, year=year).exists():
                score = value if isinstance(value, int) else None
                grade = None if isinstance(value, int) else value
                rating_record(actor=None, organisation=org, year=year, score=score, grade=grade,
                              decision=f"Thông báo xếp loại chất lượng năm {year}")
    merged = orgs["Chi bộ Hội Chữ thập đỏ huyện Phong Điền"]
    if merged.status == OrgStatus.ACTIVE:
        organisation_end(actor=None, organisation=merged, status=OrgStatus.MERGED, ended_on=D(2025, 6, 30),
                         decision_number="1520-QĐ/ĐUK", successor=orgs["Đảng bộ Hội Chữ thập đỏ thành phố"])
    for assoc_name, (official, probationary) in COUNTS.items():
        association = Association.objects.get(name=assoc_name)
        if not PartyMemberCount.objects.filter(association=association).exists():
            member_count_report(actor=None, association=association, reported_on=D(2025, 12, 31), official=official,
                                probationary=probationary, source="Báo cáo của Đảng ủy Khối Cơ quan Dân - Chính - Đảng")
    log(f"  Tổ chức đảng: {PartyOrganisation.objects.count()}, xếp loại: {QualityRating.objects.count()}")
