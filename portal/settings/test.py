"""Tests: fast hashing, in-memory mail, no manifest needed for static files."""

from .base import *  # noqa: F403

# The development tools (the demo corpus, the benchmark harness): never in production's INSTALLED_APPS.
INSTALLED_APPS = [*INSTALLED_APPS, *DEVELOPMENT_APPS]  # noqa: F405

SECRET_KEY = "test-only-secret-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
PORTAL_SITE_URL = "http://localhost"  # the test tree's Site
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Tests make many requests from one address; the rate-limit tests switch this on where they need it.
RATELIMIT_ENABLE = False
# Wagtail's page test helpers log in without a request, which django-axes refuses; the lockout tests switch it on.
AXES_ENABLED = False
