"""Workflows are tables (design.md §5, §15): one small mechanism every app's `workflows.py` uses.

A `Transition` says which step moves a record from which states to which state; an app subclasses it to add
what its steps need (a date to set, a conclusion, a comment, successors). A `Workflow` is the table of one
record type: the steps allowed from a state (the buttons of a page), the state a step leads to, and the one
refusal when a step is not allowed from the current state, naming the steps that are. Only the app's
`<entity>_transition` service reads its table to change a status."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Transition:
    step: str
    sources: frozenset[str]
    target: str | None  # None: the state does not change (a renaming, a separation)
    label: str = ""  # the button's words; empty: the step's label in the workflow's step choices


T = TypeVar("T", bound=Transition)


class Workflow(Generic[T]):
    """The table of one record type's transitions, in the order the buttons are shown.

    `states` and `steps` are the TextChoices that label states and steps in messages; `subject` names the record
    in the middle of a sentence ("hội", "báo cáo") and `field` is the form field a refusal is reported on."""

    def __init__(self, transitions: Iterable[T], *, states: type[models.TextChoices],
                 steps: type[models.TextChoices] | None = None, subject: str, field: str = "action"):
        self._table: dict[str, T] = {}
        for t in transitions:
            if t.step in self._table:
                raise ValueError(f"step {t.step!r} listed twice")  # a table with two rows for one step is a bug
            self._table[t.step] = t
        self.states, self.steps, self.subject, self.field = states, steps, subject, field

    def __contains__(self, step: object) -> bool:
        return step in self._table

    def __getitem__(self, step: str) -> T:
        return self._table[step]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def get(self, step: str) -> T | None:
        return self._table.get(step)

    def items(self) -> Iterable[tuple[str, T]]:
        return self._table.items()

    def values(self) -> Iterable[T]:
        return self._table.values()

    def label(self, step: str) -> str:
        t = self._table.get(step)
        if t is not None and t.label:
            return str(t.label)
        if self.steps is not None and step in self.steps.values:
            return str(self.steps(step).label)
        return step

    def allowed_steps(self, state: str, among: Iterable[str] | None = None) -> list[str]:
        """Steps that may be taken from `state` (optionally only those in `among`), in table order."""
        wanted = None if among is None else set(among)
        return [s for s, t in self._table.items() if state in t.sources and (wanted is None or s in wanted)]

    def available(self, state: str, among: Iterable[str] | None = None) -> list[T]:
        return [self._table[s] for s in self.allowed_steps(state, among)]

    def target(self, step: str, current: str) -> str:
        """The state `step` leads to from `current` (a step without a target keeps the state)."""
        return self._table[step].target or current

    def known(self, step: str) -> T:
        """The transition of `step`, or a refusal (on `field`) naming the steps of the table."""
        t = self._table.get(step)
        if t is None:
            names = ", ".join(f"“{self.label(s)}”" for s in self._table)
            raise ValidationError({self.field: _("Không có bước “%(step)s” trong quy trình. Chọn một trong các bước: "
                                                 "%(steps)s.") % {"step": step, "steps": names}})
        return t

    def refusal(self, step: str, state: str, among: Iterable[str] | None = None) -> str:
        allowed = ", ".join(f"“{self.label(s)}”" for s in self.allowed_steps(state, among)) or _("không có bước nào")
        state_label = self.states(state).label if state in self.states.values else state
        return _("Không thể “%(step)s” khi %(subject)s đang ở trạng thái “%(state)s”. Các bước được phép lúc này: "
                 "%(allowed)s. Nếu trang đã mở từ lâu, tải lại trang để xem trạng thái mới.") % {
            "subject": self.subject, "state": state_label, "step": self.label(step), "allowed": allowed}

    def transition(self, step: str, state: str, among: Iterable[str] | None = None) -> T:
        """The transition of `step` from `state`; a ValidationError on `field` when the step is unknown or not
        allowed from this state (the message names the allowed ones)."""
        t = self.known(step)
        if state not in t.sources:
            raise ValidationError({self.field: self.refusal(step, state, among)})
        return t
