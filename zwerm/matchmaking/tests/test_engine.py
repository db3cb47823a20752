"""The pure engine and text analysis, on plain data: no database."""

from zwerm.matchmaking import quality
from zwerm.matchmaking.baseline import keyword_rank
from zwerm.matchmaking.engine import OFFER, SEEK, Engine, Entry, Profile
from zwerm.matchmaking.text import default_analyser, tokens


def profile(id_, kind="company", offers=(), seeks=(), themes=(), ecosystems=()):
    entries = [Entry(id_ * 10 + i, OFFER, title) for i, title in enumerate(offers)]
    entries += [Entry(id_ * 10 + 5 + i, SEEK, title) for i, title in enumerate(seeks)]
    return Profile(id_, kind, frozenset(themes), frozenset(ecosystems), tuple(entries))


def test_language_is_guessed_from_stop_words_and_glossary_words():
    analyser = default_analyser()
    assert analyser.language(tokens("Koppeling met overheidsdata via een API")) == "nl"
    assert analyser.language(tokens("Integration of data for the municipality")) == "en"
    assert analyser.language(tokens("5G")) == "both"


def test_a_dutch_need_meets_an_english_offer_through_the_glossary():
    analyser = default_analyser()
    need = set(analyser.terms("Hergebruikte bouwmaterialen uit sloopprojecten"))
    offer = set(analyser.terms("Reclaimed building materials from demolition"))
    shared = {term for term in need & offer if term.startswith("~")}
    labels = {analyser.concept_label(term) for term in shared}
    assert "hergebruik / reuse" in labels
    assert "sloop / demolition" in labels


def test_dutch_compounds_are_split_against_the_glossary():
    labels = {
        default_analyser().concept_label(term)
        for term in default_analyser().terms("glasvezelnetwerk") if term.startswith("~")
    }
    assert "glasvezel / fibre" in labels


def test_rank_explains_every_point_of_the_score():
    engine = Engine()
    engine.update([
        profile(1, "government", seeks=["Koppeling met overheidsdata"], themes=[7]),
        profile(2, "company", offers=["Integration of government data through an API"],
                themes=[7]),
        profile(3, "company", offers=["Catering voor bijeenkomsten"]),
    ])
    [match] = engine.rank(1)
    assert match.organisation == 2
    kinds = [part.kind for part in match.parts]
    assert kinds[0] == "offer_answers_need"
    assert "shared_theme" in kinds and "triple_helix" in kinds
    assert match.score == sum(part.points for part in match.parts)
    assert match.parts[0].data["need"] == "Koppeling met overheidsdata"


def test_the_reverse_direction_counts_less_than_an_answered_need():
    engine = Engine()
    engine.update([
        profile(1, offers=["Deelfietsen bij haltes"], seeks=["Reisgegevens van vervoerders"]),
        profile(2, seeks=["Deelfietsen bij haltes"]),
        profile(3, offers=["Reisgegevens van vervoerders"]),
    ])
    ranked = engine.rank(1)
    assert [match.organisation for match in ranked] == [3, 2]
    assert ranked[1].parts[0].kind == "need_answered_by_offer"


def test_among_and_exclude_restrict_the_candidates():
    engine = Engine()
    engine.update([profile(1, seeks=["glasvezel"])] + [
        profile(i, offers=["Aanleg van glasvezel"]) for i in range(2, 6)
    ])
    assert {m.organisation for m in engine.rank(1, among=[2, 3, 4], exclude=[3])} == {2, 4}


def test_hidden_ecosystems_give_no_points_and_no_reasons():
    engine = Engine()
    engine.set_ecosystems({50: [], 51: [9], 52: [9]})
    engine.update([
        profile(1, seeks=["glasvezel"], ecosystems=[50, 51]),
        profile(2, offers=["glasvezel"], ecosystems=[50]),
        profile(3, offers=["glasvezel"], ecosystems=[52]),
    ])
    seen = {m.organisation: m for m in engine.rank(1)}
    assert {p.data["theirs"] for p in seen[2].parts if p.kind == "neighbouring_ecosystem"} == {50}
    assert [p.data for p in seen[3].parts if p.kind == "neighbouring_ecosystem"] == [
        {"own": 51, "theirs": 52}  # neighbours through the shared theme 9
    ]
    hidden = {m.organisation: m for m in engine.rank(1, visible_ecosystems=[51])}
    assert not [p for p in hidden[2].parts if p.kind == "neighbouring_ecosystem"]
    assert not [p for p in hidden[3].parts if p.kind == "neighbouring_ecosystem"]
    assert hidden[2].score < seen[2].score


