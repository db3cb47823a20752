"""Reads of commitments and the ledger, shaped for pages and API, filtered to the viewer.

Other parts use ``open_commitments_of``, ``commitment_progress``, ``kept_on_time`` and
``balances_for``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import (
    DecimalField,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from zwerm.collaboration import balances as pure
from zwerm.collaboration.models import (
    Commitment,
    Contribution,
    HandOver,
    WorkingGroupMember,
    WorkingGroupRole,
)
from zwerm.collaboration.permissions.ledger import can_view_ledger
from zwerm.ecosystems.models import Ecosystem, Membership, Role
from zwerm.ecosystems.permissions import organisation_ids
from zwerm.organisations.models import Organisation, OrganisationMember

ZERO = Decimal("0.00")
AMOUNT = DecimalField(max_digits=14, decimal_places=2)


def speakers_for(*, ecosystem: Ecosystem, organisations: list[Any]) -> list[Any]:
    """The admins and delegates of the given organisations: who hears on their behalf."""
    ids = [o.pk for o in organisations if o is not None]
    if not ids:
        return []
    from zwerm.accounts.models import User

    admins = OrganisationMember.objects.filter(
        organisation_id__in=ids, left_at__isnull=True, role=OrganisationMember.Role.ADMIN
    ).values("person_id")
    delegates = Role.objects.filter(
        ecosystem=ecosystem, organisation_id__in=ids, name=Role.Name.DELEGATE,
        ended_at__isnull=True,
    ).values("person_id")
    return list(User.objects.filter(Q(pk__in=admins) | Q(pk__in=delegates), is_active=True))


# Commitments -------------------------------------------------------------------------------


def _delivered() -> Coalesce:
    summed = (
        Contribution.objects.filter(commitment=OuterRef("pk")).order_by()
        .values("commitment").annotate(total=Sum("quantity")).values("total")
    )
    return Coalesce(Subquery(summed, output_field=AMOUNT), Value(ZERO), output_field=AMOUNT)


def _commitments(ecosystem: Ecosystem) -> QuerySet[Commitment]:
    return (
        Commitment.objects.filter(ecosystem=ecosystem)
        .select_related("organisation", "deliverable", "working_group", "initiative",
                        "handed_over_from__organisation", "ecosystem")
        .prefetch_related(Prefetch("handed_over_to", queryset=Commitment.objects.select_related(
            "organisation")))
        .annotate(delivered=_delivered())
    )


COMMITMENT_STATES = ("open", "overdue", "fulfilled", "released", "handed_over")


def commitment_list(
    *,
    viewer: Any,
    ecosystem: Ecosystem,
    state: str = "",
    organisation: Any = None,
    type: str = "",
    deliverable: Any = None,
    working_group: Any = None,
    initiative: Any = None,
) -> QuerySet[Commitment]:
    """Commitments of an ecosystem with ``delivered`` annotated; ``state`` may also be
    ``overdue`` (open and past its date)."""
    if not can_view_ledger(viewer, ecosystem):
        return Commitment.objects.none()
    queryset = _commitments(ecosystem)
    if state == "overdue":
        queryset = queryset.filter(state=Commitment.State.OPEN, due_on__lt=timezone.localdate())
    elif state:
        queryset = queryset.filter(state=state)
    if organisation is not None:
        queryset = queryset.filter(organisation=organisation)
    if type:
        queryset = queryset.filter(type=type)
    if deliverable is not None:
        queryset = queryset.filter(deliverable=deliverable)
    if working_group is not None:
        queryset = queryset.filter(working_group=working_group)
    if initiative is not None:
        queryset = queryset.filter(initiative=initiative)
    return queryset.order_by("due_on", "id")


def commitment_detail(*, viewer: Any, ecosystem: Ecosystem, uuid: Any) -> Commitment | None:
    if not can_view_ledger(viewer, ecosystem):
        return None
    try:
        return _commitments(ecosystem).filter(uuid=uuid).first()
    except (ValueError, TypeError):
        return None


def is_being_handed_over(commitment: Commitment) -> bool:
    """A hand-over of the commitment waits for an answer: until then it neither changes nor
    is released."""
    return HandOver.objects.filter(commitment=commitment, state=HandOver.State.PENDING).exists()


def open_commitments_of(*, ecosystem: Ecosystem, organisation: Any) -> QuerySet[Commitment]:
    """An organisation's open commitments (for hand-over when it pauses or leaves)."""
    return _commitments(ecosystem).filter(organisation=organisation,
                                          state=Commitment.State.OPEN)


@dataclass(frozen=True)
class Progress:
    promised: Decimal
    delivered: Decimal
    unit: str
    overdue: bool

    @property
    def percent(self) -> int:
        if not self.promised:
            return 0
        return min(100, int(self.delivered * 100 / self.promised))

    @property
    def remaining(self) -> Decimal:
        return max(ZERO, self.promised - self.delivered)


