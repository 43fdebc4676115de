"""Settings shared by every environment.

Secure by default: DEBUG is off and the secret key must come from the environment. The development and test
modules loosen what they must; the production module adds what only production needs.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal.shared",
    "portal.taxonomy",
    "portal.home",
    "portal.search",
    "portal.events",
    "portal.themes",
    "portal.outbox",
    "stories",
    "methods",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
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
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",  # its Danish catalog: Wagtail's admin says "for 2 minutter siden" with naturaltime
    "csp",
    "axes",
    "django_ratelimit",
    "portal.roles",  # after wagtail.admin: replaces its workflow e-mails with Danish ones
]

# Development tools as apps: the demo corpus (load_demo_content) and the benchmark harness (generate_corpus,
# benchmark). Only the development and test settings install them, so their commands never run against production.
DEVELOPMENT_APPS = ["portal.demo", "portal.benchmark"]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.shared.page_cache.AnonymousPageCacheMiddleware",  # after auth: never for a logged-in user
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",  # a rate-limited request gets the Danish 429 page
    "axes.middleware.AxesMiddleware",  # last: answers a locked-out login with the Danish lockout page
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.shared.context_processors.portal",
            ],
        },
    },
]

# Database: SQLite is the embedded default; PostgreSQL in production via DATABASE_URL. Connections are kept for a
# minute (checked before reuse) unless DATABASE_CONN_MAX_AGE says otherwise: opening a PostgreSQL connection costs
# about 15 ms of every request.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Take the write lock when a transaction begins, so select_for_update-style sections (submitting a story)
    # serialise on SQLite as they do on PostgreSQL.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
    # A writer waits up to 20 s for another's lock (Django's default is 5 s), so a colleague's slow upload delays a
    # save instead of failing it with "database is locked".
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "stories:my_stories"
LOGOUT_REDIRECT_URL = "/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Danish first: the public site is always Danish (no LocaleMiddleware); each editor picks Danish or English
# for the Wagtail admin in their account settings.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "portal" / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "portal" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media on an S3-compatible object store (AWS, MinIO, a Danish cloud) instead of local disk: set PORTAL_S3_BUCKET.
# The bucket stays private: images get signed URLs, documents are streamed by Wagtail after its permission check.
if os.environ.get("PORTAL_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["PORTAL_S3_BUCKET"],
            "endpoint_url": os.environ.get("PORTAL_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("PORTAL_S3_REGION") or None,
            "access_key": os.environ.get("PORTAL_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("PORTAL_S3_SECRET_ACCESS_KEY") or None,
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": int(os.environ.get("PORTAL_S3_URL_SECONDS", str(24 * 60 * 60))),
            "file_overwrite": False,
        },
    }

# Only strictly necessary cookies: the session (for logged-in editors) and CSRF.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy on the public site: no inline script or style, nothing from third parties except the
# video players a visitor asks for by clicking. Wagtail's admin needs inline code and is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com", "https://www.dr.dk"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in ["camera", "microphone", "geolocation", "payment", "usb", "interest-cohort", "browsing-topics"]
} | {"fullscreen": ["self", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]}

# Brute-force protection for every login (the public one and the admin's): five failed attempts for one user name
# from one address lock that pair out for an hour. Attempts are kept in the database, so no extra service is needed.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("PORTAL_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# The client's address behind PORTAL_PROXY_COUNT reverse proxies: one function for the lockout and every rate limit.
PORTAL_PROXY_COUNT = int(os.environ.get("PORTAL_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "portal.shared.client.client_key"  # IPv6 counted per /64, as the rate limits
AXES_VERBOSE = False

# Rate limits (django-ratelimit) on search and on the submission and adaptation forms, counted in the cache. In
# production that cache is Redis (REDIS_URL), shared by every worker; without it (development, tests) each process
# counts for itself in memory, which still stops a runaway client.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "gode-historier"}
}
# Whole pages for anonymous visitors, emptied on every publish (portal/shared/page_cache.py); off unless set.
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PORTAL_PAGE_CACHE_SECONDS", "0"))
# At most this many cached variants (query strings) of one address per generation; beyond it, served uncached.
PORTAL_PAGE_CACHE_VARIANTS = int(os.environ.get("PORTAL_PAGE_CACHE_VARIANTS", "100"))
RATELIMIT_VIEW = "portal.shared.views.rate_limited"
RATELIMIT_IP_META_KEY = "portal.shared.client.client_address"  # key="ip" too, should a limit use it
RATELIMIT_ENABLE = env_bool("PORTAL_RATELIMIT", True)
PORTAL_RATE_SEARCH = os.environ.get("PORTAL_RATE_SEARCH", "120/m")
PORTAL_RATE_FORMS = os.environ.get("PORTAL_RATE_FORMS", "30/m")
if not REDIS_URL:
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # One line per background task run is noise; failures are still logged.
    "loggers": {"django_tasks": {"level": "WARNING"}, "opensearch": {"level": "WARNING"}},
}

EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Gode Historier <noreply@example.org>")

# Wagtail
WAGTAIL_SITE_NAME = "Gode Historier"
# The portal's own address, for every link that leaves the page (sitemap, feeds, .ics, e-mails, the printable
# programme): portal/shared/site_address.py. `make run` sets it from HOST and PORT.
PORTAL_SITE_URL = os.environ.get("PORTAL_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", PORTAL_SITE_URL)
WAGTAILADMIN_PERMITTED_LANGUAGES = [("da", "Dansk"), ("en", "English")]
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no editor's e-mail hash goes to a third party for an avatar
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the dashboard would ask releases.wagtail.org from every editor's browser
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("da", "Dansk")]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's own Danish stemming: a search for "misbrug" also finds "misbrugere".
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "danish"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf"]
# Uploads in the admin follow the public form's rules (portal/shared/images.py, pdfs.py): at most 40 megapixels,
# upright, scaled down to 3200 px and without metadata; PDFs scanned for CPR numbers and stripped of metadata; and
# the personal-data guard at the title and file name fields (portal/shared/media_forms.py).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.shared.media_forms.GuardedImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.shared.media_forms.GuardedDocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
TAGGIT_CASE_INSENSITIVE = True

# Background tasks (search index, Wagtail's reference index): inline by default; production stores them in the
# database for a worker (`manage.py db_worker`), so a slow search engine never holds up an editor's request.
TASKS = {
    "default": {"BACKEND": os.environ.get("PORTAL_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}
}

# Portal search: the embedded database engine unless a search engine is configured.
PORTAL_SEARCH_URL = os.environ.get("PORTAL_SEARCH_URL", "")
PORTAL_SEARCH_ENGINE = os.environ.get("PORTAL_SEARCH_ENGINE", "opensearch" if PORTAL_SEARCH_URL else "database")
PORTAL_SEARCH_INDEX = os.environ.get("PORTAL_SEARCH_INDEX", "gode-historier")
# A search waits at most this long for the engine (seconds): to connect, and for an answer. Indexing waits longer.
PORTAL_SEARCH_CONNECT_TIMEOUT = float(os.environ.get("PORTAL_SEARCH_CONNECT_TIMEOUT", "0.5"))
PORTAL_SEARCH_TIMEOUT = float(os.environ.get("PORTAL_SEARCH_TIMEOUT", "2"))
PORTAL_SEARCH_INDEX_TIMEOUT = float(os.environ.get("PORTAL_SEARCH_INDEX_TIMEOUT", "30"))
# The circuit breaker (portal/search/breaker.py): this many failures in a row, within the window, and every worker
# skips the engine (the database engine answers) for PORTAL_SEARCH_BREAKER_SECONDS, then one trial call decides.
PORTAL_SEARCH_BREAKER_FAILURES = int(os.environ.get("PORTAL_SEARCH_BREAKER_FAILURES", "3"))
PORTAL_SEARCH_BREAKER_SECONDS = float(os.environ.get("PORTAL_SEARCH_BREAKER_SECONDS", "30"))
PORTAL_SEARCH_BREAKER_WINDOW = float(os.environ.get("PORTAL_SEARCH_BREAKER_WINDOW", "60"))

# Portal
PORTAL_LISTING_PAGE_SIZE = 12
