"""`{% book_actions document %}`: on a document's page, the reader's unit's book entries of it and the buttons
to enter it in the unit's incoming or outgoing book (shown exactly when the server would accept the click)."""

from __future__ import annotations

from typing import Any

from django import template

from sohoi.core.permissions import allowed

register = template.Library()


@register.inclusion_tag("reports/_book_actions.html", takes_context=True)
def book_actions(context: dict[str, Any], document: Any) -> dict[str, Any]:
    from sohoi.reports.books.selectors import entries_of_document

    user = context["request"].user
    entries = entries_of_document(user=user, document=document)
    held = {e.book for e in entries}
    return {"document": document, "entries": entries, "csrf_token": context.get("csrf_token"),
            "may_incoming": "incoming" not in held and not document.is_stub
            and allowed(user, "reports.book_incoming", document),
            "may_outgoing": "outgoing" not in held and not document.is_stub
            and allowed(user, "reports.book_outgoing", document),
            "may_plan": document.confirmed_at is not None and allowed(user, "reports.draft_plan", document)}
