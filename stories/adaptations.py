"""'Vi har også prøvet det' on the public site: a contributor from another jobcenter tells how they adapted a story.

The adaptation is stored first, then the adapting jobcenter's consultants hear of it; it is shown on the original
story once a consultant has approved it (in the admin, under "Vi har også prøvet det").
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django_ratelimit.decorators import ratelimit

from portal.roles.models import RoleGroup
from portal.roles.notifications import notify
from portal.shared.client import user_or_client_key
from stories.models import StoryAdaptation, StoryPage
from stories.submission.forms import GuardedForm
from stories.submission.workflow import contributor_jobcenters


class AdaptationForm(GuardedForm):
    jobcenter = forms.ModelChoiceField(label="Jobcenter", queryset=None, empty_label=None)
    changes = forms.CharField(
        label="Det gjorde vi anderledes",
        help_text="Hvad tilpassede I til jeres borgere, jeres organisation eller jeres virksomheder?",
        widget=forms.Textarea,
        max_length=3000,
        error_messages={"required": "Fortæl, hvad I gjorde anderledes."},
    )
    outcome = forms.CharField(
        label="Det skete",
        help_text="Hvad kom der ud af det? Tal er velkomne, men ingen oplysninger om enkelte borgere.",
        widget=forms.Textarea,
        max_length=3000,
        error_messages={"required": "Fortæl, hvad der kom ud af det."},
    )
    no_personal_data = forms.BooleanField(
        label="Teksten indeholder ingen oplysninger, der kan identificere en borger",
        error_messages={"required": "Bekræft, at teksten ikke kan identificere en borger."},
    )

    def __init__(self, *args, jobcenters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jobcenter"].queryset = jobcenters
        if len(jobcenters) == 1:  # nothing to choose
            del self.fields["jobcenter"]
            self.jobcenter = jobcenters[0]

    def clean(self):
        cleaned = super().clean()
        if "jobcenter" not in self.fields:
            cleaned["jobcenter"] = self.jobcenter
        return cleaned


def _consultants_of(jobcenter):
    region = jobcenter.get_parent()
    groups = RoleGroup.objects.filter(role=RoleGroup.CONSULTANT, page=region).select_related("group")
    return [user for role in groups for user in role.group.user_set.all()]


@login_required
@ratelimit(key=user_or_client_key, rate=lambda group, request: settings.PORTAL_RATE_FORMS, method="POST", block=True)
def tried_it(request, page_id):
    story = get_object_or_404(StoryPage.objects.live(), pk=page_id)
    jobcenters = contributor_jobcenters(request.user).exclude(pk=story.get_parent().pk)
    if not jobcenters:
        return render(request, "stories/adaptation_not_allowed.html", {"story": story}, status=403)
    form = AdaptationForm(request.POST or None, jobcenters=jobcenters)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            adaptation = StoryAdaptation.objects.create(
                story=story,
                jobcenter=form.cleaned_data["jobcenter"],
                changes=form.cleaned_data["changes"],
                outcome=form.cleaned_data["outcome"],
                created_by=request.user,
            )
            notify(
                "adaptation_submitted",
                {
                    "title": story.title,
                    "jobcenter": adaptation.jobcenter.title,
                    "admin_url": settings.WAGTAILADMIN_BASE_URL
                    + reverse("wagtailsnippets_stories_storyadaptation:edit", args=[adaptation.pk]),
                },
                _consultants_of(adaptation.jobcenter),
            )
        messages.success(
            request, "Tak! Jeres erfaring er modtaget. Den vises på historien, når konsulenten har set den."
        )
        return redirect(story.url)
    errors = [{"anchor": form[name].auto_id, "message": error} for name, errs in form.errors.items() for error in errs]
    return render(request, "stories/adaptation_form.html", {"story": story, "form": form, "errors": errors})
