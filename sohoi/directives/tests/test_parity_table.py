"""The directives parity table names a real API operation for every directives page that changes data
(the cross-app parity test reads every app's parity.py; this one keeps the directives table honest alone)."""

from sohoi.api.main import api
from sohoi.directives.parity import PARITY
from tests.test_permission_matrix import _page_writes


def test_every_directives_write_page_maps_to_an_existing_operation():
    operation_ids = {op["operationId"] for item in api.get_openapi_schema()["paths"].values() for op in item.values()}
    pages = {name for name in _page_writes() if name and name.startswith("directives:")}
    assert pages and pages <= set(PARITY), sorted(pages - set(PARITY))
    assert set(PARITY.values()) <= operation_ids, sorted(set(PARITY.values()) - operation_ids)
