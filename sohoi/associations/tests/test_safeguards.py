"""Safeguards on irreversible lifecycle steps (issue 16 item 7): nothing preselected, a reason where the law
asks for one, and a confirmation naming the association and the consequence, all checked on the server."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from sohoi.associations import services
from sohoi.associations.choices import Action, Status
from sohoi.core.models import AuditEntry

NAME = "Hội Tin học thành phố Cần Thơ"
DOC = {"decision_number": "15/QĐ-UBND", "decision_date": "05/01/2026", "decision_issuer": "Ủy ban nhân dân"}


@pytest.mark.django_db
def test_the_event_list_preselects_nothing(login, assoc):
    html = login("noivu").get(f"/hoi/{assoc(NAME).pk}/").content.decode()
    select = html[html.index('name="action"'):]
    select = select[:select.index("</select>")]
    assert '<option value="" selected>' in select  # the empty choice, never "dissolve" or "refuse"
    assert "selected" not in select.replace('<option value="" selected>', "")


@pytest.mark.parametrize("action", [Action.SUSPEND, Action.DISSOLVE])
@pytest.mark.django_db
def test_a_reason_is_required_by_the_service(users, assoc, action):
    a = assoc(NAME)
    with pytest.raises(ValidationError) as err:
        services.association_transition(actor=users["noivu"], association=a, action=action, note="  ",
                                        decision_number="1/QĐ", decision_date=datetime.date(2026, 1, 5),
                                        decision_issuer="UBND")
    assert "Ghi chú, lý do" in err.value.message_dict["note"][0]
    a.refresh_from_db()
    assert a.status == Status.OPERATING and not a.transitions.exists()


@pytest.mark.django_db
def test_dissolution_without_confirmation_is_refused_naming_the_association(login, assoc):
    a = assoc(NAME)
    before = AuditEntry.objects.count()
    response = login("noivu").post(f"/hoi/{a.pk}/su-kien/", {
        "action": "dissolve", "note": "Tự giải thể theo nghị quyết đại hội", "version": a.version, **DOC})
    html = response.content.decode()
    assert response.status_code == 400 and "không hoàn tác được" in html and NAME in html
    a.refresh_from_db()
    assert a.status == Status.OPERATING and AuditEntry.objects.count() == before


@pytest.mark.django_db
def test_dissolution_with_reason_and_confirmation_goes_through(login, assoc):
    a = assoc(NAME)
    response = login("noivu").post(f"/hoi/{a.pk}/su-kien/", {
        "action": "dissolve", "note": "Tự giải thể theo nghị quyết đại hội", "confirm": "on", "version": a.version,
        **DOC})
    assert response.status_code == 302
    a.refresh_from_db()
    assert a.status == Status.DISSOLVED
