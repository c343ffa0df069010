from django import template

register = template.Library()


@register.filter
def pairs(mapping):
    """dict -> (key, value) pairs; `.items` in a template would look up a key named "items" first."""
    return list(mapping.items()) if isinstance(mapping, dict) else []
