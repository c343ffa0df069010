"""The per-request memo: a value read once per request, never across requests, fresh after a write."""

from __future__ import annotations

import datetime

import pytest

from sohoi.associations.choices import RuleCode
from sohoi.associations.models import LegalRule
from sohoi.associations.rules import rule_for
from sohoi.core import memo
from sohoi.core.services import object_update


def test_remember_computes_once_inside_a_scope_and_every_time_outside():
    calls = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert memo.remember("k", compute) == 1 and memo.remember("k", compute) == 2  # no scope: no memory
    with memo.scope():
        assert memo.remember("k", compute) == 3
        assert memo.remember("k", compute) == 3
    with memo.scope():  # a new request starts empty
        assert memo.remember("k", compute) == 4


@pytest.mark.django_db
def test_a_rule_is_read_once_per_request_and_again_after_it_is_changed(django_assert_num_queries, users):
    on = datetime.date(2026, 6, 1)
    with memo.scope():
        rule = rule_for(RuleCode.TERM_YEARS, on)
        assert rule is not None
        with django_assert_num_queries(0):
            assert rule_for(RuleCode.TERM_YEARS, on).pk == rule.pk
        object_update(actor=users["quantri"], obj=LegalRule.objects.get(pk=rule.pk), data={"label": "Nhiệm kỳ mới"})
        assert rule_for(RuleCode.TERM_YEARS, on).label == "Nhiệm kỳ mới"


@pytest.mark.django_db
def test_the_middleware_gives_each_request_its_own_memo(client, users):
    client.force_login(users["thuongtruc"])
    assert client.get("/").status_code == 200
    assert memo._store.get() is None  # nothing survives the request
