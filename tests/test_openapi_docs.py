"""Issue 17 (item 5): the OpenAPI document describes every operation in Vietnamese (the summary) and in
English (the description), and every JSON request body of a write carries an example, made of synthetic data
only. The document is built the way /api/v1/openapi.json builds it, so what a client reads is what is checked."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest
from ninja import Schema
from pydantic import ValidationError

from sohoi.api.main import api

WRITES = {"post", "put", "patch", "delete"}
# Proper names that stay Vietnamese inside an English sentence.
NAMES = ("Sổ Hội",)
# A citizen identity number has 12 digits; the synthetic ones this project uses start with 999.
ID_LIKE = re.compile(r"(?<!\d)(?!999)\d{12}(?!\d)")


def looks_english(text: str) -> bool:
    """English here means: words, and no letter carrying a Vietnamese diacritic (outside proper names).
    Vietnamese without diacritics is rare in this code base; Vietnamese with them is the failure we catch."""
    for name in NAMES:
        text = text.replace(name, "")
    if len(re.findall(r"[A-Za-z]{2,}", text)) < 3:
        return False
    for ch in text:
        if ch.isalpha() and not ch.isascii():
            base = unicodedata.normalize("NFD", ch)[0]
            if base.isascii() or ch in "đĐ":
                return False
    return True


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return api.get_openapi_schema(path_prefix="/api/v1/")


def operations(doc: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method in WRITES | {"get", "head", "options"}:
                yield method, path, op


def resolve(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = doc["components"]["schemas"][name]
    return schema


def has_example(doc: dict[str, Any], media: dict[str, Any]) -> bool:
    if media.get("example") is not None or media.get("examples"):
        return True
    schema = media.get("schema", {})
    # An optional body is `anyOf: [{$ref}, {type: null}]`: the example sits on the referenced schema.
    for branch in [schema, *schema.get("anyOf", [])]:
        branch = resolve(doc, branch)
        if branch.get("examples") or branch.get("example") is not None:
            return True
    return False


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def examples(value: Any) -> Iterator[Any]:
    """Every `example`/`examples` value anywhere in the document (operations, parameters, components)."""
    if isinstance(value, dict):
        for key, v in value.items():
            if key in ("example", "examples"):
                yield v
            else:
                yield from examples(v)
    elif isinstance(value, list):
        for v in value:
            yield from examples(v)


def test_the_english_detector_tells_the_languages_apart():
    assert looks_english("List the associations in the caller's scope; 404 outside it.")
    assert looks_english("Export the register of Sổ Hội as a spreadsheet (officers).")
    assert not looks_english("Danh sách hội trong phạm vi của người gọi.")
    assert not looks_english("Đổi mật khẩu")
    assert not looks_english("")


def test_the_id_pattern_spares_synthetic_numbers_only():
    assert not ID_LIKE.search("999000000123")
    assert ID_LIKE.search("CCCD 001203004567")
    assert not ID_LIKE.search("0012030045671")  # 13 digits: not an identity number


def test_the_document_is_checked_on_enough_operations(document):
    assert sum(1 for _ in operations(document)) >= 100


def test_every_operation_has_a_vietnamese_summary_and_an_english_description(document):
    missing_summary = [f"{m.upper()} {p}" for m, p, op in operations(document) if not op.get("summary", "").strip()]
    not_english = [f"{m.upper()} {p}: {op.get('description', '')!r}" for m, p, op in operations(document)
                   if not looks_english(op.get("description", ""))]
    assert not missing_summary, missing_summary
    assert not not_english, "\n".join(not_english)


def test_every_json_request_body_of_a_write_has_an_example(document):
    missing = []
    for method, path, op in operations(document):
        media = op.get("requestBody", {}).get("content", {}).get("application/json")
        if method in WRITES and media is not None and not has_example(document, media):
            missing.append(f"{method.upper()} {path}")
    assert not missing, "\n".join(missing)


def test_no_example_holds_what_looks_like_a_real_identity_number(document):
    found = [s for example in examples(document) for s in strings(example) if ID_LIKE.search(s)]
    assert not found, found


def _schema_classes() -> dict[str, type[Schema]]:
    def walk(cls: type) -> Iterator[type]:
        for sub in cls.__subclasses__():
            yield sub
            yield from walk(sub)
    # Component names are the class names (unique across apps: tests/test_api_schema_names.py).
    return {cls.__name__: cls for cls in walk(Schema) if cls.__module__.startswith("sohoi.")}


def test_every_request_example_is_a_valid_request_body(document):
    """An example a client copies must pass the schema it illustrates (no stale field, no wrong type)."""
    classes = _schema_classes()
    invalid = []
    for method, path, op in operations(document):
        media = op.get("requestBody", {}).get("content", {}).get("application/json")
        if method not in WRITES or media is None:
            continue
        for branch in [media.get("schema", {}), *media.get("schema", {}).get("anyOf", [])]:
            name = branch.get("$ref", "").rsplit("/", 1)[-1]
            for example in resolve(document, branch).get("examples", []) if name else []:
                try:
                    classes[name].model_validate(example)
                except ValidationError as exc:
                    invalid.append(f"{method.upper()} {path} ({name}): {exc}")
    assert not invalid, "\n".join(invalid)
