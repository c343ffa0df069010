"""From the proposal to tasks: resolution of names, corrections, fan-out of groups, atomicity."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sohoi.directives.models import Assignment, Document, Task
from sohoi.directives.services import document_confirm, document_register, document_review_save
from sohoi.orgs.models import Unit, UnitAlias, UnitGroup
from sohoi.orgs.selectors import resolve_name

from .conftest import SECRET_TEXT

pytestmark = pytest.mark.django_db
ON = datetime.date(2012, 10, 12)


def test_demo_letter_has_six_confirmed_tasks_and_task_six_lead(letter):
    assert letter.confirmed_at is not None
    tasks = list(letter.tasks.order_by("position"))
    assert [t.no for t in tasks] == ["1", "2", "3", "4", "5", "6"]
    six = tasks[5]
    assert six.lead.name == "Ban Dân vận Thành ủy"
    assert [u.name for u in six.coordinators.all()] == ["Ban Tuyên giáo Thành ủy"]
    assert six.recurrence == "periodic"


def test_groups_fan_out_to_units_valid_on_the_document_date(letter):
    party = UnitGroup.objects.get(name="Cấp ủy đảng các cấp")
    associations = UnitGroup.objects.get(name="Các hội quần chúng")
    one = letter.tasks.get(no="1")
    five = letter.tasks.get(no="5")
    expected_party = set(party.members(ON).values_list("pk", flat=True))
    assert set(one.assignments.values_list("unit_id", flat=True)) == expected_party
    assert Unit.objects.get(name="Quận ủy Ninh Kiều").pk in expected_party
    # Commune committees founded on 01/07/2025 did not exist in 2012 and get nothing.
    assert not one.assignments.filter(unit__valid_from__gt=ON).exists()
    assert party.members().count() != len(expected_party)  # the rule really depends on the date
    assert set(five.assignments.values_list("unit_id", flat=True)) == set(
        associations.members(ON).values_list("pk", flat=True))
    assert five.assignments.count() >= 10
    assert set(five.assignments.values_list("via_group_id", flat=True)) == {associations.pk}


def _register_secret_text(users) -> Document:
    doc, _ = document_register(actor=users["dandan"], text=SECRET_TEXT.replace("99-CV/TU", "98-CV/TU"))
    return doc


def test_unresolved_lead_blocks_confirmation_and_nothing_is_written(users):
    doc = _register_secret_text(users)
    two = doc.proposal["tasks"][1]
    assert two["leads"][0]["name"] == "Ban Tổ chức Quận Ô Môn" and two["leads"][0]["choice"] == ""
    with pytest.raises(ValidationError) as exc:
        document_confirm(actor=users["dandan"], document=doc)
    assert any("Nhiệm vụ 2" in m and "chủ trì" in m for m in exc.value.message_dict["tasks"])
    doc.refresh_from_db()
    assert doc.confirmed_at is None and not Task.objects.filter(document=doc).exists()


def test_mapping_a_name_is_remembered_as_an_alias(users):
    doc = _register_secret_text(users)
    target = Unit.objects.get(name="Ban Tổ chức Thành ủy")
    tasks = doc.proposal["tasks"]
    tasks[1]["leads"][0]["choice"] = f"unit:{target.pk}"
    document_review_save(actor=users["dandan"], document=doc, tasks=tasks)
    assert UnitAlias.objects.filter(unit=target, alias="Ban Tổ chức Quận Ô Môn", issuer=doc.issuer).exists()
    assert resolve_name("Ban Tổ chức Quận Ô Môn", issuer=doc.issuer).unit == target
    created = document_confirm(actor=users["dandan"], document=doc)
    assert [t.no for t in created] == ["1", "2"]
    assert created[1].lead == target
    assert created[0].due == datetime.date(2013, 4, 30)
    assert Assignment.objects.get(task=created[0]).due_on == datetime.date(2013, 4, 30)


def test_a_person_may_correct_a_lead_and_drop_a_task(users):
    doc = _register_secret_text(users)
    tasks = doc.proposal["tasks"]
    front = Unit.objects.get(name="Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ")
    tasks[0]["leads"] = [{"name": front.name, "choice": f"unit:{front.pk}"}]
    tasks[1]["include"] = False
    created = document_confirm(actor=users["dandan"], document=doc, tasks=tasks)
    assert len(created) == 1 and created[0].lead == front
    assert list(created[0].assignments.values_list("unit_id", flat=True)) == [front.pk]
    with pytest.raises(ValidationError):  # confirming twice is refused
        document_confirm(actor=users["dandan"], document=doc)


def test_review_is_kept_on_the_document(users):
    doc = _register_secret_text(users)
    tasks = doc.proposal["tasks"]
    tasks[0]["text"] = "Nội dung đã sửa"
    document_review_save(actor=users["dandan"], document=doc, tasks=tasks)
    assert Document.objects.get(pk=doc.pk).proposal["tasks"][0]["text"] == "Nội dung đã sửa"


def test_only_the_registrar_issuer_or_board_confirms(users):
    doc = _register_secret_text(users)
    with pytest.raises(PermissionDenied):
        document_confirm(actor=users["hoi.khuyenhoc"], document=doc)
