"""django-ninja names an OpenAPI component after its schema class: two apps with a `ReportOut` each publish one
component for both, and clients (and the fuzzing run) validate one app's answers against the other's schema."""

from collections import defaultdict

from ninja import Schema

from sohoi.core.contributions import app_modules


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_api_schema_class_has_its_own_name():
    list(app_modules("api"))  # import every app's API (and its schemas)
    by_name = defaultdict(set)
    for cls in _subclasses(Schema):
        if cls.__module__.startswith("sohoi."):
            by_name[cls.__name__].add(cls.__module__)
    clashes = {name: modules for name, modules in by_name.items() if len(modules) > 1}
    assert not clashes
