from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.outbox import views

urlpatterns = [
    path("", views.OutboxView.as_view(), name="index"),
    path("<int:mail_id>/send-igen/", views.resend, name="resend"),
]


@hooks.register("register_admin_urls")
def register_outbox_urls():
    return [path("udgaaende-mails/", include((urlpatterns, "outbox")))]


class OutboxMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.VIEW_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_outbox_menu_item():
    return OutboxMenuItem("Udgående mails", reverse("outbox:index"), icon_name="mail", order=900)
