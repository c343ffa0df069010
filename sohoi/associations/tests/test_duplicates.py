"""Duplicate registration refused: same folded name, scope level and territory, invisible characters
ignored (issue 10, part 4)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from sohoi.associations.models import Association
from sohoi.core.models import AuditEntry
from sohoi.core.text import fold

from .test_register_import import _run, _xlsx, row

pytestmark = pytest.mark.django_db

NAME = "Hội Nghiên cứu Lịch sử thành phố Cần Thơ"
HIDDEN = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c",
          "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069")


def test_fold_strips_zero_width_and_bidi_controls():
    for ch in HIDDEN:
        assert fold(f"Hội{ch} Nghiên cứu{ch}") == "hoi nghien cuu", repr(ch)
    assert fold("Hội\u202eNông dân") == fold("HộiNông dân")


@pytest.mark.parametrize("variant", [NAME, NAME.upper(), "Hoi Nghien cuu Lich su thanh pho Can Tho",
                                     "Hội\u200b Nghiên cứu Lịch sử\u202e thành phố Cần Thơ", f"\ufeff{NAME}\u2069"])
def test_second_registration_with_the_same_folded_name_scope_and_territory_is_refused(founding, variant):
    first = founding(NAME)
    count, audits = Association.objects.count(), AuditEntry.objects.count()
    with pytest.raises(ValidationError) as caught:
        founding(variant)
    message = " ".join(caught.value.message_dict["name"])
    assert first.name in message and "Đã có hội" in message and "đặt tên khác" in message
    assert Association.objects.count() == count and AuditEntry.objects.count() == audits


def test_same_name_with_another_scope_or_a_different_name_is_accepted(founding):
    from sohoi.associations.choices import ScopeLevel
    from sohoi.orgs.models import AdminUnit

    founding(NAME)
    ward = AdminUnit.objects.filter(kind="ward").first() or AdminUnit.objects.exclude(parent=None).first()
    assert founding(NAME, scope=ScopeLevel.COMMUNE, territory=ward).pk  # another scope: another association
    assert founding("Hội Nghiên cứu Văn hóa thành phố Cần Thơ").pk


def test_register_import_refuses_a_name_hiding_an_invisible_character(users, tmp_path):
    before = Association.objects.count()
    result = _run(users, _xlsx(tmp_path, [row("Hội\u200b Khuyến học thành phố Cần Thơ", scope="Tỉnh, thành phố",
                                              territory="", field="Khuyến học")]), dry_run=False)
    assert any("Trùng với hội “Hội Khuyến học thành phố Cần Thơ”" in str(e) for e in result.errors), result.errors
    assert Association.objects.count() == before
