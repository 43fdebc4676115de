import io
import os
import uuid
from contextlib import contextmanager
from datetime import date
from urllib.request import urlopen

import pytest
from django.core.management import call_command

from portal.search.engines import get_engine
from tests import factories as f
from tests.conftest import require_service

OPENSEARCH_URL = os.environ.get("PORTAL_TEST_OPENSEARCH_URL", "")


def opensearch_available() -> bool:
    if not OPENSEARCH_URL:
        return False
    try:
        with urlopen(OPENSEARCH_URL, timeout=2):
            return True
    except OSError:
        return False


@contextmanager
def search_engine(kind: str, settings):
    """The search engine `kind` ("database" or "opensearch"), configured for one test; OpenSearch on an index of its
    own that is dropped afterwards, and skipped when no node answers."""
    if kind == "opensearch":
        require_service(
            opensearch_available(),
            "no OpenSearch node: run the tests through tests/services/with-opensearch.sh (make test does)",
        )
        settings.PORTAL_SEARCH_ENGINE = "opensearch"
        settings.PORTAL_SEARCH_URL = OPENSEARCH_URL
        settings.PORTAL_SEARCH_INDEX = f"test-{uuid.uuid4().hex[:12]}"
        try:
            yield get_engine()
        finally:
            get_engine().drop()
    else:
        settings.PORTAL_SEARCH_ENGINE = "database"
        yield get_engine()


@pytest.fixture(params=["database", "opensearch"])
def engine(request, settings):
    """Each contract test runs once per engine, on the same corpus."""
    with search_engine(request.param, settings) as configured:
        yield configured


@pytest.fixture
def corpus(tree, engine):
    """Six stories, two methods and an event, indexed by the engine under test."""
    t = tree
    pages = {
        "varde": f.StoryPageFactory(
            parent=t.varde,
            title="En kop kaffe som første skridt",
            summary="Aktivering på få timer for misbrugere.",
            target_groups=[t.aktivitetsparate, t.misbrug],
            methods=[t.parallel],
            period_start=date(2007, 1, 1),
        ),
        "varde_fem": f.StoryPageFactory(
            parent=t.varde,
            title="Fem år på kontanthjælp",
            summary="Kaffe og en kop te hver tirsdag.",
            target_groups=[t.over_fem_aar],
            period_start=date(2016, 1, 1),
        ),
        "odense": f.StoryPageFactory(
            parent=t.odense,
            title="Hold for borgere med misbrug",
            summary="Behandling og praktik side om side.",
            target_groups=[t.misbrug],
            methods=[t.parallel],
            period_start=date(2016, 5, 1),
        ),
        "aalborg": f.StoryPageFactory(
            parent=t.aalborg,
            title="Unge med mentor",
            summary="En mentor fulgte de unge til uddannelse.",
            target_groups=[t.unge],
            methods=[t.mentor],
            period_start=date(2020, 8, 1),
        ),
        "aalborg_2": f.StoryPageFactory(
            parent=t.aalborg,
            title="Virksomheder tager imod",
            summary="Faste pladser i private virksomheder.",
            target_groups=[t.aktivitetsparate],
            period_start=date(2020, 1, 1),
        ),
        "escape": f.StoryPageFactory(
            parent=t.odense,
            title="Særlige tegn",
            summary="Misbrug & <b>fed skrift</b> skal vises som tekst.",
            target_groups=[t.unge],
            period_start=date(2021, 1, 1),
        ),
        "event": f.EventPageFactory(
            parent=t.syd,
            title="Den gode histories dag",
            body="<p>Mentor og misbrug.</p>",
            theme="Parallelle indsatser",
        ),
    }
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    return pages
