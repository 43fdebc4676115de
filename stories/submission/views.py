"""The guided submission on the public site: "Mine historier", the steps, and the review and submit step.

Every step edits the draft story itself (see drafts.py); the page and its revisions are the only copy."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from portal.shared.client import user_or_client_key
from stories import followup, privacy
from stories.models import StoryPage, StorySubmission
from stories.submission import drafts, steps, workflow
from stories.submission.blocks import ADDABLE, BLOCK_FORMS
from stories.submission.forms import ConfirmForm


def _contributor_jobcenter(request):
    jobcenter = workflow.contributor_jobcenters(request.user).first()
    if jobcenter is None:
        raise PermissionDenied("Du er ikke bidragyder for et jobcenter.")
    return jobcenter


def _submission_for(request, public_id):
    submission = get_object_or_404(StorySubmission.objects.select_related("jobcenter", "page"), public_id=public_id)
    if not workflow.can_work_on(request.user, submission):
        raise PermissionDenied("Du kan ikke redigere denne historie.")
    return submission


def _step_url(submission, step, query=None, anchor=None):
    url = reverse("stories:submission_step", args=[submission.public_id, step.slug])
    return url + (f"?{urlencode(query)}" if query else "") + (f"#{anchor}" if anchor else "")


@login_required
def my_stories(request):
    jobcenters = list(workflow.contributor_jobcenters(request.user))
    if not jobcenters:
        return render(request, "stories/submission/not_contributor.html", status=403)
    submissions = StorySubmission.objects.filter(jobcenter__in=jobcenters).select_related(
        "page", "page__latest_revision", "created_by"
    )
    rows = [(submission, workflow.status_of(submission)) for submission in submissions]
    due = followup.due_for_review(StoryPage.objects.in_jobcenters(jobcenters))
    context = {"rows": rows, "jobcenters": jobcenters, "due_for_review": due}
    return render(request, "stories/submission/my_stories.html", context)


@login_required
@require_POST
def confirm_review(request, page_id):
    """Follow-up from "Mine historier": the results still hold, or the story has ended."""
    page = get_object_or_404(StoryPage.objects.live(), pk=page_id)
    if not workflow.contributes_to(request.user, page.get_parent()):
        raise PermissionDenied("Du kan ikke følge op på denne historie.")
    if page.has_unpublished_changes:
        messages.info(request, "Historien har ændringer, der venter på konsulenten. Ret resultaterne i dem i stedet.")
        return redirect("stories:my_stories")
    ended = request.POST.get("handling") == "afsluttet"
    followup.mark_reviewed(page, request.user, ended=ended)
    if ended:
        messages.success(request, f"«{page.title}» er markeret som afsluttet. Tak!")
    else:
        messages.success(request, f"Tak! Resultaterne i «{page.title}» er markeret som gennemgået i dag.")
    return redirect("stories:my_stories")


@login_required
@require_POST
def start(request):
    submission = StorySubmission.objects.create(jobcenter=_contributor_jobcenter(request), created_by=request.user)
    return redirect(_step_url(submission, steps.STEPS[0]))


@login_required
@require_POST
def reopen(request, page_id):
    """Correct a story (the consultant asked for changes, or its results need a follow-up): the form opens on the
    story's newest saved version; nothing is copied or thrown away."""
    page = get_object_or_404(StoryPage, pk=page_id)
    submission = StorySubmission.objects.filter(page=page).first()
    if submission is None and workflow.contributes_to(request.user, page.get_parent()):
        # A story that came in another way (e.g. from the editors): its jobcenter may still correct it.
        submission = StorySubmission.objects.create(
            jobcenter=page.get_parent().specific, created_by=request.user, page=page
        )
    if submission is None or not workflow.can_work_on(request.user, submission):
        raise PermissionDenied("Du kan ikke rette denne historie.")
    target = steps.get_step(request.POST.get("trin", "")) or steps.STEPS[0]
    return redirect(_step_url(submission, target))


@login_required
@ratelimit(key=user_or_client_key, rate=lambda group, request: settings.PORTAL_RATE_FORMS, method="POST", block=True)
def step(request, public_id, slug):
    submission = _submission_for(request, public_id)
    if workflow.in_review(submission.page):
        messages.info(
            request,
            "Historien er indsendt og ligger hos den regionale konsulent. Du kan rette den, hvis "
            "konsulenten beder om ændringer.",
        )
        return redirect("stories:my_stories")
    current = steps.get_step(slug)
    if current is None:
        return redirect(_step_url(submission, steps.STEPS[0]))
    if current.slug == "indsend":
        return _review(request, submission, current)
    if request.method != "POST":
        story = drafts.newest_version(submission, request.user)
        add = request.GET.get("ny") if request.GET.get("ny") in ADDABLE else None
        editor = steps.StepEditor(current, story, add_block=add)
        return _render_step(request, submission, current, editor)
    return _save(request, submission, current)


