"""Brute force and floods: a login locks after five wrong passwords; search and forms answer floods with 429."""

import pytest
from django.core.cache import cache

from tests.submission.helpers import current_revision, start_submission, step_url


@pytest.fixture(autouse=True)
def lockout(settings):
    settings.AXES_ENABLED = True


@pytest.fixture
def limits(settings):
    settings.RATELIMIT_ENABLE = True
    cache.clear()
    yield settings
    cache.clear()


def login(client, username, password):
    return client.post("/log-ind/", {"username": username, "password": password})


def test_five_wrong_passwords_lock_the_login_even_with_the_right_one(client, roles):
    for _ in range(4):
        assert login(client, "varde", "forkert-kodeord").status_code == 200
    assert login(client, "varde", "forkert-kodeord").status_code == 429  # the fifth locks
    response = login(client, "varde", "hemmeligt-kodeord-1")
    assert response.status_code == 429
    assert "Log ind er midlertidigt spærret" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_admin_login_is_protected_by_the_same_lock(client, roles):
    for _ in range(5):
        client.post("/admin/login/", {"username": "syd", "password": "forkert-kodeord"})
    response = client.post("/admin/login/", {"username": "syd", "password": "hemmeligt-kodeord-1"})
    assert response.status_code == 429


def test_a_successful_login_before_the_limit_resets_the_count(client, roles):
    for _ in range(4):
        login(client, "varde", "forkert-kodeord")
    assert login(client, "varde", "hemmeligt-kodeord-1").status_code == 302
    client.logout()
    for _ in range(4):
        login(client, "varde", "forkert-kodeord")
    assert login(client, "varde", "hemmeligt-kodeord-1").status_code == 302


def test_a_flood_of_searches_gets_a_danish_429(client, tree, limits):
    limits.PORTAL_RATE_SEARCH = "5/m"
    for _ in range(5):
        assert client.get("/soeg/", {"q": "misbrug"}).status_code == 200
    response = client.get("/soeg/", {"q": "misbrug"})
    assert response.status_code == 429
    assert "For mange forespørgsler" in response.content.decode()
    assert response["Retry-After"] == "60"


def test_a_flood_of_form_posts_gets_a_429_and_loses_nothing_saved(client, tree, roles, limits):
    limits.PORTAL_RATE_FORMS = "3/m"
    client.force_login(roles["varde_contributor"])
    submission = start_submission(client)
    for n in range(3):
        client.post(
            step_url(submission, "om"), {"title": f"Udkast {n}", "gem": "1", "revision": current_revision(submission)}
        )
    assert client.post(step_url(submission, "om"), {"title": "Udkast 4", "gem": "1"}).status_code == 429
    submission.refresh_from_db()
    assert submission.title == "Udkast 2"
    page = client.get(step_url(submission, "om")).content.decode()  # reading is never limited
    assert 'value="Udkast 2"' in page


@pytest.mark.parametrize(
    "path, query, headers",
    [
        ("/soeg/", {"q": "misbrug", "format": "json"}, {}),
        ("/soeg/", {"q": "misbrug"}, {"HTTP_ACCEPT": "application/json"}),
        ("/soeg/forslag/", {"q": "misbrug"}, {}),
    ],
)
def test_a_program_asking_for_json_gets_its_429_as_json_in_danish(client, tree, limits, path, query, headers):
    limits.PORTAL_RATE_SEARCH = "2/m"
    for _ in range(2):
        assert client.get(path, query, **headers).status_code == 200
    response = client.get(path, query, **headers)
    assert response.status_code == 429
    assert response["Content-Type"].startswith("application/json")
    assert response["Retry-After"] == "60"
    assert "forespørgsler" in response.json()["error"]  # Danish, readable by the program
