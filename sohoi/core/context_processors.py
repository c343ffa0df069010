from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .navigation import MAIN_MENU


def shell(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    menu = []
    path = request.path
    for item in MAIN_MENU:
        url = item.url()
        menu.append({"label": item.label, "url": url, "active": bool(url and path.startswith(url))})
    unread = 0
    if user is not None and user.is_authenticated:
        unread = user.notifications.filter(read_at__isnull=True).count()
    return {"main_menu": menu, "unread_notifications": unread}