def _save(request, submission, current):
    button = request.POST.get("blok", "")
    add = button[3:] if button.startswith("ny:") and button[3:] in ADDABLE else None
    outcome = drafts.save_step(
        submission, current, request.user, request.POST, request.FILES, move=None if add else button
    )
    submission = outcome.submission or submission
    if outcome.locked:
        notice = (
            "Historien er låst, fordi en konsulent arbejder på den. Prøv igen senere; det, du skrev, står herunder."
        )
        return _render_step(request, submission, current, outcome.editor, status=409, notice=notice)
    if outcome.conflict:
        return _render_step(request, submission, current, outcome.editor, status=409, conflict=outcome.conflict)
    if not outcome.saved:
        return _render_step(request, submission, current, outcome.editor, status=400, files_lost=bool(request.FILES))
    if "gem" in request.POST:
        messages.success(request, "Kladden er gemt. Du kan fortsætte senere fra «Mine historier».")
        return redirect("stories:my_stories")
    if add:
        return redirect(_step_url(submission, current, {"ny": add}, anchor="ny-blok"))
    if button:
        anchor = f"blok-{outcome.moved_to}" if outcome.moved_to is not None else "blokke"
        return redirect(_step_url(submission, current, anchor=anchor))
    if "tilbage" in request.POST:
        return redirect(_step_url(submission, steps.previous_step(current)))
    # "Gem og gå videre": saved as a draft either way; go on only when the step is complete.
    story = drafts.newest_version(submission, request.user)
    strict = steps.StepEditor(current, story, request.POST, documents=drafts.document_ids(story))
    if strict.is_valid() and strict.check_blocks(deferred=False):
        return redirect(_step_url(submission, steps.next_step(current)))
    return _render_step(request, submission, current, strict, status=400, saved_incomplete=True)


def _frame(submission, current):
    """What every step's frame shows (step_base.html)."""
    return {
        "submission": submission,
        "steps": steps.STEPS,
        "current": current,
        "step_number": steps.STEPS.index(current) + 1,
    }


def _step_error(submission, step, message):
    """An error summary line for something found in another step (or the whole story), linking to that step."""
    return {
        "anchor": "indhold",
        "label": f"Trinnet «{step.title}»" if step else "",
        "message": message,
        "url": _step_url(submission, step) if step else "",
    }


def _render_step(request, submission, current, editor, status=200, **extra):
    story = editor.story
    errors = [{"anchor": anchor, "label": label, "message": message} for anchor, label, message in editor.errors()]
    errors += [_step_error(submission, step, message) for step, message in editor.extra_errors]
    page = StoryPage.objects.filter(pk=submission.page_id).only("latest_revision").first()
    context = {
        **_frame(submission, current),
        "editor": editor,
        "block_types": [(kind, BLOCK_FORMS[kind].label) for kind in ADDABLE],
        "revision": page.latest_revision_id if page else "",
        "uploaded": {"image": story.image if story.image_id else None, "attachments": list(story.attachments.all())},
        "errors": errors,
        "has_errors": bool(errors),
        **extra,
    }
    return render(request, "stories/submission/step.html", context, status=status)


def _review(request, submission, current):
    story = drafts.newest_version(submission, request.user) if submission.page_id else None
    incomplete = steps.incomplete_steps(story) if story else [(steps.STEPS[0], [])]
    warnings = privacy.warnings(story) if story and not incomplete else []
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    errors = []
    if request.method == "POST" and "tilbage" in request.POST:
        return redirect(_step_url(submission, steps.previous_step(current)))
    if request.method == "POST" and not incomplete and form.is_valid():
        try:
            with transaction.atomic():
                workflow.submit(submission.pk, request.user, present_at=form.cleaned_data.get("present_at"))
        except workflow.AlreadySubmitted:
            messages.info(request, "Historien er allerede indsendt og ligger hos den regionale konsulent.")
        except workflow.Incomplete as incomplete_step:
            return redirect(_step_url(submission, incomplete_step.step))
        except ValidationError as error:  # refused by the story's own checks: shown here, never a server error
            found = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
            for name, messages_ in found.items():
                errors += [_step_error(submission, steps.STEP_OF_FIELD.get(name), message) for message in messages_]
        else:
            messages.success(
                request, "Tak! Historien er modtaget. Den regionale konsulent læser den og giver jer besked."
            )
            return redirect("stories:my_stories")
        if not errors:
            return redirect("stories:my_stories")
    if form.is_bound:
        errors += [
            {"anchor": form[name].auto_id, "label": form[name].label, "message": field_errors[0]}
            for name, field_errors in form.errors.items()
            if name in form.fields
        ]
    context = {
        **_frame(submission, current),
        "confirm": form,
        "preview": story,
        "incomplete": incomplete,
        "invalid_step": incomplete[0][0] if incomplete else None,
        "warnings": warnings,
        "errors": errors,
        "has_errors": bool(errors),
    }
    failed = bool(errors) or (request.method == "POST" and bool(incomplete))
    return render(request, "stories/submission/review.html", context, status=400 if failed else 200)
