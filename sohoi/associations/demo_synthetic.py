"""About 300 synthetic Can Tho associations for `sohoi demo`, so that lists, filters, coverage and alerts look
like a real province. Deterministic (seeded random, fixed dates) and idempotent (skipped when present).

`synthetic_specs()` is pure Python: the tests count what the database should hold from it, and the hand-made
demo set of demo.py keeps its own hand counts (tests subtract the synthetic part).

Written with bulk_create, not the per-row services: ~300 associations with units, leaders, congresses, branches
and assignments through the services would take about a minute and write thousands of audit rows. The rules
those services check hold by construction here (valid statuses, one current officer, terms from the rule
table's default of 5 years). One audit row records the whole load.

Dates: every synthetic association is founded after 2013 (its unit is valid from its founding date), so
documents of 2012 (752-CV/TU) fan out to the hand-made associations only. Commune associations are founded
after 01/7/2025, when the 103 communes and wards of Can Tho began. Set SOHOI_DEMO_SYNTHETIC=0 to skip them.
"""

from __future__ import annotations

import datetime
import os
import random
from dataclasses import dataclass, field

from sohoi.core import audit
from sohoi.core.text import fold

from .choices import Action, CongressKind, Position, ScopeLevel, Status

D = datetime.date
SEED = 2026
COUNT = 300
OVERDUE_BEFORE = D(2026, 1, 1)  # congresses due before this are overdue whatever day the demo is opened
OFFICERS = [("canbonoivu.ba", "Tạ Minh Khoa"), ("canbonoivu.bon", "Lưu Ngọc Trâm"), ("canbonoivu.nam", "Thái Bảo Long")]

KINDS = [  # field code, name stem
    ("study_promotion", "Hội Khuyến học"), ("social_charitable", "Hội Người cao tuổi"),
    ("social_charitable", "Hội Chữ thập đỏ"), ("social_charitable", "Hội Bảo trợ bệnh nhân nghèo"),
    ("veterans", "Hội Cựu giáo chức"), ("veterans", "Hội Cựu thanh niên xung phong"),
    ("economic", "Hội Làm vườn"), ("economic", "Hội Nuôi trồng thủy sản"), ("economic", "Hiệp hội Doanh nghiệp"),
    ("professional", "Hội Đông y"), ("professional", "Hội Luật gia"), ("professional", "Hội Kế toán"),
    ("science_technology", "Hội Khoa học Lịch sử"), ("science_technology", "Hội Tin học"),
    ("literature_arts", "Hội Văn nghệ dân gian"), ("literature_arts", "Câu lạc bộ Đờn ca tài tử"),
    ("friendship", "Hội Hữu nghị Việt - Nhật"), ("other", "Hội Sinh vật cảnh"), ("other", "Hội Cây cảnh"),
    ("other", "Hội Võ thuật cổ truyền"), ("social_charitable", "Hội Nạn nhân chất độc da cam"),
]
CITY_TOPICS = ["Ẩm thực", "Âm nhạc", "Ánh sáng", "Bóng bàn", "Cầu lông", "Cờ vua", "Du lịch cộng đồng",
               "Điện ảnh", "Gốm sứ", "Kiến trúc cảnh quan", "Lân sư rồng", "Mỹ thuật", "Nhiếp ảnh",
               "Ong mật", "Phong lan", "Quảng cáo", "Sáng tạo trẻ", "Thư pháp", "Xe đạp", "Yoga",
               "Ươm tạo khởi nghiệp", "Ô tô cổ", "Ơn nghĩa", "Ăn chay", "Dinh dưỡng", "Đua ghe ngo",
               "Bảo tồn cây xanh", "Chăn nuôi", "Giáo dục sớm", "Hát bội", "Khí công", "Lịch sử địa phương",
               "Nông nghiệp hữu cơ", "Phụ huynh học sinh", "Tâm lý học", "Thể dục dưỡng sinh", "Trà đạo",
               "Vovinam", "Xuất nhập khẩu", "Yêu sách"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Châu",
            "Tăng", "Quách", "Lâm", "Thạch", "Kim", "Sơn"]
