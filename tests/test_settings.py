"""Secure by default: production refuses to start without its secrets and passes Django's deployment checks."""

import os
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from tests.conftest import require_service

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_SETTINGS_MODULE="portal.settings.production")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "DJANGO_SECRET_KEY": "x" * 20 + "-a-long-and-random-production-secret-for-the-test",
    "DJANGO_ALLOWED_HOSTS": "gode-historier.example.dk",
    "DATABASE_URL": "sqlite:///:memory:",
}


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def throwaway_redis(*options):
    """A real redis-server on a private port with these options; yields its URL."""
    import redis

    require_service(shutil.which("redis-server") is not None, "redis-server is not installed (apt-get install it)")
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", *options], stdout=subprocess.DEVNULL
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        for _ in range(100):
            try:
                redis.Redis.from_url(url).ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_production_settings_pass_the_deployment_checks():
    with throwaway_redis("--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru") as redis_url:
        result = manage("check", "--deploy", "--fail-level", "WARNING", REDIS_URL=redis_url, **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_deployment_check_warns_when_redis_has_no_memory_cap():
    with throwaway_redis("--maxmemory", "0") as redis_url:
        result = manage("check", "--deploy", REDIS_URL=redis_url, **PRODUCTION)
    assert result.returncode == 0, result.stderr  # a warning: the deployment goes on
    assert "portal.W001" in result.stderr and "maxmemory" in result.stderr


def test_the_deployment_check_warns_when_a_capped_redis_evicts_nothing():
    with throwaway_redis("--maxmemory", "64mb", "--maxmemory-policy", "noeviction") as redis_url:
        result = manage("check", "--deploy", REDIS_URL=redis_url, **PRODUCTION)
    assert "portal.W003" in result.stderr and "portal.W001" not in result.stderr


def test_the_deployment_check_only_warns_when_redis_cannot_be_reached():
    result = manage("check", "--deploy", REDIS_URL=f"redis://127.0.0.1:{free_port()}/0", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "portal.W002" in result.stderr and "portal.W001" not in result.stderr


def test_production_refuses_to_count_rate_limits_per_process():
    result = manage(
        "check",
        "--deploy",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY="x" * 20 + "-a-long-and-random-production-secret-for-the-test",
        DJANGO_ALLOWED_HOSTS="gode-historier.example.dk",
        DATABASE_URL="sqlite:///:memory:",
    )
    assert result.returncode != 0
    assert "django_ratelimit.E003" in result.stderr


def test_danish_is_the_default_language_and_the_admin_offers_english():
    assert settings.LANGUAGE_CODE == "da"
    assert dict(settings.WAGTAILADMIN_PERMITTED_LANGUAGES) == {"da": "Dansk", "en": "English"}


def test_database_comes_from_database_url():
    result = manage(
        "shell",
        "-c",
        "from django.db import connection; print(connection.vendor)",
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        DATABASE_URL="postgres://u:p@127.0.0.1:1/x",
    )
    assert result.stdout.strip().splitlines()[-1] == "postgresql", result.stderr


def test_static_files_collect_under_production_settings(tmp_path):
    """WhiteNoise's manifest storage follows every url() in the CSS: a missing file would stop a deployment."""
    result = manage(
        "collectstatic",
        "--no-input",
        "-v0",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="gode-historier.example.dk",
        DJANGO_STATIC_ROOT=str(tmp_path),
        DATABASE_URL="sqlite:///:memory:",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "staticfiles.json").exists()


def test_media_go_to_an_s3_bucket_when_one_is_configured():
    result = manage(
        "shell",
        "-c",
        'from django.core.files.storage import storages; s = storages["default"];'
        "print(type(s).__name__, s.bucket_name, s.endpoint_url, s.querystring_auth, s.file_overwrite)",
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        PORTAL_S3_BUCKET="gode-historier-media",
        PORTAL_S3_ENDPOINT_URL="https://objects.example.dk",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-5:] == [
        "S3Storage",
        "gode-historier-media",
        "https://objects.example.dk",
        "True",
        "False",
    ]


def test_production_installs_neither_the_demo_nor_the_benchmark():
    """The development tools are apps only the development and test settings install: their commands (which write
    pages in bulk) cannot run against production."""
    apps = "from django.conf import settings; print(','.join(settings.INSTALLED_APPS))"
    production = manage("shell", "-c", apps, **PRODUCTION)
    assert production.returncode == 0, production.stderr
    installed = production.stdout.strip().split(",")
    assert "portal.demo" not in installed and "portal.benchmark" not in installed
    for command in ("generate_corpus", "load_demo_content", "ensure_demo_users"):
        assert "Unknown command" in manage(command, "--help", **PRODUCTION).stderr
    development = manage("shell", "-c", apps, DJANGO_SETTINGS_MODULE="portal.settings.dev")
    assert {"portal.demo", "portal.benchmark"} <= set(development.stdout.strip().split(","))
    assert {"portal.demo", "portal.benchmark"} <= set(settings.INSTALLED_APPS)  # the tests'
