"""WCAG 2.1 AA in a real browser: axe-core on every page type, keyboard use, and no third parties."""

import json
from datetime import date
from urllib.parse import urlparse

import pytest

from tests.browser.conftest import AXE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {
    "forside": "/",
    "historier med filtre": "/historier/?maalgruppe=aktivitetsparate&region=syddanmark",
    "historie": "/regioner/syddanmark/jobcenter-varde/mikroaktivering-i-varde/",
    "historie med video-blokke": "/regioner/syddanmark/jobcenter-odense/etnisk-jobteam-odense/",
    "emne": "/historier/emne/optrapning/",
    "metoder": "/metoder/?evidens=documented",
    "metode": "/metoder/parallelle-indsatser/",
    "målgrupper": "/maalgrupper/",
    "målgruppe": "/maalgrupper/borgere-med-misbrug/",
    "regioner": "/regioner/",
    "region": "/regioner/syddanmark/",
    "jobcenter": "/regioner/syddanmark/jobcenter-varde/",
    "arrangementer": "/arrangementer/",
    "temaer": "/temaer/",
    "tema": "/temaer/parallelle-indsatser/",
    "arrangement": "/regioner/syddanmark/den-gode-histories-dag-kolding-2007/",
    "arrangement-program": "/regioner/syddanmark/den-gode-histories-dag-kolding-2007/program/",
    "arrangement-indkaldelse": f"/regioner/syddanmark/den-gode-histories-dag-{date.today().year + 1}/",
    "søgning med facetter": "/soeg/?q=misbrug&maalgruppe=borgere-med-misbrug&region=syddanmark",
    "søgning uden resultater": "/soeg/?q=misbrug&region=nordjylland",
    "søgning med stavefejl": "/soeg/?q=mentr",
    "søgning med de fleste ord": "/soeg/?q=psykiske+lidelser",
    "side": "/om/",
    "404": "/findes-ikke/",
}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [
        {"rule": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
    ]


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_every_page_type_has_no_wcag_violations(page, demo_site, width):
    page.set_viewport_size({"width": width, "height": 900})
    report = {}
    for name, path in PAGES.items():
        response = page.goto(demo_site + path)
        assert response.status == (404 if name == "404" else 200), path
        assert page.get_attribute("html", "lang") == "da"
        violations = axe_violations(page)
        if violations:
            report[name] = violations
    assert report == {}, json.dumps(report, indent=2, ensure_ascii=False)


def test_no_third_party_requests_and_no_cookies_on_page_load(page, demo_site):
    origin = urlparse(demo_site).netloc
    foreign = []
    page.on("request", lambda request: urlparse(request.url).netloc != origin and foreign.append(request.url))
    for path in PAGES.values():
        page.goto(demo_site + path)
        page.wait_for_load_state("networkidle")
    assert foreign == []
    assert page.context.cookies() == []


def test_skip_link_takes_keyboard_users_to_the_content(page, demo_site):
    page.goto(demo_site + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Gå til sidens indhold"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_filters_work_with_the_keyboard_alone(page, demo_site):
    page.goto(demo_site + "/historier/")
    page.focus("#id_maalgruppe_0")
    page.keyboard.press("Space")
    assert page.is_checked("#id_maalgruppe_0")
    label = page.text_content("label[for=id_maalgruppe_0]").strip()
    # Tab forward to the submit button and press Enter, as a keyboard user would.
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Vis resultater":
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "maalgruppe=" in page.url
    assert f"Målgruppe: {label}" in page.text_content(".active-filters")


def test_focus_is_visible(page, demo_site):
    page.goto(demo_site + "/")
    page.focus("a.nav-link")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
