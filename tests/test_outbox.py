"""Mail is never lost: a notification is stored in the outbox with the submission, and a real SMTP server (aiosmtpd)
that is down, then up, receives it exactly once; a mail that keeps failing waits in the admin for "Send igen"."""

import json
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from portal.outbox.models import OutgoingMail
from portal.outbox.sending import MAX_ATTEMPTS, deliver, send_due
from tests.submission.helpers import submitted_story

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """Settings pointing at a real SMTP server on a free port; `smtp.start()` brings the server up."""
    port = _free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    inbox.start = controller.start
    yield inbox
    if controller._thread is not None:
        controller.stop()


def _due_now():
    """The wait before the next attempt has passed (as it would have, a minute later)."""
    OutgoingMail.objects.update(next_attempt_at=timezone.now())


def test_a_mail_server_that_is_down_then_up_delivers_the_notification_exactly_once(
    client, roles, tree, smtp, django_capture_on_commit_callbacks
):
    story = submitted_story(client, roles["varde_contributor"], tree, django_capture_on_commit_callbacks)
    # The submission is not affected: the story is in review.
    assert WorkflowState.objects.filter(object_id=str(story.pk), status="in_progress").exists()
    mail = OutgoingMail.objects.get()
    assert mail.status == OutgoingMail.Status.QUEUED
    assert mail.attempts == 1 and "Connection" in mail.last_error
    assert mail.recipients == ["syd@example.org"]
    assert smtp.messages == []

    call_command("send_outbox")  # not yet due: nothing is tried
    mail.refresh_from_db()
    assert mail.attempts == 1

    smtp.start()
    _due_now()
    call_command("send_outbox")
    call_command("send_outbox")  # a second run (cron) sends nothing more
    assert len(smtp.messages) == 1
    [message] = smtp.messages
    assert message.rcpt_tos == ["syd@example.org"]
    assert story.title.encode() in message.content or b"Mikroaktivering" in message.content
    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.SENT and mail.sent_at is not None and mail.attempts == 2


def test_a_claimed_mail_is_never_sent_twice(smtp):
    smtp.start()
    mail = OutgoingMail.objects.create(kind="test", subject="Ny historie", body="Tekst\n", recipients=["a@example.org"])
    assert deliver(mail.pk) is True
    assert deliver(mail.pk) is False
    assert send_due() == (0, 0)
    assert len(smtp.messages) == 1


def test_a_mail_that_keeps_failing_is_shown_to_editors_and_sent_again_on_request(
    client, roles, smtp, django_capture_on_commit_callbacks
):
    mail = OutgoingMail.objects.create(
        kind="submitted", subject="Ny historie til gennemsyn", body="Tekst\n", recipients=["syd@example.org"]
    )
    for _attempt in range(MAX_ATTEMPTS):
        _due_now()
        send_due()
    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.FAILED and mail.attempts == MAX_ATTEMPTS
    _due_now()
    assert send_due() == (0, 0)  # a failed mail is not retried by itself any more

    client.force_login(roles["editor"])
    page = client.get(reverse("outbox:index"), HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert "Ny historie til gennemsyn" in page and "Kunne ikke sendes" in page and "Send igen" in page

    smtp.start()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("outbox:resend", args=[mail.pk]))
    assert response.status_code == 302
    assert len(smtp.messages) == 1
    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.SENT


def test_editors_find_the_outbox_in_the_reports_menu(client, roles):
    client.force_login(roles["editor"])
    page = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="da").content.decode()
    props = page.split('<script id="wagtail-sidebar-props" type="application/json">')[1].split("</script>")[0]
    menu = json.dumps(json.loads(props), ensure_ascii=False)
    url = reverse("outbox:index")
    link = f'"label": "Udgående mails", "icon_name": "mail", "classname": "", "attrs": {{}}, "url": "{url}"'
    assert link in menu


def test_contributors_cannot_see_the_outbox(client, roles):
    client.force_login(roles["varde_contributor"])
    assert client.get(reverse("outbox:index")).status_code in (302, 403)


def test_with_the_database_task_queue_a_failed_mail_is_retried_by_the_worker_when_due(
    settings, smtp, django_capture_on_commit_callbacks, monkeypatch
):
    """Production's queue (django-tasks-db): the worker's first attempt fails and schedules the retry for the
    mail's next attempt; once that time has come and the server is up, the worker delivers it."""
    from django_tasks_db.models import DBTaskResult

    from portal.outbox.sending import queue_mail

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The worker closes its database connection between tasks, which on PostgreSQL would end the test's transaction
    # (and with it the test's data); that hygiene is not what is tested here.
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    with django_capture_on_commit_callbacks(execute=True):
        mail = queue_mail("test", "Ny historie", "Tekst\n", ["syd@example.org"])
    call_command("db_worker", "--batch", "--no-startup-delay")
    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.QUEUED and mail.attempts == 1
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after == mail.next_attempt_at > timezone.now()

    smtp.start()
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    _due_now()
    call_command("db_worker", "--batch", "--no-startup-delay")
    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.SENT
    assert len(smtp.messages) == 1


def test_sent_mails_are_deleted_after_90_days_and_waiting_ones_never():
    from datetime import timedelta

    now = timezone.now()
    old = OutgoingMail.objects.create(subject="Gammel", body="", status=OutgoingMail.Status.SENT)
    recent = OutgoingMail.objects.create(subject="Ny", body="", status=OutgoingMail.Status.SENT)
    failed = OutgoingMail.objects.create(subject="Fejlet", body="", status=OutgoingMail.Status.FAILED)
    OutgoingMail.objects.filter(pk=old.pk).update(sent_at=now - timedelta(days=91))
    OutgoingMail.objects.filter(pk=recent.pk).update(sent_at=now - timedelta(days=89))
    OutgoingMail.objects.filter(pk=failed.pk).update(created_at=now - timedelta(days=400))
    call_command("send_outbox")
    assert set(OutgoingMail.objects.values_list("subject", flat=True)) == {"Ny", "Fejlet"}
