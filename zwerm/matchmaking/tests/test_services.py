"""Services: dismissals and introductions, good and bad, with their activities."""

import pytest

from zwerm.core.actor import Actor
from zwerm.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from zwerm.core.models import Activity, Notification
from zwerm.matchmaking import services
from zwerm.matchmaking.models import Connection, Dismissal, Introduction
from zwerm.matchmaking.tests.factories import IntroductionFactory, actor_for, connect
from zwerm.organisations.models import OrganisationMember
from zwerm.organisations.tests.factories import OrganisationFactory, admin_of, person_in

pytestmark = pytest.mark.django_db


def test_dismiss_hides_once_and_records_a_personal_activity():
    own, other = OrganisationFactory(), OrganisationFactory()
    actor = actor_for(own, OrganisationMember.Role.MEMBER)
    services.suggestion_dismiss(actor=actor, organisation=other)
    services.suggestion_dismiss(actor=actor, organisation=other)
    assert Dismissal.objects.filter(organisation=own, dismissed=other).count() == 1
    assert Activity.objects.filter(verb="matchmaking.suggestion.dismissed").count() == 1


def test_dismiss_needs_an_organisation_and_refuses_your_own():
    own = OrganisationFactory()
    with pytest.raises(NotAllowed):
        services.suggestion_dismiss(actor=Actor(person=person_in(OrganisationFactory())),
                                    organisation=own)
    with pytest.raises(NotAllowed):  # acting for an organisation one does not belong to
        services.suggestion_dismiss(actor=Actor(person=admin_of(OrganisationFactory()),
                                                organisation=own), organisation=own)
    with pytest.raises(ValidationFailed):
        services.suggestion_dismiss(actor=actor_for(own), organisation=own)


def test_restore_shows_a_dismissed_organisation_again():
    own, other = OrganisationFactory(), OrganisationFactory()
    actor = actor_for(own)
    services.suggestion_dismiss(actor=actor, organisation=other)
    services.suggestion_restore(actor=actor, organisation=other)
    assert not Dismissal.objects.exists()
    with pytest.raises(NotFound):
        services.suggestion_restore(actor=actor, organisation=other)


def test_request_notifies_the_other_organisations_admins(mailoutbox,
                                                         django_capture_on_commit_callbacks):
    own, other = OrganisationFactory(), OrganisationFactory()
    admin = admin_of(other)
    person_in(other)  # a plain member is not asked
    with django_capture_on_commit_callbacks(execute=True):
        introduction = services.introduction_request(
            actor=actor_for(own, OrganisationMember.Role.MEMBER), organisation=other,
            message="  Jullie API-kennis past bij onze vraag.  ",
        )
    assert introduction.state == Introduction.State.PENDING
    assert introduction.message == "Jullie API-kennis past bij onze vraag."
    activity = Activity.objects.get(verb="matchmaking.introduction.requested")
    assert activity.payload == {"recipient": str(other.uuid)}
    assert activity.organisation_uuid == own.uuid
    assert list(Notification.objects.values_list("recipient", flat=True)) == [admin.pk]
    assert [message.to for message in mailoutbox] == [[admin.email]]


@pytest.mark.parametrize("message, field", [("", "message"), ("x" * 2001, "message")])
def test_request_needs_a_message(message, field):
    with pytest.raises(ValidationFailed) as error:
        services.introduction_request(actor=actor_for(OrganisationFactory()),
                                      organisation=OrganisationFactory(), message=message)
    assert field in error.value.fields


def test_request_refuses_yourself_twice_pending_and_connected():
    own, other = OrganisationFactory(), OrganisationFactory()
    actor = actor_for(own)
    with pytest.raises(ValidationFailed):
        services.introduction_request(actor=actor, organisation=own, message="Hoi")
    services.introduction_request(actor=actor, organisation=other, message="Hoi")
    with pytest.raises(Conflict) as error:
        services.introduction_request(actor=actor, organisation=other, message="Nog eens")
    assert error.value.code == "pending"
    with pytest.raises(Conflict) as error:  # the other side asked already: answer instead
        services.introduction_request(actor=actor_for(other), organisation=own, message="Hoi")
    assert error.value.code == "pending" and "beantwoord" in error.value.message
    third = OrganisationFactory()
    connect(own, third)
    with pytest.raises(Conflict) as error:
        services.introduction_request(actor=actor, organisation=third, message="Hoi")
    assert error.value.code == "connected"
    with pytest.raises(NotAllowed):
        services.introduction_request(actor=Actor(person=None), organisation=other, message="Hoi")


def test_accept_connects_and_tells_the_requester(django_capture_on_commit_callbacks):
    own, other = OrganisationFactory(), OrganisationFactory()
    requester = actor_for(own, OrganisationMember.Role.MEMBER)
    own_admin = admin_of(own)
    introduction = services.introduction_request(actor=requester, organisation=other,
                                                 message="Hoi")
    answer = actor_for(other)
    connection = services.introduction_accept(actor=answer, introduction=introduction,
                                              reply="Graag!")
    introduction.refresh_from_db()
    assert introduction.state == Introduction.State.ACCEPTED
    assert introduction.answered_by == answer.person and introduction.reply == "Graag!"
    assert {connection.first, connection.second} == {own, other}
    assert connection.first.pk < connection.second.pk
    told = set(Notification.objects.filter(
        activity__verb="matchmaking.introduction.accepted").values_list("recipient", flat=True))
    assert told == {requester.person.pk, own_admin.pk}
    # Once connected, nobody asks again.
    with pytest.raises(Conflict):
        services.introduction_request(actor=answer, organisation=own, message="Hoi")


def test_only_the_asked_organisations_admins_answer_once():
    introduction = IntroductionFactory()
    with pytest.raises(NotAllowed):
        services.introduction_accept(actor=actor_for(introduction.requester),
                                     introduction=introduction)
    with pytest.raises(NotAllowed):
        services.introduction_decline(
            actor=actor_for(introduction.recipient, OrganisationMember.Role.MEMBER),
            introduction=introduction)
    admin = actor_for(introduction.recipient)
    services.introduction_decline(actor=admin, introduction=introduction, reply="Nu niet.")
    assert Introduction.objects.get().state == Introduction.State.DECLINED
    assert not Connection.objects.exists()
    assert Activity.objects.filter(verb="matchmaking.introduction.declined").count() == 1
    with pytest.raises(Conflict):
        services.introduction_accept(actor=admin, introduction=introduction)
    with pytest.raises(ValidationFailed):
        services.introduction_decline(actor=admin, introduction=introduction, reply="x" * 2001)


def test_after_a_decline_one_may_ask_again():
    own, other = OrganisationFactory(), OrganisationFactory()
    first = services.introduction_request(actor=actor_for(own), organisation=other,
                                          message="Hoi")
    services.introduction_decline(actor=actor_for(other), introduction=first)
    second = services.introduction_request(actor=actor_for(own), organisation=other,
                                           message="Een half jaar later")
    assert second.pk != first.pk and second.state == Introduction.State.PENDING