MIDDLES = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hoàng", "Quốc", "Kim", "Hữu", "Thu", "Bảo", "Gia"]
GIVEN = ["An", "Bình", "Châu", "Dũng", "Giang", "Hải", "Khánh", "Lan", "Mai", "Nam", "Oanh", "Phúc", "Quyên",
         "Sơn", "Tâm", "Uyên", "Vinh", "Xuân", "Yến", "Tài", "Hiếu", "Nhân", "Trí", "Thảo", "Sang", "Phương"]


@dataclass
class Spec:
    name: str
    field: str
    scope: str
    place: str  # AdminUnit code
    status: str
    founded: datetime.date
    members: int
    congress_on: datetime.date | None
    overdue: bool
    officer: int | None  # index into OFFICERS, None = not covered
    unreported_leader: bool
    branches: list[tuple[str, str]] = field(default_factory=list)  # (name, commune code)
    roster: int = 0

    @property
    def active(self) -> bool:
        return self.status in (Status.OPERATING, Status.SUSPENDED)


def enabled() -> bool:
    return os.environ.get("SOHOI_DEMO_SYNTHETIC", "1") != "0"


def _day(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randrange((end - start).days))


def person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}"


def _lower_first(name: str) -> str:
    return f"{name[0].lower()}{name[1:]}"


def synthetic_specs(communes: list[tuple[str, str]], districts: list[tuple[str, str]],
                    reserved: set[str]) -> list[Spec]:
    """communes, districts: (code, name) of Can Tho's 103 communes and wards and its former districts, sorted by
    code; reserved: folded names of the hand-made demo (never reused). Pure: same input, same list."""
    rng = random.Random(SEED)
    specs: list[Spec] = []
    used: set[tuple[str, str, str]] = set()

    def add(name: str, fld: str, scope: str, place: str, *, founded_from: D, founded_to: D) -> Spec | None:
        key = (scope, place, fold(name))
        if key in used or fold(name) in reserved:
            return None
        used.add(key)
        roll = rng.random()
        if scope == ScopeLevel.DISTRICT:  # the districts ended on 30/06/2025: most of these await reorganising
            status = Status.DISSOLVED if roll < 0.25 else Status.SUSPENDED if roll < 0.35 else Status.OPERATING
        else:
            status = (Status.COMMITTEE_RECOGNISED if roll < 0.04 else Status.DOSSIER_FILED if roll < 0.07 else
                      Status.SUSPENDED if roll < 0.11 else Status.OPERATING)
        founded = _day(rng, founded_from, founded_to)
        overdue = (status in (Status.OPERATING, Status.SUSPENDED) and scope != ScopeLevel.COMMUNE
                   and founded < D(2020, 1, 1) and rng.random() < 0.3)
        if status not in (Status.OPERATING, Status.SUSPENDED):
            congress_on = None
        elif overdue:
            congress_on = _day(rng, max(founded, D(2018, 1, 1)), D(2020, 12, 31))
        elif scope == ScopeLevel.COMMUNE:
            congress_on = founded + datetime.timedelta(days=rng.randrange(20, 60))
        else:
            congress_on = _day(rng, max(founded, D(2024, 1, 1)), D(2026, 6, 30))  # due from 2029: not overdue
        spec = Spec(name=name, field=fld, scope=scope, place=place, status=status, founded=founded,
                    members=rng.randrange(30, 5000), congress_on=congress_on, overdue=overdue,
                    officer=(rng.randrange(len(OFFICERS)) if rng.random() < 0.85 else None)
                    if status in (Status.OPERATING, Status.SUSPENDED) else None,
                    unreported_leader=status == Status.OPERATING and scope != ScopeLevel.COMMUNE and rng.random() < 0.08)
        specs.append(spec)
        return spec

    # City level: topics and a few fields, founded 2014-2024.
    for topic in CITY_TOPICS:
        fld = rng.choice(KINDS)[0]
        add(f"Hội {topic} thành phố Cần Thơ", fld, ScopeLevel.PROVINCE, "92",
            founded_from=D(2014, 1, 1), founded_to=D(2024, 12, 31))
    # Former districts (until 30/06/2025).
    for code, district in districts:
        for fld, stem in rng.sample(KINDS, 4):
            add(f"{stem} {_lower_first(district)}", fld, ScopeLevel.DISTRICT, code, founded_from=D(2014, 1, 1),
                founded_to=D(2024, 12, 31))
    # Communes and wards (from 01/7/2025).
    i = 0
    while len(specs) < COUNT and i < 10_000:
        code, place = communes[i % len(communes)]
        fld, stem = rng.choice(KINDS)
        add(f"{stem} {_lower_first(place)}", fld, ScopeLevel.COMMUNE, code,
            founded_from=D(2025, 7, 15), founded_to=D(2026, 8, 31))
        i += 1
    # Branches of some city associations, and rosters for three of them.
    city = [s for s in specs if s.scope == ScopeLevel.PROVINCE and s.status == Status.OPERATING]
    for s in city[:12]:
        for k in range(rng.randrange(1, 4)):
            code, place = communes[rng.randrange(len(communes))]
            s.branches.append((f"Chi hội {s.name.removeprefix('Hội ').split(' thành phố')[0]} {place} ({k + 1})",
                               code))
    for s in city[-3:]:
        s.roster = rng.randrange(20, 40)
    return specs


