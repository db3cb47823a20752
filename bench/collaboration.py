"""Keeping together at the scale of a large ecosystem: the ledger, balances and boards.

Builds one public ecosystem with 300 member organisations, 30 working groups, 300
deliverables with milestones, 3,000 commitments and ``--n`` ledger entries (default
50,000; a third with beneficiaries, a fifth valued in euro), plus 1,000 decisions. Set-up
uses bulk inserts; then it measures, as a member would see them:

- recording contributions through ``contribution_record`` (validation, write, activity);
- the give/take balances of the whole ecosystem (every entry, split over its takers);
- the first page of the ledger, the commitments kept on time per organisation, the
  deliverables board and a search of the decision register.

Run: ``python -m bench collaboration [--n 50000]``.
"""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal
from typing import Any

from bench.common import parser, percentile, report, say, setup_django, stopwatch, timed

ORGANISATIONS = 300
GROUPS = 30
DELIVERABLES = 300
COMMITMENTS = 3000
DECISIONS = 1000
RECORDED = 300
SUBJECTS = ("data", "geld", "opslag", "hout")
REPEAT = 20
TYPES = (("hours", "hours"), ("expertise", "hours"), ("data", "datasets"), ("money", "EUR"),
         ("facilities", "days"), ("network", "introductions"))


def _world(n: int, rng: random.Random) -> dict[str, Any]:
    """The ecosystem and its history, inserted in bulk: set-up, not measured."""
    from django.utils import timezone

    from zwerm.accounts.models import User
    from zwerm.collaboration import models as c
    from zwerm.core.actor import Actor
    from zwerm.ecosystems.models import Ecosystem, Membership
    from zwerm.organisations.models import Organisation, OrganisationMember

    today = timezone.localdate()
    ecosystem = Ecosystem.objects.create(name="Groot ecosysteem", slug="groot", goal="Samen.",
                                         visibility="public")
    c.CollaborationSettings.objects.create(ecosystem=ecosystem, unit_of_account="euro")
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Organisatie {i}", slug=f"organisatie-{i}", kind="company")
        for i in range(ORGANISATIONS))
    people = User.objects.bulk_create(
        User(email=f"persoon{i}@example.nl", name=f"Persoon {i}") for i in range(ORGANISATIONS))
    OrganisationMember.objects.bulk_create(
        OrganisationMember(organisation=o, person=p, role="admin")
        for o, p in zip(organisations, people, strict=True))
    Membership.objects.bulk_create(
        Membership(ecosystem=ecosystem, organisation=o, state="active") for o in organisations)
    groups = c.WorkingGroup.objects.bulk_create(
        c.WorkingGroup(ecosystem=ecosystem, name=f"Werkgroep {i}", slug=f"werkgroep-{i}",
                       purpose="Samen iets maken.", started_for=organisations[i])
        for i in range(GROUPS))
    c.WorkingGroupMember.objects.bulk_create(
        c.WorkingGroupMember(working_group=groups[i % GROUPS], person=people[i],
                             organisation=organisations[i], state="active",
                             joined_at=timezone.now())
        for i in range(ORGANISATIONS))
    deliverables = c.Deliverable.objects.bulk_create(
        c.Deliverable(ecosystem=ecosystem, working_group=groups[i % GROUPS],
                      owner=organisations[i % ORGANISATIONS], title=f"Resultaat {i}",
                      state=rng.choice(["planned", "in_progress", "delivered"]),
                      due_on=today + timedelta(days=rng.randint(-60, 120)))
        for i in range(DELIVERABLES))
    c.Milestone.objects.bulk_create(
        c.Milestone(deliverable=d, title=f"Stap {k}", position=k,
                    state=rng.choice(["open", "done"]), due_on=d.due_on)
        for d in deliverables for k in range(4))
    commitments = c.Commitment.objects.bulk_create(
        c.Commitment(ecosystem=ecosystem, organisation=organisations[i % ORGANISATIONS],
                     deliverable=deliverables[i % DELIVERABLES], type=TYPES[i % 6][0],
                     unit=TYPES[i % 6][1], quantity=Decimal(rng.randint(5, 80)),
                     due_on=today + timedelta(days=rng.randint(-90, 90)),
                     state=rng.choice(["open", "open", "fulfilled"]))
        for i in range(COMMITMENTS))
    entries = []
    for i in range(n):
        kind, unit = TYPES[rng.randrange(6)]
        target = rng.randrange(3)
        entries.append(c.Contribution(
            ecosystem=ecosystem, giver_organisation=organisations[rng.randrange(ORGANISATIONS)],
            giver=people[i % ORGANISATIONS], type=kind, unit=unit,
            quantity=Decimal(rng.randint(1, 40)),
            value=Decimal(rng.randint(50, 5000)) if i % 5 == 0 else None,
            value_unit="euro" if i % 5 == 0 else "",
            deliverable=deliverables[rng.randrange(DELIVERABLES)] if target == 0 else None,
            working_group=groups[rng.randrange(GROUPS)] if target == 1 else None,
            recipient=organisations[rng.randrange(ORGANISATIONS)] if target == 2 else None,
            given_on=today - timedelta(days=rng.randrange(365)), description="Bijdrage",
            acknowledged_at=timezone.now() if i % 3 else None))
    entries = c.Contribution.objects.bulk_create(entries, batch_size=2000)
    through = c.Contribution.beneficiaries.through
    through.objects.bulk_create(
        (through(contribution_id=e.pk, organisation_id=organisations[(k * 7 + i) %
                                                                     ORGANISATIONS].pk)
         for i, e in enumerate(entries) if i % 3 == 0 for k in range(2)), batch_size=5000)
    proposals = c.Proposal.objects.bulk_create(
        c.Proposal(ecosystem=ecosystem, title=f"Voorstel {i} over {rng.choice(SUBJECTS)}",
                   body="Tekst van het voorstel.", proposer_organisation=organisations[i % 50],
                   deadline=timezone.now(), decision_mode="organisation", state="closed")
        for i in range(DECISIONS))
    c.Decision.objects.bulk_create(
        c.Decision(proposal=p, ecosystem=ecosystem, number=i + 1, version=1,
                   outcome=rng.choice(["adopted", "not_adopted"]), statement="Besloten.",
                   decided_at=timezone.now())
        for i, p in enumerate(proposals))
    actors = [Actor(person=p, organisation=o) for p, o in zip(people, organisations,
                                                                strict=True)]
    return {"ecosystem": ecosystem, "actors": actors, "deliverables": deliverables,
            "commitments": commitments, "viewer": people[0]}


