"""OIPA settings: one file, every value from the environment with a safe default.

Every variable is listed in `.env.example`. Malformed values stop start-up with a clear message.
`OIPA_ENV=production` switches on the hardening that `manage.py check --deploy` asks for and
refuses to start without an explicit SECRET_KEY.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
import dj_email_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from oipa.env import env_bool, env_choice, env_int, env_list, env_str

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = Path(env_str("OIPA_BASE_DIR", str(PACKAGE_DIR.parent.parent)))
VAR_DIR = Path(env_str("OIPA_VAR_DIR", str(BASE_DIR / "var")))

OIPA_ENV = env_choice("OIPA_ENV", "development", ("development", "production"))
PRODUCTION = OIPA_ENV == "production"
DEBUG = env_bool("DEBUG", False)


def _secret_key() -> str:
    """The configured key; locally a key generated once into var/ so sessions survive restarts."""
    key = env_str("SECRET_KEY")
    if key:
        return key
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when OIPA_ENV=production")
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "oipa.core.admin_site.OipaAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "django_htmx",
    "oipa.core",
    "oipa.core.audit",
    "oipa.core.calendar",
    "oipa.core.taxonomy",
    "oipa.core.notifications",
    "oipa.accounts",
    "oipa.assistance",
    "oipa.monitoring",
    "oipa.experts",
    "oipa.watch",
    "oipa.knowledge",
    "oipa.directory",
    "oipa.leads",
    "oipa.training",
    "oipa.funding",
    "oipa.enterprises",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "oipa.accounts.middleware.RequireMfaMiddleware",
    "oipa.accounts.middleware.RememberLanguageMiddleware",
]

ROOT_URLCONF = "oipa.urls"
WSGI_APPLICATION = "oipa.wsgi.application"

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
                "oipa.accounts.context_processors.membership",
            ],
        },
    },
]

# Database: embedded SQLite under var/ unless DATABASE_URL says otherwise.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'oipa.sqlite3'}")
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
except ValueError as exc:  # dj-database-url raises ValueError on unknown schemes
    raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from exc
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Single writer by design: WAL lets readers proceed while one write transaction holds the lock.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHE_URL = env_str("CACHE_URL", "locmem://")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
elif CACHE_URL == "locmem://":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    raise ImproperlyConfigured("CACHE_URL must be locmem:// or a redis:// URL")

# Accounts -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "full_name")},
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_ADAPTER = "oipa.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = env_choice(
    "ACCOUNT_EMAIL_VERIFICATION", "mandatory", ("mandatory", "optional", "none")
)
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PREVENT_ENUMERATION = True
# Temporary throttling, never a permanent lock-out: a burst of failures for one account waits
# out the window.
ACCOUNT_RATE_LIMITS = {
    "login_failed": env_str("LOGIN_FAILED_RATE", "20/m/ip,5/5m/key"),
    "reset_password": "20/m/ip,5/h/key",
    "signup": "20/m/ip",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env_str("MFA_TOTP_ISSUER", "OIPA")
PASSWORD_RESET_TIMEOUT = 60 * 60  # reset links are valid for one hour
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 8 * 60 * 60, minimum=300)
SESSION_SAVE_EVERY_REQUEST = True  # the age counts from the last request: an idle timeout
SESSION_EXPIRE_AT_BROWSER_CLOSE = False
# Privileged accounts (Center admins, auditors) must change their password this often.
PRIVILEGED_PASSWORD_MAX_AGE_DAYS = env_int("PRIVILEGED_PASSWORD_MAX_AGE_DAYS", 180, minimum=1)

# Internationalization -----------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# Static and media ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"  # never served directly: files go through permission-checked views
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(MEDIA_ROOT)},
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Registry-installed front-end assets (see `make static-assets`); absent ones are simply skipped.
ECHARTS_DIST = Path(
    env_str("ECHARTS_DIST", str(VAR_DIR / "npm" / "node_modules" / "echarts" / "dist"))
)
STATICFILES_DIRS = [("vendor/echarts", ECHARTS_DIST)] if ECHARTS_DIST.is_dir() else []
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns about a missing root
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Email --------------------------------------------------------------------------------------
_email = dj_email_url.parse(env_str("EMAIL_URL", "console:"))
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")  # absolute links in emails
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "OIPA <noreply@oipa.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: without a broker, tasks run in-process so the embedded default works alone. --------
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND") or None  # only needed to wait on results
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "notification-daily-digests": {
        "task": "oipa.core.notifications.tasks.send_daily_digests",
        "schedule": crontab(hour=8, minute=0),
    },
    "notification-weekly-digests": {
        "task": "oipa.core.notifications.tasks.send_weekly_digests",
        "schedule": crontab(hour=8, minute=0, day_of_week="mon"),
    },
    "monitoring-due-sources": {
        "task": "oipa.monitoring.tasks.run_due_sources",
        "schedule": timedelta(minutes=env_int("MONITORING_TICK_MINUTES", 5, minimum=1)),
    },
    "sla-reminders": {
        "task": "oipa.assistance.tasks.remind_clocks_due",
        "schedule": timedelta(hours=24),
    },
    "audit-checkpoint": {
        "task": "oipa.core.audit.tasks.checkpoint_audit_chain",
        "schedule": timedelta(minutes=env_int("AUDIT_CHECKPOINT_MINUTES", 60, minimum=1)),
    },
}

# Guidance applications ----------------------------------------------------------------------
CASE_NUMBER_PREFIX = env_str("CASE_NUMBER_PREFIX", "京海援")
SLA_ACCEPTANCE_DAYS = env_int("SLA_ACCEPTANCE_DAYS", 2, minimum=1)
SLA_ASSIGNMENT_DAYS = env_int("SLA_ASSIGNMENT_DAYS", 3, minimum=1)
SLA_FIRST_GUIDANCE_DAYS = env_int("SLA_FIRST_GUIDANCE_DAYS", 5, minimum=1)
ATTACHMENT_MAX_BYTES = env_int("ATTACHMENT_MAX_MB", 25, minimum=1) * 1024 * 1024

# "clamd://127.0.0.1:3310" or "unix:///run/clamav/clamd.ctl" to scan uploads; empty: no scan
VIRUS_SCAN_URL = env_str("VIRUS_SCAN_URL")
CENTER_DISPLAY_NAME = env_str("CENTER_DISPLAY_NAME", "北京市海外知识产权维权援助中心")
CENTER_ADDRESS = env_str("CENTER_ADDRESS", "")
CENTER_PHONE = env_str("CENTER_PHONE", "")

# Dispute monitoring -------------------------------------------------------------------------
COURTLISTENER_TOKEN = env_str("COURTLISTENER_TOKEN")  # for CourtListener sources given a URL
# How far back re-matching looks when an enterprise registers or gets a new name (days).
MONITORING_REMATCH_DAYS = env_int("MONITORING_REMATCH_DAYS", 365, minimum=1)
# juriscraper logs to /var/log/juriscraper unless told otherwise; keep its log under var/.
os.environ.setdefault("JURISCRAPER_LOG", str(VAR_DIR / "juriscraper.log"))

# API ----------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "oipa.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "OIPA API",
    "DESCRIPTION": "Overseas IP Protection Assistance Platform",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Every app has its own `status`; name each choice set after its domain in the schema.
    "ENUM_NAME_OVERRIDES": {
        "ApplicationStatusEnum": "oipa.assistance.workflow.Status",
        "IPTypeEnum": "oipa.core.taxonomy.choices.IPType",
        "DisputeTypeEnum": "oipa.core.taxonomy.choices.DisputeType",
        "ExpertStatusEnum": "oipa.experts.models.ProfileStatus",
        "InvitationStatusEnum": "oipa.experts.models.InvitationStatus",
        "ProposalStatusEnum": "oipa.experts.models.ProposalStatus",
        "EditorialStatusEnum": "oipa.knowledge.models.EditorialStatus",
        "ListingStatusEnum": "oipa.directory.models.ListingStatus",
        "ListingChangeStatusEnum": "oipa.directory.models.ChangeStatus",
        "FundingStatusEnum": "oipa.funding.models.FundingStatus",
        "FundClaimStatusEnum": "oipa.funding.models_fund.FundClaimStatus",
        "LeadStatusEnum": "oipa.leads.models.LeadStatus",
        "EventStatusEnum": "oipa.training.models.EventStatus",
        "RegistrationStatusEnum": "oipa.training.models.RegistrationStatus",
        "HitStatusEnum": "oipa.watch.models.HitStatus",
        "WatchRunStatusEnum": "oipa.watch.models.RunStatus",
    },
}

# experts ----------------------------------------------------------------------------------

# watch ------------------------------------------------------------------------------------
WATCH_SERIAL_MIN_BRANDS = env_int("WATCH_SERIAL_MIN_BRANDS", 3, minimum=2)
WATCH_SERIAL_WINDOW_DAYS = env_int("WATCH_SERIAL_WINDOW_DAYS", 365, minimum=1)
WATCH_SERIAL_MIN_CHINESE_MARKS = env_int("WATCH_SERIAL_MIN_CHINESE_MARKS", 5, minimum=2)
WATCH_URGENT_DAYS = env_int("WATCH_URGENT_DAYS", 10, minimum=0)
# A newly watched mark is matched against publications of this many past days.
WATCH_BACKFILL_DAYS = env_int("WATCH_BACKFILL_DAYS", 180, minimum=0)
WATCH_USPTO_DAILY_URL = env_str("WATCH_USPTO_DAILY_URL", "")
CELERY_BEAT_SCHEDULE["watch-uspto-daily"] = {
    "task": "oipa.watch.tasks.import_uspto_daily",
    "schedule": crontab(hour=env_int("WATCH_IMPORT_HOUR", 7, minimum=0), minute=15),
}
CELERY_BEAT_SCHEDULE["watch-match-pending"] = {
    "task": "oipa.watch.tasks.match_pending",
    "schedule": timedelta(hours=1),
}

# knowledge --------------------------------------------------------------------------------

# directory --------------------------------------------------------------------------------

# leads ------------------------------------------------------------------------------------

# training ---------------------------------------------------------------------------------
TRAINING_REMINDER_HOURS = env_int("TRAINING_REMINDER_HOURS", 24, minimum=1)
CELERY_BEAT_SCHEDULE["training-reminders"] = {
    "task": "oipa.training.tasks.send_event_reminders",
    "schedule": timedelta(minutes=env_int("TRAINING_REMINDER_TICK_MINUTES", 30, minimum=1)),
}

# funding ----------------------------------------------------------------------------------
# A funding application granting more than this (CNY) needs a second reviewer's approval.
FUNDING_SECOND_APPROVAL_THRESHOLD = env_int("FUNDING_SECOND_APPROVAL_THRESHOLD", 50000, minimum=0)

# enterprises ------------------------------------------------------------------------------

# Audit trail --------------------------------------------------------------------------------
AUDIT_HASH_ALGORITHM = env_choice("AUDIT_HASH_ALGORITHM", "sha256", ("sha256", "sm3"))
AUDIT_CHECKPOINT_PATH = Path(
    env_str("AUDIT_CHECKPOINT_PATH", str(VAR_DIR / "audit" / "checkpoints.jsonl"))
)
AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 365, minimum=365)

# Security -----------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-free meta tag instead
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
