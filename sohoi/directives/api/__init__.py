"""REST API of the register and tracking (`/api/v1/directives/...`): the same selectors (scope, secrecy, state
rule) and the same services (validation, audit, notifications) as the web pages, so a page cannot do
anything the API cannot (the mapping page -> operation is `directives/parity.py`).

documents.py: register (file or text), the proposed tasks (read, edit, confirm), header and secrecy edits,
the tracking figures; tracking.py: tasks, assignments, progress reports and their review, the urge;
dissemination.py: dissemination sessions and their coverage; rules.py: the default task deadlines."""

from ninja import Router

prefix = "/directives/"
router = Router()

from . import dissemination, documents, rules, tracking  # noqa: E402,F401  (each adds its operations to `router`)

__all__ = ["prefix", "router"]
