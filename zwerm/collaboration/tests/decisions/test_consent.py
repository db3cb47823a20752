"""The consent rule and the poll count as pure functions: no database."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zwerm.collaboration import consent
from zwerm.collaboration.consent import Choice, Stance, consent_outcome, poll_outcome

NOW = datetime(2026, 5, 1, 12, tzinfo=UTC)
LATER = NOW + timedelta(days=3)
EARLIER = NOW - timedelta(minutes=1)
ORGS = frozenset({"org:a", "org:b", "org:c", "org:d"})


def outcome(positions, *, eligible=ORGS, version=1, quorum=None, deadline=LATER, now=NOW):
    return consent_outcome(eligible=eligible, positions=positions, version=version,
                           quorum_percent=quorum, deadline=deadline, now=now)


def stances(*pairs, version=1):
    return [Stance(voter=voter, stance=stance, version=version) for voter, stance in pairs]


def test_all_consent_before_the_deadline_adopts_at_once():
    result = outcome(stances(*[(v, "consent") for v in ORGS]))
    assert result.state == consent.ADOPTED
    assert result.reasons == (consent.ALL_RESPONDED,)
    assert result.counts == {"consent": 4, "abstain": 0, "concern": 0, "objection": 0}


def test_an_open_objection_blocks_even_when_everyone_responded():
    result = outcome(stances(("org:a", "objection"), ("org:b", "consent"), ("org:c", "consent"),
                             ("org:d", "consent")))
    assert result.state == consent.NOT_ADOPTED
    assert consent.OPEN_OBJECTION in result.reasons
    assert result.open_objections == 1


def test_a_resolved_objection_no_longer_blocks():
    positions = [Stance("org:a", "objection", 1, objection_open=False),
                 *stances(("org:b", "consent"), ("org:c", "consent"), ("org:d", "consent"))]
    assert outcome(positions).state == consent.ADOPTED


def test_concern_and_abstain_allow_adoption():
    result = outcome(stances(("org:a", "concern"), ("org:b", "abstain"), ("org:c", "consent"),
                             ("org:d", "consent")))
    assert result.state == consent.ADOPTED


def test_stays_open_while_some_have_not_responded_and_the_deadline_is_ahead():
    result = outcome(stances(("org:a", "objection"), ("org:b", "consent")))
    assert result.state == consent.OPEN
    assert not result.decided
    assert result.missing == ("org:c", "org:d")


def test_at_the_deadline_an_open_objection_means_not_adopted():
    result = outcome(stances(("org:a", "objection")), now=LATER)
    assert result.state == consent.NOT_ADOPTED
    assert result.reasons[0] == consent.OPEN_OBJECTION
    assert consent.DEADLINE_PASSED in result.reasons


def test_at_the_deadline_without_objection_and_without_quorum_it_is_adopted():
    result = outcome(stances(("org:a", "consent")), now=LATER)
    assert result.state == consent.ADOPTED
    assert result.responded == 1


def test_quorum_unmet_at_the_deadline_means_not_adopted():
    result = outcome(stances(("org:a", "consent"), ("org:b", "consent")), quorum=60, now=LATER)
    assert result.state == consent.NOT_ADOPTED
    assert result.reasons == (consent.QUORUM_NOT_MET, consent.DEADLINE_PASSED)
    assert not result.quorum_met


def test_quorum_is_met_at_exactly_the_percentage_and_abstain_counts():
    result = outcome(stances(("org:a", "consent"), ("org:b", "abstain")), quorum=50, now=LATER)
    assert result.quorum_met
    assert result.state == consent.ADOPTED


def test_quorum_just_below_the_percentage_is_unmet():
    eligible = frozenset(f"org:{n}" for n in range(3))
    result = outcome(stances(("org:0", "consent"), ("org:1", "consent")), eligible=eligible,
                     quorum=67, now=LATER)
    assert not result.quorum_met  # 2 of 3 is 66.7 %


def test_an_amendment_makes_earlier_positions_no_longer_count():
    positions = stances(*[(v, "consent") for v in ORGS], version=1)
    result = outcome(positions, version=2)
    assert result.state == consent.OPEN
    assert result.responded == 0


def test_an_objection_on_an_earlier_version_does_not_block_the_amended_text():
    positions = [*stances(("org:a", "objection"), version=1),
                 *stances(*[(v, "consent") for v in ORGS], version=2)]
    assert outcome(positions, version=2).state == consent.ADOPTED


def test_positions_of_voters_no_longer_asked_do_not_count():
    positions = stances(("org:x", "objection"), *[(v, "consent") for v in ORGS])
    result = outcome(positions)
    assert result.state == consent.ADOPTED
    assert result.responded == 4


def test_two_current_positions_of_one_voter_are_refused():
    with pytest.raises(ValueError):
        outcome(stances(("org:a", "consent"), ("org:a", "objection")))


def test_unknown_stance_and_quorum_out_of_range_are_refused():
    with pytest.raises(ValueError):
        outcome(stances(("org:a", "maybe")))
    with pytest.raises(ValueError):
        outcome([], quorum=0)
    with pytest.raises(ValueError):
        outcome([], quorum=101)


def test_no_one_eligible_waits_for_the_deadline_and_is_then_not_adopted():
    assert outcome([], eligible=frozenset()).state == consent.OPEN
    result = outcome([], eligible=frozenset(), now=LATER)
    assert result.state == consent.NOT_ADOPTED
    assert consent.NO_ONE_ASKED in result.reasons
    assert not result.quorum_met or result.quorum_percent is None


def test_the_deadline_moment_itself_counts_as_passed():
    assert outcome([], now=LATER, deadline=LATER).decided
    assert outcome([], now=EARLIER, deadline=NOW).state == consent.OPEN
    assert outcome([], now=LATER - timedelta(seconds=1), deadline=LATER).state == consent.OPEN


def test_tally_is_json_safe():
    tally = outcome(stances(("org:a", "consent")), quorum=25, now=LATER).as_tally()
    assert tally["counts"]["consent"] == 1 and tally["quorum_met"] is True
    assert tally["kind"] == "consent"


# Properties ---------------------------------------------------------------------------------

voters = st.sampled_from([f"v{n}" for n in range(8)])
stance_values = st.sampled_from(consent.STANCES)


@st.composite
def scenario(draw):
    eligible = frozenset(draw(st.sets(voters, max_size=8)))
    version = draw(st.integers(min_value=1, max_value=3))
    positions = []
    for v in range(1, version + 1):
        for voter in sorted(draw(st.sets(voters, max_size=8))):
            positions.append(Stance(voter=voter, stance=draw(stance_values), version=v,
                                    objection_open=draw(st.booleans())))
    quorum = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=100)))
    now = NOW + timedelta(hours=draw(st.integers(min_value=-5, max_value=5)))
    return eligible, positions, version, quorum, now


@given(scenario())
def test_any_open_objection_means_never_adopted(case):
    eligible, positions, version, quorum, now = case
    result = outcome(positions, eligible=eligible, version=version, quorum=quorum, now=now)
    blocking = any(p.blocks and p.version == version and p.voter in eligible for p in positions)
    if blocking:
        assert result.state != consent.ADOPTED


@given(scenario(), st.randoms())
def test_the_order_of_positions_does_not_matter(case, random):
    eligible, positions, version, quorum, now = case
    shuffled = list(positions)
    random.shuffle(shuffled)
    assert outcome(positions, eligible=eligible, version=version, quorum=quorum, now=now) == (
        outcome(shuffled, eligible=eligible, version=version, quorum=quorum, now=now))


@given(scenario())
def test_positions_of_older_versions_never_count(case):
    eligible, positions, version, quorum, now = case
    current_only = [p for p in positions if p.version == version]
    assert outcome(positions, eligible=eligible, version=version, quorum=quorum, now=now) == (
        outcome(current_only, eligible=eligible, version=version, quorum=quorum, now=now))


@given(scenario())
def test_adopted_only_when_decided_without_blocks_and_with_quorum(case):
    eligible, positions, version, quorum, now = case
    result = outcome(positions, eligible=eligible, version=version, quorum=quorum, now=now)
    assert result.responded <= result.eligible
    assert sum(result.counts.values()) == result.responded
    if result.state == consent.ADOPTED:
        assert result.open_objections == 0 and result.quorum_met and result.eligible > 0
    if now >= LATER or (eligible and result.responded == len(eligible)):
        assert result.decided
    else:
        assert result.state == consent.OPEN


# Polls --------------------------------------------------------------------------------------

OPTIONS = ("tuesday", "thursday", "friday")


def poll(choices, *, eligible=ORGS, version=1, now=NOW):
    return poll_outcome(eligible=eligible, choices=choices, options=OPTIONS, version=version,
                        deadline=LATER, now=now)


def test_a_poll_counts_one_option_per_voter_in_the_options_order():
    result = poll([Choice("org:a", "friday", 1), Choice("org:b", "friday", 1),
                   Choice("org:c", "tuesday", 1)])
    assert list(result.counts.items()) == [("tuesday", 1), ("thursday", 0), ("friday", 2)]
    assert result.leaders == ("friday",)
    assert result.state == consent.OPEN


def test_a_poll_is_decided_when_all_chose_or_at_the_deadline():
    all_chose = [Choice(v, "thursday", 1) for v in ORGS]
    assert poll(all_chose).state == consent.DECIDED
    assert poll([], now=LATER).state == consent.DECIDED
    assert poll([], now=LATER).leaders == ()


def test_a_poll_ignores_older_versions_and_refuses_unknown_options_and_doubles():
    assert poll([Choice("org:a", "friday", 1)], version=2).responded == 0
    with pytest.raises(ValueError):
        poll([Choice("org:a", "sunday", 1)])
    with pytest.raises(ValueError):
        poll([Choice("org:a", "friday", 1), Choice("org:a", "tuesday", 1)])


def test_a_tie_has_several_leaders():
    result = poll([Choice("org:a", "friday", 1), Choice("org:b", "tuesday", 1)], now=LATER)
    assert result.leaders == ("tuesday", "friday")
    assert result.as_tally()["leaders"] == ["tuesday", "friday"]


@given(st.lists(st.tuples(voters, st.sampled_from(OPTIONS)), unique_by=lambda t: t[0]),
       st.randoms())
def test_poll_counts_do_not_depend_on_order(pairs, random):
    eligible = frozenset(f"v{n}" for n in range(8))
    choices = [Choice(voter, option, 1) for voter, option in pairs]
    shuffled = list(choices)
    random.shuffle(shuffled)
    first = poll(choices, eligible=eligible)
    assert first == poll(shuffled, eligible=eligible)
    assert sum(first.counts.values()) == len(pairs)
