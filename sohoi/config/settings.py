"""All settings in one module, driven by environment variables only.

DATABASE_URL   default: embedded SQLite at var/sohoi.sqlite3 (WAL mode)
SECRET_KEY     default: a development key; refused when DEBUG=0
DEBUG          default: 1 (local use)
ALLOWED_HOSTS  comma-separated, default: localhost,127.0.0.1,[::1]
TIME_ZONE      default: Asia/Ho_Chi_Minh
TASKS_BACKEND  default: django_tasks_db.DatabaseBackend (jobs in the same database, run by `sohoi worker`)
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PACKAGE_DIR = BASE_DIR / "sohoi"
VAR_DIR = Path(os.environ.get("SOHOI_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEV_SECRET_KEY = "sohoi-dev-only-not-secret"  # noqa: S105 - refused below when DEBUG=0
DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEV_SECRET_KEY:
    raise ImproperlyConfigured(
        "Từ chối khởi động: DEBUG=0 nhưng SECRET_KEY vẫn là khóa mặc định. "
        "Đặt biến môi trường SECRET_KEY thành một chuỗi ngẫu nhiên dài (ví dụ: "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "sohoi.core.staticfiles.OfflineStaticFilesConfig",
    "django.contrib.humanize",
    "django_htmx",
    "django_filters",
    "ninja",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "sohoi.core",
    "sohoi.orgs",
    "sohoi.accounts",
    "sohoi.associations",
    "sohoi.directives",
    "sohoi.party",
    "sohoi.activities",
    "sohoi.oversight",
    "sohoi.reports",
    "sohoi.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "sohoi.core.middleware.SecurityHeadersMiddleware",
    "sohoi.core.middleware.RejectNulMiddleware",
    "sohoi.core.memo.MemoMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "sohoi.core.middleware.PrivateCacheMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "sohoi.accounts.middleware.SecondFactorMiddleware",
]

ROOT_URLCONF = "sohoi.config.urls"
WSGI_APPLICATION = "sohoi.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sohoi.core.context_processors.shell",
            ],
        },
    }
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'sohoi.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer writes; IMMEDIATE avoids "database is locked" on upgrade.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    # Django's rules with our Vietnamese wording (accounts/passwords.py)
    {"NAME": "sohoi.accounts.passwords.UserAttributeSimilarityValidator"},
    {"NAME": "sohoi.accounts.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "sohoi.accounts.passwords.CommonPasswordValidator"},
    {"NAME": "sohoi.accounts.passwords.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lockout: 5 failures per user name and address lock the pair for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_VERBOSE = False
# Behind nginx (docs/deploy.md) set TRUSTED_PROXY_COUNT=1: the lockout then keys on the client address from
# X-Forwarded-For; with 0 (the default, no proxy) the header is ignored, so it cannot be forged.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "sohoi.core.proxy.client_ip"
OTP_TOTP_ISSUER = "Sổ Hội"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
FORMAT_MODULE_PATH = ["sohoi.formats"]
# Outside a request (commands, tests) as in both languages: dd/mm/yyyy first (sohoi/formats/*/formats.py).
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
SOHOI_MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# Limits on what a .docx/.xlsx may inflate to, checked before parsing (core/spreadsheet.check_zip): a real
# document or roster stays far below; a "zip bomb" of a few KB inflates to gigabytes.
SOHOI_UNZIP_MAX_BYTES = int(os.environ.get("SOHOI_UNZIP_MAX_BYTES", 50 * 1024 * 1024))
SOHOI_UNZIP_MAX_ENTRIES = int(os.environ.get("SOHOI_UNZIP_MAX_ENTRIES", 10_000))
SOHOI_UNZIP_MAX_ELEMENTS = int(os.environ.get("SOHOI_UNZIP_MAX_ELEMENTS", 2_000_000))
SOHOI_UNZIP_MAX_RATIO = int(os.environ.get("SOHOI_UNZIP_MAX_RATIO", 500))
# The register import accepts 200,000 rows (60 MB of .xlsx), whose sheet XML is larger than a document's.
SOHOI_REGISTER_UNZIP_MAX_BYTES = int(os.environ.get("SOHOI_REGISTER_UNZIP_MAX_BYTES", 600 * 1024 * 1024))
SOHOI_REGISTER_UNZIP_MAX_ELEMENTS = int(os.environ.get("SOHOI_REGISTER_UNZIP_MAX_ELEMENTS", 15_000_000))

# Security: strict by default, HTTPS-only cookies and HSTS when served over HTTPS (DEBUG=0).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
CSRF_COOKIE_HTTPONLY = True
SECURE_HTTPS = env_bool("SECURE_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
SECURE_SSL_REDIRECT = SECURE_HTTPS and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE_HTTPS else None
SECURE_HSTS_SECONDS = 31536000 if SECURE_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HTTPS
SECURE_HSTS_PRELOAD = SECURE_HTTPS
# Nothing loads from another host, so the policy can be strict.
# A filter's empty choice says what it does ("all"), not "---------" (issue 16).
FILTERS_EMPTY_CHOICE_LABEL = _("Tất cả")

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; "
    "object-src 'none'"
)

# The OpenAPI schema and docs page are open only in development; with DEBUG=0 they need a login (api/docs.py).
API_DOCS_PUBLIC = env_bool("API_DOCS_PUBLIC", DEBUG)
NINJA_PAGINATION_CLASS = "sohoi.api.pagination.PageNumber"
NINJA_PAGINATION_PER_PAGE = 50

# Long work is a job (design.md §14): Django's tasks API (the django-tasks backport). The default backend keeps
# the queue in the application's own database, so an SQLite install needs nothing more; `make run` starts one
# worker beside the web server, `sohoi worker` runs more. Another backend (RQ, Celery...) is a setting, the
# tasks do not change (docs/deploy.md). Tests run tasks immediately (conftest.py).
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "sohoi@localhost")

# Logs go to stderr; LOG_FORMAT=json gives one JSON object per line for a log collector.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "pythonjsonlogger.json.JsonFormatter",
                 "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(process)d",
                 "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"}},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {"axes": {"level": "ERROR"}, "sohoi": {"level": os.environ.get("LOG_LEVEL", "INFO")}},
}
