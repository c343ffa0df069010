"""Score the parser on the real-world corpus: ``python -m sohoi.docparse.score``.

Each document of ``tests/corpus/`` is a text as it was published (portal
furniture, OCR damage and all) beside a hand annotation ``<id>.json`` in the
record's schema. Only the keys an annotation holds are scored, so a field
nobody could verify from the text is left out rather than guessed.

Fields and how they are compared:

* system, doc_type, date: exactly.
* issuer, place, subject: case, spaces and the old tone placement ("uỷ",
  "hoà") do not count; a text pasted from a PDF glues or splits words.
* code: also ignoring hyphens, which OCR drops ("1961/QĐUBND").
* references: the set of cited codes; ref_dates: the date of each cited code.
* tasks: the set of task numbers (sub-tasks as "1.a"); task_leads: the
  (number, lead) pairs; task_deadlines: the (number, deadline) pairs.

For each field: a value found and right is a true positive, a value found
where none (or another) was expected a false positive, a value expected and
not found (or wrong) a false negative. Precision and recall follow.
"""

from __future__ import annotations

import json
import sys
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ParseError
from .record import parse_text

CORPUS = Path(__file__).resolve().parent / "tests" / "corpus"
BASELINE = CORPUS / "baseline.json"
SCALARS = ("system", "issuer", "code", "doc_type", "place", "date", "subject")
FIELDS = (*SCALARS, "references", "ref_dates", "tasks", "task_leads", "task_deadlines")
_OLD_TONES = {
    "uỷ": "ủy", "uý": "úy", "uỳ": "ùy", "uỹ": "ũy", "uỵ": "ụy",
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
}
_TRIM = " .,;:/"


def _text_key(value: str) -> str:
    text = unicodedata.normalize("NFC", value).casefold()
    for old, new in _OLD_TONES.items():
        text = text.replace(old, new)
    return "".join(c for c in text if not c.isspace() and c not in ",;").strip(_TRIM)


def _code_key(value: str) -> str:
    return _text_key(value).replace("-", "").replace("–", "")


