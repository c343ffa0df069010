"""Small things users notice on forms and filters (issue 16)."""

from pathlib import Path

import django_filters
from django.utils import translation

import sohoi
from sohoi.core.models import Holiday

JS = (Path(sohoi.__file__).parent / "core" / "static" / "core" / "sohoi.js").read_text(encoding="utf-8")


class _Filter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=[("a", "A"), ("b", "B")])

    class Meta:
        model = Holiday
        fields: list[str] = []


def test_a_filters_empty_choice_says_all_not_dashes():
    with translation.override("vi"):
        html = str(_Filter({}, queryset=Holiday.objects.none()).form["kind"])
    assert "Tất cả" in html and "---------" not in html


def test_browser_bubbles_are_off_and_the_file_picker_speaks_the_pages_language():
    assert "f.noValidate = true" in JS
    assert "Chọn tệp" in JS and 'input[type=file]' in JS


def test_subject_line_does_not_repeat_the_kind_of_document():
    from types import SimpleNamespace

    from sohoi.core.templatetags.sohoi import subject_line

    def doc(subject: str) -> SimpleNamespace:
        return SimpleNamespace(get_doc_type_display=lambda: "Kế hoạch", subject=subject)

    assert subject_line(doc("Kế hoạch thực hiện Chỉ thị 17")) == "Kế hoạch thực hiện Chỉ thị 17"
    assert subject_line(doc("Về việc sơ kết")) == "Kế hoạch: Về việc sơ kết"
    assert subject_line(doc("")) == "Kế hoạch"
