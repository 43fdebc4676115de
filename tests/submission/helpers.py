"""Filling in the guided submission as a contributor would, step by step, through the real views."""

from html.parser import HTMLParser

from django.urls import reverse

from stories.models import StoryPage, StorySubmission

ANSWERS = {
    "om": {
        "title": "Mikroaktivering i Varde: to timer om ugen",
        "summary": "Borgere langt fra arbejdsmarkedet startede med to timer om ugen og trappede langsomt op.",
        "status": "ongoing",
        "period_start": "2024-01-15",
        "period_end": "",
        "tags": "praktik, mentor",
    },
    "indsats": {
        "problem": "Mange borgere havde ikke været i arbejde i årevis.\n\nVi ville finde et lille første skridt.",
        # "Det gjorde vi" is the story's StreamField, edited block by block: one text block here.
        "blok-TOTAL": "1",
        "blok-0-type": "paragraph",
        "blok-0-id": "",
        "blok-0-text": "Vi fandt virksomheder med små opgaver.\n\nKonsulenten fulgte borgeren den første dag.",
        "dose_start_hours": "2",
        "dose_progression": "Op til ti timer om ugen over et halvt år.",
        "parallel_tracks": "",
        "partner-TOTAL_FORMS": "3",
        "partner-INITIAL_FORMS": "0",
        "partner-0-kind": "employer",
        "partner-0-name": "Lokalt autoværksted",
        "partner-0-contribution": "Tre små praktikpladser",
    },
    "resultater": {
        "results_summary": "Flere kom i gang med ordinære timer.",
        "success_factors": "",
        "challenges": "",
        "lessons": "Start småt.",
        "resultat-TOTAL_FORMS": "3",
        "resultat-INITIAL_FORMS": "0",
        "resultat-0-figure": "25 %",
        "resultat-0-outcome": "i job eller uddannelse",
        "resultat-0-base": "af 40 borgere",
        "resultat-0-period": "efter 12 måneder",
        "resultat-0-documentation": "monitoring",
    },
    "kontakt": {
        "contact_name": "Fiktiv Konsulent",
        "contact_role": "Virksomhedskonsulent",
        "contact_email": "konsulent@example.dk",
        "contact_phone": "",
        "image_alt": "",
        "attachment_title": "",
    },
}


def step_url(submission, slug):
    return reverse("stories:submission_step", args=[submission.public_id, slug])


def start_submission(client):
    response = client.post(reverse("stories:submission_start"))
    assert response.status_code == 302
    return StorySubmission.objects.latest("created_at")


def fill_in(client, submission, tree, overrides=None):
    """Post every content step; returns the last response."""
    overrides = overrides or {}
    response = None
    for slug, answers in ANSWERS.items():
        data = {**answers, **overrides.get(slug, {}), "revision": current_revision(submission)}
        if slug == "om" and "target_groups" not in data:
            data["target_groups"] = [tree.aktivitetsparate.pk]
            data["methods"] = [tree.parallel.pk]
        response = client.post(step_url(submission, slug), data)
        assert response.status_code == 302, response.content.decode()[:3000]
    return response


def current_revision(submission):
    """The revision a form opened now would show (the optimistic-concurrency token every step posts)."""
    submission.refresh_from_db()
    return str(submission.page.latest_revision_id) if submission.page_id else ""


def submit(client, submission):
    return client.post(step_url(submission, "indsend"), {"no_personal_data": "on"})


def submitted_story(client, contributor, tree, capture_on_commit_callbacks):
    """The contributor fills in and submits a story, which starts the region's review; logged out afterwards."""
    client.force_login(contributor)
    submission = start_submission(client)
    fill_in(client, submission, tree)
    with capture_on_commit_callbacks(execute=True):
        submit(client, submission)
    client.logout()
    submission.refresh_from_db()
    return StoryPage.objects.get(pk=submission.page_id)


class _FormReader(HTMLParser):
    """What a browser would post from a page's form: every named input, textarea and selected option."""

    def __init__(self):
        super().__init__()
        self.data, self.textarea, self.select = {}, None, None

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self._add(name, attrs.get("value", "on" if attrs.get("type") == "checkbox" else ""))
        elif tag == "textarea" and name:
            self.textarea = name
            self._add(name, "")
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self._add(self.select, attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][-1] += data


def form_data(html):
    """The form on a step page as a browser would post it (a textarea's leading newline dropped, as browsers do)."""
    reader = _FormReader()
    reader.feed(html)
    data = {name: [value.removeprefix("\n") for value in values] for name, values in reader.data.items()}
    data.pop("csrfmiddlewaretoken", None)
    return {name: values if len(values) > 1 else values[0] for name, values in data.items()}


def open_step(client, submission, slug):
    """GET a step and return what its form would post unchanged."""
    response = client.get(step_url(submission, slug))
    assert response.status_code == 200, response.status_code
    return form_data(response.content.decode())
