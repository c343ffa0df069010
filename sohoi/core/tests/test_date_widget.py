"""The one date widget (issue 16 item 3): dd/mm/yyyy in and out, in both languages, on every form."""

import datetime
import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from django import forms
from django.utils import translation

import sohoi
from sohoi.core.widgets import DateWidget

SOHOI = Path(sohoi.__file__).resolve().parent


class _Sample(forms.Form):
    on = forms.DateField(label="Ngày")


def _all_form_classes() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages([str(SOHOI)], "sohoi."):
        if module.name.endswith((".forms", ".filters")) or ".forms." in module.name:
            importlib.import_module(module.name)
    found, todo = [], [forms.BaseForm]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("sohoi.") and ".tests" not in cls.__module__:
            found.append(cls)
    return found


@pytest.mark.parametrize("language", ["vi", "en"])
def test_dd_mm_yyyy_is_read_and_shown_in_both_languages(language):
    with translation.override(language):
        form = _Sample({"on": "05/03/2026"})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["on"] == datetime.date(2026, 3, 5)  # 5 March, never 3 May
        html = str(_Sample(initial={"on": datetime.date(2026, 3, 5)})["on"])
    assert 'value="05/03/2026"' in html and 'type="text"' in html and "data-date" in html
    assert 'type="date"' not in html


def test_iso_dates_from_links_and_old_bookmarks_still_parse():
    with translation.override("vi"):
        form = _Sample({"on": "2026-03-05"})
        assert form.is_valid() and form.cleaned_data["on"] == datetime.date(2026, 3, 5)


def test_a_wrong_date_gets_the_fields_message_and_nothing_else():
    with translation.override("vi"):
        form = _Sample({"on": "31/02/2026"})
        assert not form.is_valid() and "on" in form.errors


def test_every_date_field_of_every_form_in_the_project_uses_the_one_widget():
    checked = 0
    for cls in _all_form_classes():
        for name, field in getattr(cls, "base_fields", {}).items():
            if isinstance(field, forms.DateField):
                checked += 1
                assert isinstance(field.widget, DateWidget), f"{cls.__module__}.{cls.__name__}.{name}"
    assert checked > 20  # the forms were really found


def test_a_plain_date_field_written_anywhere_gets_it_without_asking():
    assert isinstance(forms.DateField().widget, DateWidget)


def test_no_template_or_module_asks_for_the_native_date_input():
    native = re.compile(r"""type["']?\s*[:=]\s*["']date["']|input_type\s*=\s*["']date["']""")
    offenders = [str(p.relative_to(SOHOI)) for p in SOHOI.rglob("*") if p.suffix in {".py", ".html"}
                 and "tests" not in p.parts and native.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
