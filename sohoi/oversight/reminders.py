"""Overdue and due-soon recommendations in the ONE reminder path: `directives.services.reminders.reminders_send`
(the `sohoi remind` job) calls `reminders_send` of every app that has a `reminders` module, and this one
selects, in ONE query, the (recommendation, user, key) still to send (an anti-join on notified keys) and writes
them with `core.notify.notify_many`, exactly like assignments. Never twice for the same key."""

from __future__ import annotations

import datetime

from django.db.models import Case, CharField, Exists, F, OuterRef, Value, When
from django.db.models.functions import Cast, Concat, ExtractDay, ExtractMonth, ExtractYear, LPad

from sohoi.core.models import Notification
from sohoi.core.notify import notify_many

from .models import Recommendation

BATCH = 1000


def _text(expr):
    return Cast(expr, CharField())


def due_pairs(on: datetime.date, days: int):
    """(recommendation, user, key, kind, e-mail) of every reminder still to send: unanswered recommendations
    due within `days` days or overdue, joined to the active users of the addressed unit, minus the (user, key)
    pairs notified before. Key: `oversight.remind:<id>:<due YYYYMMDD>:<overdue|due_soon>`."""
    horizon = on + datetime.timedelta(days=days)
    kind = Case(When(due__lt=on, then=Value("overdue")), default=Value("due_soon"), output_field=CharField())
    return (Recommendation.objects.filter(answered_on__isnull=True, due__lte=horizon)
            .annotate(user_id=F("addressee__users__id"), user_active=F("addressee__users__is_active"),
                      user_email=F("addressee__users__email"), kind=kind)
            .annotate(key=Concat(Value("oversight.remind:"), _text("pk"), Value(":"), _text(ExtractYear("due")),
                                 LPad(_text(ExtractMonth("due")), 2, Value("0")),
                                 LPad(_text(ExtractDay("due")), 2, Value("0")), Value(":"), "kind",
                                 output_field=CharField()))
            .filter(user_active=True)
            .exclude(Exists(Notification.objects.filter(user_id=OuterRef("user_id"), key=OuterRef("key"))))
            .order_by("pk", "user_id")
            .values_list("pk", "user_id", "key", "kind", "user_email"))


def _message(rec: Recommendation, on: datetime.date) -> tuple[str, str]:
    # i18n: data (a stored notification, written once in the source language)
    what = "Quá hạn trả lời kiến nghị" if rec.due < on else "Sắp đến hạn trả lời kiến nghị"
    # i18n: data (a stored notification, written once in the source language)
    title = f"{what} (hạn {rec.due:%d/%m/%Y}): {rec.activity.get_kind_display()} – {rec.activity.subject[:120]}"
    # i18n: data (a stored notification, written once in the source language)
    return title, f"Đơn vị: {rec.addressee}. {rec.text[:300]}"


def _send(batch: list[tuple[int, int, str, str, str]], on: datetime.date) -> int:
    if not batch:
        return 0
    recs = Recommendation.objects.select_related("activity", "addressee").in_bulk({p[0] for p in batch})
    notes = []
    for rec_id, user_id, key, kind, email in batch:
        rec = recs[rec_id]
        title, body = _message(rec, on)
        notes.append((Notification(user_id=user_id, kind=f"oversight.{kind}", title=title[:300], body=body,
                                   url=rec.get_absolute_url(), key=key), email or ""))
    return notify_many(notes)


def reminders_send(*, on: datetime.date, days: int) -> int:
    sent = 0
    batch: list[tuple[int, int, str, str, str]] = []
    for pair in due_pairs(on, days).iterator(chunk_size=BATCH):
        batch.append(pair)
        if len(batch) >= BATCH:
            sent += _send(batch, on)
            batch = []
    return sent + _send(batch, on)
