from __future__ import annotations

from typing import Any

from .audit_access import audit_visible
from .contributions import app_modules
from .filters import AuditFilter
from .models import AuditEntry
from .scoping import restrict


def audit_list(*, user: Any, filters: Any) -> AuditFilter:
    """The filter set (its form shows errors; `.qs` is the scoped, filtered list, without the rows of secret
    objects the user is not a reader of, nor sensitive reads unless they may see those)."""
    qs = audit_visible(restrict(AuditEntry.objects.select_related("actor", "actor_unit", "target_type"), user), user)
    return AuditFilter(filters, queryset=qs)


def audit_entry_get(*, user: Any, pk: int) -> AuditEntry:
    """One row, 404 when outside the user's scope or hidden from them (a 404 does not confirm it exists)."""
    from django.shortcuts import get_object_or_404

    qs = restrict(AuditEntry.objects.select_related("actor", "actor_unit", "target_type"), user)
    return get_object_or_404(audit_visible(qs, user), pk=pk)


# Apps contribute "open work" panels to the home page by defining `home_panels(user) -> list[dict]`
# in their selectors module; the home page asks each installed Sổ Hội app in turn.
def home_summary(*, user: Any) -> dict[str, Any]:
    panels: list[dict[str, Any]] = []
    for _config, module in app_modules("selectors", exclude=("core",)):
        if hasattr(module, "home_panels"):
            panels.extend(module.home_panels(user))
    # A panel may ask to come first ("order": 0, e.g. the Standing Committee's six points); otherwise app order.
    # An "optional" panel with nothing to count is left out ("0 open tasks of your unit" is not an obligation).
    panels = [p for p in panels if not (p.get("optional") and not p.get("count"))]
    panels.sort(key=lambda p: p.get("order", 100))
    return {"panels": panels}
