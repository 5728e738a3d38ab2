"""Digikind's one settings file.

Two profiles, chosen by DIGIKIND_PROFILE:
- "embedded" (the default): SQLite in the data folder, a secret key generated
  once and kept there, mail written to the console. For trying Digikind out and
  for small single-machine installs.
- "production": every secret and host must be given; HTTPS-only cookies and
  headers. Passes `digikind check --deploy` with no warnings.
"""

import ipaddress
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from digikind.env import (
    envbool,
    envchoice,
    envint,
    envlist,
    envsecret,
    envstr,
    kept_secret,
)

PACKAGE_DIR = Path(__file__).resolve().parent
CHECKOUT_DIR = PACKAGE_DIR.parent.parent

PROFILE = envchoice("DIGIKIND_PROFILE", ["embedded", "production"], "embedded")
PRODUCTION = PROFILE == "production"

DATA_DIR = Path(envstr("DIGIKIND_DATA_DIR", str(CHECKOUT_DIR / "var"))).resolve()
if not PRODUCTION:
    DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = envbool("DEBUG", False)

SECRET_KEY = envsecret("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "The production profile needs a secret key. Set SECRET_KEY, or SECRET_KEY_FILE "
            "to a file that holds one (50 or more random characters)."
        )
    SECRET_KEY = kept_secret(DATA_DIR / "secret_key")

# The key that protects records (each organisation's key is derived from it). Keep it out
# of the database and its backups: whoever has both can read the records.
RECORDS_KEY = envsecret("DIGIKIND_RECORDS_KEY")
if not RECORDS_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "The production profile needs DIGIKIND_RECORDS_KEY, or DIGIKIND_RECORDS_KEY_FILE "
            "naming a file that holds it (50 or more random characters). Keep it apart from "
            "database backups."
        )
    RECORDS_KEY = kept_secret(DATA_DIR / "records_key")

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "The production profile needs ALLOWED_HOSTS: the host names Digikind is served on, "
        "separated by commas."
    )
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
# The reverse proxies in front of Digikind (addresses or networks, e.g. 127.0.0.1,10.0.0.0/8).
# Only a request from one of these has its X-Forwarded-For read, for the client's address
# that rate limits count by; with none, the connection's own address is used.
TRUSTED_PROXIES = envlist("DIGIKIND_TRUSTED_PROXIES", [])
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"DIGIKIND_TRUSTED_PROXIES: {_proxy!r} is not an IP address or network. "
            "List your proxies' addresses, separated by commas, e.g. 127.0.0.1,10.0.0.0/8."
        ) from None
SITE_URL = envstr("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # WhiteNoise serves static files under runserver too, compressed as everywhere else.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "template_partials",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks",
    "django_tasks_db",
    "digikind.accounts",
    "digikind.orgs",
    "digikind.pages",
    "digikind.frameworks",
    "digikind.policies",
    "digikind.reviews",
    "digikind.register",
    "digikind.records",
    "digikind.agreements",
    "digikind.gaps",
    "digikind.reports",
    "digikind.funders",
    "digikind.home",
    "digikind.demo",
    "digikind.ratelimit",
    "ninja",
    "digikind.api",
    "digikind.exchange",
    "digikind.backup",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "digikind.pages.middleware.PlainMethodNotAllowedMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed for cheap phones on slow connections, with no proxy needed; Django
    # pads compressed pages against BREACH. Static files come compressed from WhiteNoise.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "digikind.pages.languages.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "digikind.accounts.middleware.LeadTwoFactorMiddleware",
]

ROOT_URLCONF = "digikind.urls"
WSGI_APPLICATION = "digikind.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "digikind.pages.languages.switch",
                "digikind.orgs.context_processors.organisations",
            ],
            # Every template shows dates the same way: {{ day|uk_date }}, {{ moment|uk_datetime }}.
            "builtins": ["digikind.pages.templatetags.dates"],
        },
    },
]

