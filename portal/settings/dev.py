"""Development: DEBUG on, a throwaway secret, mails on the console."""

from .base import *  # noqa: F403

# The development tools (the demo corpus, the benchmark harness): never in production's INSTALLED_APPS.
INSTALLED_APPS = [*INSTALLED_APPS, *DEVELOPMENT_APPS]  # noqa: F405

DEBUG = True
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-secret-key-not-for-production")  # noqa: F405
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
