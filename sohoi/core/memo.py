"""Values remembered for the length of one request (or one command): reference rows that several parts of a
page read, such as the legal rule valid today, which the Standing Committee's home asked for twelve times.

Only within a `scope()` (the middleware opens one per request; long commands may open their own); outside it
`remember()` computes every time, so a worker or a test never sees a value from another request. A service that
writes such rows calls `forget()`, so the rest of the same request reads the new value.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponse

T = TypeVar("T")
_store: ContextVar[dict[Hashable, Any] | None] = ContextVar("sohoi_memo", default=None)


@contextmanager
def scope() -> Iterator[None]:
    token = _store.set({})
    try:
        yield
    finally:
        _store.reset(token)


def remember(key: Hashable, compute: Callable[[], T]) -> T:
    store = _store.get()
    if store is None:
        return compute()
    if key not in store:
        store[key] = compute()
    return store[key]


# Rows whose writes change no remembered answer (the audit trail is written while a page reads, e.g. a
# sensitive-read entry; forgetting on it would recompute the rest of that page).
_IRRELEVANT = {"core.AuditEntry", "sessions.Session", "core.Notification"}


def forget_on_write(sender: type, **_kwargs: Any) -> None:
    """post_save/post_delete receiver (core.apps): any ORM write of another model clears the request's memo, so a
    remembered permission or rule is never read stale after a write in the same request."""
    if sender._meta.label not in _IRRELEVANT:
        forget()


def forget() -> None:
    store = _store.get()
    if store is not None:
        store.clear()


class MemoMiddleware:
    """One memo per request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with scope():
            return self.get_response(request)
