"""The places the generated data goes to: provinces, their communes, and the bodies it hangs under.

Everything here is reference-sized (34 provinces, about 3,300 communes and their Party committees); the
bulk rows (associations, members, documents ...) are never held in memory, only their index ranges.
"""

from __future__ import annotations

import bisect
import datetime
from dataclasses import dataclass, field

from sohoi.core.text import fold
from sohoi.orgs.choices import AdminKind, UnitKind, UnitLevel
from sohoi.orgs.models import AdminUnit, Unit, tree_path

from .names import lower_first
from .writer import Progress, Sink, next_pk

CAN_THO = "92"
REFORM_DATE = datetime.date(2025, 7, 1)
COMMUNE_KINDS = (AdminKind.WARD, AdminKind.COMMUNE, AdminKind.SPECIAL_ZONE)


@dataclass
class Ref:
    pk: int
    path: str
    name: str = ""


@dataclass
class Province:
    admin_id: int
    code: str
    name: str
    communes: list[tuple[int, str]]  # (AdminUnit pk, name), by code
    districts: list[tuple[int, str]] = field(default_factory=list)  # former districts (ended 30/06/2025)
    committee: Ref | None = None  # the province Party committee
    front: Ref | None = None  # the province Fatherland Front committee (province-level associations hang here)
    issuers: list[Ref] = field(default_factory=list)  # who issues the generated documents
    commune_committees: dict[int, Ref] = field(default_factory=dict)  # commune AdminUnit pk -> committee
    anchors: list[tuple[int, Ref]] = field(default_factory=list)  # existing associations: (association pk, unit)
    committee_list: list[Ref] = field(default_factory=list)
    staffed: list[int] = field(default_factory=list)  # existing units with active accounts (the demo users')
    # index ranges of the generated rows (filled by the plan)
    assoc_start: int = 0
    assoc_count: int = 0
    doc_start: int = 0
    doc_count: int = 0

    @property
    def short(self) -> str:
        return self.name.removeprefix("Thành phố ").removeprefix("Tỉnh ")

    def committee_of(self, commune_id: int | None) -> Ref:
        return self.commune_committees.get(commune_id) or self.committee


def province_committee_name(p: Province) -> str:
    return f"{'Thành ủy' if p.name.startswith('Thành phố') else 'Tỉnh ủy'} {p.short}"


def load_provinces(codes: list[str] | None) -> list[Province]:
    qs = AdminUnit.objects.filter(kind=AdminKind.PROVINCE, valid_to__isnull=True).order_by("code")
    if codes:
        qs = qs.filter(code__in=codes)
    provinces = [Province(admin_id=a.pk, code=a.code, name=a.name, communes=[]) for a in qs]
    by_id = {p.admin_id: p for p in provinces}
    for pk, name, parent in (AdminUnit.objects.filter(parent_id__in=by_id, kind__in=COMMUNE_KINDS,
                                                      valid_to__isnull=True)
                             .order_by("code").values_list("pk", "name", "parent_id")):
        by_id[parent].communes.append((pk, name))
    for pk, name, parent in (AdminUnit.objects.filter(parent_id__in=by_id, kind=AdminKind.DISTRICT)
                             .order_by("code").values_list("pk", "name", "parent_id")):
        by_id[parent].districts.append((pk, name))
    return [p for p in provinces if p.communes]


