"""Schedule the demo's keeping-together through the collaboration services.

Working groups (one grown from an initiative of the circular challenge), deliverables with
milestones and links, commitments, a two-sided ledger with values in euro, consent
proposals (one adopted with a concern, one amended after an objection and still open, a
poll) and a commitment handed over. Proposals past their deadline are decided by the same
job the periodic task runs.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from zwerm.collaboration.models import (
    Commitment,
    Deliverable,
    Milestone,
    Proposal,
    WorkingGroup,
    WorkingGroupMember,
)
from zwerm.collaboration.services import (
    decisions,
    deliverables,
    elasticity,
    working_groups,
    working_groups_posts,
    working_groups_roles,
)
from zwerm.collaboration.services import deliverables_attachments as links
from zwerm.collaboration.services import deliverables_milestones as milestones
from zwerm.collaboration.services import ledger_commitments as commitments
from zwerm.collaboration.services import ledger_contributions as contributions
from zwerm.collaboration.services import settings as collaboration_settings
from zwerm.collaboration.services.decisions_outcome import decide_due_proposals
from zwerm.demo.data import collaboration as data

if TYPE_CHECKING:
    from zwerm.demo.loader import DemoLoader


class CollaborationPlanner:
    def __init__(self, loader: DemoLoader, initiatives: dict[tuple[str, str], Any]) -> None:
        self.loader = loader
        self.initiatives = initiatives
        self.groups: dict[str, WorkingGroup] = {}
        self.deliverables: dict[str, Deliverable] = {}
        self.commitments: dict[str, Commitment] = {}
        self.proposals: dict[str, Proposal] = {}

    @property
    def ecosystem(self) -> Any:
        return self.loader.ecosystems[data.ECOSYSTEM]

    def day(self, day: int) -> date:
        return (self.loader.start + timedelta(days=day)).date()

    def plan(self) -> None:
        at, actor = self.loader.at, self.loader.actor
        spec = data.SETTINGS
        at(spec["day"], lambda: collaboration_settings.collaboration_settings_update(
            actor=actor(spec["by"]), ecosystem=self.ecosystem,
            unit_of_account=spec["unit_of_account"], decision_mode=spec["decision_mode"],
            quorum_percent=spec["quorum_percent"]))
        for group in data.WORKING_GROUPS:
            self.plan_group(group)
        for deliverable in data.DELIVERABLES:
            self.plan_deliverable(deliverable)
        for commitment in data.COMMITMENTS:
            self.plan_commitment(*commitment)
        for contribution in data.CONTRIBUTIONS:
            self.plan_contribution(*contribution)
        for proposal in data.PROPOSALS:
            self.plan_proposal(proposal)
        self.plan_hand_over(data.HAND_OVER)

    # Working groups -------------------------------------------------------------------

    def plan_group(self, spec: dict[str, Any]) -> None:
        at, actor, key = self.loader.at, self.loader.actor, spec["key"]
        at(spec["day"], lambda: self.start_group(spec))
        for email, day in spec["members"]:
            at(day, lambda e=email: self.join(key, e, lead=spec["lead"]))
        if spec["secretary"]:
            secretary, day = spec["secretary"]
            at(day, lambda: working_groups_roles.role_hand_over(
                actor=actor(spec["lead"]), working_group=self.groups[key], role="secretary",
                to_member=self.member(key, secretary)))
        for email, day, kind, body in spec["posts"]:
            at(day, lambda e=email, k=kind, b=body: working_groups_posts.post_create(
                actor=actor(e), working_group=self.groups[key], body=b,
                announcement=k == "announcement"))
        if spec["archived"]:
            day, archivist, reason = spec["archived"]
            at(day, lambda: working_groups.working_group_archive(
                actor=actor(archivist), working_group=self.groups[key], reason=reason))

    def start_group(self, spec: dict[str, Any]) -> None:
        fields = {"name": spec["name"], "purpose": spec["purpose"],
                  "description": spec["description"], "join_policy": spec["policy"],
                  "rotation_months": spec["term"]}
        lead = self.loader.actor(spec["lead"])
        if spec["initiative"]:
            initiative = self.initiatives[spec["initiative"]]
            initiative.refresh_from_db()  # started since it was selected
            group = working_groups_posts.working_group_from_initiative(
                actor=lead, initiative=initiative, **fields)
        else:
            group = working_groups.working_group_start(actor=lead, ecosystem=self.ecosystem,
                                                       **fields)
        self.groups[spec["key"]] = group

    def member(self, key: str, email: str) -> WorkingGroupMember:
        return WorkingGroupMember.objects.get(
            working_group=self.groups[key], person=self.loader.people[email],
            state__in=[WorkingGroupMember.State.ACTIVE, WorkingGroupMember.State.REQUESTED])

    def join(self, key: str, email: str, *, lead: str) -> None:
        group = self.groups[key]
        if group.members.filter(person=self.loader.people[email],
                                state=WorkingGroupMember.State.ACTIVE).exists():
            return  # came in with the initiative
        member = working_groups.working_group_join(actor=self.loader.actor(email),
                                                   working_group=group)
        if getattr(member, "state", None) == WorkingGroupMember.State.REQUESTED:
            working_groups.working_group_answer_request(
                actor=self.loader.actor(lead), member=member, accept=True)

    # Deliverables ---------------------------------------------------------------------

    def plan_deliverable(self, spec: dict[str, Any]) -> None:
        at, actor, key = self.loader.at, self.loader.actor, spec["key"]
        email = spec["by"]
        at(spec["day"], lambda: self.create_deliverable(spec))
        for title, due, state, day in spec["milestones"]:
            at(spec["day"], lambda t=title, d=due: milestones.milestone_add(
                actor=actor(email), deliverable=self.deliverables[key], title=t,
                due_on=self.day(d)))
            if day is not None:
                at(day, lambda t=title, s=state: milestones.milestone_state_set(
                    actor=actor(email), milestone=Milestone.objects.get(
                        deliverable=self.deliverables[key], title=t), state=s))
        for kind, url, title in spec["links"]:
            at(spec["day"] + 2, lambda k=kind, u=url, t=title: links.link_add(
                actor=actor(email), deliverable=self.deliverables[key], kind=k, url=u, title=t))
        for day, state in spec["states"]:
            at(day, lambda s=state: self.set_state(key, email, s))

    def create_deliverable(self, spec: dict[str, Any]) -> None:
        self.deliverables[spec["key"]] = deliverables.deliverable_create(
            actor=self.loader.actor(spec["by"]), ecosystem=self.ecosystem, title=spec["title"],
            description=spec["description"],
            owner=self.loader.organisations[spec["owner"]],
            working_group=self.groups[spec["group"]], due_on=self.day(spec["due"]))

    def set_state(self, key: str, email: str, state: str) -> None:
        self.deliverables[key] = deliverables.deliverable_state_set(
            actor=self.loader.actor(email), deliverable=self.deliverables[key], state=state)

    # The ledger -----------------------------------------------------------------------

    def target(self, target: tuple[str, str]) -> dict[str, Any]:
        kind, key = target
        if kind == "deliverable":
            return {"deliverable": self.deliverables[key]}
        if kind == "group":
            return {"working_group": self.groups[key]}
        return {"recipient": self.loader.organisations[key]}

    def plan_commitment(self, key: str, email: str, day: int, target: tuple[str, str],
                        kind: str, quantity: str, unit: str, due: int,
                        description: str) -> None:
        self.loader.at(day, lambda: self.commitments.__setitem__(
            key, commitments.commitment_make(
                actor=self.loader.actor(email), ecosystem=self.ecosystem, type=kind,
                quantity=Decimal(quantity), unit=unit, due_on=self.day(due),
                description=description, **self.target(target))))

    def plan_contribution(self, email: str, day: int, kind: str, quantity: str, unit: str,
                          value: str | None, receiver: tuple[str, str], commitment: str | None,
                          beneficiaries: list[str], description: str,
                          reusable: dict[str, str] | None,
                          acknowledged: tuple[str, int] | None) -> None:
        made: dict[str, Any] = {}

        def record() -> None:
            made["entry"] = contributions.contribution_record(
                actor=self.loader.actor(email), ecosystem=self.ecosystem, type=kind,
                quantity=Decimal(quantity), unit=unit, given_on=self.day(day),
                description=description, value=Decimal(value) if value else None,
                commitment=self.commitments[commitment] if commitment else None,
                beneficiaries=[self.loader.organisations[slug] for slug in beneficiaries],
                **self.target(receiver), **(self.reusable(reusable) if reusable else {}))

        self.loader.at(day, record)
        if acknowledged:
            who, when = acknowledged
            self.loader.at(when, lambda: contributions.contribution_acknowledge(
                actor=self.loader.actor(who), contribution=made["entry"]))

    @staticmethod
    def reusable(fields: dict[str, str]) -> dict[str, str]:
        return {"persistent_link": fields["link"], "licence": fields["licence"],
                "format": fields["format"], "schema": fields["schema"]}

    # Decisions ------------------------------------------------------------------------

    def plan_proposal(self, spec: dict[str, Any]) -> None:
        at, key = self.loader.at, spec["key"]
        at(spec["day"], lambda: self.open_proposal(spec))
        self.plan_positions(key, spec["positions"])
        at(spec["day"] + spec["days"] + 1, decide_due_proposals)
        if spec["amendment"]:
            day, title, body, reason, days = spec["amendment"]
            at(day, lambda: self.amend(key, spec["by"], title, body, reason, days))
            self.plan_positions(key, spec.get("positions_after", []))
            at(day + days + 1, decide_due_proposals)

    def plan_positions(self, key: str, positions: list[tuple[Any, ...]]) -> None:
        for email, day, stance, reason in positions:
            self.loader.at(day, lambda e=email, s=stance, r=reason: self.give(key, e, s, r))

    def open_proposal(self, spec: dict[str, Any]) -> None:
        self.proposals[spec["key"]] = decisions.proposal_open(
            actor=self.loader.actor(spec["by"]), ecosystem=self.ecosystem,
            title=spec["title"], body=spec["body"], kind=spec["kind"],
            deadline=timezone.now() + timedelta(days=spec["days"]),
            working_group=self.groups[spec["group"]] if spec["group"] else None,
            options=spec.get("options"))

    def amend(self, key: str, email: str, title: str, body: str, reason: str,
              days: int) -> None:
        self.proposals[key] = decisions.proposal_amend(
            actor=self.loader.actor(email), proposal=self.proposals[key], title=title,
            body=body, reason=reason, deadline=timezone.now() + timedelta(days=days))

    def give(self, key: str, email: str, stance: Any, reason: str) -> None:
        proposal = Proposal.objects.get(pk=self.proposals[key].pk)
        if isinstance(stance, int):
            option = proposal.options.order_by("position", "id")[stance]
            decisions.position_give(actor=self.loader.actor(email), proposal=proposal,
                                    option=option, reason=reason)
        else:
            decisions.position_give(actor=self.loader.actor(email), proposal=proposal,
                                    stance=stance, reason=reason)

    # Elasticity -----------------------------------------------------------------------

    def plan_hand_over(self, spec: dict[str, Any]) -> None:
        made: dict[str, Any] = {}

        def request() -> None:
            made["hand_over"] = elasticity.hand_over_request(
                actor=self.loader.actor(spec["by"]),
                commitment=self.commitments[spec["commitment"]],
                to_organisation=self.loader.organisations[spec["to"]], note=spec["note"])

        self.loader.at(spec["day"], request)
        self.loader.at(spec["accepted_day"], lambda: elasticity.hand_over_accept(
            actor=self.loader.actor(spec["accepted_by"]), hand_over=made["hand_over"]))
