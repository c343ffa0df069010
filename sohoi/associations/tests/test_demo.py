"""The demo data matches the hand counts written in demo.py (so the coverage page and alerts are checked), and
the synthetic set (demo_synthetic.py) matches the counts derived from its pure specification."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from sohoi.associations import demo, demo_synthetic, selectors
from sohoi.associations.choices import Status
from sohoi.associations.models import Association, LineageEvent
from sohoi.orgs.models import Unit


@pytest.fixture
def specs(db):
    return demo_synthetic.synthetic_specs(*demo_synthetic.inputs(demo.hand_made_names()))


@pytest.fixture
def synthetic(specs):
    return demo_synthetic.names(specs)


def test_demo_registry_shape(users, specs, synthetic):
    hand = Association.objects.exclude(name__in=synthetic)
    assert hand.count() == 33
    assert Association.objects.count() == 33 + len(specs) + sum(len(s.branches) for s in specs)
    assert hand.filter(status=Status.SUSPENDED).count() == 1
    merged = hand.get(status=Status.MERGED)
    assert LineageEvent.objects.filter(predecessor=merged).get().successor.name == "Hội Chữ thập đỏ thành phố Cần Thơ"
    assert merged.unit.successors.filter(name="Hội Chữ thập đỏ thành phố Cần Thơ").exists()


def test_synthetic_set_spans_fields_scopes_statuses_and_communes(specs):
    assert 290 <= len(specs) <= 300
    assert {s.scope for s in specs} == {"province", "district", "commune"}
    assert len({s.field for s in specs}) == 9
    assert {Status.OPERATING, Status.SUSPENDED, Status.DISSOLVED, Status.COMMITTEE_RECOGNISED} <= {
        s.status for s in specs}
    assert len({s.place for s in specs if s.scope == "commune"}) == 103
    assert any(s.overdue for s in specs) and any(s.officer is None and s.active for s in specs)
    assert sum(1 for s in specs if s.roster) == 3 and sum(len(s.branches) for s in specs) > 10


def test_synthetic_units_start_after_2013(specs, synthetic):
    """Documents of 2012 (752-CV/TU) fan out to the hand-made associations only."""
    assert not Unit.objects.filter(name__in=synthetic, valid_from__lt="2014-01-01").exists()
    assert not Unit.objects.filter(name__in=synthetic, valid_from__isnull=True).exists()


def test_coverage_matches_hand_counts(users, specs, synthetic):
    cov = selectors.coverage(user=users["noivu"])
    active = [s for s in specs if s.active]
    covered = [s for s in active if s.officer is not None]
    assert (cov["total"], cov["covered"]) == (28 + len(active), 24 + len(covered))
    assert {a.name for a in cov["uncovered"] if a.name not in synthetic} == {
        "Hội Kiến trúc sư thành phố Cần Thơ", "Hội Tin học thành phố Cần Thơ", "Hội Người cao tuổi phường Tân An",
        "Hội Cựu giáo chức phường Bình Thủy"}
    workload = {u.username: (u.current, u.past) for u in cov["workload"]}
    expected = {"canbonoivu": (13, 1), "canbonoivu.hai": (12, 0)}
    for i, (username, _name) in enumerate(demo_synthetic.OFFICERS):
        expected[username] = (sum(1 for s in specs if s.officer == i), 0)
    assert workload == expected


def test_alerts_match_hand_counts(users, specs, synthetic):
    found = selectors.alerts(user=users["dandan"])
    kinds = [a.kind for a in found if a.association.name not in synthetic]
    assert sorted(kinds) == ["founding_congress_overdue", "leadership_unreported", "term_expired", "term_expired"]
    made = [a.kind for a in found if a.association.name in synthetic]
    assert made.count("term_expired") == sum(1 for s in specs if s.active and s.overdue)
    assert made.count("leadership_unreported") == sum(1 for s in specs if s.unreported_leader)


def test_demo_is_idempotent(users):
    before = (Association.objects.count(), LineageEvent.objects.count(), Unit.objects.count())
    call_command("demo", stdout=io.StringIO())
    assert (Association.objects.count(), LineageEvent.objects.count(), Unit.objects.count()) == before
