"""The one reminder path: in-app notification plus e-mail, at most once per (user, key)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from .models import Notification

log = logging.getLogger(__name__)


def notify(*, users: Iterable[Any], kind: str, title: str, body: str = "", url: str = "", key: str = "",
           email: bool = True) -> list[Notification]:
    """Create one notification per user; with a `key`, a user already notified under that key is skipped
    (so a reminder job can run every day and never repeat itself for the same period)."""
    created: list[Notification] = []
    for user in users:
        if key and Notification.objects.filter(user=user, key=key).exists():
            continue
        try:
            with transaction.atomic():
                note = Notification.objects.create(user=user, kind=kind, title=title[:300], body=body, url=url, key=key)
        except IntegrityError:  # a concurrent run created it first
            continue
        if email and user.email:
            try:
                send_mail(title[:200], f"{body}\n\n{url}".strip(), settings.DEFAULT_FROM_EMAIL, [user.email])
                Notification.objects.filter(pk=note.pk).update(emailed=True)
                note.emailed = True
            except Exception:  # e-mail is best effort; the in-app notice stands
                log.warning("E-mail to %s failed", user.email, exc_info=True)
        created.append(note)
    return created
