"""Interpolation that waits for the reader's language.

`gettext_lazy("... %(n)s ...") % values` evaluates at once: at import time, in the source language, for every
reader. A label defined at module level with a placeholder (an indicator's "10 units with the most") goes
through `interpolate_lazy` instead, and is translated and filled in when a page prints it.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import lazy


def _interpolate(text: Any, values: dict[str, Any]) -> str:
    return str(text) % values


interpolate_lazy = lazy(_interpolate, str)