def test_updates_and_removals_change_the_answers():
    engine = Engine()
    engine.update([profile(1, seeks=["glasvezel"]), profile(2, offers=["glasvezel"])])
    assert [m.organisation for m in engine.rank(1)] == [2]
    engine.update([profile(2, offers=["catering"])])
    assert engine.rank(1) == []
    engine.update([profile(3, offers=["fibre network construction"])])
    engine.remove([2])
    assert [m.organisation for m in engine.rank(1)] == [3]


def test_precision_at_5_beats_keyword_overlap_on_the_labelled_cases():
    labelled = quality.load()
    assert len(labelled.cases) >= 30
    engine = Engine()
    engine.update(labelled.profiles)
    ours = quality.evaluate(labelled.cases, quality.engine_ranker(engine))
    baseline = quality.evaluate(labelled.cases, quality.baseline_ranker(labelled.profiles))
    assert ours["all"] > baseline["all"] + 0.15
    assert ours["cross_language"] > baseline["cross_language"]
    assert ours["all"] >= 0.8


def test_keyword_baseline_counts_shared_words_both_ways():
    profiles = [
        profile(1, offers=["open data"], seeks=["glasvezel aanleg"]),
        profile(2, offers=["glasvezel aanleg"]),
        profile(3, seeks=["open data"], offers=["glasvezel"]),
    ]
    assert keyword_rank(profiles, 1) == [(3, 3), (2, 2)]


def test_a_group_is_joined_by_who_answers_its_members_and_brings_a_missing_kind():
    engine = Engine()
    engine.set_ecosystems({60: [4]})
    engine.update([
        profile(1, "company", seeks=["Financiering voor glasvezel"], ecosystems=[60]),
        profile(2, "company", seeks=["Vergunningen voor graafwerk"], ecosystems=[60]),
        profile(3, "government", offers=["Permits for digging and cables"], themes=[4]),
        profile(4, "company", offers=["Loans and financing"]),
        profile(5, "company", offers=["Catering"]),
    ])
    ranked = engine.rank_group([1, 2], themes=[4], ecosystem=60)
    assert [match.organisation for match in ranked] == [3, 4]
    kinds = {part.kind for part in ranked[0].parts}
    assert kinds == {"offer_answers_need", "shared_theme", "triple_helix"}
    assert ranked[0].parts[0].data["member"] == 2
    assert "triple_helix" not in {part.kind for part in ranked[1].parts}


def test_a_few_changes_are_patched_in_and_agree_with_a_full_rebuild():
    profiles = [profile(1, seeks=["Aanleg van glasvezel", "Financiering"])] + [
        profile(i, offers=[f"Catering {i}"]) for i in range(2, 80)
    ]
    patched = Engine()
    patched.update(profiles)
    patched.rank(1)
    assert patched.full_builds == 1
    changes = [profile(5, offers=["Fibre network construction"]),
               profile(90, "government", offers=["Leningen en financiering"])]
    patched.update(changes)
    patched.remove([7])
    ranked = patched.rank(1)
    assert patched.full_builds == 1  # patched, not rebuilt
    fresh = Engine()
    fresh.update([p for p in profiles if p.id not in (5, 7)] + changes)
    assert [m.organisation for m in ranked] == [m.organisation for m in fresh.rank(1)]
    assert {m.organisation for m in ranked} == {5, 90}
    assert patched.rank(7) == []


def test_many_changes_rebuild_with_fresh_weights():
    engine = Engine()
    engine.update([profile(i, offers=["glasvezel"]) for i in range(1, 200)])
    engine.rank(1)
    engine.update([profile(i, offers=["fibre"]) for i in range(1, 100)])
    engine.rank(1)
    assert engine.full_builds == 2


def test_a_stop_word_is_no_glossary_term():
    analyser = default_analyser()
    assert not [t for t in analyser.terms("Make it happen") if t.startswith("~")]
    assert [t for t in analyser.terms("ICT-beheer") if t.startswith("~")]
