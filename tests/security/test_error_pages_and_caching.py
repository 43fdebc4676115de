"""Personal pages are never kept by a browser or proxy; the 400 and 500 pages are Danish and keep to the
Content-Security-Policy; the admin sends no editor's e-mail hash to Gravatar."""

import json
import re

from tests.test_settings import PRODUCTION, manage


def test_personal_pages_are_sent_private_and_no_store(client, tree, roles):
    assert "no-store" in client.get("/log-ind/")["Cache-Control"]
    client.force_login(roles["varde_contributor"])
    for path in ["/mine-historier/", "/", "/historier/", "/soeg/?q=misbrug"]:
        cache_control = client.get(path)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, path
        assert "public" not in cache_control, path


def test_public_pages_stay_cacheable_for_anonymous_visitors(client, tree):
    assert "no-store" not in client.get("/soeg/?q=misbrug").get("Cache-Control", "")


INLINE_STYLE = re.compile(r"<style|\sstyle\s*=", re.IGNORECASE)

RENDER = """
import json
from django.test import Client
from portal.shared.views import server_error
answer = Client(HTTP_HOST="angriber.example", raise_request_exception=False).get("/historier/")
print(json.dumps({
    "400": [answer.status_code, answer.content.decode(), answer.get("Content-Security-Policy", "")],
    "500": [server_error(None).status_code, server_error(None).content.decode()],
}))
"""


def test_the_400_and_500_pages_are_danish_and_need_no_inline_style_under_production_settings(tmp_path):
    static = tmp_path / "static"
    environment = {**PRODUCTION, "DJANGO_STATIC_ROOT": str(static), "DJANGO_SECURE_SSL_REDIRECT": "0"}
    collected = manage("collectstatic", "--no-input", "-v0", **environment)
    assert collected.returncode == 0, collected.stderr[-2000:]
    result = manage("shell", "-c", RENDER, **environment)
    assert result.returncode == 0, result.stderr[-2000:]
    pages = json.loads(result.stdout.strip().splitlines()[-1])

    status, html, policy = pages["400"]
    assert status == 400  # an unknown Host header
    assert "Forespørgslen kunne ikke læses" in html and '<html lang="da">' in html
    assert "style-src 'self'" in policy and "unsafe-inline" not in policy
    status, html = pages["500"]
    assert status == 500 and "Der opstod en fejl hos os" in html
    for html in (pages["400"][1], pages["500"][1]):
        assert not INLINE_STYLE.search(html)
        stylesheet = re.search(r'<link rel="stylesheet" href="/static/([^"]+)"', html).group(1)
        assert re.search(r"error\.[0-9a-f]{12}\.css$", stylesheet)  # the hashed name from the manifest
        assert "font-family" in (static / stylesheet).read_text()


def test_the_admin_shows_no_gravatar(client, tree, django_user_model):
    admin = django_user_model.objects.create_superuser("chef", "chef@example.org", "hemmeligt-kodeord-1")
    client.force_login(admin)
    for path in ["/admin/", f"/admin/pages/{tree.home.pk}/edit/", "/admin/account/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "gravatar" not in response.content.decode().lower(), path
