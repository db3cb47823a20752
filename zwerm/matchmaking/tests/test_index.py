"""The index in the database follows profile changes, and every process sees them."""

import pytest

from zwerm.core.actor import Actor
from zwerm.ecosystems.models import Membership
from zwerm.ecosystems.services import membership_join
from zwerm.ecosystems.tests.factories import EcosystemFactory
from zwerm.matchmaking import index
from zwerm.matchmaking.models import IndexedOrganisation, IndexVersion
from zwerm.matchmaking.tests.factories import actor_for, organisation_with
from zwerm.organisations.services import entry_create, entry_delete, entry_update

pytestmark = pytest.mark.django_db


def test_two_processes_never_serve_a_stale_index(django_capture_on_commit_callbacks, indexed):
    seeker = organisation_with(seeks=["Aanleg van glasvezel"])
    builder = organisation_with()
    indexed()
    first, second = index.IndexCache(), index.IndexCache()
    assert first.engine().rank(seeker.pk) == []
    assert second.engine().rank(seeker.pk) == []

    with django_capture_on_commit_callbacks(execute=True):
        entry = entry_create(actor=actor_for(builder), organisation=builder, kind="offer",
                             title="Fibre network construction")
    assert [m.organisation for m in second.engine().rank(seeker.pk)] == [builder.pk]
    assert [m.organisation for m in first.engine().rank(seeker.pk)] == [builder.pk]

    with django_capture_on_commit_callbacks(execute=True):
        entry_update(actor=actor_for(builder), entry=entry, title="Catering voor feesten")
    assert first.engine().rank(seeker.pk) == []
    assert second.engine().rank(seeker.pk) == []


def test_an_unchanged_index_costs_one_query(django_assert_num_queries, indexed):
    organisation_with(seeks=["glasvezel"])
    indexed()
    cache = index.IndexCache()
    cache.engine()
    with django_assert_num_queries(1):
        cache.engine()


def test_reloads_only_the_changed_rows(django_capture_on_commit_callbacks, indexed,
                                       django_assert_max_num_queries):
    seeker = organisation_with(seeks=["glasvezel"])
    others = [organisation_with() for _ in range(5)]
    indexed()
    cache = index.IndexCache()
    cache.engine()
    with django_capture_on_commit_callbacks(execute=True):
        entry_create(actor=actor_for(others[0]), organisation=others[0], kind="offer",
                     title="Glasvezel aanleggen")
    assert IndexedOrganisation.objects.filter(version__gt=cache.version).count() == 1
    with django_assert_max_num_queries(4):  # version, changed rows, ecosystems' themes
        engine = cache.engine()
    assert [m.organisation for m in engine.rank(seeker.pk)] == [others[0].pk]


def test_a_deleted_entry_and_a_rolled_back_change_are_followed(
    django_capture_on_commit_callbacks, indexed
):
    seeker = organisation_with(seeks=["glasvezel"])
    builder = organisation_with(offers=["glasvezel"])
    indexed()
    cache = index.IndexCache()
    assert cache.engine().rank(seeker.pk)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        entry_delete(actor=actor_for(builder), entry=builder.entries.get())
    assert len(callbacks) >= 1
    assert cache.engine().rank(seeker.pk) == []


def test_joining_an_ecosystem_reindexes_the_organisation(
    django_capture_on_commit_callbacks, indexed
):
    ecosystem = EcosystemFactory(join_policy="open")
    organisation = organisation_with(offers=["glasvezel"])
    indexed()
    with django_capture_on_commit_callbacks(execute=True):
        membership_join(actor=actor_for(organisation), ecosystem=ecosystem)
    row = IndexedOrganisation.objects.get(organisation_id=organisation.pk)
    assert row.ecosystems == [ecosystem.pk]
    assert Membership.objects.get(organisation=organisation).state == "active"


def test_a_new_analyser_rebuilds_the_index(indexed):
    organisation_with(seeks=["glasvezel"])
    indexed()
    IndexVersion.objects.filter(pk=1).update(analyser="old-glossary")
    before = IndexVersion.objects.get(pk=1).value
    index.IndexCache().engine()
    state = IndexVersion.objects.get(pk=1)
    assert state.value > before and state.analyser != "old-glossary"


def test_merged_organisations_leave_the_index(indexed):
    seeker = organisation_with(seeks=["glasvezel"])
    builder = organisation_with(offers=["glasvezel"])
    indexed()
    cache = index.IndexCache()
    assert cache.engine().rank(seeker.pk)
    builder.merged_into = seeker
    builder.save(update_fields=["merged_into"])
    index.reindex([builder.pk])
    assert not IndexedOrganisation.objects.get(organisation_id=builder.pk).active
    assert cache.engine().rank(seeker.pk) == []
    assert Actor.system().is_system


def test_the_reindex_command_indexes_every_organisation():
    from io import StringIO

    from django.core.management import call_command

    organisation_with(seeks=["glasvezel"])
    organisation_with(offers=["glasvezel"])
    output = StringIO()
    call_command("matchmaking_reindex", stdout=output)
    assert "Indexed 2 organisations" in output.getvalue()
    assert IndexedOrganisation.objects.filter(active=True).count() == 2


def test_group_candidates_for_a_round_table(indexed):
    from zwerm.matchmaking.selectors import group_candidates

    first = organisation_with("company", seeks=["Financiering voor glasvezel"])
    second = organisation_with("company", seeks=["Vergunningen voor graafwerk"])
    lender = organisation_with("nonprofit", offers=["Loans and financing"])
    permits = organisation_with("government", offers=["Permits for digging and cables"])
    indexed()
    found = group_candidates(viewer=None, organisations=[first.pk, second.pk])
    assert [s.organisation for s in found] == [permits, lender]
    assert found[0].reasons[0].kind == "offer_answers_need"
    assert group_candidates(viewer=None, organisations=[first.pk, second.pk],
                            exclude=[permits.pk])[0].organisation == lender
