"""The oversight figures agree with the lists they link to, for each reader."""

from __future__ import annotations

import pytest

from sohoi.reports.registry import Filters, Period, evaluate, indicators

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("username", ["dandan", "mattran", "quanuy.ninhkieu"])
def test_figures_match_their_lists(client, users, username):
    keys = [i.key for i in indicators() if i.key.startswith("oversight.")]
    assert len(keys) == 4
    client.force_login(users[username])
    f = Filters(users[username], Period.parse("2026"))
    for result in evaluate(keys, f):
        for bucket, n in result.value.items():
            url = result.indicator.list_url(f, bucket)
            api = url.replace("/giam-sat/kien-nghi/", "/api/v1/oversight/recommendations").replace(
                "/giam-sat/", "/api/v1/oversight/activities")
            assert client.get(api + "&page_size=1").json()["count"] == n, (username, result.indicator.key, bucket)


def test_demo_figures(users):
    f = Filters(users["dandan"], Period.parse("2026"))
    recs = evaluate(["oversight.front_recommendations"], f)[0].value
    assert recs == {"done_on_time": 1, "done_late": 1, "open_overdue": 1, "not_started": 0}
    acts = evaluate(["oversight.front_activities", "oversight.inspections"], f)
    assert acts[0].value == {"supervision.concluded": 1, "supervision.in_progress": 1, "criticism.concluded": 1}
    assert acts[1].value == {"inspection.concluded": 1}
