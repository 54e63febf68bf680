"""Settings shared by every environment; everything variable comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# --------------------------------------------------------------------------------------------------
# Paths and environment
# --------------------------------------------------------------------------------------------------

# All local state of the embedded shape lives under one folder so two copies can run side by side.
DATA_DIR = Path(os.environ.get("ACERVO_DATA_DIR", BASE_DIR / "var")).resolve()


# --------------------------------------------------------------------------------------------------
# Core
# --------------------------------------------------------------------------------------------------

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")


# --------------------------------------------------------------------------------------------------
# Applications and middleware
# --------------------------------------------------------------------------------------------------

INSTALLED_APPS = [
    "accounts",
    "oer",
    "courses",
    "search",
    "media",
    "operations",
    "offline.nodes",
    "offline.packs",
    "offline.web",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A lost database connection answers 503 in Spanish (docs/operacion.md); acervo/urls.py's
    # handler500 does the same when a middleware, not a view, met the error.
    "acervo.database_unavailable.DatabaseUnavailableMiddleware",
    # Outside the page cache so cached answers carry the policy too (see docs/seguridad.md).
    "acervo.security_headers.ContentSecurityPolicyMiddleware",
    "acervo.security_headers.PermissionsPolicyMiddleware",
    # Anonymous searches and pages from the shared cache, before any session or database work;
    # outside the page cache so stored answers keep its headers (docs/operacion.md).
    "acervo.response_cache.AnonymousResponseCacheMiddleware",
    # Outside the session middleware so it sees every cookie the response ends up setting.
    "oer.caching.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Two-factor: marks the session's verified device, then keeps the admin behind the code (docs/seguridad.md).
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a locked-out log-in into the Spanish 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "acervo.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "acervo.wsgi.application"


# --------------------------------------------------------------------------------------------------
# Database
# --------------------------------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'acervo.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the web process read while a worker or an import writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# --------------------------------------------------------------------------------------------------
# Cache and sessions
# --------------------------------------------------------------------------------------------------

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "acervo.redis_cache.ReusedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "acervo",
        }
    }
    # Sessions read from the shared cache, written through to the database: no session query per request.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Seconds anonymous search answers and public pages are served from the cache; 0 turns it off.
ACERVO_RESPONSE_CACHE_SECONDS = int(os.environ.get("ACERVO_RESPONSE_CACHE_SECONDS", "0"))


# --------------------------------------------------------------------------------------------------
# Accounts: authentication, log-in throttling, mail
# --------------------------------------------------------------------------------------------------

# Users are read through the shared cache on each request; saving or deleting one drops its entry.
# django-axes comes first: a locked-out username or address is refused before any password check.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "courses.cached_users.CachedUserBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "/cuentas/entrar/"
LOGIN_REDIRECT_URL = "/mi-aprendizaje/"
LOGOUT_REDIRECT_URL = "/"

# Log-in throttling (django-axes): 10 failures in 15 minutes for one username or one address lock
# both log-in pages for that username or address until the window passes (docs/seguridad.md).
from datetime import timedelta  # noqa: E402

AXES_FAILURE_LIMIT = int(os.environ.get("ACERVO_LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("ACERVO_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "acervo.client_address.client_address"
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_VERBOSE = False
# How many reverse proxies in front of the site append to X-Forwarded-For; 0 means the TCP peer
# is the client and the header is ignored.
ACERVO_TRUSTED_PROXY_COUNT = int(os.environ.get("ACERVO_TRUSTED_PROXY_COUNT", "0"))

# Mail (password reset): SMTP whenever EMAIL_HOST is set, in every settings module; without it
# production tries a local mail server, dev prints mail and tests keep it in memory.
EMAIL_HOST = os.environ.get("EMAIL_HOST") or "localhost"
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Acervo <no-responder@acervo.example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_RESET_TIMEOUT", str(60 * 60 * 24)))

# Two-factor for the admin (django-otp): wrong codes count as failed log-ins for django-axes, so
# django-otp's own growing delay is off. Sign-up mail verification is off unless asked for.
OTP_TOTP_ISSUER = "Acervo"
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
ACERVO_REQUIRE_EMAIL_VERIFICATION = env_bool("ACERVO_REQUIRE_EMAIL_VERIFICATION", False)
ACERVO_EMAIL_VERIFICATION_DAYS = int(os.environ.get("ACERVO_EMAIL_VERIFICATION_DAYS", "3"))


# --------------------------------------------------------------------------------------------------
# Language and time
# --------------------------------------------------------------------------------------------------

LANGUAGE_CODE = "es-mx"
LANGUAGES = [("es-mx", _("Español (México)"))]
# The second catalogue puts into Spanish what Wagtail's own Spanish leaves in English (its admin).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail"]
TIME_ZONE = "America/Mexico_City"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("es", "Español")]
WAGTAIL_I18N_ENABLED = False


# --------------------------------------------------------------------------------------------------
# Static files, media and stored files
# --------------------------------------------------------------------------------------------------

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # pdf.js for the book reader, from the npm package (see oer/reader/pdfjs.py).
    "oer.reader.pdfjs.PdfjsFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
ACERVO_PDFJS_DIR = BASE_DIR / "node_modules" / "pdfjs-dist"
STATIC_ROOT = DATA_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = DATA_DIR / "uploads"
MEDIA_URL = "/media/"

# Media: local disk, or S3 when AWS_STORAGE_BUCKET_NAME is set; every upload is validated.
from media.storage_settings import storages_from_environment  # noqa: E402

STORAGES = storages_from_environment(os.environ)

WAGTAILIMAGES_RENDITION_STORAGE = "media.rendition_storage.RenditionStorage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "media.forms.ValidatedImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "media.forms.ValidatedDocumentForm"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Downloads of a record's file_url (import_catalog --fetch): size cap, and hosts exempt from the
# refusal of loopback, private and cloud-metadata addresses (exact names, e.g. a local mirror).
ACERVO_FETCH_MAX_BYTES = int(os.environ.get("ACERVO_FETCH_MAX_BYTES", str(2 * 1024**3)))
ACERVO_FETCH_ALLOWED_HOSTS = env_list("ACERVO_FETCH_ALLOWED_HOSTS")
# Reading stored books in the background (ingest_files): a book over these limits is refused with
# its reason in Informes → Archivos instead of tying up the worker.
ACERVO_INGEST_MAX_PAGES = int(os.environ.get("ACERVO_INGEST_MAX_PAGES", "5000"))
ACERVO_INGEST_MAX_BYTES = int(os.environ.get("ACERVO_INGEST_MAX_BYTES", str(1024**3)))


# --------------------------------------------------------------------------------------------------
# Public address and signed certificates
# --------------------------------------------------------------------------------------------------

# The public address: every absolute URL the site writes starts with it (see docs/certificados.md).
ACERVO_BASE_URL = os.environ.get("ACERVO_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = ACERVO_BASE_URL
WAGTAILAPI_BASE_URL = ACERVO_BASE_URL

ACERVO_ISSUER_NAME = os.environ.get("ACERVO_ISSUER_NAME", "Acervo — Secretaría de Educación Pública")
# The issuer's web page named in credentials; empty means ACERVO_BASE_URL.
ACERVO_ISSUER_URL = os.environ.get("ACERVO_ISSUER_URL", "")
# Signed certificates: the issuer's private key (PEM, Ed25519 or P-256). Without one, development
# generates a key under DATA_DIR on first use; production's deploy check refuses to run without it.
ACERVO_SIGNING_KEY_FILE = os.environ.get("ACERVO_SIGNING_KEY_FILE", "")
ACERVO_SIGNING_KEY_AUTOCREATE = True
# Learning records (docs/xapi.md): with a Learning Record Store's xAPI endpoint (".../xAPI"), learning
# events go to it as xAPI statements; empty sends nothing.
XAPI_LRS_URL = os.environ.get("XAPI_LRS_URL", "")
XAPI_LRS_USERNAME = os.environ.get("XAPI_LRS_USERNAME", "")
XAPI_LRS_PASSWORD = os.environ.get("XAPI_LRS_PASSWORD", "")


# --------------------------------------------------------------------------------------------------
# Wagtail
# --------------------------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Acervo"
# The admin loads nothing from other hosts: no Gravatar (it would send editors' email hashes out)
# and no update check from the browser; both would also break the Content-Security-Policy.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip", "epub"]


# --------------------------------------------------------------------------------------------------
# Background work
# --------------------------------------------------------------------------------------------------

# Background work: django-tasks with its database backend; `manage.py db_worker` runs it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


# --------------------------------------------------------------------------------------------------
# APIs, OAI-PMH and open data
# --------------------------------------------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["acervo.drf.SessionAuthentication"],
    "DEFAULT_PARSER_CLASSES": [
        "acervo.drf.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Acervo API",
    "DESCRIPTION": "API pública de búsqueda y API de aprendizaje de Acervo.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["acervo.openapi.only_public_api"],
}

# OAI-PMH and open data: repository id in identifiers (default: the public host), contact,
# resumption page size, and the anonymous rate of the partner API (/api/v2/).
ACERVO_OAI_REPOSITORY_ID = os.environ.get("ACERVO_OAI_REPOSITORY_ID", "")
ACERVO_OAI_ADMIN_EMAIL = os.environ.get("ACERVO_OAI_ADMIN_EMAIL", "datos-abiertos@acervo.example.org")
ACERVO_OAI_PAGE_SIZE = int(os.environ.get("ACERVO_OAI_PAGE_SIZE", "100"))
ACERVO_API_V2_RATE = os.environ.get("ACERVO_API_V2_RATE", "120/min")
# Community nodes (docs/offline.md): keys of the nodes this instance gives quiz answers to, and the
# key this node signs its course requests with when it syncs from another instance.
ACERVO_NODE_KEYS = os.environ.get("ACERVO_NODE_KEYS", "")
ACERVO_SYNC_KEY = os.environ.get("ACERVO_SYNC_KEY", "")


# --------------------------------------------------------------------------------------------------
# Search
# --------------------------------------------------------------------------------------------------

# Elasticsearch is used when this is set; otherwise the embedded engine under DATA_DIR.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ACERVO_SEARCH_INDEX_DIR = DATA_DIR / "search"
# Dense vectors beside the words (search/embeddings/): off, search is lexical only.
ACERVO_SEMANTIC_SEARCH = env_bool("ACERVO_SEMANTIC_SEARCH", True)


# --------------------------------------------------------------------------------------------------
# Security headers
# --------------------------------------------------------------------------------------------------

# Content-Security-Policy (django-csp): no inline scripts outside the admin; the S3 origins of
# STORAGES are added per response (docs/seguridad.md).
from acervo.security_headers import content_security_policy  # noqa: E402

CONTENT_SECURITY_POLICY = content_security_policy()
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
ACERVO_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


# --------------------------------------------------------------------------------------------------
# Logging
# --------------------------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "wagtail": {"level": "WARNING"}},
}
