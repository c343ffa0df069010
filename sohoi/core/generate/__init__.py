"""Synthetic data at city and national scale (`sohoi generate`), for benchmarks and the two-scale test.

Adds to the demo world (run after `sohoi setup` or `sohoi demo`): associations with their units in the tree
(zero-padded materialised paths, orgs.models.tree_path), branches, congresses, leaders, officers' assignments,
Party organisations, members, documents with tasks, assignments and progress reports, and dissemination
sessions, over every commune of the provinces in the plan. Deterministic for a seed (every row is a function of
the seed and its index), streamed in batches of a few thousand rows with bulk_create and explicit primary keys,
so memory stays flat whatever the scale. Derived columns that save() would fill (name_folded, name_sort,
main_activity_folded, path, issuer_key, code_key) are filled with the same helpers.

Synthetic only: names are combinations of common syllables, identity numbers start with 999. No audit rows
are written for generated data (it is not anybody's work).

Written here rather than with factory_boy or Faker: neither streams rows with precomputed keys into
bulk_create, and the data must be deterministic and Vietnamese-looking without a locale package.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from django.db import connection

from . import records, registry, work, world
from .writer import BATCH, Progress, Sink, next_pk, reset_sequences

# Bump when the generated rows change (bench/run.py regenerates its databases then, and only then).
DATA_VERSION = 2


@dataclass(frozen=True)
class Plan:
    associations: int
    branches: int
    members: int
    leaders: int
    party_orgs: int
    documents: int
    assignments: int
    sessions: int
    oversight: int  # the provinces' Fronts' supervisions; associations' own records follow `associations`
    provinces: tuple[str, ...] | None  # province codes; None = all 34
    # Share of tasks that also go to every unit where a demo user works, so that their
    # pages have data to show (the two-scale test needs those pages full at its smaller scale).
    fanout: float = 0.05

    def times(self, k: int) -> Plan:
        return replace(self, **{f: getattr(self, f) * k for f in (
            "associations", "branches", "members", "leaders", "party_orgs", "documents", "assignments", "sessions",
            "oversight")})

    @property
    def reports(self) -> int:
        return self.assignments * 2


NATIONAL = Plan(associations=40_000, branches=100_000, members=5_000_000, leaders=300_000, party_orgs=20_000,
                documents=50_000, assignments=500_000, sessions=200_000, oversight=20_000,
                provinces=None)
SCALES = {
    "national": NATIONAL,
    # about a tenth, all in Can Tho
    "city": Plan(associations=4_000, branches=10_000, members=500_000, leaders=30_000, party_orgs=2_000,
                 documents=5_000, assignments=50_000, sessions=20_000, oversight=2_000, provinces=(world.CAN_THO,)),
    # a few thousand rows, for tests (the two-scale test uses it and ten times it)
    "small": Plan(associations=80, branches=150, members=2_000, leaders=300, party_orgs=60, documents=60,
                  assignments=600, sessions=150, oversight=40, provinces=(world.CAN_THO,), fanout=1.0),
}


class Generator:
    def __init__(self, plan: Plan, seed: int, log: Callable[[str], None] | None, tty: bool | None = None):
        self.plan, self.seed, self.log = plan, seed, log or (lambda _m: None)
        self.progress = Progress(log, tty)
        self.rows = 0
        # A second run on the same database (the two-scale test) gets names of its own.
        self.suffix = ""

    def sink(self, model, label: str, total: int, batch: int = BATCH, after: tuple[Sink, ...] = ()) -> Sink:
        return Sink(model, label, total, self.progress, batch=batch, after=after)

    def count(self, n: int) -> None:
        self.rows += n

    def prepare(self) -> None:
        from sohoi.associations.models import Association, Congress, Member
        from sohoi.directives.models import Assignment, Document, Task
        from sohoi.orgs.models import Unit

        plan = self.plan
        self.provinces = world.load_provinces(list(plan.provinces) if plan.provinces else None)
        if not self.provinces:
            raise LookupError("Chưa có đơn vị hành chính: chạy `sohoi setup` (hoặc `sohoi demo`) trước.")
        self.count(world.ensure_bodies(self.provinces, self.progress))
        weights = [len(p.communes) for p in self.provinces]
        starts, at = [], 0
        for p, n in zip(self.provinces, world.split(plan.associations, weights), strict=True):
            p.assoc_start, p.assoc_count = at, n
            starts.append(at)
            at += n
        self.assoc_ranges = world.Ranges(starts, self.provinces)
        at = 0
        for p, n in zip(self.provinces, world.split(plan.documents, weights), strict=True):
            p.doc_start, p.doc_count = at, n
            at += n
        self.session_split = world.split(plan.sessions, [p.doc_count for p in self.provinces])
        self.unit0, self.assoc0, self.congress0 = next_pk(Unit), next_pk(Association), next_pk(Congress)
        self.member0, self.doc0, self.task0 = next_pk(Member), next_pk(Document), next_pk(Task)
        self.assign0 = next_pk(Assignment)
        again = Association.objects.filter(name_folded__startswith="chi hoi ", name_folded__contains=" so ").exists()
        self.suffix = f" - đợt {self.seed}" if again else ""  # generated onto generated data: names of its own
        self.officer_province = world.CAN_THO
        from sohoi.associations.permissions import monitoring_officers
        from sohoi.directives.permissions import board_users

        self.officer_ids = list(monitoring_officers().order_by("pk").values_list("pk", flat=True))
        self.confirmer_id = board_users().order_by("pk").values_list("pk", flat=True).first()

    def run(self) -> int:
        from sohoi.activities.models import GoodModel
        from sohoi.associations.models import (
            Association,
            Congress,
            Leader,
            Member,
            OfficerAssignment,
        )
        from sohoi.directives.dissemination.models import DisseminationSession
        from sohoi.directives.models import Assignment, Document, ProgressReport, Task
        from sohoi.orgs.models import Unit
        from sohoi.oversight.models import Activity
        from sohoi.party.models import PartyOrganisation

        started = time.perf_counter()
        self.prepare()
        registry.write_register(self)
        registry.write_party(self)
        registry.write_members(self)
        work.write_directives(self)
        work.write_sessions(self)
        records.write_activities(self)
        records.write_oversight(self)
        reset_sequences([Unit, Association, Congress, Leader, Member, OfficerAssignment, PartyOrganisation,
                         Document, Task, Assignment, ProgressReport, DisseminationSession, GoodModel, Activity])
        if connection.vendor == "postgresql":  # fresh statistics: the planner has none for rows just COPied
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.elapsed = time.perf_counter() - started
        return self.rows


def generate(scale: str | Plan = "small", *, seed: int = 1, times: int = 1,
             log: Callable[[str], None] | None = None, tty: bool | None = None) -> Generator:
    """Generate one scale (times k) into the current database; returns the generator (rows, elapsed)."""
    plan = SCALES[scale] if isinstance(scale, str) else scale
    if times != 1:
        plan = plan.times(times)
    gen = Generator(plan, seed, log, tty)
    gen.run()
    return gen


__all__ = ["NATIONAL", "SCALES", "Generator", "Plan", "generate"]
