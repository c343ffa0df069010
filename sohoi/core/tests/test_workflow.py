"""The one workflow-table mechanism (core.workflow), through the tables of the apps that use it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from sohoi.activities.workflows import REPORT_TRANSITIONS as YEARLY
from sohoi.activities.workflows import report_actions
from sohoi.associations.choices import Action, Status
from sohoi.associations.workflows import TRANSITIONS as LIFECYCLE
from sohoi.oversight.choices import State, Step
from sohoi.oversight.workflows import TRANSITIONS as ACTIVITY


def test_allowed_steps_and_targets_follow_the_table_order():
    assert LIFECYCLE.allowed_steps(Status.DOSSIER_FILED) == [Action.RETURN_DOSSIER, Action.PERMIT]
    assert LIFECYCLE.target(Action.PERMIT, Status.DOSSIER_FILED) == Status.PERMITTED
    assert LIFECYCLE.target(Action.RENAME, Status.OPERATING) == Status.OPERATING  # no target: the state stays
    assert [t.step for t in report_actions("submitted", reviewer=True)] == ["accept", "return"]
    assert [t.step for t in report_actions("returned", reviewer=False)] == ["resubmit"]


def test_a_step_not_allowed_from_the_state_is_refused_on_the_field_naming_the_allowed_ones():
    with pytest.raises(ValidationError) as exc:
        ACTIVITY.transition(Step.CLOSE, State.IN_PROGRESS)
    message = exc.value.message_dict["step"][0]
    assert f"Không thể “{Step.CLOSE.label}” khi hoạt động đang ở trạng thái “{State.IN_PROGRESS.label}”" in message
    assert f"Các bước được phép lúc này: “{Step.CONCLUDE.label}”." in message
    with pytest.raises(ValidationError) as exc:
        LIFECYCLE.transition(Action.SUSPEND, Status.DISSOLVED)
    assert "không có bước nào" in exc.value.message_dict["action"][0]


def test_the_refusal_names_only_the_steps_of_the_same_group():
    with pytest.raises(ValidationError) as exc:
        YEARLY.transition("resubmit", "submitted", ["resubmit"])
    assert "“Chấp nhận”" not in exc.value.message_dict["action"][0]


def test_an_unknown_step_is_refused_naming_the_steps_of_the_table():
    with pytest.raises(ValidationError) as exc:
        YEARLY.known("publish")
    assert "“publish”" in exc.value.message_dict["action"][0] and "“Chấp nhận”" in exc.value.message_dict["action"][0]
    assert YEARLY.transition("accept", "submitted").target == "accepted"
