"""Read side of matchmaking: suggestions, introductions and connections for a viewer.

Other apps (events, round tables) call ``suggestions_for`` and ``ecosystem_candidates``;
their signatures are stable.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from zwerm.ecosystems.models import Ecosystem, Membership
from zwerm.ecosystems.selectors import visible_ecosystems_q
from zwerm.matchmaking import index
from zwerm.matchmaking.engine import Match
from zwerm.matchmaking.models import Connection, Dismissal, Introduction
from zwerm.matchmaking.permissions import can_view_introduction
from zwerm.organisations.models import Organisation, Theme

#: Memberships that already tie an organisation to an ecosystem: not a candidate to join.
TIED_STATES = (
    Membership.State.ACTIVE, Membership.State.PAUSED, Membership.State.REQUESTED,
    Membership.State.INVITED,
)


@dataclass(frozen=True)
class Reason:
    """One explainable part of a score: what matched, in a sentence, and its points."""

    kind: str  # offer_answers_need, need_answered_by_offer, shared_theme, ...
    text: str
    points: int


@dataclass(frozen=True)
class Suggestion:
    organisation: Organisation
    score: int
    reasons: list[Reason] = field(default_factory=list)


def _visible_ecosystem_ids(viewer: Any) -> set[int] | None:
    person = getattr(viewer, "person", viewer)
    if person is not None and getattr(person, "is_staff", False):
        return None
    return set(Ecosystem.objects.filter(visible_ecosystems_q(viewer)).values_list("pk", flat=True))


KINDS = dict(Organisation.Kind.choices)


def _sentence(part, group: bool, names: dict) -> str:
    data = part.data
    if part.kind == "offer_answers_need":
        if group:
            return _("Their offer “%(offer)s” answers the need “%(need)s” of %(member)s.") % {
                "offer": data["offer"], "need": data["need"],
                "member": names["organisations"].get(data["member"], "—"),
            }
        return _("Their offer “%(offer)s” answers your need “%(need)s”.") % data
    if part.kind == "need_answered_by_offer":
        if group:
            return _("The offer “%(offer)s” of %(member)s answers their need “%(need)s”.") % {
                "offer": data["offer"], "need": data["need"],
                "member": names["organisations"].get(data["member"], "—"),
            }
        return _("Your offer “%(offer)s” answers their need “%(need)s”.") % data
    if part.kind == "shared_theme":
        return _("Works on the theme “%(theme)s”, as you do.") % {
            "theme": names["themes"].get(data["theme"], "—")}
    if part.kind == "neighbouring_ecosystem":
        if data["own"] == data["theirs"]:
            return _("A member of %(ecosystem)s, as you are.") % {
                "ecosystem": names["ecosystems"].get(data["theirs"], "—")}
        return _("A member of %(theirs)s, a neighbour of %(own)s.") % {
            "theirs": names["ecosystems"].get(data["theirs"], "—"),
            "own": names["ecosystems"].get(data["own"], "—"),
        }
    return _("Brings another side of the triple helix: %(kind)s.") % {
        "kind": str(KINDS.get(data["theirs"], data["theirs"])).lower()}


def _suggestions(matches: list[Match], *, group: bool) -> list[Suggestion]:
    """Matches as suggestions: organisations and names fetched in a fixed number of queries."""
    wanted_orgs = {match.organisation for match in matches}
    themes, ecosystems = set(), set()
    for match in matches:
        for part in match.parts:
            if "member" in part.data:
                wanted_orgs.add(part.data["member"])
            if part.kind == "shared_theme":
                themes.add(part.data["theme"])
            if part.kind == "neighbouring_ecosystem":
                ecosystems |= {part.data["own"], part.data["theirs"]}
    organisations = Organisation.objects.filter(
        pk__in=wanted_orgs, merged_into__isnull=True
    ).in_bulk()
    names = {
        "organisations": {key: org.name for key, org in organisations.items()},
        "themes": dict(Theme.objects.filter(pk__in=themes).values_list("pk", "name"))
        if themes else {},
        "ecosystems": dict(Ecosystem.objects.filter(pk__in=ecosystems).values_list("pk", "name"))
        if ecosystems else {},
    }
    return [
        Suggestion(
            organisation=organisations[match.organisation],
            score=match.score,
            reasons=[Reason(part.kind, _sentence(part, group, names), part.points)
                     for part in match.parts],
        )
        for match in matches if match.organisation in organisations
    ]


def hidden_for(organisation: Organisation) -> set[int]:
    """Organisations not to suggest: dismissed ones and those already connected."""
    hidden = set(Dismissal.objects.filter(organisation=organisation).values_list(
        "dismissed_id", flat=True))
    for first, second in Connection.objects.filter(
        Q(first=organisation) | Q(second=organisation)
    ).values_list("first_id", "second_id"):
        hidden.add(second if first == organisation.pk else first)
    return hidden


def suggestions_for(
    *,
    viewer: Any,
    organisation: Organisation,
    among: Iterable[int] | None = None,
    exclude: Iterable[int] = (),
    limit: int = 10,
) -> list[Suggestion]:
    """Organisations that ``organisation`` should meet, best first, with their reasons.

    ``among`` restricts the candidates to these organisation ids (an event's attendees);
    ``exclude`` leaves some out. Dismissed and already connected organisations never
    appear; ecosystems the viewer may not see add no points and no reasons.
    """
    matches = index.current().rank(
        organisation.pk,
        among=None if among is None else list(among),
        exclude=set(exclude) | hidden_for(organisation),
        visible_ecosystems=_visible_ecosystem_ids(viewer),
        limit=limit,
    )
    return _suggestions(matches, group=False)


def ecosystem_candidates(
    *, viewer: Any, ecosystem: Ecosystem, limit: int = 10
) -> list[Suggestion]:
    """Organisations that should join ``ecosystem``: they answer what its members seek,
    share its themes, or bring a side of the triple helix it lacks."""
    memberships = dict(Membership.objects.filter(ecosystem=ecosystem).values_list(
        "organisation_id", "state"))
    members = [key for key, state in memberships.items()
               if state in (Membership.State.ACTIVE, Membership.State.PAUSED)]
    tied = [key for key, state in memberships.items() if state in TIED_STATES]
    matches = index.current().rank_group(
        members,
        themes=list(ecosystem.themes.values_list("pk", flat=True)),
        ecosystem=ecosystem.pk,
        exclude=tied,
        visible_ecosystems=_visible_ecosystem_ids(viewer),
        limit=limit,
    )
    return _suggestions(matches, group=True)


def group_candidates(
    *, viewer: Any, organisations: Iterable[int], themes: Iterable[int] = (),
    exclude: Iterable[int] = (), limit: int = 10,
) -> list[Suggestion]:
    """Who should join a group of organisations (a round table's attendees, say): the same
    scoring as ``ecosystem_candidates``, for any set of organisation ids and theme ids."""
    members = list(organisations)
    matches = index.current().rank_group(
        members, themes=list(themes), exclude=set(exclude) | set(members),
        visible_ecosystems=_visible_ecosystem_ids(viewer), limit=limit,
    )
    return _suggestions(matches, group=True)


def pending_with(organisation: Organisation) -> dict[int, Introduction]:
    """Pending introductions between ``organisation`` and others, by the other's id."""
    pending = {}
    for introduction in Introduction.objects.filter(
        Q(requester=organisation) | Q(recipient=organisation),
        state=Introduction.State.PENDING,
    ):
        other = (introduction.recipient_id if introduction.requester_id == organisation.pk
                 else introduction.requester_id)
        pending[other] = introduction
    return pending


def dismissed_list(*, organisation: Organisation) -> QuerySet[Dismissal]:
    return Dismissal.objects.filter(organisation=organisation).select_related(
        "dismissed").order_by("dismissed__name")


def introduction_list(
    *, organisation: Organisation, direction: str = "incoming", state: str = ""
) -> QuerySet[Introduction]:
    """Introductions asked of (incoming) or by (outgoing) the organisation, newest first."""
    queryset = Introduction.objects.select_related(
        "requester", "recipient", "requested_by", "answered_by"
    )
    if direction == "outgoing":
        queryset = queryset.filter(requester=organisation)
    else:
        queryset = queryset.filter(recipient=organisation)
    if state:
        queryset = queryset.filter(state=state)
    return queryset.order_by("-created_at", "-id")


def introduction_for(*, viewer: Any, uuid_: Any) -> Introduction | None:
    """One introduction by UUID, when the viewer's organisations are part of it."""
    try:
        key = uuid.UUID(str(uuid_))
    except ValueError:
        return None
    introduction = Introduction.objects.select_related(
        "requester", "recipient", "requested_by", "answered_by"
    ).filter(uuid=key).first()
    if introduction is None or not can_view_introduction(viewer, introduction):
        return None
    return introduction


def connection_list(*, organisation: Organisation) -> QuerySet[Connection]:
    return Connection.objects.filter(
        Q(first=organisation) | Q(second=organisation)
    ).select_related("first", "second", "introduction").order_by("-created_at", "-id")
