"""The one reminder path: in-app notification plus e-mail, at most once per (user, key).

`notify()` tells a few users about one thing (an urge, a confirmation). `notify_many()` is the bulk path of
scheduled reminders: the caller has already left out, in SQL, the (user, key) pairs notified before; it writes
a batch in one INSERT and sends its e-mails in one connection once the batch is committed."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection, send_mail
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


def notify_many(notes: list[tuple[Notification, str]]) -> int:
    """Write a batch of new notifications [(unsaved Notification, e-mail address or "")] in one INSERT, in its
    own transaction, and send their e-mails in one connection after it commits. The pairs must be new (the
    caller's anti-join); if a concurrent run wrote one of them first, the batch falls back to `notify()`,
    which skips it. Returns how many notifications were created."""
    if not notes:
        return 0
    try:
        with transaction.atomic():
            created = Notification.objects.bulk_create([n for n, _e in notes])
            transaction.on_commit(lambda: _send_batch(list(zip(created, (e for _n, e in notes), strict=True))))
        return len(created)
    except IntegrityError:
        sent = 0
        for note, _email in notes:
            sent += len(notify(users=[note.user], kind=note.kind, title=note.title, body=note.body, url=note.url,
                               key=note.key))
        return sent


def _send_batch(notes: list[tuple[Notification, str]]) -> None:
    messages = [(n, EmailMessage(n.title[:200], f"{n.body}\n\n{n.url}".strip(), settings.DEFAULT_FROM_EMAIL, [e]))
                for n, e in notes if e]
    if not messages:
        return
    try:
        with get_connection() as mail:
            mail.send_messages([m for _n, m in messages])
        Notification.objects.filter(pk__in=[n.pk for n, _m in messages]).update(emailed=True)
    except Exception:  # e-mail is best effort; the in-app notices stand
        log.warning("E-mail batch of %s reminders failed", len(messages), exc_info=True)
