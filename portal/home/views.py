from django.http import HttpResponseRedirect
from django.views.decorators.http import require_safe

from portal.home.portal_settings import PortalSettings


@require_safe
def accessibility_statement(request):
    """/was: the accessibility statement lives in the state's WAS tool; this address must lead to it (the editors set
    where, in Portalindstillinger)."""
    return HttpResponseRedirect(PortalSettings.load(request_or_site=request).accessibility_statement_url)
