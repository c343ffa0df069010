"""The review screen's structural edits on the list of proposed tasks: add, delete, split, merge, move up
or down. Pure functions on the list of task dicts (the shape `services.proposals` keeps on the document);
the view applies one, then saves the whole list through `document_review_save`, so the API and the page
keep one saving service. Text moves between tasks by editing both boxes, or by splitting at a line."""

from __future__ import annotations

import copy
import re
from typing import Any

SPLIT_MARK = re.compile(r"\n\s*(?://|---)?\s*\n|\n")


def _unique_no(wanted: str, tasks: list[dict[str, Any]]) -> str:
    taken = {str(t.get("no")) for t in tasks}
    if wanted not in taken:
        return wanted
    k = 2
    while f"{wanted}.{k}" in taken:
        k += 1
    return f"{wanted}.{k}"


def blank_task(tasks: list[dict[str, Any]]) -> dict[str, Any]:
    return {"no": _unique_no(str(len(tasks) + 1), tasks), "text": "", "include": True, "deadline": "",
            "recurrence": "", "leads": [], "coordinators": [], "deadline_default": False, "deadline_rule": "",
            "parent": ""}


def split_text(text: str) -> tuple[str, str]:
    """Where the clerk put a line break (or a line with // or ---), else between the sentences nearest
    the middle; nothing to split leaves the second part empty for the clerk to fill."""
    text = (text or "").strip()
    match = SPLIT_MARK.search(text)
    if match:
        return text[:match.start()].strip(), text[match.end():].strip()
    cuts = [m.end() for m in re.finditer(r"[.;:]\s+", text)]
    if cuts:
        cut = min(cuts, key=lambda c: abs(c - len(text) / 2))
        return text[:cut].strip(), text[cut:].strip()
    return text, ""


def _union(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen = {(e.get("name"), e.get("choice")) for e in a}
    return [*a, *(e for e in b if (e.get("name"), e.get("choice")) not in seen)]


def apply(tasks: list[dict[str, Any]], op: str, index: int) -> list[dict[str, Any]]:
    """A new list with one edit applied. `index` is the task the button belongs to."""
    tasks = copy.deepcopy(tasks)
    if op == "add":
        tasks.insert(index + 1 if 0 <= index < len(tasks) else len(tasks), blank_task(tasks))
        return tasks
    if not 0 <= index < len(tasks):
        return tasks
    if op == "delete":
        del tasks[index]
    elif op == "split":
        first, second = split_text(tasks[index].get("text", ""))
        tasks[index]["text"] = first
        twin = {**copy.deepcopy(tasks[index]), "text": second}
        twin["no"] = _unique_no(f"{tasks[index]['no']}", tasks)
        tasks.insert(index + 1, twin)
    elif op == "merge" and index + 1 < len(tasks):
        keep, gone = tasks[index], tasks.pop(index + 1)
        keep["text"] = " ".join(p for p in (keep.get("text", "").strip(), gone.get("text", "").strip()) if p)
        keep["leads"] = _union(keep.get("leads") or [], gone.get("leads") or [])
        keep["coordinators"] = _union(keep.get("coordinators") or [], gone.get("coordinators") or [])
        if not keep.get("deadline") or (keep.get("deadline_default") and gone.get("deadline")
                                         and not gone.get("deadline_default")):
            for key in ("deadline", "deadline_default", "deadline_rule"):
                keep[key] = gone.get(key)
        keep["recurrence"] = keep.get("recurrence") or gone.get("recurrence") or ""
        keep["include"] = bool(keep.get("include") or gone.get("include"))
    elif op == "up" and index > 0:
        tasks[index - 1], tasks[index] = tasks[index], tasks[index - 1]
    elif op == "down" and index + 1 < len(tasks):
        tasks[index + 1], tasks[index] = tasks[index], tasks[index + 1]
    return tasks


def parse_action(action: str) -> tuple[str, int]:
    """"split-3" -> ("split", 3); "add" -> ("add", -1); anything else -> (action, -1)."""
    name, _, rest = (action or "").partition("-")
    return name, int(rest) if rest.isdigit() else -1
