import pytest

from zwerm.core.errors import Conflict, NotAllowed, ValidationFailed
from zwerm.core.models import Activity
from zwerm.ideation.clustering import language_of, propose, terms
from zwerm.ideation.models import Cluster, Phase
from zwerm.ideation.services import (
    cluster_create,
    cluster_decide,
    cluster_propose,
    cluster_update,
    idea_cluster_set,
)

pytestmark = pytest.mark.django_db

TEXTS = {
    "Deelauto's voor het bedrijventerrein": "Elektrische deelauto's die bedrijven delen.",
    "Elektrische deelauto laden": "Laadpalen voor de deelauto bij de zaak.",
    "Restwarmte van de fabriek": "Restwarmte naar woningen in de wijk brengen.",
    "Warmtenet met restwarmte": "Een warmtenet gevoed met restwarmte uit het datacenter.",
    "Shared bikes for commuters": "Bike sharing so employees commute by bike.",
    "Bike sharing at the station": "Commuters take a shared bike from the station.",
}


def test_the_assistant_groups_by_shared_words_in_dutch_and_english():
    proposals = propose({title: f"{title}. {text}" for title, text in TEXTS.items()})
    groups = sorted(sorted(p.keys) for p in proposals)
    assert groups == [
        ["Bike sharing at the station", "Shared bikes for commuters"],
        ["Deelauto's voor het bedrijventerrein", "Elektrische deelauto laden"],
        ["Restwarmte van de fabriek", "Warmtenet met restwarmte"],
    ]
    names = {p.name for p in proposals}
    assert any("restwarmte" in name.lower() for name in names)
    assert propose({"a": "een", "b": "twee"}) == []


def test_terms_drop_stop_words_and_stem_per_language():
    stems, _forms = terms("De deelauto's en het delen van deelauto's")
    assert "de" not in stems and "het" not in stems
    assert language_of(["the", "bike", "and"]) == "en"
    assert language_of(["de", "fiets", "en"]) == "nl"


def test_manual_cluster_keeps_origin_and_ideas(setup):
    one, two = setup.idea("Een"), setup.idea("Twee")
    cluster = cluster_create(actor=setup.fac, challenge=setup.challenge, name="Mobiliteit",
                             ideas=[one, two])
    assert (cluster.origin, cluster.state, cluster.created_by) == (
        "manual", "accepted", setup.facilitator)
    assert set(cluster.ideas.all()) == {one, two}
    with pytest.raises(NotAllowed):
        cluster_create(actor=setup.members[0], challenge=setup.challenge, name="Mag niet")
    with pytest.raises(ValidationFailed):
        cluster_create(actor=setup.fac, challenge=setup.challenge, name=" ")


def _proposed(setup):
    for title, text in TEXTS.items():
        setup.idea(title, description=text)
    setup.phase(Phase.REFINE)
    return cluster_propose(actor=setup.fac, challenge=setup.challenge)


def test_proposals_wait_for_a_decision_and_keep_their_origin(setup):
    proposals = _proposed(setup)
    assert len(proposals) == 3
    assert all(c.state == "proposed" and c.origin == "proposed" for c in proposals)
    assert not setup.challenge.ideas.filter(cluster__isnull=False).exists()
    accepted = cluster_update(actor=setup.fac, cluster=proposals[0], name="Deelmobiliteit")
    accepted = cluster_decide(actor=setup.fac, cluster=accepted, accept=True)
    assert (accepted.state, accepted.edited, accepted.decided_by) == (
        "accepted", True, setup.facilitator)
    assert accepted.ideas.count() == 2
    rejected = cluster_decide(actor=setup.fac, cluster=proposals[1], accept=False)
    assert rejected.state == "rejected" and rejected.ideas.count() == 0
    with pytest.raises(Conflict):
        cluster_decide(actor=setup.fac, cluster=rejected, accept=True)
    verbs = set(Activity.objects.values_list("verb", flat=True))
    assert {"ideation.cluster.proposed", "ideation.cluster.accepted",
            "ideation.cluster.rejected"} <= verbs


def test_proposing_again_replaces_undecided_proposals_only(setup):
    proposals = _proposed(setup)
    cluster_decide(actor=setup.fac, cluster=proposals[0], accept=True)
    again = cluster_propose(actor=setup.fac, challenge=setup.challenge)
    assert Cluster.objects.filter(state="accepted").count() == 1
    assert len(again) == 2
    assert Cluster.objects.filter(state="proposed").count() == 2


def test_moving_ideas_between_clusters(setup):
    one = setup.idea("Een")
    cluster = cluster_create(actor=setup.fac, challenge=setup.challenge, name="Alles")
    assert idea_cluster_set(actor=setup.fac, idea=one, cluster=cluster).cluster == cluster
    assert idea_cluster_set(actor=setup.fac, idea=one, cluster=None).cluster is None
    setup.phase(Phase.VOTE)
    with pytest.raises(Conflict):
        cluster_create(actor=setup.fac, challenge=setup.challenge, name="Te laat")
