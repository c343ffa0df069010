"""Template filters of the activities pages."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def pct(value: float | None) -> str:
    """A fraction shown as a Vietnamese percentage (0.255 -> "25,5 %"); "—" when it cannot be computed."""
    if value is None:
        return "—"
    return f"{value * 100:.1f} %".replace(".", ",")


@register.filter
def vnd(value: int | None) -> str:
    if value is None:
        return "—"
    return f"{int(value):,}".replace(",", ".")


@register.filter
def field(row: dict, name: str):
    return row.get(name) if isinstance(row, dict) else getattr(row, name, None)


@register.simple_tag(takes_context=True)
def document_reviews(context, document) -> dict:
    """The reviews of a document the reader may see (a page's worth) and their count: for the small include in
    the directives document page."""
    from ..selectors import reviews_of

    rows, count = reviews_of(user=context["request"].user, document=document, limit=10)
    return {"rows": rows, "count": count}
