import pytest

from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.core.models import Activity, Notification
from zwerm.ideation.models import Phase
from zwerm.ideation.services import (
    cluster_create,
    commitment_make,
    commitment_withdraw,
    initiative_select,
)
from zwerm.ideation.tests.factories import actor, person_in

pytestmark = pytest.mark.django_db


def selected(make_setup, threshold=2):
    s = make_setup(commitment_threshold=threshold)
    idea = s.idea("Deelauto's", description="Samen **delen**.")
    s.phase(Phase.SELECT)
    return s, initiative_select(actor=s.fac, challenge=s.challenge, idea=idea)


def test_select_an_idea_copies_title_and_threshold(make_setup):
    s, initiative = selected(make_setup, threshold=2)
    assert (initiative.title, initiative.threshold) == ("Deelauto's", 2)
    assert initiative.description == "Samen **delen**."
    with pytest.raises(Conflict):
        initiative_select(actor=s.fac, challenge=s.challenge, idea=initiative.idea)


def test_select_rules(make_setup):
    s = make_setup()
    idea = s.idea()
    cluster = cluster_create(actor=s.fac, challenge=s.challenge, name="Mobiliteit", ideas=[idea])
    with pytest.raises(Conflict):
        initiative_select(actor=s.fac, challenge=s.challenge, idea=idea)
    s.phase(Phase.SELECT)
    with pytest.raises(NotAllowed):
        initiative_select(actor=s.members[0], challenge=s.challenge, idea=idea)
    with pytest.raises(ValidationFailed):
        initiative_select(actor=s.fac, challenge=s.challenge)
    made = initiative_select(actor=s.fac, challenge=s.challenge, cluster=cluster)
    assert made.title == "Mobiliteit" and made.cluster == cluster


def test_initiative_starts_at_its_threshold_and_tells_the_committed(make_setup):
    s, initiative = selected(make_setup, threshold=2)
    commitment_make(actor=s.members[0], initiative=initiative, text="Twee auto's")
    initiative.refresh_from_db()
    assert not initiative.is_started
    commitment_make(actor=s.members[1], initiative=initiative, text="Een laadplein")
    initiative.refresh_from_db()
    assert initiative.is_started
    started = Activity.objects.get(verb="ideation.initiative.started")
    assert started.payload == {"count": 2, "threshold": 2}
    assert Notification.objects.filter(activity=started, recipient=s.members[0].person).exists()
    with pytest.raises(Conflict):
        commitment_withdraw(actor=s.members[0], initiative=initiative)


def test_commit_once_per_organisation_by_its_admin(make_setup):
    s, initiative = selected(make_setup)
    commitment_make(actor=s.members[0], initiative=initiative, text="Uren")
    with pytest.raises(Conflict):
        commitment_make(actor=s.members[0], initiative=initiative, text="Nog meer")
    organisation = s.members[1].organisation
    with pytest.raises(NotAllowed):
        commitment_make(actor=actor(person_in(organisation), organisation),
                        initiative=initiative, text="Geen admin")
    with pytest.raises(ValidationFailed):
        commitment_make(actor=s.members[1], initiative=initiative, text=" ")


def test_withdraw_before_the_start(make_setup):
    s, initiative = selected(make_setup, threshold=3)
    commitment_make(actor=s.members[0], initiative=initiative, text="Uren")
    commitment_withdraw(actor=s.members[0], initiative=initiative)
    assert initiative.commitments.count() == 0
    with pytest.raises(Conflict):
        commitment_withdraw(actor=s.members[0], initiative=initiative)
