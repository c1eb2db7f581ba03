"""The reader of member votes by evidence (unsc.news.reader): mentions, candidate pairs, features, the linear
score and how extract_claims uses it. Sentences are our own; none is taken from an annotated report."""

from __future__ import annotations

import pytest

from unsc.news import reader
from unsc.news.extract import extract_claims, member_mentions


def _pairs(sentence: str) -> list[tuple[str, str]]:
    return [(m, c) for m, c, _ in reader.candidates(member_mentions(sentence))]


def _feature(sentence: str, member: str, category: str, name: str) -> float:
    found = [f[name] for m, c, f in reader.candidates(member_mentions(sentence)) if (m, c) == (member, category)]
    assert found, f"no candidate ({member}, {category}) in {sentence!r}"
    return found[0]


def test_every_state_is_paired_with_every_vote_word_by_category() -> None:
    pairs = _pairs("Norway cast an abstention whereas Chile opposed the text.")
    assert pairs == [("NOR", "abstain"), ("NOR", "no"), ("CHL", "abstain"), ("CHL", "no")]


def test_vote_words_cover_no_part_and_veto_nouns() -> None:
    assert ("PER", "did not vote") in _pairs("Peru took no part when the ballot was held.")
    assert ("GBR", "veto") in _pairs("London shot it down within minutes.")


def test_a_group_name_stands_for_its_states() -> None:
    pairs = _pairs("The three Western powers abstained on the Soviet text.")
    assert {m for m, c in pairs if c == "abstain"} >= {"USA", "GBR", "FRA"}


def test_negation_and_modality_before_the_vote_word() -> None:
    # a negated vote word says nothing of anyone: no candidate at all
    assert reader.candidates(member_mentions("France did not veto the plan.")) == []
    assert reader.candidates(member_mentions("Nobody voted against, Peru included.")) == []
    assert _feature("France vetoed the plan.", "FRA", "veto", "neg") == 0.0
    assert _feature("It passed by ten votes to none, Peru abstaining.", "PER", "abstain", "neg") == 0.0
    assert _feature("China could abstain next week.", "CHN", "abstain", "modal") == 1.0
    assert _feature("China abstained last week.", "CHN", "abstain", "modal") == 0.0


def test_a_state_used_as_an_adjective_or_a_target_is_marked() -> None:
    assert _feature("Ghana backed the Mexican proposal.", "MEX", "yes", "modifier") == 1.0
    assert _feature("Ghana backed the Mexican proposal.", "GHA", "yes", "modifier") == 0.0
    assert _feature("Members opposed new curbs on Sudan.", "SDN", "no", "prep_target") == 1.0


def test_a_list_of_states_reaches_its_vote_word() -> None:
    s = "Kenya, Brazil and Japan abstained."
    assert _feature(s, "KEN", "abstain", "run_gap") == 0.0  # the list runs up to the vote word
    assert _feature(s, "KEN", "abstain", "run_adjacent_before") == 1.0
    assert _feature("Kenya, in a long speech, abstained.", "KEN", "abstain", "run_adjacent_before") == 0.0
    assert _feature(s, "KEN", "abstain", "log_dist") > _feature(s, "JPN", "abstain", "log_dist")
    assert _feature("It passed, with Ireland and Malta abstaining.", "IRL", "abstain", "absolute_with") == 1.0
    assert _feature("Ireland, at the start, was abstaining.", "IRL", "abstain", "absolute_with") == 0.0


def test_propose_keeps_the_best_category_over_the_threshold_and_skips_known_members() -> None:
    w = {"bias": -1.0, "cat_abstain": 3.0}
    norm = member_mentions("Egypt and Oman abstained while nobody voted against.")
    got = reader.propose(norm, weights=w, threshold=0.5)
    assert [(p.member, p.category) for p in got] == [("EGY", "abstain"), ("OMN", "abstain")]
    assert [p.member for p in reader.propose(norm, have={"EGY"}, weights=w, threshold=0.5)] == ["OMN"]
    assert reader.propose(norm, weights=w, threshold=0.99) == []


def test_score_is_the_logistic_of_the_linear_sum() -> None:
    assert reader.score({"a": 1.0, "b": 2.0}, {"bias": 0.5, "a": -0.5, "b": 1.0}) == pytest.approx(0.8808, abs=1e-4)


TEXT = (
    "The Security Council adopted a resolution on Haiti on Monday by 13 votes, "
    "the abstentions being the lot of Gabon and of Ecuador, by then in its second year."
)


def test_extract_adds_claims_read_by_evidence_and_never_a_second_vote(monkeypatch: pytest.MonkeyPatch) -> None:
    def votes(ex: object) -> list[tuple[str | None, object, str | None]]:
        return sorted((c.member, c.claimed, c.note) for c in ex.claims if c.field == "vote")  # type: ignore[attr-defined]

    before = votes(extract_claims(TEXT, "2024-06-03"))
    monkeypatch.setattr(reader, "WEIGHTS", {"bias": -1.0, "cat_abstain": 3.0})
    monkeypatch.setattr(reader, "THRESHOLD", 0.5)
    after = votes(extract_claims(TEXT, "2024-06-03"))
    added = [v for v in after if v not in before]
    assert ("GAB", "abstain", "read by evidence") in added
    members = [m for m, _, _ in after]
    assert len(members) == len(set(members)), "a member was given two votes"


def test_votes_read_by_evidence_stay_only_with_a_vote_the_shapes_described(monkeypatch: pytest.MonkeyPatch) -> None:
    from unsc.news import extract

    monkeypatch.setattr(extract, "_sentence_votes", lambda norm: [])  # every member vote now comes from the reader
    monkeypatch.setattr(reader, "WEIGHTS", {"bias": -1.0, "cat_abstain": 3.0})
    monkeypatch.setattr(reader, "THRESHOLD", 0.5)
    text = (
        "The Security Council on Monday adopted resolution 1559 by nine votes to none, Gabon abstaining. "
        "Last year, on a similar vote, Peru and Chile abstained."
    )
    got = {(c.member, c.event) for c in extract_claims(text, "2004-09-06").claims if c.field == "vote"}
    assert ("GAB", 0) in got  # the main vote has an outcome and a tally of the shape readers
    assert not any(m in ("PER", "CHL") for m, _ in got)  # the earlier vote has nothing else: no claim to match it by


def test_a_recalled_vote_keeps_the_states_of_its_own_day() -> None:
    text = (
        "The Security Council on Monday adopted resolution 1559 by nine votes to none, with six abstentions. "
        "In March 1978 the Council adopted resolution 425, with the Soviet Union abstaining."
    )
    votes = [(c.member, c.event) for c in extract_claims(text, "2004-09-06").claims if c.field == "vote"]
    assert votes == [("SUN", 1)]