def commitment_progress(commitment: Commitment, *, today: date | None = None) -> Progress:
    """Promised versus delivered; uses the ``delivered`` annotation when present."""
    delivered = getattr(commitment, "delivered", None)
    if delivered is None:
        delivered = commitment.contributions.aggregate(t=Sum("quantity"))["t"] or ZERO
    today = today or timezone.localdate()
    return Progress(
        promised=pure.quantize(commitment.quantity), delivered=pure.quantize(delivered),
        unit=commitment.unit,
        overdue=commitment.state == Commitment.State.OPEN and commitment.due_on < today,
    )


def _promises(queryset: QuerySet[Commitment]) -> dict[int, list[pure.Promise]]:
    rows: dict[int, list[pure.Promise]] = {}
    for organisation_id, state, due_on, fulfilled_on in queryset.values_list(
            "organisation_id", "state", "due_on", "fulfilled_on"):
        rows.setdefault(organisation_id, []).append(
            pure.Promise(state=state, due_on=due_on, fulfilled_on=fulfilled_on))
    return rows


def kept_on_time(*, ecosystem: Ecosystem | None = None, organisation: Any,
                 today: date | None = None) -> pure.Kept:
    """How an organisation kept its commitments (in one ecosystem, or everywhere)."""
    queryset = Commitment.objects.filter(organisation=organisation)
    if ecosystem is not None:
        queryset = queryset.filter(ecosystem=ecosystem)
    promises = _promises(queryset).get(organisation.pk, [])
    return pure.kept_on_time(promises, today=today or timezone.localdate())


def kept_on_time_per_organisation(*, ecosystem: Ecosystem,
                                  today: date | None = None) -> list[tuple[Any, pure.Kept]]:
    """Every organisation that committed something in the ecosystem, by name."""
    promises = _promises(Commitment.objects.filter(ecosystem=ecosystem))
    today = today or timezone.localdate()
    organisations = Organisation.objects.filter(pk__in=promises).order_by("name")
    return [(o, pure.kept_on_time(promises[o.pk], today=today)) for o in organisations]


def commitment_targets(*, ecosystem: Ecosystem) -> dict[str, list[Any]]:
    """What can be committed to: open deliverables, active working groups, initiatives of
    the ecosystem's challenges."""
    from zwerm.collaboration.models import Deliverable, WorkingGroup
    from zwerm.ideation.models import Initiative

    return {
        "deliverable": list(Deliverable.objects.filter(ecosystem=ecosystem).exclude(
            state__in=[Deliverable.State.DELIVERED, Deliverable.State.CANCELLED]
        ).order_by("title")),
        "working_group": list(WorkingGroup.objects.filter(
            ecosystem=ecosystem, archived_at__isnull=True).order_by("name")),
        "initiative": list(Initiative.objects.filter(
            challenge__ecosystem=ecosystem).order_by("title")),
    }


# Contributions -----------------------------------------------------------------------------


def _contributions(ecosystem: Ecosystem) -> QuerySet[Contribution]:
    return (
        Contribution.objects.filter(ecosystem=ecosystem)
        .select_related("giver", "giver_organisation", "recipient", "deliverable__owner",
                        "working_group", "commitment", "acknowledged_by", "acknowledged_for",
                        "ecosystem")
        .prefetch_related("beneficiaries")
    )


def _involving(organisation: Any) -> Q:
    benefiting = Contribution.beneficiaries.through.objects.filter(
        organisation_id=organisation.pk).values("contribution_id")
    return (Q(giver_organisation=organisation) | Q(recipient=organisation)
            | Q(deliverable__owner=organisation) | Q(pk__in=benefiting))


def contribution_list(
    *,
    viewer: Any,
    ecosystem: Ecosystem,
    type: str = "",
    organisation: Any = None,
    acknowledged: bool | None = None,
    working_group: Any = None,
    deliverable: Any = None,
    commitment: Any = None,
) -> QuerySet[Contribution]:
    """Ledger entries, newest first. ``organisation`` matches the giver, the receiver, the
    deliverable's owner and beneficiaries."""
    if not can_view_ledger(viewer, ecosystem):
        return Contribution.objects.none()
    queryset = _contributions(ecosystem)
    if type:
        queryset = queryset.filter(type=type)
    if organisation is not None:
        queryset = queryset.filter(_involving(organisation))
    if acknowledged is not None:
        queryset = queryset.filter(acknowledged_at__isnull=not acknowledged)
    if working_group is not None:
        queryset = queryset.filter(working_group=working_group)
    if deliverable is not None:
        queryset = queryset.filter(deliverable=deliverable)
    if commitment is not None:
        queryset = queryset.filter(commitment=commitment)
    return queryset.order_by("-given_on", "-id")


def contribution_detail(*, viewer: Any, ecosystem: Ecosystem, uuid: Any) -> Contribution | None:
    if not can_view_ledger(viewer, ecosystem):
        return None
    try:
        return _contributions(ecosystem).filter(uuid=uuid).first()
    except (ValueError, TypeError):
        return None


