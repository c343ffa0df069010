"""The real-world corpus: the score may not fall below the committed baseline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sohoi.docparse import parse_file
from sohoi.docparse.score import BASELINE, load_corpus, run, score_document

from .helpers import SEED

SEED_GOLD = Path(__file__).resolve().parent / "seed.json"


@pytest.fixture(scope="module")
def report():
    return run(load_corpus())


def test_every_text_has_a_source_and_an_annotation():
    docs = load_corpus()
    assert len(docs) >= 90
    for doc_id, text, gold in docs:
        assert text.strip(), doc_id
        assert gold.get("source"), doc_id
        assert set(gold) - {"source"}, doc_id


def test_score_not_below_baseline(report):
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    now = report.as_dict()
    fallen = [
        f"{name} {kind}: {now.get(name, {}).get(kind, 0):.4f} < {floor[kind]:.4f}"
        for name, floor in baseline.items()
        for kind in ("precision", "recall")
        if now.get(name, {}).get(kind, 0) < floor[kind] - 1e-9
    ]
    assert not fallen, fallen


def test_the_seed_letter_scores_every_field():
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    score = score_document("seed", parse_file(SEED), gold)
    assert score.diffs == []
    assert all(t.fp == t.fn == 0 for t in score.tallies.values())
    assert sum(t.tp for t in score.tallies.values()) == 7 + 2 + 6 + 6


def test_a_wrong_field_lowers_the_score():
    gold = {"code": "752-CV/TU", "tasks": [{"no": "1", "leads": ["Sở Nội vụ"]}]}
    record = {"code": "753-CV/TU", "tasks": [{"no": "1", "leads": ["Sở Tư pháp"]}, {"no": "2"}]}
    score = score_document("x", record, gold)
    assert (score.tallies["code"].fp, score.tallies["code"].fn) == (1, 1)
    assert (score.tallies["tasks"].tp, score.tallies["tasks"].fp) == (1, 1)
    assert (score.tallies["task_leads"].fp, score.tallies["task_leads"].fn) == (1, 1)