DATABASE_URL = envstr("DATABASE_URL")
if PRODUCTION and not DATABASE_URL:
    raise ImproperlyConfigured(
        "The production profile needs DATABASE_URL, e.g. postgres://user:password@host/digikind."
    )
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{DATA_DIR / 'digikind.sqlite3'}",
        # Kept open between requests (SQLite too): opening one costs more than an answer.
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets people read while someone writes; IMMEDIATE avoids "database is locked"
    # surprises when two requests write at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests use a file, not memory, so that many threads (browser tests, concurrent
    # writers) can share the test database as they would a real one.
    DATABASES["default"]["TEST"] = {
        "NAME": envstr("DIGIKIND_TEST_SQLITE", "") or str(DATA_DIR / "test.sqlite3")
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# The cache holds sign-in rate limits, used two-factor codes and forms already saved, so
# every process that serves Digikind must share it. "file": shared by the worker processes
# of one machine, no extra server (the embedded default). "database": shared by every app
# server on the same database (production's default; the table is made by `migrate`).
CACHE = envchoice("DIGIKIND_CACHE", ["file", "database"], "database" if PRODUCTION else "file")
CACHE_TABLE = "digikind_cache"
CACHES = {
    "default": {
        "file": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": envstr("DIGIKIND_CACHE_DIR", str(DATA_DIR / "cache")),
        },
        "database": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABLE,
        },
    }[CACHE]
}

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "orgs:home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_ADAPTER = "digikind.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGIN_BY_CODE_ENABLED = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Digikind: "
ACCOUNT_RATE_LIMITS = {
    # Failed sign-ins: 5 per 5 minutes for one email address, 20 a minute from one address.
    "login_failed": "20/m/ip,5/5m/key",
    "login": "30/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Digikind"
# Accept the code from the 30 seconds before or after too: phones' clocks drift, and people
# on slow connections send codes that were right when they typed them. Reuse is still refused.
MFA_TOTP_TOLERANCE = 1
MFA_PASSKEY_LOGIN_ENABLED = False

INVITATION_DAYS = envint("DIGIKIND_INVITATION_DAYS", 14)

# Review links: how many new responses one network address may start through one link in
# an hour, and how many answers one response may send in a minute.
REVIEW_STARTS_PER_HOUR = envint("DIGIKIND_REVIEW_STARTS_PER_HOUR", 60)
REVIEW_ANSWERS_PER_MINUTE = envint("DIGIKIND_REVIEW_ANSWERS_PER_MINUTE", 120)
# How many responses with no scored answer (only "I don't know") one network may send to one
# review in an hour. They count towards no group's five; more than this is refused.
REVIEW_EMPTY_PER_NETWORK = envint("DIGIKIND_REVIEW_EMPTY_PER_NETWORK", 3)

# The JSON API: how many requests one token may send in a minute.
API_REQUESTS_PER_MINUTE = envint("DIGIKIND_API_REQUESTS_PER_MINUTE", 120)

# Policy uploads: the most one upload may hold, in megabytes (each file and all together).
POLICY_UPLOAD_MAX_MB = envint("DIGIKIND_POLICY_UPLOAD_MAX_MB", 20)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Background work: run at once on the embedded default; a database queue and
# `digikind db_worker` in production.
TASKS_BACKEND = envchoice(
    "DIGIKIND_TASKS", ["immediate", "database"], "database" if PRODUCTION else "immediate"
)
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[TASKS_BACKEND]
    }
}

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
FORMAT_MODULE_PATH = ["digikind.formats"]  # dates in full: 21 November 2026
# The chosen language is remembered for a year (see digikind/pages/languages.py).
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = PRODUCTION
TIME_ZONE = envstr("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(envstr("STATIC_ROOT", str(DATA_DIR / "static")))
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [CHECKOUT_DIR / "build" / "static"]
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(DATA_DIR / "uploads")},
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# On the embedded default, static files are served straight from the app folders
# and the asset build, so no collectstatic step is needed.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG

if PRODUCTION:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = envstr("EMAIL_HOST", "localhost")
    EMAIL_PORT = envint("EMAIL_PORT", 587)
    EMAIL_HOST_USER = envstr("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = envsecret("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "Digikind <digikind@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

CSRF_FAILURE_VIEW = "digikind.pages.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", True)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

ADMINS = [("Digikind operator", a) for a in envlist("ADMIN_EMAILS", [])]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "WARNING")},
}

FORM_RENDERER = "digikind.forms_rendering.GovukFormRenderer"
ACCOUNT_FORMS = {"login": "digikind.accounts.forms.LoginForm"}
MFA_FORMS = {
    "authenticate": "digikind.accounts.forms.AuthenticateForm",
    "reauthenticate": "digikind.accounts.forms.ReauthenticateForm",
    "activate_totp": "digikind.accounts.forms.ActivateTOTPForm",
}
MFA_ADAPTER = "digikind.accounts.adapter.MFAAdapter"
