"""Every user-visible Vietnamese literal is wrapped for translation (issue 16 part 2, "Vietnamese all the way,
English available").

Walks the Python modules of the `sohoi` package and fails, listing file:line, on a string literal holding a
Vietnamese letter that is neither a docstring nor inside a call to `_`/`gettext`/`gettext_lazy`/`pgettext`/
`ngettext` (the keywords `makemessages` extracts). What is deliberately not translated:

- whole modules of data (ALLOWED_MODULES below, each with its reason);
- OpenAPI documentation and stored text, passed as keyword arguments named in DOC_AND_STORED_KEYWORDS (the
  operation summaries are Vietnamese by convention; an audit note is a record, written once in the source
  language), and the values of "example"/"examples" keys (synthetic sample payloads);
- a statement marked `# i18n: data` on its own line just above it (or at its end): the rest of the statement
  is data, e.g. an import file's column headers, which are the file's format in both languages.

An f-string or a `+` concatenation holding Vietnamese is reported too: a translator needs the whole sentence
with named placeholders (`_("Dòng %(row)s: ...") % {"row": n}`).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "sohoi"

VIETNAMESE = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ]"
)
TRANSLATION_CALLS = {"_", "gettext", "gettext_lazy", "pgettext", "pgettext_lazy", "ngettext", "ngettext_lazy",
                     "gettext_noop"}
DOC_AND_STORED_KEYWORDS = {
    "summary", "description",  # OpenAPI: Vietnamese summary, English description (design conventions)
    "example", "examples", "openapi_examples",  # synthetic sample payloads
    "note",  # audit.record(note=...): a stored record, in the source language
    "name", "code", "action",  # model fields written as data (a device's name, an action code)
}
EXAMPLE_KEYS = {"example", "examples"}

# Directories and modules never swept: they are not user interface text.
EXCLUDED_DIRS = {"tests", "migrations", "docparse", "locale", "templates"}
EXCLUDED_PATHS = {
    "core/generate",  # the benchmark data generator (synthetic rows; the benchmark databases depend on it)
    "reports/documents",  # the official report text, which stays Vietnamese whatever the page's language
}
ALLOWED_MODULES = {
    # Demo and synthetic data: names of people, units, documents.
    "accounts/demo.py", "associations/demo.py", "associations/demo_synthetic.py", "orgs/demo.py",
    "core/demo.py", "activities/demo.py", "oversight/demo.py", "party/demo.py", "directives/demo.py",
    "directives/dissemination/demo.py",
    # Reference data loaded into the database (fields of activity, legal thresholds and their legal basis).
    "associations/reference.py",
    # Public holidays and their legal basis (rows of the working-day calendar).
    "core/data_holidays.py",
    # Text utilities: letters for folding diacritics and sorting the Vietnamese way.
    "core/text.py", "associations/collation.py",
    # Settings: loaded before translations exist (the start-up refusal); the second-factor issuer is a name.
    "config/settings.py",
    # The OpenAPI title and introduction (documentation, Vietnamese like the operation summaries).
    "api/main.py",
}
# Apps swept on another branch (i18n part 2, second helper); the other branch empties this set, and the
# integrator removes it once both are merged.
NOT_YET_SWEPT: set[str] = set()


def _marked(lines: list[str], node: ast.AST) -> bool:
    """A statement carrying `# i18n: data` on its first line or on the comment line just above it."""
    first = node.lineno
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.decorator_list:
        first = node.decorator_list[0].lineno
    return "i18n: data" in lines[first - 1] or (first > 1 and "i18n: data" in lines[first - 2])


def _name(func: ast.AST) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def unwrapped(source: str) -> list[tuple[int, str]]:
    """(line, text) of each Vietnamese literal not wrapped for translation in `source`."""
    tree = ast.parse(source)
    lines = source.splitlines()
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST, skipped: bool) -> None:
        if isinstance(node, ast.stmt) and _marked(lines, node):
            return
        if isinstance(node, ast.Call) and _name(node.func) in TRANSLATION_CALLS:
            return
        if isinstance(node, ast.keyword) and node.arg in DOC_AND_STORED_KEYWORDS:
            return
        if (not skipped and isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in docstrings and VIETNAMESE.search(node.value)):
            found.append((node.lineno, node.value))
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if key is not None:
                    visit(key, True)  # a key is an identifier, not text shown
                if not (isinstance(key, ast.Constant) and key.value in EXAMPLE_KEYS):
                    visit(value, skipped)
            return
        for child in ast.iter_child_nodes(node):
            visit(child, skipped)

    visit(tree, False)
    seen: set[int] = set()
    return [(line, text) for line, text in found if not (line in seen or seen.add(line))]  # once a line


def _modules() -> list[Path]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if EXCLUDED_DIRS & set(rel.parts[:-1]) or rel.parts[0] in NOT_YET_SWEPT:
            continue
        posix = rel.as_posix()
        if posix in ALLOWED_MODULES or any(posix.startswith(p + "/") for p in EXCLUDED_PATHS):
            continue
        out.append(path)
    return out


def test_every_vietnamese_literal_is_wrapped():
    problems = []
    for path in _modules():
        for line, text in unwrapped(path.read_text(encoding="utf-8")):
            problems.append(f"sohoi/{path.relative_to(PACKAGE).as_posix()}:{line}: {text[:80]!r}")
    assert not problems, (
        f"{len(problems)} Vietnamese literal(s) not wrapped for translation; wrap with _()/gettext_lazy, or mark "
        "data with `# i18n: data` and a reason:\n" + "\n".join(problems))


def test_the_checker_sees_what_it_should():
    """The walk itself: it would miss nothing it is meant to see (a checker that cannot fail is a defect)."""
    source = '''
"""Mô-đun: docstring, không báo."""
from django.utils.translation import gettext as _
A = "Chưa dịch"
B = _("Đã dịch")
C = f"Dòng {1}: lỗi"
D = {"khóa": "ok"}
api(summary="Tóm tắt", examples=[{"tên": "Nguyễn Văn A"}])
E = {"examples": [{"name": "Mẫu thử"}]}
# i18n: data
F = ["Dữ liệu"]
G = "Lỗi ở " + str(3)
'''
    lines = [line for line, _text in unwrapped(source)]
    assert lines == [4, 6, 12]


def test_the_exclusions_exist():
    """An allowlisted module that was renamed or removed leaves a stale entry: keep the list honest."""
    for rel in ALLOWED_MODULES:
        assert (PACKAGE / rel).is_file(), rel
    for rel in EXCLUDED_PATHS:
        assert (PACKAGE / rel).is_dir(), rel
