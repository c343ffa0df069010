from __future__ import annotations

import pytest

from sohoi.associations.models import Association
from sohoi.core.models import AuditEntry

KTS = "Hội Kiến trúc sư thành phố Cần Thơ"  # founded 2010, no activities in the demo
KH = "Hội Khuyến học thành phố Cần Thơ"


@pytest.fixture
def kts(db) -> Association:
    return Association.objects.select_related("unit").get(name=KTS)


@pytest.fixture
def kh(db) -> Association:
    return Association.objects.select_related("unit").get(name=KH)


@pytest.fixture
def unchanged():
    """unchanged(Model, ...) -> a callable that asserts row counts and the audit trail are as they were."""

    def take(*models):
        before = [m.objects.count() for m in models], AuditEntry.objects.count()

        def check():
            assert ([m.objects.count() for m in models], AuditEntry.objects.count()) == before

        return check

    return take
