"""Who may do what, declared once.

Two kinds of declaration live in each app's `permissions.py` and nowhere else:

- **scope** (which rows a role sees and changes): `ScopePolicy` objects from `core.scoping`, attached to
  the models as `SCOPE`; `restrict()` / `get_scoped()` apply them to every read;
- **named actions** ("register a document as issued by a unit", "fill a stub", "accept a report"):
  predicates over (user, object) built with django-rules, registered with `declare()`.

Services call `require(actor, "app.action", obj)` before they write; selectors and views call
`allowed()`; templates use `{% can "app.action" obj as may %}` so a button shows exactly when the server
would accept the click. No other module tests a role (tests/test_permission_layer.py scans for it).

django-rules gives composable predicates (`&`, `|`, `~`) with names; we keep our own rule set rather
than Django's `has_perm`, because `has_perm` lets a superuser do everything, and here an administrator
must not, for instance, accept a report he filed himself (docs/decisions.md).
"""

from __future__ import annotations

from typing import Any

import rules
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from sohoi.accounts.choices import READ_ALL_ROLES, SENSITIVE_DATA_ROLES, Role

RULES = rules.RuleSet()
REFUSALS: dict[str, str] = {}
LABELS: dict[str, str] = {}
DEFAULT_REFUSAL = _("Vai trò của bạn không được làm việc này.")


def authenticated(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def has_role(*roles: str) -> rules.Predicate:
    """A predicate true for signed-in users holding any of `roles`."""
    wanted = frozenset(roles)

    def check(user: Any) -> bool:
        return authenticated(user) and bool(user.role_codes & wanted)

    return rules.Predicate(check, name="has_role(" + ",".join(sorted(wanted)) + ")")


@rules.predicate
def is_authenticated(user: Any) -> bool:
    return authenticated(user)


@rules.predicate
def has_unit(user: Any) -> bool:
    return authenticated(user) and user.unit_id is not None


is_admin = has_role(Role.ADMIN)
reads_all = has_role(*READ_ALL_ROLES)
sees_sensitive = has_role(*SENSITIVE_DATA_ROLES)
# Document managers keep a unit's document book: its clerk, and the Party boards that run the cascade of
# documents for the city (the letter's point 6).
manages_documents = has_role(Role.CLERK, Role.MASS_MOBILISATION, Role.PROPAGANDA)


def declare(name: str, predicate: rules.Predicate, *, label: str, refusal: str = DEFAULT_REFUSAL) -> None:
    """Register a named action. `refusal` is the Vietnamese message a refused caller reads."""
    if RULES.rule_exists(name):
        RULES.set_rule(name, predicate)
    else:
        RULES.add_rule(name, predicate)
    LABELS[name] = label
    REFUSALS[name] = refusal


def _known(name: str) -> None:
    if name not in LABELS:
        declared()
    if name not in LABELS:
        raise LookupError(f"Undeclared permission {name!r}: declare it in the app's permissions.py")


def allowed(user: Any, name: str, obj: Any = None) -> bool:
    _known(name)
    return authenticated(user) and bool(RULES.test_rule(name, user, obj))


def require(actor: Any, name: str, obj: Any = None, message: str | None = None) -> None:
    """Raise PermissionDenied (403 with a Vietnamese message) unless `actor` may do `name` on `obj`.
    `actor=None` is the system itself (demo loader, scheduled jobs), which is never refused."""
    if actor is None:
        _known(name)
        return
    if not allowed(actor, name, obj):
        raise PermissionDenied(message or REFUSALS.get(name, DEFAULT_REFUSAL))


def declared() -> dict[str, str]:
    """Every named action with its label (docs, the permission matrix test)."""
    from .contributions import app_modules

    list(app_modules("permissions"))  # importing each app's module declares its actions
    return dict(LABELS)
