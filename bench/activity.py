"""The activity stream: how fast services can record, and how fast feeds and followers read.

Records ``--n`` activities through ``zwerm.core.activity.record`` (the path every service
takes: counter lock, sequence number, insert), ``--batch`` per transaction, spread over
20 ecosystems (a quarter members-only) and 50 organisations. Then it times, as a member
of some of those organisations would see them:

- the first page (20 rows) of one ecosystem's feed, and the count a paginated list needs;
- following the whole stream from a random ``seq``, 500 rows, as later readers do.

Run: ``python -m bench activity [--n 100000] [--batch 100]``.
"""

from __future__ import annotations

import random
from typing import Any

from bench.common import parser, percentile, report, say, setup_django, stopwatch, timed

ECOSYSTEMS = 20
ORGANISATIONS = 50
PEOPLE = 100
FEED_REPEAT = 200
FOLLOW_REPEAT = 50
FOLLOW_ROWS = 500
PAGE = 20
VERBS = (
    "ecosystems.membership.requested",
    "ecosystems.membership.accepted",
    "ecosystems.role.assigned",
    "organisations.organisation.updated",
    "organisations.entry.created",
)


def _world() -> dict[str, Any]:
    """Organisations, people and ecosystems made with the models: set-up, not measured."""
    from zwerm.accounts.models import User
    from zwerm.core.actor import Actor
    from zwerm.ecosystems.models import Ecosystem, Membership
    from zwerm.organisations.models import Organisation, OrganisationMember

    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Organisatie {i}", slug=f"organisatie-{i}", kind="company")
        for i in range(ORGANISATIONS)
    )
    people = User.objects.bulk_create(
        User(email=f"persoon{i}@example.nl", name=f"Persoon {i}") for i in range(PEOPLE)
    )
    OrganisationMember.objects.bulk_create(
        OrganisationMember(organisation=organisations[i % ORGANISATIONS], person=person)
        for i, person in enumerate(people)
    )
    ecosystems = Ecosystem.objects.bulk_create(
        Ecosystem(
            name=f"Ecosysteem {i}",
            slug=f"ecosysteem-{i}",
            goal="Samen meten.",
            visibility="members" if i % 4 == 0 else "public",
        )
        for i in range(ECOSYSTEMS)
    )
    Membership.objects.bulk_create(
        Membership(ecosystem=ecosystem, organisation=organisations[(e * 7 + k) % ORGANISATIONS],
                   state="active")
        for e, ecosystem in enumerate(ecosystems)
        for k in range(10)
    )
    actors = [
        Actor(person=person, organisation=organisations[i % ORGANISATIONS])
        for i, person in enumerate(people)
    ]
    return {"actors": actors, "ecosystems": ecosystems, "viewer": people[0]}


def _record_all(n: int, batch: int, world: dict[str, Any]) -> float:
    """Record ``n`` activities, ``batch`` per transaction; returns records per second."""
    from django.db import transaction

    from zwerm.core.activity import record

    actors, ecosystems = world["actors"], world["ecosystems"]
    with stopwatch() as clock:
        for start in range(0, n, batch):
            with transaction.atomic():
                for i in range(start, min(start + batch, n)):
                    actor = actors[i % len(actors)]
                    ecosystem = ecosystems[i % len(ecosystems)]
                    subject = actor.organisation if i % 3 else ecosystem
                    record(
                        verb=VERBS[i % len(VERBS)], actor=actor, subject=subject,
                        ecosystem=ecosystem, payload={"n": i, "state": "active"},
                    )
            if start and start % 20000 == 0:
                say(f"  {start:,} recorded")
    return n / clock["seconds"]


def main(argv: list[str]) -> int:
    arguments = parser(__doc__.splitlines()[0], default_n=100_000)
    arguments.add_argument("--batch", type=int, default=100, help="activities per transaction")
    options = arguments.parse_args(argv)
    n = max(options.n, FOLLOW_ROWS + 1)
    setup_django("activity")

    from zwerm.core.selectors import activity_list

    world = _world()
    say(f"Recording {n:,} activities, {options.batch} per transaction…")
    record_per_s = _record_all(n, options.batch, world)
    say(f"  {record_per_s:,.0f} records/s")

    viewer = world["viewer"]
    rng = random.Random(2)

    def fresh_viewer() -> Any:
        """Forget the per-request cache of the viewer's organisations, as a new request would."""
        viewer.__dict__.pop("_zwerm_organisation_ids", None)
        return viewer

    def feed_page() -> None:
        ecosystem = rng.choice(world["ecosystems"])
        list(activity_list(viewer=fresh_viewer(), ecosystem_uuid=ecosystem.uuid)[:PAGE])

    def feed_count() -> None:
        ecosystem = rng.choice(world["ecosystems"])
        activity_list(viewer=fresh_viewer(), ecosystem_uuid=ecosystem.uuid).count()

    def follow() -> None:
        after = rng.randrange(0, n - FOLLOW_ROWS)
        rows = list(activity_list(viewer=fresh_viewer(), after_seq=after)[:FOLLOW_ROWS])
        assert rows and rows[0].seq > after

    feed = timed(feed_page, FEED_REPEAT)
    count = timed(feed_count, FEED_REPEAT // 4)
    following = timed(follow, FOLLOW_REPEAT)
    report(
        "activity",
        {
            "database": "sqlite-wal",
            "activities": n,
            "batch": options.batch,
            "record_per_s": round(record_per_s),
            "feed_ms_p50": percentile(feed, 50),
            "feed_ms_p95": percentile(feed, 95),
            "feed_count_ms_p50": percentile(count, 50),
            "follow_ms_p50": percentile(following, 50),
            "follow_ms_p95": percentile(following, 95),
        },
    )
    return 0