def awaiting_acknowledgement(*, person: Any, ecosystem: Ecosystem) -> QuerySet[Contribution]:
    """Entries waiting for an acknowledgement that the person's organisations give: the
    same receiving-side rule as ``permissions.ledger.receiving_organisations``."""
    mine = list(organisation_ids(person))
    if not mine or not can_view_ledger(person, ecosystem):
        return Contribution.objects.none()
    def roles(group: str) -> Exists:
        return Exists(WorkingGroupRole.objects.filter(
            working_group=OuterRef(group), ended_at__isnull=True, organisation_id__in=mine,
        ).exclude(organisation=OuterRef("giver_organisation")))

    by_recipient = Q(recipient_id__in=mine)
    by_owner = Q(recipient__isnull=True, deliverable__owner_id__in=mine) & ~Q(
        deliverable__owner=F("giver_organisation"))
    by_group = Q(recipient__isnull=True) & (
        Q(deliverable__isnull=True) | Q(deliverable__owner=F("giver_organisation"))
    ) & (
        (Q(working_group__isnull=False) & Q(roles("working_group")))
        | (Q(working_group__isnull=True) & Q(roles("deliverable__working_group")))
    )
    return (
        _contributions(ecosystem)
        .filter(acknowledged_at__isnull=True)
        .filter(by_recipient | by_owner | by_group)
        .exclude(giver_organisation_id__in=mine)
        .exclude(giver=person)
        .order_by("given_on", "id")
    )


def ledger_rows(*, viewer: Any, ecosystem: Ecosystem) -> QuerySet[Contribution]:
    """Every entry for the CSV export, oldest first."""
    return contribution_list(viewer=viewer, ecosystem=ecosystem).order_by("given_on", "id")


# Balances ----------------------------------------------------------------------------------


def balance_entries(*, ecosystem: Ecosystem) -> list[pure.Entry]:
    """The ledger as plain rows for ``balances.balances``: three flat queries, no model
    instances, so an ecosystem with tens of thousands of entries stays quick."""
    beneficiaries: dict[int, list[int]] = {}
    through = Contribution.beneficiaries.through
    for contribution_id, organisation_id in through.objects.filter(
            contribution__ecosystem=ecosystem).values_list("contribution_id", "organisation_id"):
        beneficiaries.setdefault(contribution_id, []).append(organisation_id)
    members: dict[int, set[int]] = {}
    for group_id, organisation_id in WorkingGroupMember.objects.filter(
            working_group__ecosystem=ecosystem, state=WorkingGroupMember.State.ACTIVE,
    ).values_list("working_group_id", "organisation_id"):
        members.setdefault(group_id, set()).add(organisation_id)
    rows = Contribution.objects.filter(ecosystem=ecosystem).values_list(
        "pk", "giver_organisation_id", "type", "unit", "quantity", "value", "value_unit",
        "acknowledged_at", "recipient_id", "deliverable__owner_id", "working_group_id")
    return [
        pure.Entry(
            giver=giver, type=kind, unit=unit, quantity=quantity,
            acknowledged=acknowledged_at is not None, value=value, value_unit=value_unit,
            takers=pure.takers_of(
                beneficiaries=sorted(beneficiaries.get(pk, ())), recipient=recipient,
                deliverable_owner=owner, group_members=sorted(members.get(group, ()))),
        )
        for (pk, giver, kind, unit, quantity, value, value_unit, acknowledged_at, recipient,
             owner, group) in rows.iterator(chunk_size=5000)
    ]


@dataclass
class BalanceView:
    """Balances with the organisations they name, for pages and the API."""

    balances: pure.Balances
    organisations: dict[Any, Any]

    def name(self, key: Any) -> str:
        organisation = self.organisations.get(key)
        return organisation.name if organisation is not None else ""


def balances_for(*, ecosystem: Ecosystem, viewer: Any = None,
                 check: bool = True) -> BalanceView | None:
    """Give/take per organisation and per (type, unit), and in the unit of account;
    None when the viewer may not see the ecosystem."""
    if check and not can_view_ledger(viewer, ecosystem):
        return None
    result = pure.balances(balance_entries(ecosystem=ecosystem))
    ids = [key for key in result.organisations() if key != pure.COMMONS]
    organisations = {o.pk: o for o in Organisation.objects.filter(pk__in=ids)}
    return BalanceView(balances=result, organisations=organisations)


def member_organisations(*, ecosystem: Ecosystem) -> QuerySet[Organisation]:
    """Organisations that may receive or benefit: active and paused members."""
    return Organisation.objects.filter(
        pk__in=Membership.objects.filter(
            ecosystem=ecosystem,
            state__in=(Membership.State.ACTIVE, Membership.State.PAUSED),
        ).values("organisation_id")
    ).order_by("name")
