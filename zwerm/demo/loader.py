"""Turn the demo data into a year of history, through the same services people use.

Every step is scheduled on a day of the past year and run in date order with the
``DemoClock`` set to that day, so activities, membership events and notifications carry
realistic dates. The whole load is one transaction: it lands completely or not at all,
and a second run sees the marker ecosystem and does nothing. No email leaves the
process: tasks run at once into Django's in-memory outbox.

Events (``plan_events``) and challenges and introductions (``plan_ideation``) add their
steps to the same plan. After the commit the year's activities are appended to the
transparency log and a checkpoint is signed with the instance key, when there is one.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.test import override_settings
from django.utils import timezone, translation

from zwerm.accounts.models import User
from zwerm.core.actor import Actor
from zwerm.core.notifications import mark_read
from zwerm.demo import data
from zwerm.demo.clock import DAYS, LAST_DAY, DemoClock
from zwerm.demo.plan_collaboration import CollaborationPlanner
from zwerm.demo.plan_events import EventPlanner
from zwerm.demo.plan_ideation import IdeationPlanner
from zwerm.ecosystems import services as ecosystems
from zwerm.ecosystems.models import Ecosystem, EcosystemInvitation, Membership
from zwerm.events.models import EventSeries
from zwerm.organisations import services as organisations
from zwerm.organisations.models import Organisation

# Days between one membership step and the next, by the later step's action.
STEP_GAP = {
    "accept": 3, "decline": 4, "accept_invitation": 2, "decline_invitation": 5,
    "pause": 75, "resume": 80, "leave": 100,
}
VERIFIED_KINDS = (Organisation.Kind.GOVERNMENT, Organisation.Kind.KNOWLEDGE)


def is_loaded() -> bool:
    """The last ecosystem of the demo exists: a previous run completed."""
    return Ecosystem.objects.filter(slug=data.ECOSYSTEMS[-1]["slug"]).exists()


class DemoLoader:
    """Plans the year as (day, step) pairs, then runs the steps in order of date."""

    def __init__(self, log: Callable[[str], None] = lambda message: None) -> None:
        self.log = log
        self.rng = random.Random(2025)
        self.password = make_password(data.PASSWORD)  # hashed once: PBKDF2 is slow on purpose
        self.people: dict[str, User] = {}
        self.organisations: dict[str, Organisation] = {}
        self.ecosystems: dict[str, Ecosystem] = {}
        self.organisation_of = {
            email: slug for slug, people in data.PEOPLE.items() for _n, email, _r, _l in people
        }
        self.steps: list[tuple[int, int, int, Callable[[], Any]]] = []
        self.start = timezone.now()
        self.clock: DemoClock | None = None

    # Planning -------------------------------------------------------------------------

    def at(self, day: int, step: Callable[[], Any], *, minutes: int | None = None) -> None:
        """Run ``step`` on ``day``; ``minutes`` (past 09:00 UTC) fixes its time of day, after
        the day's other steps."""
        fixed = -1 if minutes is None else minutes
        self.steps.append((min(day, LAST_DAY), fixed, len(self.steps), step))

    def plan(self) -> None:
        self.at(0, self.create_operator)
        for organisation in data.ORGANISATIONS:
            self.plan_organisation(organisation)
        for slug, day, changes in data.PROFILE_UPDATES:
            self.at(day, lambda slug=slug, changes=changes: organisations.organisation_update(
                actor=self.admin(slug), organisation=self.organisations[slug], **changes))
        for ecosystem in data.ECOSYSTEMS:
            self.plan_ecosystem(ecosystem)
        self.at(DAYS - 30, self.read_old_notifications)
        EventPlanner(self).plan()
        ideation = IdeationPlanner(self)
        ideation.plan()
        CollaborationPlanner(self, ideation.initiatives).plan()

    def plan_organisation(self, spec: dict[str, Any]) -> None:
        slug, day = spec["slug"], spec["day"]
        founder, *colleagues = data.PEOPLE[slug]
        self.at(day, lambda: self.create_organisation(spec, founder))
        entries = [("offer", *entry) for entry in spec["offers"]]
        entries += [("seek", *entry) for entry in spec["seeks"]]
        for index, (kind, title, description) in enumerate(entries):
            # The first entry comes with the profile; the others over the rest of the year.
            when = day + 1 if index == 0 else day + 30 + self.rng.randrange(max(1, 330 - day))
            self.at(when, lambda kind=kind, title=title, description=description:
                    organisations.entry_create(
                        actor=self.admin(slug), organisation=self.organisations[slug],
                        kind=kind, title=title, description=description))
        for offset, colleague in enumerate(colleagues, start=2):
            self.at(day + offset, lambda colleague=colleague: self.add_colleague(slug, colleague))
        if spec["kind"] in VERIFIED_KINDS:
            self.at(day + 4, lambda: organisations.organisation_verify_set(
                actor=Actor(person=self.people[data.OPERATOR["email"]]),
                organisation=self.organisations[slug], verified=True))

    def plan_ecosystem(self, spec: dict[str, Any]) -> None:
        slug, day = spec["slug"], spec["day"]
        self.at(day, lambda: self.create_ecosystem(spec))
        self.at(day + 7, lambda: ecosystems.charter_update(
            actor=self.founder(spec), ecosystem=self.ecosystems[slug], texts=spec["charter"]))
        for organisation, kind, start, steps in spec["members"]:
            when = start
            for step in steps:
                action, reason = (step, "") if isinstance(step, str) else step
                when += STEP_GAP.get(action, 0)
                self.at(when, lambda o=organisation, k=kind, a=action, r=reason:
                        self.membership_step(spec, o, k, a, r))
        for email, organisation, when in spec["facilitators"]:
            self.at(when, lambda e=email, o=organisation: ecosystems.facilitator_appoint(
                actor=self.founder(spec), ecosystem=self.ecosystems[slug],
                person=self.people[e], organisation=self.organisations[o]))
        for organisation, email, when in spec["delegates"]:
            self.at(when, lambda e=email, o=organisation: ecosystems.delegate_appoint(
                actor=self.admin(o), ecosystem=self.ecosystems[slug],
                organisation=self.organisations[o], person=self.people[e]))
        for when, changes in spec["updates"]:
            self.at(when, lambda changes=changes: ecosystems.ecosystem_update(
                actor=self.founder(spec), ecosystem=self.ecosystems[slug], **changes))

    # Running --------------------------------------------------------------------------

    def run(self) -> None:
        today = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
        self.start = start = today - timedelta(days=DAYS + 1)
        self.plan()
        with DemoClock(start) as clock:
            self.clock = clock
            minutes: dict[int, int] = {}
            for day, fixed, _order, step in sorted(self.steps, key=lambda item: item[:3]):
                if fixed < 0:
                    minutes[day] = minutes.get(day, 0) + 5 + self.rng.randrange(40)
                clock.at(day=day, minutes=minutes[day] if fixed < 0 else fixed)
                step()
        self.log(
            f"Loaded {len(self.organisations)} organisations, {len(self.people)} people and "
            f"{len(self.ecosystems)} ecosystems with {len(self.steps)} steps of history."
        )

    # Steps ----------------------------------------------------------------------------

    def person(self, name: str, email: str, language: str = "nl", **extra: Any) -> User:
        person, created = User.objects.get_or_create(
            email=email, defaults={"name": name, "language": language, **extra}
        )
        if created:
            person.password = self.password
            person.save(update_fields=["password"])
        EmailAddress.objects.get_or_create(
            user=person, email=email, defaults={"verified": True, "primary": True}
        )
        self.people[email] = person
        return person

    def create_operator(self) -> None:
        self.person(data.OPERATOR["name"], data.OPERATOR["email"], is_staff=True,
                    is_superuser=True)

    def create_organisation(self, spec: dict[str, Any], founder: tuple) -> None:
        name, email, _role, language = founder
        person = self.person(name, email, language)
        fields = ("name", "slug", "kind", "website", "region", "description", "themes",
                  "kvk_number", "oin")
        self.organisations[spec["slug"]] = organisations.organisation_create(
            actor=Actor(person=person), **{field: spec[field] for field in fields}
        )

    def add_colleague(self, slug: str, colleague: tuple) -> None:
        name, email, role, language = colleague
        invitation = organisations.invitation_create(
            actor=self.admin(slug), organisation=self.organisations[slug], email=email, role=role
        )
        person = self.person(name, email, language)
        organisations.invitation_accept(actor=Actor(person=person), invitation=invitation)

    def admin(self, slug: str) -> Actor:
        """The organisation's first admin, acting for it."""
        email = data.PEOPLE[slug][0][1]
        return Actor(person=self.people[email], organisation=self.organisations[slug])

    def actor(self, email: str) -> Actor:
        """A demo person acting for their organisation."""
        organisation = self.organisations[self.organisation_of[email]]
        return Actor(person=self.people[email], organisation=organisation)

    def founder(self, spec: dict[str, Any]) -> Actor:
        email = spec["founder"]
        organisation = self.organisations[self.organisation_of[email]]
        return Actor(person=self.people[email], organisation=organisation)

    def create_ecosystem(self, spec: dict[str, Any]) -> None:
        fields = ("name", "slug", "goal", "description", "visibility", "join_policy", "themes")
        self.ecosystems[spec["slug"]] = ecosystems.ecosystem_create(
            actor=self.founder(spec), **{field: spec[field] for field in fields}
        )

    def membership_step(
        self, spec: dict[str, Any], slug: str, kind: str, action: str, reason: str
    ) -> None:
        ecosystem, organisation = self.ecosystems[spec["slug"]], self.organisations[slug]
        admin, facilitator = self.admin(slug), self.founder(spec)
        if action in ("request", "join", "invite"):
            self._enter(ecosystem, organisation, admin, facilitator, kind, action, reason)
            return
        if action in ("accept_invitation", "decline_invitation"):
            invitation = EcosystemInvitation.objects.filter(
                ecosystem=ecosystem, organisation=organisation, answered_at__isnull=True
            ).latest("created_at")
            if action == "accept_invitation":
                ecosystems.invitation_accept(actor=admin, invitation=invitation)
            else:
                ecosystems.invitation_decline(actor=admin, invitation=invitation, reason=reason)
            return
        membership = Membership.objects.get(ecosystem=ecosystem, organisation=organisation)
        if action == "accept":
            ecosystems.membership_accept(actor=facilitator, membership=membership, reason=reason)
        elif action == "decline":
            ecosystems.membership_decline(actor=facilitator, membership=membership, reason=reason)
        elif action == "pause":
            ecosystems.membership_pause(actor=admin, membership=membership, reason=reason)
        elif action == "resume":
            ecosystems.membership_resume(actor=admin, membership=membership)
        elif action == "leave":
            ecosystems.membership_leave(actor=admin, membership=membership, reason=reason)
        else:
            raise ValueError(f"Unknown demo membership step {action!r}.")

    def _enter(self, ecosystem: Ecosystem, organisation: Organisation, admin: Actor,
               facilitator: Actor, kind: str, action: str, reason: str) -> None:
        if action == "request":
            ecosystems.membership_request(actor=admin, ecosystem=ecosystem, kind=kind,
                                          reason=reason)
        elif action == "join":
            ecosystems.membership_join(actor=admin, ecosystem=ecosystem, kind=kind)
        else:
            ecosystems.invitation_create(
                actor=facilitator, ecosystem=ecosystem, email=admin.person.email,
                organisation=organisation, kind=kind,
                message="Wij zouden jullie graag in ons ecosysteem verwelkomen.",
            )

    def read_old_notifications(self) -> None:
        """People have read what reached them until a month ago."""
        for person in self.people.values():
            mark_read(person=person)


def load(log: Callable[[str], None] = lambda message: None) -> bool:
    """Load the demo unless it is there already; returns whether it loaded."""
    if is_loaded():
        log("The demo data is loaded already; nothing to do.")
        if not EventSeries.objects.exists():
            log("It was loaded by an older version, without events and challenges: remove "
                "the database (var/zwerm.sqlite3 by default) and run again to load the whole demo.")
        return False
    from huey.contrib.djhuey import HUEY

    immediate = HUEY.immediate
    HUEY.immediate = True
    try:
        with (
            override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
            translation.override("nl"),
            transaction.atomic(),
        ):
            DemoLoader(log).run()
    finally:
        HUEY.immediate = immediate
    sign_log(log)
    return True


def sign_log(log: Callable[[str], None]) -> None:
    """Append the year's activities to the transparency log and sign a checkpoint."""
    from zwerm.transparency import checkpoints
    from zwerm.transparency import services as transparency

    transparency.sequence_all()
    try:
        signed = checkpoints.checkpoints_sign_due()
    except ImproperlyConfigured as error:
        log(f"The transparency log was not signed: {error}")
        return
    log(f"Signed {len(signed)} checkpoints of the transparency log.")
