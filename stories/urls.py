from django.urls import path

from stories import adaptations
from stories.submission import views

app_name = "stories"

urlpatterns = [
    path("", views.my_stories, name="my_stories"),
    path("ny/", views.start, name="submission_start"),
    path("historie/<int:page_id>/ret/", views.reopen, name="submission_reopen"),
    path("historie/<int:page_id>/opfoelgning/", views.confirm_review, name="confirm_review"),
    path("historie/<int:page_id>/proevet/", adaptations.tried_it, name="tried_it"),
    path("<uuid:public_id>/<slug:slug>/", views.step, name="submission_step"),
]
