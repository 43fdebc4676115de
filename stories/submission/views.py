"""The guided submission on the public site: "Mine historier", the steps, and the review and submit step."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from stories import followup, privacy
from stories.models import StoryPage, StorySubmission
from stories.submission import steps, workflow
from stories.submission.builder import answers_from_page, apply_answers, submissions_collection
from stories.submission.forms import UploadForm


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


def _step_url(submission, step):
    return reverse("stories:submission_step", args=[submission.public_id, step.slug])


@login_required
def my_stories(request):
    jobcenters = list(workflow.contributor_jobcenters(request.user))
    if not jobcenters:
        return render(request, "stories/submission/not_contributor.html", status=403)
    submissions = StorySubmission.objects.filter(jobcenter__in=jobcenters).select_related("page", "created_by")
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
    """Correct a story the consultant sent back: the form is filled from the story as the consultant left it."""
    page = get_object_or_404(StoryPage, pk=page_id)
    submission = StorySubmission.objects.filter(page=page).first()
    if submission is None and workflow.contributes_to(request.user, page.get_parent()):
        # A story that came in another way (e.g. from the editors): its jobcenter may still correct it.
        submission = StorySubmission(jobcenter=page.get_parent().specific, created_by=request.user, page=page)
    if submission is None or not workflow.can_work_on(request.user, submission):
        raise PermissionDenied("Du kan ikke rette denne historie.")
    submission.data = answers_from_page(page)
    submission.save()
    return redirect(_step_url(submission, steps.STEPS[0]))


@login_required
@ratelimit(key="user", rate=lambda group, request: settings.PORTAL_RATE_FORMS, method="POST", block=True)
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
    uploads = _upload_form(request, submission) if current.slug == "kontakt" else None
    if request.method == "POST":
        submission.data[current.slug] = steps.raw_answers(request.POST)
        submission.save(update_fields=["data", "updated_at"])
        bound = steps.bind(current, submission.data[current.slug], posted=True)
        uploads_ok = uploads is None or _save_uploads(request, submission, uploads)
        if "gem" in request.POST:  # saved as typed, valid or not: finish it later
            if uploads is not None and not uploads_ok:
                return _render_step(request, submission, current, bound, uploads)
            messages.success(request, "Kladden er gemt. Du kan fortsætte senere fra «Mine historier».")
            return redirect("stories:my_stories")
        going_back = "tilbage" in request.POST
        if going_back or (steps.is_valid(bound) and uploads_ok):
            target = steps.previous_step(current) if going_back else steps.next_step(current)
            return redirect(_step_url(submission, target))
    else:
        bound = steps.bind(current, submission.step_data(current.slug))
    return _render_step(request, submission, current, bound, uploads)


def _render_step(request, submission, current, bound, uploads=None, **extra):
    errors = [
        {
            "anchor": form[name].auto_id if name in form.fields else "indhold",
            "label": form[name].label if name in form.fields else "",
            "message": field_errors[0],
        }
        for form in _all_forms(bound, uploads)
        if form.is_bound
        for name, field_errors in form.errors.items()
    ]
    errors += [
        {"anchor": "indhold", "label": "", "message": error}
        for form in bound.values()
        for error in getattr(form, "non_form_errors", list)()
    ]
    context = {
        "submission": submission,
        "steps": steps.STEPS,
        "current": current,
        "step_number": steps.STEPS.index(current) + 1,
        "forms": bound,
        "uploads": uploads,
        "uploaded": _uploaded(submission),
        "errors": errors,
        "has_errors": bool(errors),
        **extra,
    }
    failed = context["has_errors"] or (request.method == "POST" and extra.get("invalid_step"))
    return render(request, "stories/submission/step.html", context, status=400 if failed else 200)


def _all_forms(bound, uploads):
    for form in list(bound.values()) + ([uploads] if uploads else []):
        yield from (form.forms if hasattr(form, "forms") else [form])


def _upload_form(request, submission):
    saved = submission.data.get("uploads", {})
    return UploadForm(
        request.POST or None,
        request.FILES or None,
        initial={"image_alt": saved.get("image_alt", "")},
        has_image=bool(saved.get("image")),
        attachment_count=len(saved.get("attachments", [])),
    )


def _uploaded(submission):
    saved = submission.data.get("uploads", {})
    image = get_image_model().objects.filter(pk=saved.get("image")).first()
    return {"image": image, "image_alt": saved.get("image_alt", ""), "attachments": saved.get("attachments", [])}


def _save_uploads(request, submission, form):
    """Store new files in the unpublished collection and apply removals; the answers are saved either way."""
    saved = submission.data.setdefault("uploads", {"attachments": []})
    removed = set(request.POST.getlist("fjern_bilag"))
    saved["attachments"] = [row for row in saved.get("attachments", []) if str(row["document"]) not in removed]
    if "fjern_billede" in request.POST:
        saved["image"] = None
    valid = form.is_valid()
    if valid or "image_alt" not in form.errors:
        saved["image_alt"] = form.data.get("image_alt", "").strip()
    if valid:
        collection = submissions_collection()
        if form.cleaned_data.get("image"):
            image = get_image_model().objects.create(
                title=submission.title,
                description=form.cleaned_data["image_alt"],
                file=form.cleaned_data["image"],
                collection=collection,
                uploaded_by_user=request.user,
            )
            saved["image"] = image.pk
        elif saved.get("image"):
            get_image_model().objects.filter(pk=saved["image"]).update(description=form.cleaned_data["image_alt"])
        if form.cleaned_data.get("attachment"):
            document = get_document_model().objects.create(
                title=form.cleaned_data["attachment_title"],
                file=form.cleaned_data["attachment"],
                collection=collection,
                uploaded_by_user=request.user,
            )
            saved["attachments"].append({"document": document.pk, "title": document.title})
    submission.save(update_fields=["data", "updated_at"])
    return valid


def _review(request, submission, current):
    cleaned, invalid_step = steps.cleaned_answers(submission)
    preview = None
    warnings = []
    if cleaned:
        preview = apply_answers(
            StoryPage(live=False), cleaned, submission.data.get("uploads", {}), submission.jobcenter
        )
        warnings = privacy.warnings(preview)
    posted = request.method == "POST"
    bound = steps.bind(current, steps.raw_answers(request.POST) if posted else None, posted=posted)
    if request.method == "POST" and "tilbage" in request.POST:
        return redirect(_step_url(submission, steps.previous_step(current)))
    if request.method == "POST" and cleaned and steps.is_valid(bound):
        try:
            with transaction.atomic():
                workflow.submit(submission.pk, request.user, present_at=bound["main"].cleaned_data.get("present_at"))
        except workflow.AlreadySubmitted:
            messages.info(request, "Historien er allerede indsendt og ligger hos den regionale konsulent.")
        except workflow.Incomplete as incomplete:
            return redirect(_step_url(submission, incomplete.step))
        else:
            messages.success(
                request, "Tak! Historien er modtaget. Den regionale konsulent læser den og giver jer besked."
            )
        return redirect("stories:my_stories")
    return _render_step(
        request, submission, current, bound, preview=preview, warnings=warnings, invalid_step=invalid_step
    )
