"""Services against the real database: lifecycle table, lineage, locking, leadership, congresses, officers."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sohoi.associations import selectors, services
from sohoi.associations.choices import Action, Position, Status
from sohoi.associations.models import AssociationTransition, LineageEvent, OfficerAssignment
from sohoi.associations.workflows import TRANSITIONS
from sohoi.core.audit import history_for
from sohoi.core.models import AuditEntry
from sohoi.core.services import StaleEditError

D = datetime.date
DOC = {"decision_number": "15/QĐ-UBND", "decision_issuer": "Ủy ban nhân dân thành phố Cần Thơ"}


def _go(users, a, action, on, **extra):
    a.refresh_from_db()
    return services.association_transition(actor=users["noivu"], association=a, action=action, decision_date=on,
                                           **{**DOC, **extra})


def test_founding_path_to_operating_records_every_decision(users, founding):
    a = founding()
    assert a.status == Status.COMMITTEE_RECOGNISED and a.unit.kind == "association"
    for action, on in [(Action.FILE_DOSSIER, D(2025, 3, 3)), (Action.PERMIT, D(2025, 4, 1)),
                       (Action.HOLD_FIRST_CONGRESS, D(2025, 6, 1)), (Action.APPROVE_CHARTER, D(2025, 6, 20))]:
        a = _go(users, a, action, on)
    assert a.status == Status.OPERATING
    assert a.founding_decision_date == D(2025, 4, 1) and a.founding_decision_number == "15/QĐ-UBND"
    assert a.dossier.filed_on == D(2025, 3, 3) and a.dossier.first_congress_on == D(2025, 6, 1)
    assert AssociationTransition.objects.filter(association=a).count() == 4
    actions = set(history_for(a).values_list("action", flat=True))
    assert {"associations.association.permit", "associations.association.approve_charter"} <= actions


def test_illegal_transition_is_refused_with_a_message(users, founding):
    a = founding()
    with pytest.raises(ValidationError) as err:
        _go(users, a, Action.SUSPEND, D(2025, 1, 6))
    message = err.value.message_dict["action"][0]
    assert "Đình chỉ hoạt động" in message and "Nộp hồ sơ thành lập" in message
    a.refresh_from_db()
    assert a.status == Status.COMMITTEE_RECOGNISED and not a.transitions.exists()


def test_every_status_can_be_reached_and_ended_states_are_final():
    reached = {step.target for step in TRANSITIONS.values() if step.target}
    assert {Status.OPERATING, Status.SUSPENDED, Status.DISSOLVED, Status.MERGED, Status.DIVIDED,
            Status.CONSOLIDATED} <= reached
    for ended in (Status.DISSOLVED, Status.MERGED, Status.DIVIDED, Status.CONSOLIDATED):
        assert TRANSITIONS.allowed_steps(ended) == []


def test_transition_needs_the_deciding_document(users, assoc):
    a = assoc("Hội Tin học thành phố Cần Thơ")
    with pytest.raises(ValidationError) as err:
        services.association_transition(actor=users["noivu"], association=a, action=Action.SUSPEND,
                                        decision_number="", decision_date=None, decision_issuer="")
    assert set(err.value.message_dict) == {"decision_number", "decision_date", "decision_issuer"}


def test_staff_cannot_take_state_decisions(users, assoc):
    a = assoc("Hội Khuyến học thành phố Cần Thơ")
    with pytest.raises(PermissionDenied):
        services.association_transition(actor=users["hoi.khuyenhoc"], association=a, action=Action.SUSPEND,
                                        decision_date=D(2026, 1, 5), **DOC)


def test_consolidation_keeps_lineage_and_closes_units(users, assoc, founding):
    a, b = assoc("Hội Đông y thành phố Cần Thơ"), assoc("Hội Y học thành phố Cần Thơ")
    new = founding(name="Hội Y học cổ truyền và hiện đại thành phố Cần Thơ")
    for old in (a, b):
        _go(users, old, Action.CONSOLIDATE, D(2026, 3, 2), successors=[new])
    a.refresh_from_db()
    assert a.status == Status.CONSOLIDATED and a.unit.valid_to == D(2026, 3, 2)
    assert set(LineageEvent.objects.filter(successor=new).values_list("predecessor__name", flat=True)) == {a.name, b.name}
    assert set(new.unit.predecessors.values_list("pk", flat=True)) == {a.unit_id, b.unit_id}
    with pytest.raises(ValidationError):  # exactly one successor for a consolidation
        _go(users, assoc("Hội Tin học thành phố Cần Thơ"), Action.CONSOLIDATE, D(2026, 3, 2))


def test_rename_changes_the_unit_too_and_refuses_a_clash(users, assoc):
    a = assoc("Hội Tin học thành phố Cần Thơ")
    with pytest.raises(ValidationError) as err:
        _go(users, a, Action.RENAME, D(2026, 3, 2), new_name="hoi y hoc thanh pho can tho")
    assert "trùng" in err.value.message_dict["new_name"][0]
    a = _go(users, a, Action.RENAME, D(2026, 3, 2), new_name="Hội Công nghệ thông tin thành phố Cần Thơ")
    a.unit.refresh_from_db()
    assert a.unit.name == a.name == "Hội Công nghệ thông tin thành phố Cần Thơ" and a.status == Status.OPERATING


def test_stale_edit_is_refused(users, assoc):
    a = assoc("Hội Tin học thành phố Cần Thơ")
    opened = a.version
    services.association_update(actor=users["noivu"], association=a, data={"head_office": "Số 1"},
                                expected_version=opened)
    with pytest.raises(StaleEditError):
        services.association_update(actor=users["noivu"], association=assoc("Hội Tin học thành phố Cần Thơ"),
                                    data={"head_office": "Số 2"}, expected_version=opened)
    with pytest.raises(StaleEditError):
        services.association_transition(actor=users["noivu"], association=a, action=Action.SUSPEND,
                                        decision_date=D(2026, 1, 5), expected_version=opened, **DOC)
    assert assoc("Hội Tin học thành phố Cần Thơ").head_office == "Số 1"


def test_status_and_name_only_change_through_the_workflow(users, assoc):
    with pytest.raises(ValidationError):
        services.association_update(actor=users["noivu"], association=assoc("Hội Tin học thành phố Cần Thơ"),
                                    data={"status": Status.DISSOLVED})


def test_leader_appointment_ends_previous_president_and_party_flag_stays_out_of_audit(users, assoc):
    a = assoc("Hội Tin học thành phố Cần Thơ")
    old = a.leaders.get(position=Position.PRESIDENT, ended_on__isnull=True)
    new = services.leader_appoint(actor=users["noivu"], association=a, full_name="Phan Thị Thử", is_party_member=True,
                                  position=Position.PRESIDENT, started_on=D(2026, 10, 1))
    old.refresh_from_db()
    assert old.ended_on == D(2026, 9, 30)
    entry = AuditEntry.objects.get(action="associations.leader.appointed", target_id=str(new.pk))
    assert "is_party_member" not in entry.changes
    # Not reported within 30 days -> alert.
    assert any(x.association.pk == a.pk for x in selectors.alerts(user=users["noivu"], on=D(2026, 11, 15))
               if x.kind == "leadership_unreported")
    services.leader_mark_reported(actor=users["noivu"], leader=new, reported_on=D(2026, 10, 20))
    assert not any(x.association.pk == a.pk for x in selectors.alerts(user=users["noivu"], on=D(2026, 11, 15))
                   if x.kind == "leadership_unreported")


def test_congress_without_quorum_is_refused_and_new_congress_clears_term_alert(users, assoc):
    a = assoc("Hội Luật gia thành phố Cần Thơ")
    assert a in selectors.term_expired(user=users["noivu"])
    with pytest.raises(ValidationError) as err:
        services.congress_record(actor=users["noivu"], association=a, number=5, held_on=D(2026, 10, 10),
                                 expected=100, attended=50)
    assert "một nửa" in err.value.message_dict["attended"][0]
    c = services.congress_record(actor=users["noivu"], association=a, number=5, held_on=D(2026, 10, 10),
                                 expected=100, attended=51)
    assert c.next_due == D(2031, 10, 10)
    assert a not in selectors.term_expired(user=users["noivu"])


def test_reassignment_keeps_history_and_requires_officer_role(users, assoc):
    a = assoc("Hội Tin học thành phố Cần Thơ")
    with pytest.raises(ValidationError):
        services.officer_assign(actor=users["noivu"], association=a, officer=users["dandan"], started_on=D(2026, 1, 5))
    with pytest.raises(PermissionDenied):
        services.officer_assign(actor=users["canbonoivu"], association=a, officer=users["canbonoivu"],
                                started_on=D(2026, 1, 5))
    services.officer_assign(actor=users["noivu"], association=a, officer=users["canbonoivu"], started_on=D(2026, 1, 5))
    services.officer_assign(actor=users["noivu"], association=a, officer=users["canbonoivu.hai"],
                            started_on=D(2026, 6, 1))
    rows = list(OfficerAssignment.objects.filter(association=a).order_by("started_on").values_list(
        "officer__username", "ended_on"))
    assert rows == [("canbonoivu", D(2026, 5, 31)), ("canbonoivu.hai", None)]


def test_monitoring_log_only_by_assigned_officer_or_department(users, assoc):
    mine, other = assoc("Hội Khuyến học thành phố Cần Thơ"), assoc("Hội Tin học thành phố Cần Thơ")
    log = services.monitoring_log_add(actor=users["canbonoivu"], association=mine, on=D(2026, 11, 2),
                                      kind="call", text="Nhắc nộp báo cáo năm.", follow_up_due=D(2026, 12, 1))
    assert log.officer == users["canbonoivu"]
    with pytest.raises(PermissionDenied):
        services.monitoring_log_add(actor=users["canbonoivu"], association=other, on=D(2026, 11, 2), kind="call",
                                    text="x")
    with pytest.raises(PermissionDenied):
        services.monitoring_log_add(actor=users["hoi.khuyenhoc"], association=mine, on=D(2026, 11, 2), kind="call",
                                    text="x")
