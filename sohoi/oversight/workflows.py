"""The one workflow of the three kinds, as a table (like associations/workflows.py): which step moves which
state to which, and what it needs. Only `services.activity_transition` reads it; a step not listed from the
current state is refused with a message naming the allowed ones. Who may take each step: the named actions
`oversight.step.<step>` in permissions.py."""

from __future__ import annotations

from dataclasses import dataclass

from .choices import State, Step

S = State


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    target: str
    date_field: str = ""  # the activity's date set by the step
    needs_conclusion: bool = False  # a written or uploaded conclusion
    needs_answers: bool = False  # every recommendation answered


TRANSITIONS: dict[str, Transition] = {
    Step.START: Transition(frozenset({S.PLANNED}), S.IN_PROGRESS, date_field="started_on"),
    Step.CONCLUDE: Transition(frozenset({S.IN_PROGRESS}), S.CONCLUDED, date_field="concluded_on",
                              needs_conclusion=True),
    Step.REOPEN: Transition(frozenset({S.CONCLUDED}), S.IN_PROGRESS),
    Step.CLOSE: Transition(frozenset({S.CONCLUDED}), S.CLOSED, date_field="closed_on", needs_answers=True),
}


def allowed_steps(state: str) -> list[str]:
    """Steps that may be taken from `state`, in table order (the buttons of the activity page)."""
    return [step for step, t in TRANSITIONS.items() if state in t.sources]


def target_state(step: str) -> str:
    return TRANSITIONS[step].target
