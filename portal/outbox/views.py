"""The outbox in the admin, for editors: mails that wait or failed, with "Send igen"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.outbox.models import OutgoingMail
from portal.outbox.sending import send_again

VIEW_PERMISSION = "outbox.view_outgoingmail"
RESEND_PERMISSION = "outbox.change_outgoingmail"


class OutboxView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "outbox/index.html"
    page_title = "Udgående mails"
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        mails = OutgoingMail.objects.all()
        return super().get_context_data(**kwargs) | {
            "waiting": mails.exclude(status=OutgoingMail.Status.SENT)[:200],
            "sent": mails.filter(status=OutgoingMail.Status.SENT)[:50],
            "can_resend": self.request.user.has_perm(RESEND_PERMISSION),
        }


@require_POST
def resend(request, mail_id):
    if not request.user.has_perm(RESEND_PERMISSION):
        raise PermissionDenied
    mail = get_object_or_404(OutgoingMail, pk=mail_id)
    if send_again(mail):
        messages.success(request, f"Mailen «{mail.subject}» sendes igen.")
    else:
        messages.warning(request, f"Mailen «{mail.subject}» er allerede sendt eller ved at blive sendt.")
    return redirect("outbox:index")
