"""Charts drawn on the server as SVG geometry (docs/decisions.md): the template writes <rect>, <line>,
<polyline> and <text> from these numbers, so a chart needs no script, no style attribute and nothing from
another host, and works under the strict CSP (core/middleware.py); it prints as it shows.

Every coordinate is formatted by `num()`, never by the template's localisation: with Vietnamese active,
Django writes 12.5 as "12,5", which SVG reads as two numbers (the Party rating chart drew its year labels
wrongly for that reason)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def num(value: float) -> str:
    """A coordinate for SVG: a dot as decimal separator whatever the language, at most two decimals."""
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def hbars(rows: Sequence[dict[str, Any]], *, width: int = 560, bar: int = 16, gap: int = 6,
          label_w: int = 190, label_chars: int = 34) -> dict[str, Any]:
    """Horizontal bars, one per row {"label", "value", "url"?}: the longest bar fills the width."""
    peak = max([r["value"] or 0 for r in rows] or [0]) or 1
    room = width - label_w - 50
    out = []
    for i, r in enumerate(rows):
        y = i * (bar + gap)
        w = (r["value"] or 0) / peak * room
        label = str(r["label"])
        short = label if len(label) <= label_chars else label[:label_chars - 1] + "…"
        out.append({"label": short, "title": label, "value": r["value"], "url": r.get("url"), "x": num(label_w), "y": num(y), "w": num(w), "h": num(bar),
                    "text_y": num(y + bar * 0.75), "value_x": num(label_w + w + 4), "label_x": num(label_w - 6)})
    return {"bars": out, "width": num(width), "height": num(max(len(rows), 1) * (bar + gap))}


def line(points: Sequence[tuple[str, float]], *, width: int = 560, height: int = 160) -> dict[str, Any]:
    """A trend line over (label, value) points, e.g. years."""
    left, top, bottom = 36, 10, 24
    peak = max([v for _k, v in points] or [0]) or 1
    step = (width - left - 10) / max(len(points) - 1, 1)
    plot = height - top - bottom
    dots = []
    for i, (label, value) in enumerate(points):
        x, y = left + i * step, top + plot - value / peak * plot
        dots.append({"label": label, "value": value, "x": num(x), "y": num(y), "label_y": num(height - 6)})
    ticks = [{"y": num(top + plot - v / peak * plot), "v": v} for v in sorted({0, round(peak / 2), peak})]
    return {"dots": dots, "polyline": " ".join(f"{d['x']},{d['y']}" for d in dots), "width": num(width),
            "height": num(height), "left": num(left), "right": num(width - 10), "ticks": ticks, "tick_x": num(left - 4)}


def progress(done: int, total: int, *, width: int = 200, height: int = 12) -> dict[str, Any]:
    """A progress bar: the share done of total."""
    share = done / total if total else 0
    return {"width": num(width), "height": num(height), "done_w": num(share * width), "percent": round(share * 100),
            "done": done, "total": total}
