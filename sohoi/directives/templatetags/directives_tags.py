from __future__ import annotations

from django import template
from django.utils.html import format_html

from sohoi.core.deadlines import CSS_CLASS, TrackState

register = template.Library()


@register.simple_tag
def state_pill(state: str) -> str:
    try:
        s = TrackState(state)
    except ValueError:
        return ""
    return format_html('<span class="pill {}">{}</span>', CSS_CLASS.get(s, ""), s.label)


@register.filter
def state_label(state: str) -> str:
    try:
        return str(TrackState(state).label)
    except ValueError:
        return ""
