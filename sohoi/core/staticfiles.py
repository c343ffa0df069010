"""collectstatic without the Redoc bundle that django-ninja ships: Sổ Hội serves Swagger UI for its API
docs, and Redoc's bundle would fetch its logo from cdn.redoc.ly (the app must work offline and load
nothing from another host)."""

from django.contrib.staticfiles.apps import StaticFilesConfig


class OfflineStaticFilesConfig(StaticFilesConfig):
    ignore_patterns = [*StaticFilesConfig.ignore_patterns, "redoc*"]
