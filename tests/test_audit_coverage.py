"""Every model's writes leave an audit row. Each app lists, in `<app>/tests/audited.py`, a WRITES dict:
model -> function(actor) that writes one through the app's services and returns the written object.
Models that are never written through the app say why in EXEMPT."""

from __future__ import annotations

import pytest
from django.apps import apps

from sohoi.core.contributions import app_modules
from sohoi.core.models import AuditEntry


def collect():
    writes, exempt = {}, {}
    for _config, module in app_modules("tests.audited"):
        writes.update(getattr(module, "WRITES", {}))
        exempt.update(getattr(module, "EXEMPT", {}))
    return writes, exempt


def sohoi_models():
    return [m for m in apps.get_models() if m.__module__.startswith("sohoi.")]


def test_every_model_is_covered():
    writes, exempt = collect()
    missing = [m.__name__ for m in sohoi_models() if m not in writes and m not in exempt]
    assert not missing, f"Add an audited write (tests/audited.py WRITES) or an EXEMPT reason for: {missing}"
    assert all(isinstance(reason, str) and len(reason) > 10 for reason in exempt.values())


def _clerk_administrator():
    """One actor allowed every write: an administrator who also keeps the city's document book and the
    register (a unit is needed to register documents; the administrator role alone has none)."""
    from sohoi.accounts.choices import Role
    from sohoi.accounts.services import user_create
    from sohoi.orgs.models import Unit

    return user_create(actor=None, username="kiemtra.nhatky", password="Sohoi-Audit-Coverage-Actor-9!",
                       full_name="Người kiểm tra nhật ký", unit=Unit.objects.get(name="Ban Dân vận Thành ủy"),
                       roles=[Role.ADMIN, Role.MASS_MOBILISATION, Role.HOME_AFFAIRS])


@pytest.mark.django_db
def test_each_service_write_leaves_an_audit_row(users):
    writes, _ = collect()
    actor = _clerk_administrator()
    for model, write in writes.items():
        last = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        obj = write(actor)
        assert isinstance(obj, model), model
        new = AuditEntry.objects.filter(pk__gt=last, actor=actor)
        assert new.exists(), f"{model.__name__}: the write left no audit row with its actor"
