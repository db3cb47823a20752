"""Who may hand over, answer a hand-over, export an organisation's data and see the welcome page.

An organisation decides what happens to its commitments and roles through the people who
speak for it (its admins and its delegate), while it is still an active or paused member.
The receiving side answers through its own speakers; for a working-group role, the person
named to take it over may answer too.
"""

from __future__ import annotations

from typing import Any

from zwerm.collaboration.models import HandOver
from zwerm.collaboration.permissions import _person, can_speak_for, is_active_member
from zwerm.ecosystems import exports
from zwerm.ecosystems import permissions as ecosystem_permissions
from zwerm.ecosystems.models import Ecosystem, Membership

__all__ = [
    "can_hand_over", "can_answer_hand_over", "answerable", "can_withdraw_hand_over", "can_export",
    "can_see_onboarding", "is_settling_member",
]

SETTLING_STATES = (Membership.State.ACTIVE, Membership.State.PAUSED)


def is_settling_member(organisation: Any, ecosystem: Ecosystem) -> bool:
    """Active and paused members still hold what they promised and may pass it on."""
    if organisation is None:
        return False
    return Membership.objects.filter(
        ecosystem=ecosystem, organisation=organisation, state__in=SETTLING_STATES
    ).exists()


def can_hand_over(actor: Any, ecosystem: Ecosystem) -> bool:
    """The actor speaks for the organisation they act for, which is an active or paused
    member: they decide what happens to its open commitments and roles."""
    organisation = getattr(actor, "organisation", None)
    return (
        is_settling_member(organisation, ecosystem)
        and can_speak_for(actor, ecosystem, organisation)
    )


def can_answer_hand_over(actor: Any, hand_over: HandOver) -> bool:
    """The receiving organisation's admins and delegate (or, for a role, the person named)
    answer a pending request, while that organisation is an active member."""
    if hand_over.state != HandOver.State.PENDING:
        return False
    person = _person(actor)
    if person is None or not is_active_member(hand_over.to_organisation, hand_over.ecosystem):
        return False
    if hand_over.to_person_id is not None and hand_over.to_person_id == person.pk:
        return True
    return can_speak_for(person, hand_over.ecosystem, hand_over.to_organisation)


def answerable(actor: Any, hand_overs: list[HandOver]) -> set[int]:
    """``can_answer_hand_over`` for a list, in a fixed number of queries (the requests page)."""
    person = _person(actor)
    if person is None or not hand_overs:
        return set()
    ecosystem = hand_overs[0].ecosystem
    active = set(Membership.objects.filter(
        ecosystem=ecosystem, kind=Membership.Kind.MEMBER, state=Membership.State.ACTIVE,
        organisation_id__in={h.to_organisation_id for h in hand_overs},
    ).values_list("organisation_id", flat=True))
    speaks: dict[int, bool] = {}
    result = set()
    for hand_over in hand_overs:
        if hand_over.state != HandOver.State.PENDING or hand_over.to_organisation_id not in active:
            continue
        if hand_over.to_person_id == person.pk:
            result.add(hand_over.pk)
            continue
        if hand_over.to_organisation_id not in speaks:
            speaks[hand_over.to_organisation_id] = can_speak_for(
                person, ecosystem, hand_over.to_organisation)
        if speaks[hand_over.to_organisation_id]:
            result.add(hand_over.pk)
    return result


def can_withdraw_hand_over(actor: Any, hand_over: HandOver) -> bool:
    """The giving organisation's speakers withdraw a request nobody answered yet."""
    if hand_over.state != HandOver.State.PENDING:
        return False
    return can_speak_for(actor, hand_over.ecosystem, hand_over.from_organisation)


def can_export(who: Any, ecosystem: Ecosystem, organisation: Any) -> bool:
    """Admins and the delegate of an organisation that took part (and operators), also
    after it left: the kernel's rule, shared with the export page."""
    return exports.can_export_organisation(_person(who), ecosystem, organisation)


def can_see_onboarding(who: Any, ecosystem: Ecosystem) -> bool:
    """People of member organisations (active or paused, members or observers); others
    find the way to join on the ecosystem's public page."""
    return ecosystem_permissions.is_member_of(_person(who), ecosystem)
