from django import template

register = template.Library()


@register.filter
def pairs(mapping):
    """dict -> (key, value) pairs; `.items` in a template would look up a key named "items" first."""
    return list(mapping.items()) if isinstance(mapping, dict) else []


@register.simple_tag(takes_context=True)
def can(context, name: str, obj=None) -> bool:
    """`{% can "app.action" obj as may %}`: the same predicate the service checks before writing."""
    from sohoi.core.permissions import allowed

    return allowed(context.get("user") or getattr(context.get("request"), "user", None), name, obj)


@register.filter
def action_label(code: str) -> str:
    """An audit action code as its Vietnamese label (core/audit_labels.py)."""
    from sohoi.core.audit_labels import action_label as label

    return label(code)


@register.filter
def dmy(value) -> str:
    """dd/mm/yyyy of a date or an ISO date string (the value of a hand-written date field, core.widgets)."""
    from sohoi.core.widgets import show_day

    return show_day(value)


@register.filter
def subject_line(document) -> str:
    """"Kế hoạch: <subject>", but not "Kế hoạch: Kế hoạch thực hiện…" when the subject already starts with
    the kind of document (issue 16)."""
    from sohoi.core.text import fold

    kind, subject = str(document.get_doc_type_display()), (document.subject or "").strip()
    if not subject:
        return kind
    return subject if fold(subject).startswith(fold(kind)) else f"{kind}: {subject}"
