"""The write matrix: every write a page or the API offers (each app's `tests/operations.py`), sent with a
VALID payload as every demo user against targets inside and outside scope, judged by the operation's
own hand-written oracle (see tests/permission_matrix.py). A refusal must leave the target unchanged and
write no audit row; an allowed call must change it and write audit rows with the operation's action
code and target. A write route that no operation covers fails the suite."""

from __future__ import annotations

import inspect
import json
import re

import pytest
from django.db import transaction

from sohoi.api.main import api
from sohoi.core.contributions import app_modules
from sohoi.core.models import AuditEntry

from .access import walk
from .permission_matrix import Operation

REFUSED = (403, 404)
# Writes that are not business operations: signing in and out, the language, the caller's own second
# factor (administrators only, tested in accounts/tests), and the caller's own notifications.
EXEMPT = {
    "accounts:login": "signing in is the authentication itself (tests/test_security.py, axes tests)",
    "accounts:logout": "signing out changes nothing but the caller's session",
    "set_language": "the caller's own language preference, kept in a cookie",
    "accounts:otp_setup": "the caller's own second factor (accounts/tests/test_second_factor.py)",
    "accounts:otp_verify": "the caller's own second factor (accounts/tests/test_second_factor.py)",
    "accounts:otp_disable": "the caller's own second factor (accounts/tests/test_second_factor.py)",
    "core:notifications": "the caller's own notifications marked read, scoped to the caller (core/tests)",
    "accounts:password_change": "the caller's own password (Django's view, with the old password)",
    "POST /api/v1/notifications/{notification_id}/read": "the caller's own notification "
                                                          "(core/tests/test_api_notifications_holidays.py)",
    "POST /api/v1/notifications/read-all": "the caller's own notifications, as core:notifications",
    "POST /api/v1/users/me/tokens": "a token of one's own, which every signed-in user may create (nobody is refused, "
                                    "so the matrix proves nothing; accounts/tests/test_api_tokens_api.py)",
}


def operations() -> list[Operation]:
    ops: list[Operation] = []
    for _config, module in app_modules("tests.operations"):
        ops.extend(getattr(module, "OPERATIONS", []))
    return ops


def _page_writes() -> set[str]:
    """URL names whose view handles a POST (its source reads request.POST, checks the method, or is
    decorated with require_POST)."""
    names = set()
    for route in walk():
        if route.pattern.startswith(("api/v1/", "static/", "media/")):
            continue
        view = getattr(route.callback, "view_class", None) or route.callback
        view = inspect.unwrap(view)
        try:
            source = inspect.getsource(view)
        except (OSError, TypeError):
            continue
        if re.search(r"request\.POST|request\.method|require_POST|def post\(", source) or getattr(
                route.callback, "__wrapped__", None) and "require_POST" in repr(route.callback):
            names.add(route.name)
    return names


def _api_writes() -> set[str]:
    found = set()
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            full = re.sub(r"/+", "/", f"/api/v1/{prefix}/{path}")
            full = re.sub(r"{\w+:(\w+)}", r"{\1}", full).rstrip("/") or full
            for op in path_view.operations:
                for method in op.methods:
                    if method != "GET":
                        found.add(f"{method} {full}")
    return found


def test_every_write_route_is_in_the_matrix():
    covered = {op.route for op in operations()}
    missing = sorted((_page_writes() | _api_writes()) - covered - set(EXEMPT))
    assert not missing, "Add an Operation (app/tests/operations.py) for: " + ", ".join(missing)


def test_operation_names_are_unique():
    names = [op.name for op in operations()]
    assert len(names) == len(set(names))


def _send(client, op: Operation, target):
    url = op.url(target)
    payload = op.payload(target)
    if op.api:
        return client.generic(op.method, url, data=json.dumps(payload, default=str), content_type="application/json")
    data = dict(payload)
    if op.files is not None:
        data.update(op.files(target))
    return client.post(url, data)


def _fresh(target):
    if target is None or not hasattr(target, "_meta"):
        return target
    return type(target)._default_manager.get(pk=target.pk)


def _target_rows(rows, target):
    if target is None or not hasattr(target, "_meta"):
        return rows
    return rows.filter(target_id=str(target.pk))


@pytest.mark.django_db
@pytest.mark.parametrize("op", operations(), ids=lambda op: op.name)
def test_operation_for_every_user_inside_and_outside_scope(op: Operation, client, users):
    outcomes = {True: 0, False: 0}
    for target in op.targets():
        for username, user in users.items():
            if op.users and username not in op.users:
                continue
            expected = op.allowed(username, user, target)
            with transaction.atomic():
                current = _fresh(target)
                before = op.state(current)
                last = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
                client.force_login(user)
                response = _send(client, op, current)
                after = op.state(_fresh(target))
                rows = AuditEntry.objects.filter(pk__gt=last)
                where = f"{op.name} as {username} on {target!r}: HTTP {response.status_code}"
                if expected:
                    assert response.status_code < 400, where + " (expected to be allowed)"
                    assert after != before, where + " (allowed, but nothing changed)"
                    mine = _target_rows(rows.filter(action__startswith=op.action), target if op.audit_target else None)
                    assert mine.filter(actor=user).exists(), where + f" (no audit row {op.action}… with its target)"
                else:
                    assert response.status_code in REFUSED or response.status_code in (200, 400), where
                    assert after == before, where + " (refused, but the data changed)"
                    assert not rows.exists(), where + " (refused, but an audit row was written: " + ", ".join(
                        rows.values_list("action", flat=True)) + ")"
                outcomes[expected] += 1
                transaction.set_rollback(True)
            client.logout()
    # Every operation is tried both ways: a matrix where nobody (or everybody) may act proves nothing.
    assert outcomes[True] > 0 and outcomes[False] > 0, (op.name, outcomes)
