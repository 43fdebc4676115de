"""The outbox: a mail is stored (in the same transaction as the change it tells of), then sent by a background
task; a failure is retried after 1, 5 and 30 minutes, and a mail that still fails waits for an editor's "Send igen"
in the admin. Each send starts with an atomic claim (an UPDATE from "queued" to "sending"), so two workers, the
task and `manage.py send_outbox`, never send the same mail twice."""

import logging
from datetime import timedelta

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from portal.outbox.models import OutgoingMail

logger = logging.getLogger(__name__)

RETRY_DELAYS = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30))
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
# A mail claimed this long ago by a worker that never finished may or may not have left: it is not sent again by
# itself (that could send it twice) but shown as failed, for an editor to check and send again.
STALE_CLAIM = timedelta(minutes=15)
SENT_KEPT = timedelta(days=90)  # sent mails (recipients, story titles) are deleted after this
INTERRUPTED = "Afsendelsen blev afbrudt. Kontrollér, om modtageren har fået mailen, før du sender den igen."


@task()
def deliver_mail_task(mail_id: int) -> None:
    deliver(mail_id)


def _enqueue(mail_id, run_after=None):
    if run_after is not None:
        if not default_task_backend.supports_defer:
            return  # the cron job (`manage.py send_outbox`) sends it when it is due
        deliver_mail_task.using(run_after=run_after).enqueue(mail_id)
    else:
        deliver_mail_task.enqueue(mail_id)


def queue_mail(kind, subject, body, recipients):
    """Store the mail and send it once the current transaction commits."""
    mail = OutgoingMail.objects.create(kind=kind, subject=subject, body=body, recipients=list(recipients))
    transaction.on_commit(lambda: _try_enqueue(mail.pk))
    return mail


def _try_enqueue(mail_id):
    try:
        _enqueue(mail_id)
    except Exception:  # the queue is down: the mail is stored and the cron job sends it
        logger.exception("Could not enqueue outgoing mail %s", mail_id)


def _claim(mail_id, now):
    queued = OutgoingMail.objects.filter(pk=mail_id, status=OutgoingMail.Status.QUEUED, next_attempt_at__lte=now)
    return queued.update(status=OutgoingMail.Status.SENDING, claimed_at=now) == 1


def deliver(mail_id):
    """Send one due mail if no one else is sending it; True when it was sent."""
    now = timezone.now()
    if not _claim(mail_id, now):
        return False
    mail = OutgoingMail.objects.get(pk=mail_id)
    attempts = mail.attempts + 1
    try:
        EmailMessage(mail.subject, mail.body, None, mail.recipients).send()
    except Exception as error:
        failed = attempts >= MAX_ATTEMPTS
        retry_at = now if failed else now + RETRY_DELAYS[attempts - 1]
        OutgoingMail.objects.filter(pk=mail_id).update(
            status=OutgoingMail.Status.FAILED if failed else OutgoingMail.Status.QUEUED,
            attempts=attempts,
            next_attempt_at=retry_at,
            last_error=f"{type(error).__name__}: {error}"[:2000],
            claimed_at=None,
        )
        logger.warning("Outgoing mail %s failed (attempt %s): %s", mail_id, attempts, type(error).__name__)
        if not failed:
            _try_retry(mail_id, retry_at)
        return False
    OutgoingMail.objects.filter(pk=mail_id).update(
        status=OutgoingMail.Status.SENT, attempts=attempts, sent_at=timezone.now(), last_error="", claimed_at=None
    )
    return True


def _try_retry(mail_id, retry_at):
    try:
        _enqueue(mail_id, run_after=retry_at)
    except Exception:
        logger.exception("Could not schedule a retry of outgoing mail %s", mail_id)


def release_stale_claims(now=None):
    now = now or timezone.now()
    stale = OutgoingMail.objects.filter(status=OutgoingMail.Status.SENDING, claimed_at__lt=now - STALE_CLAIM)
    return stale.update(status=OutgoingMail.Status.FAILED, last_error=INTERRUPTED, claimed_at=None)


def send_due(limit=200):
    """Send every queued mail whose time has come; returns (sent, not sent). Safe to run from cron, also twice at
    once: each mail is claimed before it is sent. Sent mails older than SENT_KEPT are deleted."""
    now = timezone.now()
    release_stale_claims(now)
    OutgoingMail.objects.filter(status=OutgoingMail.Status.SENT, sent_at__lt=now - SENT_KEPT).delete()
    due = OutgoingMail.objects.filter(status=OutgoingMail.Status.QUEUED, next_attempt_at__lte=now)
    ids = list(due.order_by("next_attempt_at").values_list("pk", flat=True)[:limit])
    sent = sum(1 for mail_id in ids if deliver(mail_id))
    return sent, len(ids) - sent


def send_again(mail):
    """An editor's "Send igen": the mail is queued now, with a fresh round of attempts."""
    waiting = (OutgoingMail.Status.FAILED, OutgoingMail.Status.QUEUED)
    requeued = OutgoingMail.objects.filter(pk=mail.pk, status__in=waiting)
    if requeued.update(status=OutgoingMail.Status.QUEUED, attempts=0, next_attempt_at=timezone.now()) == 1:
        transaction.on_commit(lambda: _try_enqueue(mail.pk))
        return True
    return False
