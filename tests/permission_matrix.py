"""The write matrix's vocabulary: each app lists its write operations in `<app>/tests/operations.py` as
`OPERATIONS = [Operation(...), ...]`; tests/test_permission_matrix.py sends each one, with a VALID
payload, as every demo user, against each target, and checks the outcome against the operation's own
hand-written oracle (never against `restrict()` or the permission layer it is testing):

- allowed  -> the call succeeds (2xx/3xx), the target's state changed as `changed` says, and new audit
              rows name the operation's action code (and the target, when there is one);
- refused  -> 403 or 404 (or a page answering 200 with an error and nothing written), the target's
              state is unchanged and NO audit row was written.

Each call runs inside a savepoint that is rolled back, so every user meets the same starting state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Operation:
    """One write a page or the API offers.

    name:     unique, e.g. "associations.profile_update (page)".
    route:    the URL name of the page ("associations:edit") or the API "METHOD /api/v1/path/{id}" as
              the OpenAPI document spells it; the coverage test matches routes against these.
    url:      target -> the URL to call (target is None for a create without an object).
    targets:  () -> the objects to try, chosen inside AND outside most roles' scope.
    payload:  target -> a VALID payload (form fields for a page, a dict sent as JSON for the API).
    allowed:  (username, user, target) -> bool: the independent oracle, written by hand from the rules.
    state:    target -> a comparable snapshot of what the call may change (row count, field values).
    action:   the audit action code an allowed call writes (a prefix is enough: "directives.document.").
    api:      True for an API operation (JSON body, session auth as the user).
    files:    target -> {field: SimpleUploadedFile} for multipart pages, optional.
    """

    name: str
    route: str
    url: Callable[[Any], str]
    targets: Callable[[], list[Any]]
    payload: Callable[[Any], dict[str, Any]]
    allowed: Callable[[str, Any, Any], bool]
    state: Callable[[Any], Any]
    action: str
    api: bool = False
    method: str = "POST"
    files: Callable[[Any], dict[str, Any]] | None = None
    audit_target: bool = True
    users: tuple[str, ...] = field(default_factory=tuple)  # empty = every demo user