def _record(world: dict[str, Any], rng: random.Random) -> float:
    """Contributions through the service, one transaction each; returns entries per second."""
    from django.urls import reverse
    from django.utils import timezone

    from zwerm.collaboration.services.ledger_contributions import contribution_record

    reverse("collaboration:ledger", kwargs={"ecosystem": "groot"})  # load the URLs once
    with stopwatch() as clock:
        for i in range(RECORDED):
            contribution_record(
                actor=world["actors"][i % ORGANISATIONS], ecosystem=world["ecosystem"],
                type="hours", unit="hours", quantity=Decimal(rng.randint(1, 8)),
                given_on=timezone.localdate(), description="Werksessie",
                deliverable=world["deliverables"][rng.randrange(DELIVERABLES)])
    return RECORDED / clock["seconds"]


def main(argv: list[str]) -> int:
    options = parser(__doc__.splitlines()[0], default_n=50_000).parse_args(argv)
    setup_django("collaboration")
    from zwerm.collaboration.selectors import decisions, deliverables, ledger

    rng = random.Random(5)
    say(f"Building one ecosystem with {ORGANISATIONS} organisations and {options.n:,} "
        "ledger entries…")
    with stopwatch() as clock:
        world = _world(options.n, rng)
    say(f"  built in {clock['seconds']:.1f} s")
    ecosystem, viewer = world["ecosystem"], world["viewer"]
    record_per_s = _record(world, rng)
    say(f"  {record_per_s:,.0f} contributions recorded/s through the service")
    balances = timed(lambda: ledger.balances_for(ecosystem=ecosystem, viewer=viewer), 5)
    say(f"  balances of the whole ecosystem: {percentile(balances, 50)} ms p50")
    first_page = timed(lambda: list(ledger.contribution_list(
        viewer=viewer, ecosystem=ecosystem)[:25]), REPEAT)
    kept = timed(lambda: ledger.kept_on_time_per_organisation(ecosystem=ecosystem), 5)
    board = timed(lambda: list(deliverables.deliverables_of(ecosystem=ecosystem,
                                                            viewer=viewer)), REPEAT)
    search = timed(lambda: list(decisions.decision_register(
        ecosystem=ecosystem, viewer=viewer, query="opslag")[:25]), REPEAT)
    report("collaboration", {
        "n": options.n,
        "organisations": ORGANISATIONS,
        "record_per_s": round(record_per_s, 1),
        "balances_ms_p50": percentile(balances, 50),
        "balances_ms_max": round(max(balances), 2),
        "ledger_page_ms_p50": percentile(first_page, 50),
        "ledger_page_ms_p95": percentile(first_page, 95),
        "kept_on_time_ms_p50": percentile(kept, 50),
        "board_ms_p50": percentile(board, 50),
        "register_search_ms_p50": percentile(search, 50),
    })
    return 0
