"""Helpers for the access matrix: every URL, every role, objects inside and outside scope."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass
class Route:
    name: str
    pattern: str
    callback: Any
    params: list[str]

    @property
    def model(self):
        view_class = getattr(self.callback, "view_class", None)
        return getattr(self.callback, "scoped_model", None) or getattr(view_class, "model", None)

    @property
    def public(self) -> bool:
        view_class = getattr(self.callback, "view_class", None)
        return getattr(self.callback, "login_required", True) is False or (
            view_class is not None and getattr(view_class.dispatch, "login_required", True) is False)


def walk(patterns=None, prefix: str = "", namespace: str = "") -> Iterator[Route]:
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            full = prefix + str(p.pattern)
            params = re.findall(r"<(?:\w+:)?(\w+)>", full) + re.findall(r"\(\?P<(\w+)>", full)
            yield Route(f"{namespace}{p.name}" if p.name else full, full, p.callback, params)


def fill(pattern: str, value: Any) -> str:
    path = re.sub(r"<(?:\w+:)?\w+>", str(value), pattern)
    path = re.sub(r"\(\?P<\w+>[^)]*\)", str(value), path)
    return "/" + path.lstrip("^").rstrip("$").replace("\\", "")
