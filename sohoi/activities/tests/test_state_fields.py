"""Issue 12: an association cannot change what the state decides about it (special status, founding decision,
scope, status) by any page or API call. Issue 10 moved these fields into the state-decision step
(`associations.record_state_decision`, home affairs only); these tests try every door as the association's own
staff with otherwise VALID requests, and see the association and the audit trail unchanged."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sohoi.associations import services as registry
from sohoi.associations.models import Association
from sohoi.core.models import AuditEntry

pytestmark = pytest.mark.django_db
FIELDS = ("special_status", "founding_decision_number", "founding_decision_date", "scope_level", "status",
          "status_since", "state_tasks")


def _state(a: Association) -> tuple:
    a = Association.objects.get(pk=a.pk)
    return tuple(getattr(a, f) for f in FIELDS), a.version, AuditEntry.objects.count()


def test_association_staff_cannot_change_state_fields_anywhere(users, login):
    staff = users["hoi.khuyenhoc"]
    a = Association.objects.get(pk=staff.unit.association.pk)
    assert a.special_status is True
    before = _state(a)
    # Services
    with pytest.raises(ValidationError):
        registry.association_update(actor=staff, association=a, data={"special_status": False})
    with pytest.raises(ValidationError):
        registry.association_update(actor=staff, association=a, data={"scope_level": "commune"})
    with pytest.raises(ValidationError):
        registry.association_update(actor=staff, association=a, data={"status": "dissolved"})
    with pytest.raises(PermissionDenied):
        registry.association_state_decision(actor=staff, association=a, changes={"special_status": False},
                                            decision_number="1/QĐ", decision_date=a.founding_decision_date,
                                            decision_issuer="Hội tự ghi")
    client = login("hoi.khuyenhoc")
    # API: the profile patch refuses the fields; the state-decision and transition endpoints refuse the role.
    for field, value in (("special_status", False), ("scope_level", "commune"), ("founding_decision_number", "9/QĐ"),
                         ("status", "dissolved")):
        r = client.patch(f"/api/v1/associations/{a.pk}", {field: value, "version": a.version},
                         content_type="application/json")
        assert r.status_code in (400, 422) and set(r.json()) == {"code", "message", "fields"}, field
    r = client.post(f"/api/v1/associations/{a.pk}/state-decisions", {
        "decision_number": "1/QĐ", "decision_date": "2025-01-02", "decision_issuer": "Hội tự ghi",
        "version": a.version, "special_status": False}, content_type="application/json")
    assert r.status_code == 403
    r = client.post(f"/api/v1/associations/{a.pk}/transitions", {
        "action": "dissolve", "decision_number": "1/QĐ", "decision_date": "2025-01-02", "decision_issuer": "Hội",
        "version": a.version}, content_type="application/json")
    assert r.status_code in (400, 403)
    # Pages: the state-decision page refuses; the profile form has no such field, so a posted value is ignored.
    page = client.post(f"/hoi/{a.pk}/quyet-dinh-nha-nuoc/", {
        "decision_number": "1/QĐ", "decision_date": "2025-01-02", "decision_issuer": "Hội", "version": a.version,
        "scope_level": "commune", "founding_decision_number": "9/QĐ"})
    assert page.status_code == 403
    page = client.post(f"/hoi/{a.pk}/sua/", {"version": a.version, "special_status": "", "scope_level": "commune",
                                             "founding_decision_number": "9/QĐ", "short_name": a.short_name,
                                             "head_office": a.head_office})
    assert page.status_code in (200, 302, 400)
    after = _state(a)
    assert after[0] == before[0]  # the state's fields as they were (the profile edit may change its own fields)
    # and no audit row names one of them
    rows = AuditEntry.objects.filter(target_id=str(a.pk), pk__gt=0).order_by("-pk")[: after[2] - before[2]]
    for row in rows:
        assert not set(row.changes) & set(FIELDS), row.changes


def test_home_affairs_records_the_state_decision(users):
    a = users["hoi.khuyenhoc"].unit.association
    changed = registry.association_state_decision(actor=users["noivu"], association=a,
                                                  changes={"special_status": False}, decision_number="12/QĐ-UBND",
                                                  decision_date=a.founding_decision_date, decision_issuer="UBND")
    assert changed.special_status is False
