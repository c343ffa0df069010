"""The client's address behind the documented reverse proxy (docs/deploy.md: nginx), for the login lockout.

Behind nginx every request comes from nginx's own address, so a lockout keyed on REMOTE_ADDR would lump all
clients together; trusting X-Forwarded-For without a proxy lets any client forge a fresh address per try and
never be locked. So the header is read only when `TRUSTED_PROXY_COUNT` (environment) says how many proxies
of ours stand in front of the app: each appends the address it received from, so the client is the entry
that many places from the right; anything a client wrote itself lies further left and is ignored. Written
here rather than adding django-ipware: ten lines, and the rule is the one nginx's configuration documents.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    count = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if count <= 0:
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    if len(hops) < count:
        return remote  # not through our proxies (e.g. a health check on the app port)
    candidate = hops[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