def inputs(reserved_names: list[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]], set[str]]:
    """The arguments of synthetic_specs() from the database's administrative units (reference data)."""
    from sohoi.orgs.models import AdminUnit

    units = AdminUnit.objects.filter(parent__code="92")
    communes = sorted((u.code, u.name) for u in units if u.valid_to is None and u.kind != "district")
    districts = sorted((u.code, u.name) for u in units if u.kind == "district")
    return communes, districts, {fold(n) for n in reserved_names}


def load(log, officers_unit, reserved_names: list[str]) -> int:
    """Create the synthetic set (if absent). Returns how many associations were created."""
    from django.db.models import Q

    from sohoi.accounts.choices import Role
    from sohoi.accounts.demo import DEMO_PASSWORD
    from sohoi.accounts.models import User
    from sohoi.accounts.services import user_create
    from sohoi.orgs.choices import UnitKind
    from sohoi.orgs.models import AdminUnit, Unit, tree_path

    from .models import (
        Association,
        AssociationTransition,
        Congress,
        FieldOfActivity,
        FoundingDossier,
        Leader,
        Member,
        OfficerAssignment,
    )
    from .services.registry import UNIT_LEVEL

    if not enabled():
        return 0
    places = {u.code: u for u in AdminUnit.objects.filter(Q(parent__code="92") | Q(code="92"))}
    specs = synthetic_specs(*inputs(reserved_names))
    if Association.objects.filter(name=specs[0].name).exists():
        return 0

    officers = []
    for username, full_name in OFFICERS:
        user = User.objects.filter(username=username).first() or user_create(
            actor=None, username=username, password=DEMO_PASSWORD, full_name=full_name, unit=officers_unit,
            roles=[Role.HOME_AFFAIRS_OFFICER], position="Chuyên viên theo dõi hội",
            email=f"{username}@demo.sohoi.invalid")
        officers.append(user)
    fields = {f.code: f for f in FieldOfActivity.objects.all()}
    front = Unit.objects.filter(kind=UnitKind.FATHERLAND_FRONT, parent=None).order_by("pk").first()
    committees = {u.area_id: u for u in Unit.objects.filter(kind=UnitKind.PARTY_COMMITTEE, area__isnull=False,
                                                             level__in=["district", "commune"])}
    rng = random.Random(SEED + 1)

    def parent_unit(territory):
        # Former-district associations sit under the city Fatherland Front, not under the district Party
        # committees, so that those committees' 2012 figures (752-CV/TU dissemination) keep their hand counts.
        if territory.code == "92" or territory.kind == "district":
            return front
        return committees.get(territory.pk, front)

    def make_units(rows):  # rows: (name, kind, level, parent, area, valid_from, valid_to)
        units = [Unit(name=n, name_folded=fold(n), kind=k, level=lv, parent=p, area=a, valid_from=vf, valid_to=vt)
                 for n, k, lv, p, a, vf, vt in rows]
        Unit.objects.bulk_create(units, batch_size=500)
        for u in units:
            u.path = tree_path(u.parent.path, u.pk)  # zero-padded, like every other unit
        Unit.objects.bulk_update(units, ["path"], batch_size=500)
        return units

    district_end = D(2025, 6, 30)
    units = make_units([
        (s.name, UnitKind.ASSOCIATION, UNIT_LEVEL[s.scope], parent_unit(places[s.place]), places[s.place], s.founded,
         (district_end if s.status == Status.DISSOLVED else None)) for s in specs])
    assocs = []
    for s, unit in zip(specs, units, strict=True):
        place = places[s.place]
        issuer = "Ủy ban nhân dân thành phố Cần Thơ" if s.scope == ScopeLevel.PROVINCE else \
            f"Ủy ban nhân dân {_lower_first(place.name)}"
        decided = s.status not in (Status.COMMITTEE_RECOGNISED, Status.DOSSIER_FILED)
        a = Association(
            unit=unit, name=s.name, field=fields[s.field], scope_level=s.scope, territory=place, status=s.status,
            status_since=D(2025, 6, 30) if s.status == Status.DISSOLVED else s.founded,
            main_activity=s.name.split(" thành phố")[0].split(" phường")[0].split(" xã")[0],
            head_office=f"Số {rng.randrange(1, 300)} đường {rng.choice(['Trần Hưng Đạo', 'Mậu Thân', '30 Tháng 4', 'Hòa Bình', 'Nguyễn Văn Cừ', 'Lê Lợi'])}, {place.name}",
            founding_decision_number=f"{rng.randrange(10, 3999)}/QĐ-UBND" if decided else "",
            founding_decision_date=s.founded if decided else None, founding_decision_issuer=issuer if decided else "",
            members_individual=s.members if decided else 0,
            members_reported_on=D(2025, 12, 31) if decided else None,
            phone=f"0292 3{rng.randrange(100, 999)} {rng.randrange(100, 999)}",
            is_economic=s.name.startswith("Hiệp hội"), special_status=s.field == "social_charitable" and rng.random() < 0.2)
        a.fill_derived()
        assocs.append(a)
    Association.objects.bulk_create(assocs, batch_size=500)
    by_name = {a.name: a for a in assocs}

    FoundingDossier.objects.bulk_create([
        FoundingDossier(association=a, committee_decision_number=f"{rng.randrange(1, 99)}/QĐ-UBND",
                        committee_decision_date=s.founded, committee_members=5, founding_members=60,
                        filed_on=s.founded + datetime.timedelta(days=30) if s.status == Status.DOSSIER_FILED else None)
        for s, a in zip(specs, assocs, strict=True) if s.status in (Status.COMMITTEE_RECOGNISED, Status.DOSSIER_FILED)])
    AssociationTransition.objects.bulk_create([
        AssociationTransition(association=a, action=Action.DISSOLVE, from_status=Status.OPERATING,
                              to_status=Status.DISSOLVED, decision_number=f"{rng.randrange(1000, 2999)}/QĐ-UBND",
                              decision_date=district_end, decision_issuer="Ủy ban nhân dân thành phố Cần Thơ",
                              note="Giải thể khi kết thúc cấp huyện (dữ liệu demo).")
        for s, a in zip(specs, assocs, strict=True) if s.status == Status.DISSOLVED])

    congresses, leaders = [], []
    for s, a in zip(specs, assocs, strict=True):
        if s.congress_on is None:
            continue
        first = s.scope == ScopeLevel.COMMUNE
        due = s.congress_on.replace(year=s.congress_on.year + 5) if not (
            s.congress_on.month == 2 and s.congress_on.day == 29) else D(s.congress_on.year + 5, 2, 28)
        congresses.append(Congress(association=a, number=1 if first else rng.randrange(2, 5),
                                   kind=CongressKind.FOUNDING if first else CongressKind.TERM, held_on=s.congress_on,
                                   term_label=f"{s.congress_on.year} - {s.congress_on.year + 5}", term_years=5,
                                   expected=100, attended=rng.randrange(60, 100), next_due=due))
        for k, position in enumerate([Position.PRESIDENT, Position.VICE_PRESIDENT, Position.GENERAL_SECRETARY]):
            unreported = s.unreported_leader and k == 0
            leaders.append(Leader(association=a, full_name=person(rng), position=position, started_on=s.congress_on,
                                  is_party_member=rng.random() < 0.5, birth_year=rng.randrange(1950, 1990),
                                  gender=rng.choice(["male", "female"]),
                                  reported_on=None if unreported else s.congress_on + datetime.timedelta(days=10)))
    Congress.objects.bulk_create(congresses, batch_size=500)
    Leader.objects.bulk_create(leaders, batch_size=500)

    OfficerAssignment.objects.bulk_create([
        OfficerAssignment(association=by_name[s.name], officer=officers[s.officer],
                          started_on=max(s.founded, D(2025, 7, 1)) + datetime.timedelta(days=30))
        for s in specs if s.officer is not None])

    branch_rows, owners = [], []
    for s in specs:
        for name, code in s.branches:
            branch_rows.append((name, UnitKind.BRANCH, "commune", by_name[s.name].unit, places[code],
                                max(s.founded, D(2025, 7, 1)), None))
            owners.append((s, code))
    branch_units = make_units(branch_rows)
    branches = []
    for unit, (s, code) in zip(branch_units, owners, strict=True):
        b = Association(unit=unit, name=unit.name, field=fields[s.field], scope_level=ScopeLevel.COMMUNE,
                        territory=places[code], status=Status.OPERATING, status_since=unit.valid_from,
                        members_individual=rng.randrange(15, 200), members_reported_on=D(2025, 12, 31))
        b.fill_derived()
        branches.append(b)
    Association.objects.bulk_create(branches)

    members = []
    for s in specs:
        for _k in range(s.roster):
            name = person(rng)
            members.append(Member(association=by_name[s.name], full_name=name, name_folded=fold(name),
                                  gender=rng.choice(["male", "female"]), birth_year=rng.randrange(1950, 2005),
                                  is_party_member=rng.random() < 0.3, joined_on=_day(rng, s.founded, D(2026, 6, 30))))
    Member.objects.bulk_create(members, batch_size=500)

    # One audit row for the whole bulk load (the per-row services would write one per record).
    audit.record(actor=None, action="associations.demo.synthetic_loaded", changes={
        "associations": [None, len(assocs)], "branches": [None, len(branches)], "leaders": [None, len(leaders)],
        "congresses": [None, len(congresses)], "members": [None, len(members)]},
        note="Dữ liệu demo tổng hợp: khoảng 300 hội ở Cần Thơ (sinh ngẫu nhiên có hạt giống cố định).")
    log(f"  Hội tổng hợp: {len(assocs)} hội, {len(branches)} chi hội, {len(leaders)} lãnh đạo, "
        f"{len(members)} hội viên")
    return len(assocs) + len(branches)


def names(specs: list[Spec]) -> set[str]:
    return {s.name for s in specs} | {b for s in specs for b, _c in s.branches}


__all__ = ["Spec", "enabled", "load", "names", "synthetic_specs"]
