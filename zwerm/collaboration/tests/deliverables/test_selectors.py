"""Selectors: the board's filters, overdue, counts, lookups that hide members-only
ecosystems, the trail, and a query count that does not grow with the rows."""

import datetime

import pytest
from django.utils import timezone

from zwerm.collaboration.models import Deliverable, Milestone
from zwerm.collaboration.selectors import deliverables as selectors
from zwerm.collaboration.services.deliverables import deliverable_state_set
from zwerm.collaboration.services.deliverables_milestones import milestone_add
from zwerm.core.actor import Actor
from zwerm.ideation.models import Initiative
from zwerm.ideation.services import idea_submit
from zwerm.ideation.tests.factories import challenge_in
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
PAST = TODAY - datetime.timedelta(days=3)
FUTURE = TODAY + datetime.timedelta(days=3)


def board(setup, viewer=None, **filters):
    return list(selectors.deliverables_of(ecosystem=setup.ecosystem,
                                          viewer=viewer or setup.owner.person, **filters))


def test_filters_and_overdue(setup):
    setup.join(setup.owner)
    late = setup.deliverable("Laat", due_on=PAST)
    on_time = setup.deliverable("Op tijd", due_on=FUTURE, working_group=setup.group)
    done_late = setup.deliverable("Af maar laat", due_on=PAST, actor=setup.other)
    deliverable_state_set(actor=setup.fac, deliverable=done_late, state="delivered")
    assert [d.title for d in board(setup)] == ["Af maar laat", "Laat", "Op tijd"]
    assert board(setup, overdue=True) == [late]
    assert board(setup, working_group=setup.group) == [on_time]
    assert board(setup, owner=setup.other_org) == [done_late]
    assert board(setup, state="delivered") == [done_late]
    items = {d.title: d for d in board(setup)}
    assert items["Laat"].is_overdue and not items["Af maar laat"].is_overdue
    assert selectors.deliverable_counts(ecosystem=setup.ecosystem, viewer=None) == {
        "open": 2, "overdue": 1, "delivered": 1}


def test_milestone_counts_are_annotated(setup):
    deliverable = setup.with_milestones(3)
    first = deliverable.milestones.order_by("position").first()
    Milestone.objects.filter(pk=first.pk).update(state="done")
    milestone_add(actor=setup.owner, deliverable=deliverable, title="Laat", due_on=PAST)
    item = board(setup)[0]
    assert (item.milestone_total, item.milestone_done, item.milestones_overdue) == (4, 1, 1)
    assert item.progress == 25


def test_board_filters_from_params(setup):
    filters = selectors.BoardFilters.from_params(setup.ecosystem, {
        "working_group": setup.group.slug, "owner": str(setup.org.uuid), "state": "planned",
        "overdue": "1"})
    assert (filters.working_group, filters.owner, filters.state, filters.overdue) == (
        setup.group, setup.org, "planned", True)
    assert filters.active and not filters.invalid
    bad = selectors.BoardFilters.from_params(setup.ecosystem, {
        "working_group": "nope", "owner": OrganisationFactory().slug, "state": "lost"})
    assert sorted(bad.invalid) == ["owner", "state", "working_group"]


def test_members_only_deliverables_stay_hidden(make_setup):
    s = make_setup(visibility="members")
    deliverable = s.deliverable()
    outsider = person_in(OrganisationFactory())
    assert selectors.visible_deliverable(outsider, deliverable.uuid) is None
    assert selectors.visible_deliverable(None, deliverable.uuid) is None
    assert selectors.visible_deliverable(s.owner.person, deliverable.uuid) == deliverable
    assert selectors.visible_deliverable(s.owner.person, "not-a-uuid") is None
    assert list(selectors.deliverables_of(ecosystem=s.ecosystem, viewer=outsider)) == []
    assert selectors.deliverable_detail(viewer=outsider, ecosystem=s.ecosystem,
                                        uuid=deliverable.uuid) is None
    assert selectors.deliverable_counts(ecosystem=s.ecosystem, viewer=outsider)["open"] == 0


def test_trail_from_challenge_to_deliverable(setup):
    challenge, facilitator, organisation = challenge_in(setup.ecosystem)
    idea = idea_submit(actor=Actor(person=facilitator, organisation=organisation),
                       challenge=challenge, title="Betonbank")
    initiative = Initiative.objects.create(challenge=challenge, idea=idea, title="Betonbank",
                                           threshold=1)
    setup.group.initiative = initiative
    setup.group.save()
    deliverable = setup.deliverable(actor=setup.lead, working_group=setup.group)
    deliverable = selectors.deliverable_detail(viewer=None, ecosystem=setup.ecosystem,
                                               uuid=deliverable.uuid)
    trail = selectors.trail_of(deliverable, None)
    assert [step.kind for step in trail] == [
        "challenge", "idea", "initiative", "working_group", "deliverable"]
    assert trail[0].url == f"/challenges/{challenge.slug}/"
    assert trail[1].url == f"/challenges/{challenge.slug}/ideas/{idea.uuid}/"
    assert trail[2].url.endswith(f"#initiative-{initiative.uuid}")
    assert trail[3].url and trail[4].url is None


def test_trail_without_origins_is_just_the_deliverable(setup):
    deliverable = setup.deliverable()
    assert [(s.kind, s.url) for s in selectors.trail_of(deliverable, None)] == [
        ("deliverable", None)]


@pytest.mark.parametrize("rows", [5, 50])
def test_board_query_count_is_fixed(make_setup, django_assert_max_num_queries, rows):
    s = make_setup()
    for number in range(rows):
        deliverable = Deliverable.objects.create(ecosystem=s.ecosystem, owner=s.org,
                                                 title=f"Resultaat {number}", due_on=PAST)
        Milestone.objects.create(deliverable=deliverable, title="Stap", state="done")
    with django_assert_max_num_queries(2):
        items = board(s)
        columns = selectors.board_columns(items)
        progress = [d.progress for d in items]
        owners = [d.owner.name for d in items]
    assert len(columns[0]["items"]) == rows and progress == [100] * rows and len(owners) == rows


def test_trail_hides_a_challenge_the_viewer_may_not_see(setup, make_setup):
    hidden = make_setup(visibility="members")
    challenge, facilitator, organisation = challenge_in(hidden.ecosystem)
    initiative = Initiative.objects.create(challenge=challenge, title="Geheim initiatief",
                                           threshold=1)
    setup.group.initiative = initiative
    setup.group.save()
    deliverable = setup.deliverable(actor=setup.lead, working_group=setup.group)
    outsider_view = selectors.trail_of(deliverable, None)
    assert [step.kind for step in outsider_view] == ["working_group", "deliverable"]
    member_view = selectors.trail_of(deliverable, facilitator)
    assert [step.kind for step in member_view] == [
        "challenge", "initiative", "working_group", "deliverable"]
