"""Background work of ecosystems: the invitation email, in the inviter's language."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from huey.contrib.djhuey import db_task

from zwerm.ecosystems.models import EcosystemInvitation


@db_task(retries=3, retry_delay=30)
def send_invitation_email(invitation_id: int) -> bool:
    """Send one invitation; skipped when it was answered or withdrawn in the meantime."""
    invitation = (
        EcosystemInvitation.objects.select_related("ecosystem", "organisation", "invited_by")
        .filter(pk=invitation_id, answered_at__isnull=True)
        .first()
    )
    if invitation is None:
        return False
    with translation.override(invitation.language or settings.LANGUAGE_CODE):
        context = {
            "invitation": invitation,
            "ecosystem": invitation.ecosystem,
            "inviter": invitation.invited_by,
            "url": settings.SITE_URL
            + reverse("ecosystems:invitation", kwargs={"uuid": invitation.uuid}),
            "site_url": settings.SITE_URL,
        }
        subject = render_to_string("ecosystems/email/invitation_subject.txt", context).strip()
        body = render_to_string("ecosystems/email/invitation.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
    return True
