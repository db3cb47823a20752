"""Schedule the demo's challenges and introductions through the ideation and matchmaking
services.

A challenge's phases follow its dates; on each phase's first day the loader runs what the
periodic job does (``challenge_announce_phase``), which also publishes the vote's result.
"""

from __future__ import annotations

import zoneinfo
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from zwerm.demo.data.ideation import CHALLENGES, INTRODUCTIONS
from zwerm.events import services as events
from zwerm.events.models import Event
from zwerm.ideation import services as ideation
from zwerm.ideation.models import Challenge, Cluster, Idea, Initiative
from zwerm.matchmaking import services as matchmaking
from zwerm.matchmaking.models import Introduction

if TYPE_CHECKING:
    from zwerm.demo.loader import DemoLoader

ZONE = zoneinfo.ZoneInfo("Europe/Amsterdam")
PHASES = ("refine", "vote", "select", "closes")


class IdeationPlanner:
    def __init__(self, loader: DemoLoader) -> None:
        self.loader = loader
        self.challenges: dict[str, Challenge] = {}
        self.ideas: dict[tuple[str, str], Idea] = {}
        self.initiatives: dict[tuple[str, str], Initiative] = {}

    def moment(self, day: int) -> datetime:
        """09:00 in Amsterdam on ``day``: when a phase begins."""
        return datetime.combine(self.loader.start.date() + timedelta(days=day), time(9, 0),
                                tzinfo=ZONE)

    def plan(self) -> None:
        for spec in CHALLENGES:
            self.plan_challenge(spec)
        for request in INTRODUCTIONS:
            self.plan_introduction(*request)

    def plan_challenge(self, spec: dict[str, Any]) -> None:
        at, key = self.loader.at, spec["ecosystem"]
        at(spec["opens"], lambda: self.create(spec))
        if "co_facilitator" in spec:
            at(spec["opens"] + 1, lambda: ideation.challenge_facilitator_add(
                actor=self.loader.actor(spec["facilitator"]), challenge=self.challenges[key],
                person=self.loader.people[spec["co_facilitator"]]))
        for phase in PHASES:
            at(spec[phase], lambda: ideation.challenge_announce_phase(
                challenge=self.challenges[key]))
        days = {}
        for idea_key, email, day, title, description, tags in spec["ideas"]:
            days[idea_key] = day
            at(day, lambda k=idea_key, e=email, t=title, d=description, g=tags:
               self.submit(key, k, e, t, d, g))
        for idea_key, target in spec.get("builds_on", []):
            author = next(idea[1] for idea in spec["ideas"] if idea[0] == idea_key)
            at(max(days[idea_key], days[target]) + 1, lambda k=idea_key, t=target, e=author:
               ideation.idea_link(actor=self.loader.actor(e), idea=self.ideas[key, k],
                                  target=self.ideas[key, t]))
        for idea_key, email, kind in spec.get("reactions", []):
            at(days[idea_key] + 2, lambda k=idea_key, e=email, r=kind: ideation.reaction_set(
                actor=self.loader.actor(e), idea=self.ideas[key, k], kind=r))
        for idea_key, email, day, body in spec.get("comments", []):
            at(day, lambda k=idea_key, e=email, b=body: ideation.comment_post(
                actor=self.loader.actor(e), idea=self.ideas[key, k], body=b))
        facilitator = spec["facilitator"]
        for source, target, day in spec.get("merges", []):
            at(day, lambda s=source, t=target: ideation.idea_merge(
                actor=self.loader.actor(facilitator), source=self.ideas[key, s],
                target=self.ideas[key, t]))
        for name, idea_keys in spec.get("clusters", []):
            at(spec["cluster_day"], lambda n=name, k=idea_keys: ideation.cluster_create(
                actor=self.loader.actor(facilitator), challenge=self.challenges[key], name=n,
                ideas=[self.ideas[key, idea] for idea in k]))
        for email, day, dots in spec.get("ballots", []):
            at(day, lambda e=email, d=dots: self.vote(key, e, d))
        for source, kind, title, description, day, commitments in spec.get("initiatives", []):
            at(day, lambda s=source, k=kind, t=title, d=description:
               self.select(key, facilitator, s, k, t, d))
            for email, when, text in commitments:
                at(when, lambda s=source, e=email, t=text: ideation.commitment_make(
                    actor=self.loader.actor(e), initiative=self.initiatives[key, s], text=t))

    def create(self, spec: dict[str, Any]) -> None:
        if "round_table" in spec:
            self.follow_up(spec)
            return
        self.challenges[spec["ecosystem"]] = ideation.challenge_create(
            actor=self.loader.actor(spec["facilitator"]),
            ecosystem=self.loader.ecosystems[spec["ecosystem"]], slug=spec["slug"],
            question=spec["question"],
            context=spec["context"], opens_at=self.moment(spec["opens"]) - timedelta(hours=2),
            refine_starts_at=self.moment(spec["refine"]),
            vote_starts_at=self.moment(spec["vote"]),
            select_starts_at=self.moment(spec["select"]),
            closes_at=self.moment(spec["closes"]), method=spec["method"], dots=spec["dots"],
            weighting=Challenge.Weighting.ORGANISATION, secret=True,
            commitment_threshold=spec["threshold"],
        )

    def follow_up(self, spec: dict[str, Any]) -> None:
        """The round table decided to ask everyone for ideas: its organiser turns it into a
        challenge (its attendees are invited), then sets the dates of the phases."""
        actor = self.loader.actor(spec["facilitator"])
        round_table = Event.objects.filter(
            series__ecosystem=self.loader.ecosystems[spec["ecosystem"]],
        ).order_by("starts_at")[spec["round_table"]]
        challenge = events.follow_up_challenge(actor=actor, event=round_table,
                                               question=spec["question"],
                                               context=spec["context"])
        self.challenges[spec["ecosystem"]] = ideation.challenge_update(
            actor=actor, challenge=challenge, refine_starts_at=self.moment(spec["refine"]),
            vote_starts_at=self.moment(spec["vote"]),
            select_starts_at=self.moment(spec["select"]),
            closes_at=self.moment(spec["closes"]), method=spec["method"], dots=spec["dots"],
            commitment_threshold=spec["threshold"])

    def submit(self, key: str, idea_key: str, email: str, title: str, description: str,
               tags: list[str]) -> None:
        self.ideas[key, idea_key] = ideation.idea_submit(
            actor=self.loader.actor(email), challenge=self.challenges[key], title=title,
            description=description, tags=tags)

    def vote(self, key: str, email: str, dots: dict[str, int]) -> None:
        choices = {str(self.ideas[key, idea].uuid): count for idea, count in dots.items()}
        ideation.ballot_cast(actor=self.loader.actor(email), challenge=self.challenges[key],
                             choices=choices)

    def select(self, key: str, facilitator: str, source: str, kind: str, title: str,
               description: str) -> None:
        challenge = self.challenges[key]
        found: dict[str, Any] = {"idea": None, "cluster": None}
        if kind == "idea":
            found["idea"] = self.ideas[key, source]
        else:
            found["cluster"] = Cluster.objects.get(challenge=challenge, name=source)
        self.initiatives[key, source] = ideation.initiative_select(
            actor=self.loader.actor(facilitator), challenge=challenge, title=title,
            description=description, **found)

    def plan_introduction(self, requester: str, recipient: str, day: int, message: str,
                          answer: str | None, answer_day: int, reply: str) -> None:
        self.loader.at(day, lambda: matchmaking.introduction_request(
            actor=self.loader.admin(requester),
            organisation=self.loader.organisations[recipient], message=message))
        if answer is None:
            return

        def respond() -> None:
            introduction = Introduction.objects.get(
                requester=self.loader.organisations[requester],
                recipient=self.loader.organisations[recipient],
                state=Introduction.State.PENDING)
            answer_with = (matchmaking.introduction_accept if answer == "accept"
                           else matchmaking.introduction_decline)
            answer_with(actor=self.loader.admin(recipient), introduction=introduction,
                        reply=reply)

        self.loader.at(answer_day, respond)
