"""Newsroom settings, read from the environment.

A developer's laptop needs nothing set: `make run` turns on DJANGO_DEBUG and the
site runs on SQLite under var/. Production sets DJANGO_SECRET_KEY and the rest;
see the configuration table in the README.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)


def _secret_key() -> str:
    """The secret key from the environment; in debug only, a key kept under var/."""
    if key := env.str("DJANGO_SECRET_KEY", default=""):
        return key
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    # Kept on disk so that a developer's session survives runserver's reloads.
    key_file = VAR_DIR / "dev-secret-key"
    if not key_file.exists():
        VAR_DIR.mkdir(exist_ok=True)
        key_file.write_text(get_random_secret_key())
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()

LOCAL_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=LOCAL_HOSTS[:3] if DEBUG else []
)
if DEBUG and set(ALLOWED_HOSTS) - set(LOCAL_HOSTS):
    # Debug pages show settings and code: never where the public can reach.
    raise ImproperlyConfigured("DJANGO_DEBUG is on with a public host name.")

INSTALLED_APPS = [
    "newsroom.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "content_editor",
    "django_prose_editor",
    "crispy_forms",
    "crispy_bootstrap5",
    "reversion",
    "django_ratelimit",
    "axes",
    "media",
    "articles",
    "comments",
    "imports",
]

MIDDLEWARE = [
    "newsroom.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "newsroom.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, CSRF and the rest: stored pages need none of them.
    "newsroom.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Only looks at pages not found: old blog addresses move on to articles.
    "imports.middleware.OldLinkRedirectMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Last, as django-axes requires: it answers locked-out sign-ins.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Sign-in lockout: this many failures for one username from one address lock
# that pair out for the cool-off time.
AXES_FAILURE_LIMIT = env.int("NEWSROOM_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("NEWSROOM_LOGIN_COOLOFF_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"


def _databases() -> dict:
    """DATABASE_URL, or a SQLite file under var/ tuned for one server."""
    VAR_DIR.mkdir(exist_ok=True)
    database = env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["OPTIONS"] = {
            # WAL lets readers work while a writer commits; IMMEDIATE takes the
            # write lock up front so concurrent writers queue instead of failing.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    else:
        database["CONN_HEALTH_CHECKS"] = True
        # No parallel workers: starting them took 15 ms, five times the work,
        # in the bounded counts of section and tag pages on a large archive.
        database["OPTIONS"] = {
            "options": "-c max_parallel_workers_per_gather=0",
            **database.get("OPTIONS", {}),
        }
    # A worker keeps its connection: opening one costs more than many a page.
    database["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
    return {"default": database}


DATABASES = _databases()


def _caches() -> dict:
    if redis_url := env.str("REDIS_URL", default=""):
        redis = {
            "BACKEND": "newsroom.cache.ResilientRedisCache",
            "LOCATION": redis_url,
            # Fail fast when Redis is away, so pages do not wait on it.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
        return {"default": redis, "pages": redis | {"KEY_PREFIX": "pages"}}
    return {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        # Files, not memory: every worker process must see the same pages and
        # the same generation (newsroom.pagecache).
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": VAR_DIR / "cache" / "pages",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
    }


CACHES = _caches()
# How long a reader page may be kept for anonymous readers (0: not at all);
# any change readers could see forgets them sooner. See newsroom/pagecache.py.
PAGE_CACHE_SECONDS = env.int("DJANGO_PAGE_CACHE_SECONDS", default=600)
# How long the parts of reader pages that every reader shares may be kept
# rendered (0: not at all); forgotten with stored pages. See newsroom/fragments.py.
FRAGMENT_CACHE_SECONDS = env.int("DJANGO_FRAGMENT_CACHE_SECONDS", default=3600)
# django-ratelimit predates Django's own Redis backend (W001), which it works
# with; without Redis the memory cache limits each process on its own (E003).
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.E003")


def _mailers() -> dict:
    """DJANGO_EMAIL_URL (as smtp+tls://user:pass@host:587); the console in debug."""
    if DEBUG and not env.str("DJANGO_EMAIL_URL", default=""):
        return {
            "default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
        }
    config = env.email_url("DJANGO_EMAIL_URL", default="smtp://localhost:25")
    options = {
        "host": config["EMAIL_HOST"],
        "port": config["EMAIL_PORT"],
        "username": config["EMAIL_HOST_USER"],
        "password": config["EMAIL_HOST_PASSWORD"],
        "use_tls": config.get("EMAIL_USE_TLS", False),
        "use_ssl": config.get("EMAIL_USE_SSL", False),
    }
    return {"default": {"BACKEND": config["EMAIL_BACKEND"], "OPTIONS": options}}


MAILERS = _mailers()
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="newsroom@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", _("English"))]
TIME_ZONE = env.str("DJANGO_TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]

MEDIA_URL = "uploads/"
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(VAR_DIR / "uploads")))
MEDIA_MAX_UPLOAD_BYTES = env.int("NEWSROOM_MAX_UPLOAD_BYTES", default=20 * 1024 * 1024)
MEDIA_MAX_PIXELS = env.int("NEWSROOM_MAX_PIXELS", default=50_000_000)
# Uploads are served by Django unless a web server in front does it.
SERVE_MEDIA = env.bool("DJANGO_SERVE_MEDIA", default=True)