def ensure_bodies(provinces: list[Province], progress: Progress) -> int:
    """Find, or create in bulk, each province's Party committee, Fatherland Front and commune Party committees
    (Can Tho's come from the demo). Returns how many units were created."""
    from sohoi.associations.models import Association

    ids = [p.admin_id for p in provinces]
    committees = {}
    for u in Unit.objects.filter(kind=UnitKind.PARTY_COMMITTEE, area_id__in=ids, level=UnitLevel.PROVINCE,
                                 parent__isnull=True).order_by("pk"):
        committees.setdefault(u.area_id, u)
    fronts = {}
    for u in Unit.objects.filter(kind=UnitKind.FATHERLAND_FRONT, area_id__in=ids, parent__isnull=True).order_by("pk"):
        fronts.setdefault(u.area_id, u)
    pk = next_pk(Unit)
    created = Sink(Unit, "Cơ quan (tỉnh)", 2 * len(provinces), progress, batch=1_000)
    for p in provinces:
        for store, kind, name in ((committees, UnitKind.PARTY_COMMITTEE, province_committee_name(p)),
                                  (fronts, UnitKind.FATHERLAND_FRONT, f"Ủy ban Mặt trận Tổ quốc Việt Nam {lower_first(p.name)}")):
            if p.admin_id not in store:
                unit = Unit(pk=pk, name=name, name_folded=fold(name), kind=kind, level=UnitLevel.PROVINCE,
                            area_id=p.admin_id, path=tree_path(None, pk))
                store[p.admin_id] = unit
                created.add(unit)
                pk += 1
    n = created.close()
    for p in provinces:
        c, f = committees[p.admin_id], fronts[p.admin_id]
        p.committee, p.front = Ref(c.pk, c.path, c.name), Ref(f.pk, f.path, f.name)
        p.issuers = [p.committee]
    # Can Tho's documents come from the city committee and its Mass Mobilisation board, as in the demo.
    board = Unit.objects.filter(code="BDVTU", kind=UnitKind.PARTY_BOARD).first()
    for p in provinces:
        if board is not None and p.code == CAN_THO and board.path.startswith(p.committee.path):
            p.issuers.append(Ref(board.pk, board.path, board.name))

    by_area = {}
    for pk_, path, area, name in (Unit.objects.filter(kind=UnitKind.PARTY_COMMITTEE, level=UnitLevel.COMMUNE,
                                                      area__parent_id__in=ids, valid_to__isnull=True)
                                  .order_by("pk").values_list("pk", "path", "area_id", "name")):
        by_area.setdefault(area, Ref(pk_, path, name))
    total = sum(len(p.communes) for p in provinces)
    sink = Sink(Unit, "Đảng ủy xã, phường", total, progress, batch=2_000)
    pk = next_pk(Unit)
    for p in provinces:
        for area, name in p.communes:
            if area not in by_area:
                label = f"Đảng ủy {lower_first(name)}"
                path = tree_path(p.committee.path, pk)
                sink.add(Unit(pk=pk, name=label, name_folded=fold(label), kind=UnitKind.PARTY_COMMITTEE,
                              level=UnitLevel.COMMUNE, parent_id=p.committee.pk, path=path, area_id=area,
                              valid_from=REFORM_DATE))
                by_area[area] = Ref(pk, path, label)
                pk += 1
            p.commune_committees[area] = by_area[area]
        p.committee_list = [p.commune_committees[a] for a, _n in p.communes]
    n += sink.close()

    # Associations that were there before and have staff with accounts (the demo's Hội Khuyến học): a share of
    # the branches, members and assignments goes to them, so that their staff's pages grow with the data too.
    for p in provinces:
        p.anchors = [(a, Ref(u, path)) for a, u, path in Association.objects.filter(
            unit__kind=UnitKind.ASSOCIATION, unit__area_id=p.admin_id, unit__valid_to__isnull=True,
            unit__users__is_active=True).distinct().order_by("pk").values_list("pk", "unit_id", "unit__path")]
        areas = [p.admin_id] + [a for a, _n in p.communes] + [a for a, _n in p.districts]
        p.staffed = list(Unit.objects.filter(users__is_active=True, area_id__in=areas).distinct().order_by("pk")
                         .values_list("pk", flat=True))
    return n


def split(total: int, weights: list[int]) -> list[int]:
    """`total` shared in proportion to `weights` (largest remainder): deterministic, sums to total."""
    s = sum(weights) or 1
    raw = [total * w / s for w in weights]
    out = [int(r) for r in raw]
    order = sorted(range(len(weights)), key=lambda i: (out[i] - raw[i], i))
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


class Ranges:
    """Which province a global index (association, document) belongs to, without a list of rows."""

    def __init__(self, starts: list[int], provinces: list[Province]):
        self.starts, self.provinces = starts, provinces

    def of(self, index: int) -> Province:
        return self.provinces[bisect.bisect_right(self.starts, index) - 1]
