import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.template import Context, Template
from django.test import RequestFactory

from zwerm.accounts.tests.factories import UserFactory
from zwerm.core.activity import record
from zwerm.core.actor import Actor
from zwerm.core.models import Activity
from zwerm.core.privacy import NameResolver, visible_name_ids
from zwerm.ecosystems.models import Membership
from zwerm.ecosystems.tests.factories import EcosystemFactory, MembershipFactory
from zwerm.organisations.tests.factories import OrganisationFactory, person_in

pytestmark = pytest.mark.django_db

EVERYONE, ECOSYSTEMS, ORGANISATION = "everyone", "ecosystems", "organisation"


@pytest.fixture
def world():
    """Two organisations in one ecosystem, a third outside it, and a colleague."""
    own, fellow, outside = OrganisationFactory(), OrganisationFactory(), OrganisationFactory()
    ecosystem = EcosystemFactory()
    MembershipFactory(ecosystem=ecosystem, organisation=own)
    MembershipFactory(ecosystem=ecosystem, organisation=fellow)
    return {"own": own, "fellow": fellow, "outside": outside, "ecosystem": ecosystem}


@pytest.mark.parametrize(
    ("setting", "where", "visible"),
    [
        (EVERYONE, "outside", True),
        (ECOSYSTEMS, "outside", False),
        (ECOSYSTEMS, "fellow", True),
        (ECOSYSTEMS, "own", True),
        (ORGANISATION, "fellow", False),
        (ORGANISATION, "own", True),
    ],
)
def test_names_follow_each_persons_setting(world, setting, where, visible):
    viewer = person_in(world["own"])
    person = person_in(world[where], name_visibility=setting)
    assert (person.pk in visible_name_ids(viewer, {person.pk})) is visible


@pytest.mark.parametrize("state", ["requested", "invited", "left", "declined"])
def test_ecosystem_names_need_both_organisations_active_or_paused(world, state):
    Membership.objects.filter(organisation=world["fellow"]).update(state=state)
    viewer = person_in(world["own"])
    person = person_in(world["fellow"], name_visibility=ECOSYSTEMS)
    assert visible_name_ids(viewer, {person.pk}) == set()


def test_paused_organisations_still_share_names(world):
    Membership.objects.filter(organisation=world["fellow"]).update(
        state=Membership.State.PAUSED
    )
    viewer = person_in(world["own"])
    person = person_in(world["fellow"], name_visibility=ECOSYSTEMS)
    assert visible_name_ids(viewer, {person.pk}) == {person.pk}


def test_a_former_colleague_no_longer_sees_the_name(world):
    from django.utils import timezone

    viewer = person_in(world["own"])
    person = person_in(world["own"], name_visibility=ORGANISATION)
    viewer.organisation_memberships.update(left_at=timezone.now())
    assert visible_name_ids(viewer, {person.pk}) == set()


def test_anonymous_sees_only_public_names_and_self_and_operators_see_theirs(world):
    public = UserFactory(name_visibility=EVERYONE)
    private = person_in(world["own"], name_visibility=ORGANISATION)
    ids = {public.pk, private.pk}
    assert visible_name_ids(AnonymousUser(), ids) == {public.pk}
    assert visible_name_ids(None, ids) == {public.pk}
    assert visible_name_ids(private, ids) == ids
    assert visible_name_ids(UserFactory(is_staff=True), ids) == ids


def test_the_batch_costs_the_same_for_five_and_fifty_people(world, django_assert_max_num_queries):
    viewer = person_in(world["own"])
    for count in (5, 50):
        people = [person_in(world["fellow"], name_visibility=ECOSYSTEMS) for _ in range(count)]
        with django_assert_max_num_queries(3):
            assert visible_name_ids(viewer, {p.pk for p in people}) == {p.pk for p in people}


def _activity(person, organisation):
    with transaction.atomic():
        return record(
            verb="organisations.organisation.updated",
            actor=Actor(person=person, organisation=organisation),
            subject=organisation,
        )


def _render(source, viewer, **context):
    request = RequestFactory().get("/")
    request.user = viewer or AnonymousUser()
    return Template("{% load zwerm %}" + source).render(Context({"request": request, **context}))


def test_activity_sentence_hides_a_name_behind_the_organisation(world):
    person = person_in(world["own"], name="Geheime Gerda", name_visibility=ORGANISATION)
    activity = _activity(person, world["own"])
    text = _render("{% activity_sentence activity %}", None, activity=activity)
    assert "Geheime Gerda" not in text
    assert f"someone from {world['own'].name}" in text or f"iemand van {world['own'].name}" in text
    colleague = person_in(world["own"])
    assert "Geheime Gerda" in _render("{% activity_sentence a %}", colleague, a=activity)


def test_activity_sentence_without_organisation_reads_a_participant():
    person = UserFactory(name="Stille Sam", name_visibility=ORGANISATION)
    with transaction.atomic():
        activity = record(
            verb="accounts.profile.updated", actor=Actor(person=person),
            subject=person, subject_type="accounts.person",
        )
    from django.utils import translation

    with translation.override("en"):
        text = _render("{% activity_sentence activity %}", None, activity=activity)
    assert text == "a participant updated their profile"


def test_activity_sentence_of_an_erased_person_reads_a_former_participant(world):
    person = person_in(world["own"], name_visibility=EVERYONE)
    activity = _activity(person, world["own"])
    person.delete()
    activity = Activity.objects.get(pk=activity.pk)
    from django.utils import translation

    with translation.override("en"):
        text = _render("{% activity_sentence activity plain=True %}", None, activity=activity)
    assert text.startswith("a former participant")


def test_person_name_tag_for_other_apps(world):
    person = person_in(world["own"], name="Open Olga", name_visibility=EVERYONE)
    hidden = person_in(world["own"], name="Dichte Dirk", name_visibility=ORGANISATION)
    text = _render(
        "{% prime_names people %}{% for p in people %}[{% person_name p 'Org' %}]{% endfor %}",
        None, people=[person, hidden],
    )
    assert "[Open Olga]" in text and "Dichte Dirk" not in text


def test_a_feed_of_fifty_costs_the_same_as_five(world, django_assert_max_num_queries):
    viewer = person_in(world["own"])
    for count in (5, 50):
        Activity.objects.all().delete()
        for _ in range(count):
            _activity(person_in(world["fellow"], name_visibility=ECOSYSTEMS), world["fellow"])
        activities = list(Activity.objects.select_related("actor"))
        with django_assert_max_num_queries(3):
            text = _render("{% activity_feed activities %}", viewer, activities=activities)
        assert text.count("<li>") == count


def test_resolver_is_shared_within_a_request(world):
    request = RequestFactory().get("/")
    request.user = person_in(world["own"])
    assert NameResolver.for_request(request) is NameResolver.for_request(request)
