"""The daily reminder of commitments that fall due within a week (once per commitment)."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from zwerm.collaboration.models import Commitment
from zwerm.collaboration.services.ledger_common import amount_payload, commitment_url
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.notifications import notify

REMIND_DAYS = 7


def commitments_remind_due(*, today: date | None = None) -> int:
    """Tell the admins and delegate of each organisation about its open commitments due
    within a week; ``reminded_at`` makes sure each is announced once. Returns how many."""
    today = today or timezone.localdate()
    due = Commitment.objects.filter(
        state=Commitment.State.OPEN, reminded_at__isnull=True,
        due_on__gte=today, due_on__lte=today + timedelta(days=REMIND_DAYS),
    ).values_list("pk", flat=True)
    return sum(_remind(pk) for pk in list(due))


@transaction.atomic
def _remind(pk: int) -> int:
    from zwerm.collaboration.selectors.ledger import speakers_for

    commitment = Commitment.objects.select_for_update(of=("self",)).select_related(
        "ecosystem", "organisation").get(pk=pk)
    if commitment.reminded_at is not None or commitment.state != Commitment.State.OPEN:
        return 0
    commitment.reminded_at = timezone.now()
    commitment.save(update_fields=["reminded_at", "updated_at"])
    activity = record(verb="collaboration.commitment.reminded", actor=Actor.system(),
                      subject=commitment, ecosystem=commitment.ecosystem,
                      organisation=commitment.organisation,
                      payload={**amount_payload(commitment),
                               "due_on": commitment.due_on.isoformat()})
    notify(recipients=speakers_for(ecosystem=commitment.ecosystem,
                                   organisations=[commitment.organisation]),
           kind="collaboration.commitments", activity=activity,
           url=commitment_url(commitment))
    return 1
