"""Demo registry for Can Tho: profiles for the association units the orgs demo created, more associations
across fields and scopes, founding files in progress, a suspended and a merged association (with lineage),
expired terms, an unreported leadership change, officers covering most but not all associations, a small
roster. Synthetic people only. Deterministic (fixed dates) and idempotent (an existing profile is skipped).

Hand counts the tests rely on (operating or suspended associations, branches excluded): 28 in all, 24 with
an officer, 4 without; alerts: 2 terms expired, 1 leadership change unreported, 1 founding congress overdue.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable

from sohoi.accounts.choices import Role
from sohoi.accounts.demo import DEMO_PASSWORD
from sohoi.accounts.models import User
from sohoi.accounts.services import user_create
from sohoi.orgs.models import AdminUnit, Unit

from . import demo_synthetic
from .choices import Action, CongressKind, DossierItem, LogKind, Position, ScopeLevel, Status
from .models import Association, FieldOfActivity, LegalRule
from .reference import load_reference
from .services import (
    association_create,
    association_transition,
    charter_add,
    congress_record,
    dossier_update,
    leader_appoint,
    monitoring_log_add,
    officer_assign,
    roster_import,
)

D = datetime.date
CITY = "92"
MTTQ = "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ"
UBND = "Ủy ban nhân dân thành phố Cần Thơ"
SECOND_OFFICER = ("canbonoivu.hai", "Đinh Thu Hà")

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương"]
MIDDLES = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hoàng", "Quốc", "Kim", "Hữu", "Thu"]
GIVEN = ["An", "Bình", "Châu", "Dũng", "Giang", "Hải", "Khánh", "Lan", "Mai", "Nam", "Oanh", "Phúc", "Quyên", "Sơn",
         "Tâm", "Uyên", "Vinh", "Xuân", "Yến", "Tài", "Hiếu", "Nhân", "Trí", "Thảo"]


def person(i: int) -> str:
    return f"{SURNAMES[i % len(SURNAMES)]} {MIDDLES[(i * 3) % len(MIDDLES)]} {GIVEN[(i * 7) % len(GIVEN)]}"


# name, short, field, special, founded (number, date), members (individual, organisational), last congress,
# officer ("a" canbonoivu, "b" second officer, "" none)
ORGS_CITY = [
    ("Hội Khuyến học thành phố Cần Thơ", "HKH", "study_promotion", True, ("1523/QĐ-UBND", D(2004, 6, 18)), (216633, 120), D(2022, 9, 20), "a"),
    ("Hội Chữ thập đỏ thành phố Cần Thơ", "HCTĐ", "social_charitable", True, ("102/QĐ-UBND", D(2004, 2, 10)), (98000, 40), D(2022, 6, 15), "a"),
    ("Hội Luật gia thành phố Cần Thơ", "HLG", "professional", True, ("877/QĐ-UBND", D(2005, 4, 1)), (1450, 0), D(2020, 10, 15), "a"),
    ("Hội Người mù thành phố Cần Thơ", "HNM", "social_charitable", True, ("330/QĐ-UBND", D(2005, 8, 9)), (2100, 0), D(2023, 3, 18), "a"),
    ("Hội Nạn nhân chất độc da cam/dioxin thành phố Cần Thơ", "HNNCĐDC", "social_charitable", True, ("1998/QĐ-UBND", D(2006, 11, 2)), (5300, 0), D(2022, 11, 5), "a"),
    ("Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Cần Thơ", "LHHKHKT", "science_technology", True, ("2210/QĐ-UBND", D(2005, 12, 5)), (0, 31), D(2023, 5, 20), "a"),
    ("Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ", "LHHN", "friendship", True, ("455/QĐ-UBND", D(2006, 3, 3)), (0, 12), D(2022, 12, 10), "a"),
    ("Hội Văn học Nghệ thuật thành phố Cần Thơ", "HVHNT", "literature_arts", True, ("88/QĐ-UBND", D(2004, 1, 15)), (620, 0), D(2022, 8, 25), "a"),
    ("Hội Nhà báo thành phố Cần Thơ", "HNB", "professional", True, ("90/QĐ-UBND", D(2004, 1, 15)), (540, 0), D(2023, 7, 1), "a"),
    ("Hội Doanh nhân trẻ thành phố Cần Thơ", "HDNT", "economic", False, ("3012/QĐ-UBND", D(2008, 9, 30)), (410, 0), D(2023, 10, 12), "a"),
    ("Hội Cựu Thanh niên xung phong thành phố Cần Thơ", "HCTNXP", "veterans", True, ("1400/QĐ-UBND", D(2006, 6, 1)), (7800, 0), D(2021, 6, 10), "a"),
    ("Hội Người cao tuổi thành phố Cần Thơ", "HNCT", "social_charitable", True, ("60/QĐ-UBND", D(2004, 1, 8)), (165000, 0), D(2022, 5, 14), "a"),
]
NEW_CITY = [
    ("Hội Đông y thành phố Cần Thơ", "HĐY", "professional", False, ("2501/QĐ-UBND", D(2009, 8, 12)), (1900, 0), D(2022, 4, 2), "b"),
    ("Hội Kiến trúc sư thành phố Cần Thơ", "HKTS", "professional", False, ("1766/QĐ-UBND", D(2010, 6, 7)), (180, 0), D(2023, 4, 8), ""),
    ("Hội Tin học thành phố Cần Thơ", "HTH", "science_technology", False, ("902/QĐ-UBND", D(2011, 3, 22)), (350, 14), D(2022, 3, 26), ""),
    ("Hiệp hội Du lịch thành phố Cần Thơ", "HHDL", "economic", False, ("3390/QĐ-UBND", D(2012, 12, 3)), (0, 86), D(2022, 12, 17), "b"),
    ("Hội Bảo trợ người khuyết tật và trẻ mồ côi thành phố Cần Thơ", "HBTNKT", "social_charitable", True, ("611/QĐ-UBND", D(2007, 3, 9)), (3200, 25), D(2023, 2, 11), "b"),
    ("Hội Cựu giáo chức thành phố Cần Thơ", "HCGC", "veterans", False, ("1880/QĐ-UBND", D(2008, 7, 18)), (4100, 0), D(2022, 7, 30), "b"),
    ("Hội Làm vườn thành phố Cần Thơ", "HLV", "economic", False, ("2777/QĐ-UBND", D(2009, 11, 11)), (2600, 0), D(2023, 11, 4), "b"),
    ("Hội Sinh vật cảnh thành phố Cần Thơ", "HSVC", "other", False, ("1205/QĐ-UBND", D(2010, 5, 5)), (700, 0), D(2023, 6, 3), "b"),
    ("Hội Y học thành phố Cần Thơ", "HYH", "science_technology", False, ("1450/QĐ-UBND", D(2011, 9, 9)), (2300, 0), D(2024, 1, 20), "b"),
]
# name, field, ward code, founded, members, last congress, officer
COMMUNE = [
    ("Hội Khuyến học phường Cái Khế", "study_promotion", "31120", ("45/QĐ-UBND", D(2025, 9, 15)), (1200, 0), D(2025, 10, 20), "b"),
    ("Hội Người cao tuổi phường Tân An", "social_charitable", "31147", ("51/QĐ-UBND", D(2025, 9, 22)), (2300, 0), D(2025, 11, 2), ""),
    ("Hội Chữ thập đỏ xã Phong Điền", "social_charitable", "31299", ("38/QĐ-UBND", D(2025, 8, 28)), (900, 0), D(2025, 10, 8), "b"),
    ("Hội Cựu giáo chức phường Bình Thủy", "veterans", "31168", ("60/QĐ-UBND", D(2025, 10, 2)), (310, 0), D(2025, 11, 15), ""),
    ("Hội Khuyến học xã Thới Lai", "study_promotion", "31258", ("29/QĐ-UBND", D(2025, 8, 18)), (1500, 0), D(2025, 9, 27), "b"),
    ("Hội Bảo trợ bệnh nhân nghèo phường Cái Răng", "social_charitable", "31186", ("72/QĐ-UBND", D(2025, 10, 30)), (450, 0), D(2025, 12, 6), "b"),
]


def _field(code: str) -> FieldOfActivity:
    return FieldOfActivity.objects.get(code=code)


def _leaders(assoc: Association, seed: int, since: D, reported: bool = True) -> None:
    for k, position in enumerate([Position.PRESIDENT, Position.VICE_PRESIDENT, Position.GENERAL_SECRETARY,
                                  Position.INSPECTION_HEAD]):
        leader_appoint(actor=None, association=assoc, full_name=person(seed * 5 + k), position=position,
                       started_on=since, is_party_member=(seed + k) % 3 != 0, birth_year=1960 + (seed + k) % 20,
                       gender="female" if (seed + k) % 2 else "male", reported_on=since + datetime.timedelta(days=10)
                       if reported else None)


def _operating(name: str, short: str, field: str, special: bool, founded: tuple[str, D], members: tuple[int, int],
               congress_on: D, *, scope: str, territory: AdminUnit, parent: Unit | None = None,
               unit: Unit | None = None, seed: int = 0) -> tuple[Association, bool]:
    existing = Association.objects.filter(name=name).first()
    if existing:
        return existing, False
    assoc = association_create(
        actor=None, name=name, field=_field(field), scope_level=scope, parent=parent, unit=unit,
        status=Status.OPERATING, status_since=founded[1], short_name=short, special_status=special,
        territory=territory, head_office=f"Số {10 + seed * 7} đường {['Trần Hưng Đạo', 'Mậu Thân', '30 Tháng 4', 'Hòa Bình', 'Nguyễn Trãi'][seed % 5]}, {territory.name}",
        main_activity=name.split(" thành phố")[0].split(" phường")[0].split(" xã")[0],
        founding_decision_number=founded[0], founding_decision_date=founded[1],
        founding_decision_issuer="Ủy ban nhân dân thành phố Cần Thơ" if scope == ScopeLevel.PROVINCE else
        f"Ủy ban nhân dân {territory.name[0].lower()}{territory.name[1:]}",
        members_individual=members[0], members_organisational=members[1], members_reported_on=D(2025, 12, 31),
        phone=f"0292 38{seed:02d} {100 + seed:03d}", is_economic=name.startswith("Hiệp hội"))
    congress = congress_record(actor=None, association=assoc, number=1 if scope == ScopeLevel.COMMUNE else 4,
                               held_on=congress_on, expected=120, attended=100 + seed % 15,
                               kind=CongressKind.FOUNDING if scope == ScopeLevel.COMMUNE else CongressKind.TERM,
                               term_label=f"{congress_on.year} - {congress_on.year + 5}")
    charter_add(actor=None, association=assoc, label="Điều lệ (sửa đổi)", decision_number=f"{200 + seed}/QĐ-SNV",
                decision_date=congress_on + datetime.timedelta(days=40), decision_issuer="Sở Nội vụ thành phố Cần Thơ",
                term_years=5)
    _leaders(assoc, seed, congress.held_on)
    return assoc, True


def _officers() -> dict[str, User]:
    a = User.objects.get(username="canbonoivu")
    b = User.objects.filter(username=SECOND_OFFICER[0]).first()
    if b is None:
        b = user_create(actor=None, username=SECOND_OFFICER[0], password=DEMO_PASSWORD, full_name=SECOND_OFFICER[1],
                        unit=a.unit, roles=[Role.HOME_AFFAIRS_OFFICER], position="Chuyên viên theo dõi hội",
                        email=f"{SECOND_OFFICER[0]}@demo.sohoi.invalid")
    return {"a": a, "b": b}


def _assign(assoc: Association, who: User, since: D) -> None:
    if not assoc.officer_assignments.filter(ended_on__isnull=True).exists():
        officer_assign(actor=None, association=assoc, officer=who, started_on=since)


def load(log: Callable[[str], None] = print) -> None:
    load_reference(FieldOfActivity, LegalRule)
    city = AdminUnit.objects.get(code=CITY)
    mttq = Unit.objects.get(name=MTTQ, parent=None)
    officers = _officers()
    created = 0
    for seed, (name, short, field, special, founded, members, congress_on, officer) in enumerate(ORGS_CITY):
        assoc, new = _operating(name, short, field, special, founded, members, congress_on, scope=ScopeLevel.PROVINCE,
                                territory=city, unit=Unit.objects.get(name=name, parent=mttq), seed=seed)
        created += new
        if officer:
            _assign(assoc, officers[officer], D(2024, 1, 2))
    for seed, (name, short, field, special, founded, members, congress_on, officer) in enumerate(NEW_CITY, start=20):
        assoc, new = _operating(name, short, field, special, founded, members, congress_on, scope=ScopeLevel.PROVINCE,
                                territory=city, parent=mttq, seed=seed)
        created += new
        if new and name.startswith("Hội Đông y"):  # a reassignment, so the history shows one
            officer_assign(actor=None, association=assoc, officer=officers["a"], started_on=D(2024, 1, 2))
            officer_assign(actor=None, association=assoc, officer=officers["b"], started_on=D(2025, 7, 1))
        if officer:
            _assign(assoc, officers[officer], D(2024, 1, 2))
    for seed, (name, field, ward, founded, members, congress_on, officer) in enumerate(COMMUNE, start=40):
        territory = AdminUnit.objects.get(code=ward)
        party = Unit.objects.get(area=territory, kind="party_committee")
        assoc, new = _operating(name, "", field, False, founded, members, congress_on, scope=ScopeLevel.COMMUNE,
                                territory=territory, parent=party, seed=seed)
        created += new
        if officer:
            _assign(assoc, officers[officer], D(2025, 12, 1))
    created += _districts_and_branches(officers)
    created += _special_cases(officers)
    created += demo_synthetic.load(log, officers["a"].unit, hand_made_names())
    log(f"  Hội: {Association.objects.count()} ({created} mới), quy định pháp lý: {LegalRule.objects.count()}")


def hand_made_names() -> list[str]:
    """Names of the hand-made set above (the synthetic set never reuses them)."""
    return [row[0] for row in (*ORGS_CITY, *NEW_CITY, *COMMUNE)] + [
        "Hội Khuyến học quận Ninh Kiều", "Hội Chữ thập đỏ huyện Phong Điền", "Hội Doanh nghiệp nhỏ và vừa phường Ninh Kiều",
        "Hội Làm vườn xã Nhơn Ái", "Chi hội Khuyến học Trường THPT Châu Văn Liêm",
        "Chi hội Chữ thập đỏ Trường Đại học Cần Thơ"]


def _districts_and_branches(officers: dict[str, User]) -> int:
    created = 0
    ninh_kieu = Unit.objects.get(name="Hội Khuyến học quận Ninh Kiều")
    assoc, new = _operating("Hội Khuyến học quận Ninh Kiều", "", "study_promotion", False,
                            ("512/QĐ-UBND", D(2008, 5, 20)), (18500, 0), D(2022, 10, 1), scope=ScopeLevel.DISTRICT,
                            territory=ninh_kieu.area, unit=ninh_kieu, seed=60)
    created += new
    _assign(assoc, officers["b"], D(2024, 1, 2))
    # The district Red Cross of Phong Dien merged into the city Red Cross when districts ended (30/06/2025).
    phong_dien = Unit.objects.get(name="Hội Chữ thập đỏ huyện Phong Điền")
    assoc, new = _operating("Hội Chữ thập đỏ huyện Phong Điền", "", "social_charitable", False,
                            ("733/QĐ-UBND", D(2009, 7, 1)), (2400, 0), D(2022, 7, 9), scope=ScopeLevel.DISTRICT,
                            territory=phong_dien.area, unit=phong_dien, seed=61)
    if new:
        association_transition(actor=None, association=assoc, action=Action.MERGE, decision_number="1890/QĐ-UBND",
                               decision_date=D(2025, 6, 30), decision_issuer="Ủy ban nhân dân thành phố Cần Thơ",
                               successors=[Association.objects.get(name="Hội Chữ thập đỏ thành phố Cần Thơ")],
                               note="Sắp xếp khi kết thúc cấp huyện.")
    created += new
    khuyen_hoc = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    branch_unit = Unit.objects.get(name="Chi hội Khuyến học Trường THPT Châu Văn Liêm")
    if not Association.objects.filter(unit=branch_unit).exists():
        association_create(actor=None, name=branch_unit.name, unit=branch_unit, field=_field("study_promotion"),
                           scope_level=ScopeLevel.COMMUNE, territory=khuyen_hoc.territory, status=Status.OPERATING,
                           members_individual=85, members_reported_on=D(2025, 12, 31))
        created += 1
    red_cross = Association.objects.get(name="Hội Chữ thập đỏ thành phố Cần Thơ")
    if not Association.objects.filter(name="Chi hội Chữ thập đỏ Trường Đại học Cần Thơ").exists():
        association_create(actor=None, name="Chi hội Chữ thập đỏ Trường Đại học Cần Thơ", parent=red_cross.unit,
                           field=_field("social_charitable"), scope_level=ScopeLevel.COMMUNE,
                           territory=AdminUnit.objects.get(code="31147"), status=Status.OPERATING,
                           members_individual=430, members_reported_on=D(2025, 12, 31))
        created += 1
    return created


def _special_cases(officers: dict[str, User]) -> int:
    created = 0
    # Suspended (its officer keeps following it).
    plants = Association.objects.get(name="Hội Sinh vật cảnh thành phố Cần Thơ")
    if plants.status == Status.OPERATING:
        association_transition(actor=None, association=plants, action=Action.SUSPEND, decision_number="2456/QĐ-UBND",
                               decision_date=D(2026, 9, 15), decision_issuer="Ủy ban nhân dân thành phố Cần Thơ",
                               note="Không báo cáo hoạt động 2 năm liền; đình chỉ 6 tháng để khắc phục.")
    # An unreported change of president.
    press = Association.objects.get(name="Hội Nhà báo thành phố Cần Thơ")
    if not press.leaders.filter(full_name=person(99)).exists():
        leader_appoint(actor=None, association=press, full_name=person(99), position=Position.PRESIDENT,
                       started_on=D(2026, 8, 1), is_party_member=True, birth_year=1972, gender="male")
    # A founding dossier in progress (filed, not yet decided).
    ward = AdminUnit.objects.get(code="31135")
    party = Unit.objects.get(area=ward, kind="party_committee")
    name = "Hội Doanh nghiệp nhỏ và vừa phường Ninh Kiều"
    if not Association.objects.filter(name=name).exists():
        a = association_create(actor=None, name=name, field=_field("economic"), scope_level=ScopeLevel.COMMUNE,
                               parent=party, territory=ward, main_activity="Hỗ trợ doanh nghiệp nhỏ và vừa",
                               head_office="Số 8 đường Hai Bà Trưng, phường Ninh Kiều",
                               committee_decision={"number": "12/QĐ-UBND", "date": D(2026, 10, 5), "members": 5})
        dossier_update(actor=None, dossier=a.dossier, data={
            "founding_members": 14, "committee_members": 5,
            "submitted": [DossierItem.APPLICATION, DossierItem.CHARTER, DossierItem.COMMITTEE_LIST, DossierItem.HEAD_OFFICE],
            "complete_on": D(2026, 11, 18)})
        association_transition(actor=None, association=a, action=Action.FILE_DOSSIER, decision_number="05/ĐĐN-BVĐ",
                               decision_date=D(2026, 11, 16), decision_issuer="Ban vận động thành lập hội")
        _assign(a, officers["a"], D(2026, 11, 16))
        created += 1
    # Permitted but the first congress never held: the deadline (90 days, no extension) has passed.
    ward = AdminUnit.objects.get(code="31315")
    party = Unit.objects.get(area=ward, kind="party_committee")
    name = "Hội Làm vườn xã Nhơn Ái"
    if not Association.objects.filter(name=name).exists():
        a = association_create(actor=None, name=name, field=_field("economic"), scope_level=ScopeLevel.COMMUNE,
                               parent=party, territory=ward, main_activity="Làm vườn, cây ăn trái",
                               committee_decision={"number": "03/QĐ-UBND", "date": D(2025, 12, 1), "members": 3})
        dossier_update(actor=None, dossier=a.dossier, data={
            "founding_members": 25, "committee_members": 3, "complete_on": D(2026, 1, 12),
            "submitted": [DossierItem.APPLICATION, DossierItem.CHARTER, DossierItem.COMMITTEE_LIST,
                      DossierItem.CRIMINAL_RECORD, DossierItem.HEAD_OFFICE]})
        association_transition(actor=None, association=a, action=Action.FILE_DOSSIER, decision_number="01/ĐĐN-BVĐ",
                               decision_date=D(2026, 1, 12), decision_issuer="Ban vận động thành lập hội")
        association_transition(actor=None, association=a, action=Action.PERMIT, decision_number="118/QĐ-UBND",
                               decision_date=D(2026, 2, 9), decision_issuer="Ủy ban nhân dân xã Nhơn Ái")
        created += 1
    khuyen_hoc = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    if not khuyen_hoc.members.exists():
        rows = ["Họ và tên,Giới tính,Năm sinh,Số định danh,Điện thoại,Loại hội viên,Ngày vào hội,Chi hội,Đảng viên"]
        for i in range(12):
            branch = "Chi hội Khuyến học Trường THPT Châu Văn Liêm" if i % 4 == 0 else ""
            rows.append(f"{person(200 + i)},{'Nữ' if i % 2 else 'Nam'},{1955 + i * 3},0920{80000000 + i:08d},"
                        f"09{i:08d},{'Tổ chức' if i == 11 else 'Cá nhân'},{(i % 27) + 1:02d}/0{(i % 9) + 1}/2019,"
                        f"{branch},{'Có' if i % 3 == 0 else 'Không'}")
        roster_import(actor=None, association=khuyen_hoc, upload=io.BytesIO("\n".join(rows).encode()),
                      filename="demo.csv", dry_run=False)
    if not khuyen_hoc.monitoring_logs.exists():
        monitoring_log_add(actor=None, association=khuyen_hoc, on=D(2026, 10, 8), kind=LogKind.VISIT,
                           text="Làm việc với Thường trực Hội về chuẩn bị đại hội nhiệm kỳ 2027 - 2032.",
                           follow_up_due=D(2026, 12, 15), officer=officers["a"])
        monitoring_log_add(actor=None, association=Association.objects.get(name="Hội Luật gia thành phố Cần Thơ"),
                           on=D(2026, 11, 3), kind=LogKind.ISSUE,
                           text="Hội đã hết nhiệm kỳ (10/2025) nhưng chưa có kế hoạch đại hội.",
                           follow_up_due=D(2026, 11, 20), officer=officers["a"])
    return created
