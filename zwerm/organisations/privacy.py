"""What organisations hold about a person, for the data export and the erasure check."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from zwerm.organisations.models import OrganisationInvitation, OrganisationMember
from zwerm.organisations.selectors import invitation_state, sole_admin_blockers


def _time(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def export(person: Any) -> dict[str, Any]:
    """The person's places in organisations and the invitations they sent or received."""
    memberships = OrganisationMember.objects.filter(person=person).select_related("organisation")
    sent = OrganisationInvitation.objects.filter(invited_by=person).select_related("organisation")
    received = OrganisationInvitation.objects.filter(email__iexact=person.email).select_related(
        "organisation"
    )

    def invitation(item: OrganisationInvitation) -> dict[str, Any]:
        return {
            "uuid": str(item.uuid),
            "organisation": {"uuid": str(item.organisation.uuid), "name": item.organisation.name},
            "email": item.email,
            "role": item.role,
            "state": invitation_state(item),
            "created_at": _time(item.created_at),
            "expires_at": _time(item.expires_at),
            "accepted_at": _time(item.accepted_at),
            "revoked_at": _time(item.revoked_at),
        }

    return {
        "memberships": [
            {
                "organisation": {
                    "uuid": str(member.organisation.uuid),
                    "name": member.organisation.name,
                },
                "role": member.role,
                "joined_at": _time(member.created_at),
                "left_at": _time(member.left_at),
            }
            for member in memberships.order_by("created_at")
        ],
        "invitations_sent": [invitation(item) for item in sent.order_by("created_at")],
        "invitations_received": [invitation(item) for item in received.order_by("created_at")],
    }


def erasure_blockers(person: Any) -> list[str]:
    """The last administrator of an organisation with other people must hand over first."""
    return [
        _(
            "You are the only administrator of %(organisation)s. Make a colleague an "
            "administrator, or leave the organisation and choose a successor, first."
        )
        % {"organisation": organisation.name}
        for organisation in sole_admin_blockers(person=person)
    ]
