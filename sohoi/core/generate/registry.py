"""Generated register: association units and profiles, branches, congresses, leaders, officers, Party
organisations and members. Each row is a pure function of (seed, index), so nothing is kept in memory."""

from __future__ import annotations

import datetime
import random

from sohoi.associations.choices import CongressKind, Gender, MemberKind, Position, ScopeLevel, Status
from sohoi.orgs.choices import UnitKind, UnitLevel
from sohoi.orgs.models import Unit, tree_path

from .names import STEMS, folded, lower_first, person, synthetic_id
from .world import Province, Ref

D = datetime.date
POSITIONS = [Position.PRESIDENT, Position.VICE_PRESIDENT, Position.GENERAL_SECRETARY, Position.VICE_PRESIDENT,
             Position.STANDING, Position.STANDING, Position.EXECUTIVE, Position.INSPECTION_HEAD,
             Position.EXECUTIVE, Position.INSPECTION, Position.EXECUTIVE, Position.EXECUTIVE]


def day(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randrange(max((end - start).days, 1)))


def plus_years(d: datetime.date, years: int) -> datetime.date:
    return d.replace(year=d.year + years) if not (d.month == 2 and d.day == 29) else D(d.year + years, 2, 28)


class AssocSpec:
    """What association number `i` (global index over the generated set) is."""

    __slots__ = ("commune", "congress_on", "district", "field", "founded", "members", "name", "overdue", "parent",
                 "province", "scope", "status", "stem")

    def __init__(self, gen, i: int):
        p: Province = gen.assoc_ranges.of(i)
        rng = random.Random(f"{gen.seed}:assoc:{i}")
        li = i - p.assoc_start
        self.province = p
        nc, ns = len(p.communes), len(STEMS)
        self.field, self.stem = STEMS[(li // nc) % ns]
        rnd = li // (nc * ns)
        roll = rng.random()
        province_level = roll < 0.08
        self.district = None
        if province_level:
            self.scope, self.commune, place, self.parent = ScopeLevel.PROVINCE, None, p.name, p.front
        elif roll < 0.16 and p.districts:  # founded before the reform in a former district (Can Tho's are known)
            # the first district (Ninh Kieu, where a demo user works) gets a third of them
            self.district, place = p.districts[0 if li % 3 == 0 else li % len(p.districts)]
            self.scope, self.commune, self.parent = ScopeLevel.DISTRICT, None, p.front
        else:
            area, place = p.communes[li % nc]
            self.scope, self.commune, self.parent = ScopeLevel.COMMUNE, area, p.committee_of(area)
        # Province-level names carry an area number: "Hội Khuyến học thành phố Cần Thơ" is the demo's own.
        tag = f" (khu vực {li + 1})" if province_level or self.district else f" (nhóm {rnd + 1})" if rnd else ""
        self.name = f"{self.stem} {lower_first(place)}{tag}{gen.suffix}"
        self.status = Status.SUSPENDED if rng.random() < 0.05 else Status.OPERATING
        self.founded = day(rng, D(2005, 1, 1), D(2025, 6, 30) if self.district else D(2025, 12, 31))
        self.overdue = rng.random() < 0.12
        if self.overdue:
            self.congress_on = day(rng, max(self.founded, D(2015, 1, 1)), D(2020, 10, 31))
        else:
            self.congress_on = day(rng, max(self.founded, D(2022, 1, 1)), D(2026, 6, 30))
        self.members = rng.randrange(30, 3000)


def write_register(gen) -> None:
    from sohoi.associations.models import Association, Congress, FieldOfActivity, Leader, OfficerAssignment
    from sohoi.associations.services.registry import UNIT_LEVEL

    plan, seed = gen.plan, gen.seed
    fields = dict(FieldOfActivity.objects.values_list("code", "pk"))
    fallback = next(iter(fields.values()))
    na, nb = plan.associations, plan.branches
    units = gen.sink(Unit, "Đơn vị hội, chi hội", na + nb)
    assocs = gen.sink(Association, "Hội, chi hội", na + nb, after=(units,))
    congresses = gen.sink(Congress, "Đại hội", na, after=(assocs,))
    leaders = gen.sink(Leader, "Lãnh đạo hội", plan.leaders, after=(congresses,))
    officers = gen.sink(OfficerAssignment, "Phân công theo dõi", na, after=(assocs,))
    officer_ids = gen.officer_ids
    rng = random.Random(f"{seed}:register")
    for i in range(na):
        s = AssocSpec(gen, i)
        upk, apk, cpk = gen.unit0 + i, gen.assoc0 + i, gen.congress0 + i
        territory = s.commune or s.district or s.province.admin_id
        units.add(Unit(pk=upk, name=s.name, name_folded=folded(s.name), kind=UnitKind.ASSOCIATION,
                       level=UNIT_LEVEL[s.scope], parent_id=s.parent.pk, path=tree_path(s.parent.path, upk),
                       area_id=territory, valid_from=s.founded))
        a = Association(pk=apk, unit_id=upk, name=s.name, field_id=fields.get(s.field, fallback),
                        scope_level=s.scope, territory_id=territory, status=s.status, status_since=s.founded,
                        main_activity=s.stem.removeprefix("Hội ").removeprefix("Hiệp hội "),
                        head_office=f"Số {rng.randrange(1, 400)}, {s.province.name}",
                        founding_decision_number=f"{rng.randrange(10, 3999)}/QĐ-UBND", founding_decision_date=s.founded,
                        founding_decision_issuer=f"Ủy ban nhân dân {lower_first(s.province.name)}",
                        members_individual=s.members, members_reported_on=D(2025, 12, 31),
                        is_economic=s.stem.startswith("Hiệp hội"), special_status=rng.random() < 0.05)
        a.fill_derived()
        assocs.add(a)
        congresses.add({"id": cpk, "association_id": apk, "number": rng.randrange(2, 6), "kind": CongressKind.TERM,
                                "held_on": s.congress_on, "term_label": f"{s.congress_on.year} - {s.congress_on.year + 5}",
                                "term_years": 5, "expected": 100, "attended": rng.randrange(55, 100),
                                "next_due": plus_years(s.congress_on, 5)})
        for k in range(plan.leaders // na + (1 if i < plan.leaders % na else 0)):
            leaders.add({"association_id": apk, "full_name": person(rng), "position": POSITIONS[k % len(POSITIONS)],
                               "started_on": s.congress_on, "congress_id": cpk, "is_party_member": rng.random() < 0.4,
                               "birth_year": rng.randrange(1950, 1995), "gender": rng.choice((Gender.MALE, Gender.FEMALE)),
                               "reported_on": None if rng.random() < 0.06 else s.congress_on + datetime.timedelta(days=12)})
        if officer_ids and s.province.code == gen.officer_province and rng.random() < 0.7:
            officers.add({"association_id": apk, "officer_id": officer_ids[i % len(officer_ids)],
                                           "started_on": max(s.founded, D(2025, 7, 1)) + datetime.timedelta(days=30)})
    units.flush()  # branches hang under these units
    for j in range(nb):
        owner = (j * na) // nb
        s = AssocSpec(gen, owner)
        p = s.province
        brng = random.Random(f"{seed}:branch:{j}")
        if p.anchors and j % 10 == 0:  # a share goes to the associations that were already there
            parent_assoc, parent_unit = p.anchors[(j // 10) % len(p.anchors)]
        else:
            parent_unit = Ref(gen.unit0 + owner, tree_path(s.parent.path, gen.unit0 + owner))
        area, place = p.communes[brng.randrange(len(p.communes))]
        upk, apk = gen.unit0 + na + j, gen.assoc0 + na + j
        name = f"Chi hội {s.stem.removeprefix('Hội ').removeprefix('Hiệp hội ')} {place} số {j + 1}{gen.suffix}"
        founded = max(s.founded, REFORM) + datetime.timedelta(days=brng.randrange(0, 300))
        units.add(Unit(pk=upk, name=name, name_folded=folded(name), kind=UnitKind.BRANCH, level=UnitLevel.COMMUNE,
                       parent_id=parent_unit.pk, path=tree_path(parent_unit.path, upk), area_id=area,
                       valid_from=founded))
        b = Association(pk=apk, unit_id=upk, name=name, field_id=fields.get(s.field, fallback),
                        scope_level=ScopeLevel.COMMUNE, territory_id=area, status=Status.OPERATING,
                        status_since=founded, members_individual=brng.randrange(15, 300),
                        members_reported_on=D(2025, 12, 31))
        b.fill_derived()
        assocs.add(b)
    units.flush()
    for sink in (units, assocs, congresses, leaders, officers):
        gen.count(sink.close())


REFORM = D(2025, 7, 1)


def branch_range(owner: int, na: int, nb: int) -> range:
    """The branches of generated association `owner` (branch j belongs to (j * na) // nb)."""
    lo = -(-owner * nb // na)
    hi = -(-(owner + 1) * nb // na)
    return range(lo, hi)


def write_party(gen) -> None:
    from sohoi.party.choices import OrgKind
    from sohoi.party.models import PartyOrganisation

    plan = gen.plan
    na, npo = plan.associations, plan.party_orgs
    orgs = gen.sink(PartyOrganisation, "Tổ chức đảng", npo)
    for i in range(na):
        if (i + 1) * npo // na == i * npo // na:
            continue
        s = AssocSpec(gen, i)
        rng = random.Random(f"{gen.seed}:party:{i}")
        superior = s.province.committee_of(s.commune)
        official = rng.randrange(3, 40)
        orgs.add({
            "association_id": gen.assoc0 + i, "name": f"Chi bộ {s.name}",
            "kind": OrgKind.GRASSROOTS_COMMITTEE if official >= 30 else OrgKind.CELL, "superior_id": superior.pk,
            "decision_number": f"{rng.randrange(100, 9999)}-QĐ/ĐU", "decision_date": s.founded + datetime.timedelta(days=90),
            "decision_issuer": superior.name or "Cấp ủy cấp trên", "secretary_name": person(rng), "official_members": official,
            "probationary_members": rng.randrange(0, 4), "members_reported_on": D(2025, 12, 31)})
    gen.count(orgs.close())


def write_members(gen) -> None:
    from sohoi.associations.models import Member

    plan, seed = gen.plan, gen.seed
    na, nb, nm = plan.associations, plan.branches, plan.members
    anchors = [a for p in gen.provinces for a, _u in p.anchors]  # a few dozen existing associations
    to_anchors = nm // 20 if anchors else 0
    members = gen.sink(Member, "Hội viên", nm)
    rng = random.Random(f"{seed}:members")
    pk = gen.member0

    def add(assoc_pk: int, branch_pk: int | None) -> None:
        nonlocal pk
        name = person(rng)
        party = rng.random() < 0.08
        members.add({"id": pk, "association_id": assoc_pk, "branch_id": branch_pk, "full_name": name,
                           "name_folded": folded(name), "gender": Gender.FEMALE if rng.random() < 0.52 else Gender.MALE,
                           "birth_year": rng.randrange(1945, 2006), "id_number": synthetic_id(pk),
                           "is_party_member": party,
                           "kind": MemberKind.ORGANISATIONAL if rng.random() < 0.02 else MemberKind.INDIVIDUAL,
                           "joined_on": D(2005, 1, 1) + datetime.timedelta(days=rng.randrange(7600))})
        pk += 1

    rest = nm - to_anchors
    for i in range(na):
        branches = branch_range(i, na, nb)
        diverted = bool(gen.assoc_ranges.of(i).anchors)  # every tenth branch went to an existing association
        for _k in range(rest // na + (1 if i < rest % na else 0)):
            j = branches[rng.randrange(len(branches))] if branches and rng.random() < 0.7 else None
            add(gen.assoc0 + i, gen.assoc0 + na + j if j is not None and (j % 10 or not diverted) else None)
    for k in range(to_anchors):
        add(anchors[k % len(anchors)], None)
    gen.count(members.close())
