"""The permission layer is the only place that knows roles: no view, API handler, selector, service,
form or template tests a role itself; each asks a named action of an app's `permissions.py`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sohoi.core.permissions import LABELS, REFUSALS, declared

ROOT = Path(__file__).resolve().parent.parent / "sohoi"
ROLE_TEST = re.compile(r"role_codes|has_role\(|\bRole\.[A-Z]|_ROLES\b|reads_everything|is_superuser|\"admin\" in")
# Where roles may be named: the layer itself, and the accounts app that stores and edits role grants.
LAYER = {"core/permissions.py", "core/scoping.py", "core/audit_access.py", "accounts/models.py",
         "accounts/choices.py", "accounts/services.py", "accounts/forms.py", "accounts/filters.py",
         "accounts/api.py"}


def _sources():
    for path in sorted(ROOT.rglob("*")):
        rel = path.relative_to(ROOT).as_posix()
        if path.suffix not in (".py", ".html") or "/migrations/" in rel or "/tests/" in rel:
            continue
        if path.name == "permissions.py" or rel in LAYER or path.name.startswith("demo"):
            continue
        yield rel, path


def test_no_module_outside_the_layer_tests_a_role():
    offenders = [f"{rel}:{n}: {line.strip()}" for rel, path in _sources()
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if ROLE_TEST.search(line)]
    assert not offenders, "Ask the permission layer instead of testing roles:\n" + "\n".join(offenders)


def test_the_scan_catches_a_role_test():
    assert ROLE_TEST.search('if request.user.has_role(Role.ADMIN):')
    assert ROLE_TEST.search('{% if "admin" in user.role_codes %}')
    assert not ROLE_TEST.search('require(request.user, "directives.urge")')


def test_every_named_action_has_a_label_and_a_vietnamese_refusal():
    names = declared()
    assert len(names) >= 15
    for name in names:
        assert re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", name), name
        assert LABELS[name] and REFUSALS[name]


@pytest.mark.django_db
def test_an_undeclared_action_is_an_error_not_a_silent_yes(users):
    from sohoi.core.permissions import allowed

    with pytest.raises(LookupError):
        allowed(users["quantri"], "directives.does_not_exist")
