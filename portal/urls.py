from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from taggit.models import Tag
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import get_document_model
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.images import get_image_model

from portal.home import views as home_views
from portal.search import views as search_views
from portal.shared import views as shared_views
from stories.feeds import RegionFeed, StoryFeed, TargetGroupFeed, atom

# RSS and Atom feeds of new stories (stories/feeds.py), under the "feeds" namespace.
feed_urlpatterns = [
    path("historier/", StoryFeed(), name="stories"),
    path("historier/atom/", atom(StoryFeed)(), name="stories_atom"),
    path("maalgruppe/<slug:slug>/", TargetGroupFeed(), name="target_group"),
    path("maalgruppe/<slug:slug>/atom/", atom(TargetGroupFeed)(), name="target_group_atom"),
    path("region/<slug:slug>/", RegionFeed(), name="region"),
    path("region/<slug:slug>/atom/", atom(RegionFeed)(), name="region_atom"),
]

# Django's own admin keeps only what has no Wagtail screen (users' lockouts, background tasks): images, documents
# and tags are edited in Wagtail's admin alone, whose forms check uploads and refuse personal data with a message
# (their apps registered them when Django's admin app loaded; this runs after).
for model in (get_image_model(), get_document_model(), Tag):
    if admin.site.is_registered(model):
        admin.site.unregister(model)

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumenter/", include(wagtaildocs_urls)),
    path("soeg/", search_views.search, name="search"),
    path("log-ind/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("log-ud/", auth_views.LogoutView.as_view(), name="logout"),
    path("mine-historier/", include("stories.urls")),
    path("feeds/", include((feed_urlpatterns, "feeds"))),
    path("soeg/forslag/", search_views.suggestions, name="search_suggestions"),
    path("was", home_views.accessibility_statement, name="accessibility_statement"),
    path("sundhed/", shared_views.health, name="health"),
    path("robots.txt", shared_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "portal.shared.views.bad_request"
handler404 = "portal.shared.views.page_not_found"
handler500 = "portal.shared.views.server_error"