def _key(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name == "code":
        return _code_key(value)
    if name in ("issuer", "place", "subject"):
        return _text_key(value)
    return value


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class DocScore:
    doc_id: str
    tallies: dict[str, Tally] = field(default_factory=dict)
    diffs: list[str] = field(default_factory=list)

    def tally(self, name: str) -> Tally:
        return self.tallies.setdefault(name, Tally())


def _flat_tasks(tasks: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for task in tasks:
        out.append(task)
        out.extend(_flat_tasks(task.get("subtasks") or []))
    return out


def _score_scalar(score: DocScore, name: str, expected: Any, got: Any) -> None:
    want, have = _key(name, expected), _key(name, got)
    tally = score.tally(name)
    if want is None:
        if have is not None:
            tally.fp += 1
            score.diffs.append(f"{name}: không mong đợi, đọc được {got!r}")
        return
    if have == want:
        tally.tp += 1
        return
    tally.fn += 1
    if have is not None:
        tally.fp += 1
    score.diffs.append(f"{name}: cần {expected!r}, đọc được {got!r}")


def _score_set(score: DocScore, name: str, want: set, have: set, show=repr) -> None:
    tally = score.tally(name)
    tally.tp += len(want & have)
    tally.fp += len(have - want)
    tally.fn += len(want - have)
    for item in sorted(want - have, key=str):
        score.diffs.append(f"{name}: thiếu {show(item)}")
    for item in sorted(have - want, key=str):
        score.diffs.append(f"{name}: thừa {show(item)}")


def score_document(doc_id: str, record: dict[str, Any], gold: dict[str, Any]) -> DocScore:
    """Compare one parsed record with its annotation."""
    score = DocScore(doc_id)
    for name in SCALARS:
        if name in gold:
            _score_scalar(score, name, gold[name], record.get(name))
    if "references" in gold:
        want_refs = {_code_key(r["code"]): r for r in gold["references"]}
        have_refs = {_code_key(r["code"]): r for r in record.get("references") or []}
        _score_set(score, "references", set(want_refs), set(have_refs))
        dates = score.tally("ref_dates")
        for key, ref in want_refs.items():
            got = (have_refs.get(key) or {}).get("date")
            if ref.get("date") is None:
                continue
            if got == ref["date"]:
                dates.tp += 1
                continue
            dates.fn += 1
            if got is not None:
                dates.fp += 1
            score.diffs.append(f"ref_dates: {ref['code']} cần {ref['date']}, đọc được {got}")
    if "tasks" in gold:
        want_tasks = _flat_tasks(gold["tasks"])
        have_tasks = _flat_tasks(record.get("tasks") or [])
        _score_set(score, "tasks", {t["no"] for t in want_tasks}, {t["no"] for t in have_tasks})
        leads_want = {(t["no"], _text_key(n)) for t in want_tasks for n in t.get("leads", [])}
        names = {(t["no"], _text_key(n)): n for t in want_tasks + have_tasks for n in t.get("leads", [])}
        annotated = {t["no"] for t in want_tasks if "leads" in t}
        leads_have = {
            (t["no"], _text_key(n)) for t in have_tasks for n in t.get("leads") or []
            if t["no"] in annotated or t["no"] not in {w["no"] for w in want_tasks}
        }
        _score_set(score, "task_leads", leads_want, leads_have, lambda k: f"{k[0]}: {names[k]}")
        deadline_want = {(t["no"], t["deadline"]) for t in want_tasks if t.get("deadline")}
        deadline_have = {(t["no"], t["deadline"]) for t in have_tasks if t.get("deadline")}
        _score_set(score, "task_deadlines", deadline_want, deadline_have)
    return score


def load_corpus(folder: Path = CORPUS) -> list[tuple[str, str, dict[str, Any]]]:
    """(id, text, annotation) for every annotated text of the corpus."""
    docs = []
    for gold_path in sorted(folder.glob("*.json")):
        text_path = gold_path.with_suffix(".txt")
        if not text_path.exists():
            continue  # baseline.json and the like
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        docs.append((gold_path.stem, text_path.read_text(encoding="utf-8"), gold))
    return docs


@dataclass
class Report:
    docs: list[DocScore]
    totals: dict[str, Tally]
    seconds: float

    def as_dict(self) -> dict[str, dict[str, float]]:
        return {
            name: {"precision": round(t.precision, 4), "recall": round(t.recall, 4)}
            for name, t in self.totals.items()
        }

    @property
    def overall(self) -> Tally:
        total = Tally()
        for tally in self.totals.values():
            total.add(tally)
        return total


def run(docs: list[tuple[str, str, dict[str, Any]]]) -> Report:
    scores: list[DocScore] = []
    spent = 0.0
    for doc_id, text, gold in docs:
        started = time.perf_counter()
        try:
            record = parse_text(text)
        except ParseError as err:
            record = {"warnings": [str(err)]}
        spent += time.perf_counter() - started
        scores.append(score_document(doc_id, record, gold))
    totals = {name: Tally() for name in FIELDS}
    for score in scores:
        for name, tally in score.tallies.items():
            totals[name].add(tally)
    return Report(scores, {n: t for n, t in totals.items() if t.tp + t.fp + t.fn}, spent)


def render(report: Report, diffs: bool = True) -> str:
    lines = [f"{'trường':<16}{'đúng':>6}{'thừa':>6}{'thiếu':>6}{'precision':>11}{'recall':>9}"]
    for name, t in report.totals.items():
        lines.append(f"{name:<16}{t.tp:>6}{t.fp:>6}{t.fn:>6}{t.precision:>11.1%}{t.recall:>9.1%}")
    o = report.overall
    right = o.tp / (o.tp + o.fp + o.fn) if o.tp + o.fp + o.fn else 1.0
    lines.append(f"{'tổng':<16}{o.tp:>6}{o.fp:>6}{o.fn:>6}{o.precision:>11.1%}{o.recall:>9.1%}")
    rate = len(report.docs) / report.seconds if report.seconds else 0.0
    lines.append(
        f"{len(report.docs)} văn bản; trường đúng {right:.1%}; "
        f"tốc độ đọc {rate:,.0f} văn bản/giây"
    )
    if diffs:
        for score in report.docs:
            if score.diffs:
                lines.append(f"\n== {score.doc_id}")
                lines.extend(f"  {d}" for d in score.diffs)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    report = run(load_corpus())
    if "--write-baseline" in args:
        BASELINE.write_text(json.dumps(report.as_dict(), indent=2) + "\n", encoding="utf-8")
    if "--json" in args:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(render(report, diffs="--quiet" not in args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
