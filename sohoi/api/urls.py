from django.urls import URLPattern, URLResolver, include, path

from .main import api


def _exempt_from_login_redirect(patterns: list) -> None:
    # The API answers 401 in its own error shape instead of redirecting to the login page.
    for p in patterns:
        if isinstance(p, URLResolver):
            _exempt_from_login_redirect(p.url_patterns)
        elif isinstance(p, URLPattern):
            p.callback.login_required = False


_patterns, _app_name, _namespace = api.urls
_exempt_from_login_redirect(_patterns)
urlpatterns = [path("", include((_patterns, _app_name), namespace=_namespace))]
