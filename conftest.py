"""Shared test fixtures: the demo data is loaded once per test session; each test runs in a
transaction that is rolled back, so tests see the demo world and never each other's changes."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session", autouse=True)
def _media_in_a_temporary_folder(tmp_path_factory):
    """Uploaded files of the test run go to a temporary folder, not var/media."""
    from django.conf import settings

    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))


@pytest.fixture(scope="session", autouse=True)
def _tasks_run_immediately():
    """Background jobs run inside the test, at enqueue (django-tasks' immediate backend); the one test that
    kills a real worker (tests/reliability/test_jobs.py) runs `sohoi worker` with the database backend."""
    from django.conf import settings
    from django.core.signals import setting_changed

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    setting_changed.send(sender=None, setting="TASKS", value=settings.TASKS, enter=True)  # django_tasks resets
    yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, _media_in_a_temporary_folder):
    with django_db_blocker.unblock():
        call_command("demo", stdout=io.StringIO())


@pytest.fixture
def users(db):
    """Demo users by username (see sohoi/accounts/demo.py)."""
    from sohoi.accounts.models import User

    return {u.username: u for u in User.objects.select_related("unit").prefetch_related("role_links")}


@pytest.fixture
def login(client, users):
    """login("dandan") -> a test client signed in as that demo user."""

    def _login(username: str):
        client.force_login(users[username])
        return client

    return _login


@pytest.fixture(autouse=True)
def _vietnamese_by_default():
    """Each test starts in the source language: a request with the English cookie activates English for the
    thread (LocaleMiddleware does not switch back), and a later test calling a service directly would read it."""
    from django.utils import translation

    translation.activate("vi")
    yield
    translation.activate("vi")
