"""The demo data matches the hand counts written in demo.py (so the coverage page and alerts are checked)."""

from __future__ import annotations

import io

from django.core.management import call_command

from sohoi.associations import selectors
from sohoi.associations.choices import Status
from sohoi.associations.models import Association, LineageEvent


def test_demo_registry_shape(users):
    assert Association.objects.count() == 33
    assert Association.objects.filter(status=Status.SUSPENDED).count() == 1
    merged = Association.objects.get(status=Status.MERGED)
    assert LineageEvent.objects.filter(predecessor=merged).get().successor.name == "Hội Chữ thập đỏ thành phố Cần Thơ"
    assert merged.unit.successors.filter(name="Hội Chữ thập đỏ thành phố Cần Thơ").exists()


def test_coverage_matches_hand_counts(users):
    cov = selectors.coverage(user=users["noivu"])
    assert (cov["total"], cov["covered"], cov["uncovered_count"]) == (28, 24, 4)
    assert {a.name for a in cov["uncovered"]} == {
        "Hội Kiến trúc sư thành phố Cần Thơ", "Hội Tin học thành phố Cần Thơ", "Hội Người cao tuổi phường Tân An",
        "Hội Cựu giáo chức phường Bình Thủy"}
    workload = {u.username: (u.current, u.past) for u in cov["workload"]}
    assert workload == {"canbonoivu": (13, 1), "canbonoivu.hai": (12, 0)}


def test_alerts_match_hand_counts(users):
    kinds = [a.kind for a in selectors.alerts(user=users["dandan"])]
    assert sorted(kinds) == ["founding_congress_overdue", "leadership_unreported", "term_expired", "term_expired"]


def test_demo_is_idempotent(users):
    before = (Association.objects.count(), LineageEvent.objects.count())
    call_command("demo", stdout=io.StringIO())
    assert (Association.objects.count(), LineageEvent.objects.count()) == before
