"""Who sees and changes the tree of bodies, declared once (design.md convention 12).

The tree (units, their aliases, named groups) and the administrative units are reference data: every
signed-in user reads them, because every page names bodies and places. Only the administrator changes them
(the ScopePolicy default); the app has no page or API that writes them, the demo loader and the services of
other apps do. The territory that a unit covers (`Unit.area` and the administrative units below and after it)
is computed by `core.scoping.territory_ids`, which the territory rules of associations and Party records use.
"""

from __future__ import annotations

from sohoi.core.scoping import ScopePolicy

ADMIN_UNIT_SCOPE = ScopePolicy(unit_field=None, everyone_views=True)
UNIT_SCOPE = ScopePolicy(unit_field="", everyone_views=True)
ALIAS_SCOPE = ScopePolicy(unit_field="unit", everyone_views=True)
GROUP_SCOPE = ScopePolicy(unit_field=None, everyone_views=True)