def _media_storage() -> dict:
    """Uploads on this machine's disk, or in S3-compatible object storage."""
    if env.str("DJANGO_MEDIA_STORAGE", default="local") != "s3":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("DJANGO_S3_BUCKET"),
            "endpoint_url": env.str("DJANGO_S3_ENDPOINT_URL", default=None),
            "region_name": env.str("DJANGO_S3_REGION", default=None),
            # Unset: boto3's usual credentials (environment, instance role).
            "access_key": env.str("DJANGO_S3_ACCESS_KEY_ID", default=None),
            "secret_key": env.str("DJANGO_S3_SECRET_ACCESS_KEY", default=None),
            "custom_domain": env.str("DJANGO_S3_CUSTOM_DOMAIN", default=None),
            # Published images are public; names never collide or change.
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000"},
        },
    }


STORAGES = {
    "default": _media_storage(),
    "staticfiles": {"BACKEND": "newsroom.storage.StaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# The PostgreSQL text search configuration: stemming and stop words.
SEARCH_CONFIG = env.str("NEWSROOM_SEARCH_CONFIG", default="english")

# How long an editor's preview link for an unpublished article works.
ARTICLE_PREVIEW_MAX_AGE = env.int("NEWSROOM_PREVIEW_MAX_AGE", default=7 * 86400)

# Reader comments: how they are held for moderation, limited and kept.
# "all" holds every comment; "first_time" holds a commenter's first until one
# of theirs is approved (as WordPress does); "none" publishes at once.
COMMENTS_MODERATION = env.str("NEWSROOM_COMMENTS_MODERATION", default="first_time")
COMMENTS_MAX_LINKS = env.int("NEWSROOM_COMMENTS_MAX_LINKS", default=2)
COMMENTS_BLOCKED_WORDS = env.list("NEWSROOM_COMMENTS_BLOCKED_WORDS", default=[])
COMMENTS_BLOCKED_DOMAINS = env.list("NEWSROOM_COMMENTS_BLOCKED_DOMAINS", default=[])
COMMENTS_CLOSE_AFTER_DAYS = env.int("NEWSROOM_COMMENTS_CLOSE_AFTER_DAYS", default=30)
COMMENTS_REPORTS_TO_HOLD = env.int("NEWSROOM_COMMENTS_REPORTS_TO_HOLD", default=3)
COMMENTS_MAX_DEPTH = 2  # replies to replies, no deeper
COMMENTS_MAX_LENGTH = 5000
# A form posted sooner than this after it was served is a robot's.
COMMENTS_MIN_SECONDS = env.int("NEWSROOM_COMMENTS_MIN_SECONDS", default=3)
COMMENTS_FORM_MAX_AGE = env.int("NEWSROOM_COMMENTS_FORM_MAX_AGE", default=2 * 86400)
COMMENTS_RATE_PER_IP = env.str("NEWSROOM_COMMENTS_RATE_PER_IP", default="6/10m")
COMMENTS_RATE_PER_EMAIL = env.str("NEWSROOM_COMMENTS_RATE_PER_EMAIL", default="4/10m")
COMMENTS_REPORT_RATE = env.str("NEWSROOM_COMMENTS_REPORT_RATE", default="10/h")
# How long a reader's browser shows them their comments awaiting moderation.
COMMENTS_PENDING_MAX_AGE = 14 * 86400
COMMENTS_IP_RETENTION_DAYS = env.int("NEWSROOM_COMMENTS_IP_RETENTION_DAYS", default=30)

# Where readers reach the site, for links in emails sent outside a request.
NEWSROOM_BASE_URL = env.str("NEWSROOM_BASE_URL", default="http://127.0.0.1:8000")
NEWSROOM_SITE_NAME = env.str("NEWSROOM_SITE_NAME", default="The Newsroom")
# Moving the admin off /admin/ spares it most drive-by password guessing.
ADMIN_URL = env.str("DJANGO_ADMIN_URL", default="admin/")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# Served over HTTPS (production): secure cookies, HSTS and redirects to https.
HTTPS = env.bool("DJANGO_HTTPS", default=not DEBUG)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
    "DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=HTTPS
)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=False)
if not SECURE_HSTS_PRELOAD:
    # Preloading is hard to undo, so it is the operator's choice, not ours.
    SILENCED_SYSTEM_CHECKS.append("security.W021")
# Only behind a proxy that terminates TLS and sets this header itself.
if env.bool("DJANGO_BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The health checks answer load balancers over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# Requests larger than this are refused before a view sees them.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# No inline script or style anywhere: what a page needs comes from our own
# static files, and the admin's import maps carry the request's nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Logs go to stdout: one JSON object a line in production (request id, status,
# duration; tracebacks for errors), plain text while developing.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "newsroom.middleware.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
        },
        "text": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id"],
            "formatter": "text" if DEBUG else "json",
        }
    },
    "root": {"handlers": ["stdout"], "level": env.str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # The request line above replaces Django's own per-request warnings.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "ERROR"},
    },
}
