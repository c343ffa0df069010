"""The one workflow of the three kinds, as a table (core.workflow, like associations/workflows.py): which step moves which
state to which, and what it needs. Only `services.activity_transition` reads it; a step not listed from the
current state is refused with a message naming the allowed ones. Who may take each step: the named actions
`oversight.step.<step>` in permissions.py."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from sohoi.core.workflow import Transition, Workflow

from .choices import State, Step

S = State


@dataclass(frozen=True)
class ActivityTransition(Transition):
    date_field: str = ""  # the activity's date set by the step
    needs_conclusion: bool = False  # a written or uploaded conclusion
    needs_answers: bool = False  # every recommendation answered


TRANSITIONS: Workflow[ActivityTransition] = Workflow([
    ActivityTransition(Step.START, frozenset({S.PLANNED}), S.IN_PROGRESS, date_field="started_on"),
    ActivityTransition(Step.CONCLUDE, frozenset({S.IN_PROGRESS}), S.CONCLUDED, date_field="concluded_on",
                       needs_conclusion=True),
    ActivityTransition(Step.REOPEN, frozenset({S.CONCLUDED}), S.IN_PROGRESS),
    ActivityTransition(Step.CLOSE, frozenset({S.CONCLUDED}), S.CLOSED, date_field="closed_on", needs_answers=True),
], states=State, steps=Step, subject=_("hoạt động"), field="step")
