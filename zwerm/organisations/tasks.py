"""Background work of organisations: invitation emails."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from huey.contrib.djhuey import db_task

from zwerm.organisations.models import OrganisationInvitation


@db_task(retries=3, retry_delay=30)
def send_invitation_email(invitation_uuid: str, language: str) -> bool:
    """Email an open invitation in the language the inviter used when sending it."""
    invitation = (
        OrganisationInvitation.objects.select_related("organisation", "invited_by")
        .filter(uuid=invitation_uuid)
        .first()
    )
    if invitation is None or not invitation.is_open:
        return False
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "invitation": invitation,
            "organisation": invitation.organisation,
            "inviter": invitation.invited_by,
            "role": invitation.get_role_display(),
            "url": settings.SITE_URL
            + reverse("organisations:invitation", args=[invitation.uuid]),
        }
        subject = render_to_string(
            "organisations/email/invitation_subject.txt", context
        ).strip()
        body = render_to_string("organisations/email/invitation.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
    return True
