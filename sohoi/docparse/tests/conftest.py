"""docparse is plain Python: its tests need neither Django nor a database.

The project's root conftest has a session-wide autouse fixture that points
Django's MEDIA_ROOT at a temporary folder. It reads Django settings, which do
not exist when these tests run on their own (``-p no:django``); overriding it
here keeps them runnable anywhere. Under pytest-django the other apps' tests
still get the root fixture.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def _media_in_a_temporary_folder():
    """Nothing to set up: the parser never stores files."""
