"""The live-session model (:mod:`unsc.sessions.model`) without HTTP: real Council votes re-enacted seat by
seat, the live tally and veto state before the close, tokens, and limits."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unsc.rules import Ballot, Council, NonVoting, Vote, decide
from unsc.sessions import (
    Conflict,
    Forbidden,
    LimitReached,
    MotionState,
    Role,
    SeatVote,
    Session,
    Unprocessable,
    Viewer,
    roll_call_order,
)

ELECTED_2024 = ["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"]
ELECTED_1950 = ["CUB", "ECU", "EGY", "IND", "NOR", "YUG"]
YES_239 = ["USA", "GBR", "FRA", "JPN", "KOR", "MLT", "CHE", "SVN", "ECU", "MOZ", "SLE"]


def council_2024() -> Session:
    return Session.create(date="2024-03-22", elected=ELECTED_2024, title="S/2024/239")


def vote_all(s: Session, votes: dict[str, str]) -> None:
    for code, v in votes.items():
        s.cast(s.token_of(code), code, v)


class FakeClock:
    def __init__(self) -> None:
        self.t = 1_000_000.0

    def __call__(self) -> float:
        return self.t


# -- real votes ---------------------------------------------------------------------------------------------


def test_s_2024_239_reenacted_veto_shown_before_close():
    s = council_2024()
    assert (s.size, s.threshold, s.permanent) == (15, 9, ("CHN", "FRA", "RUS", "GBR", "USA"))
    m = s.open_vote(s.chair_token, "Draft resolution S/2024/239")
    vote_all(s, dict.fromkeys(YES_239[:8], "Y"))
    live = s.live(m)
    assert (live["yes"], live["required"], live["more_yes_needed"], live["not_voted"]) == (8, 9, 1, 7)
    assert live["veto_now"] == [] and not live["if_closed_now"]["adopted"]
    assert live["if_closed_now"]["failure_reason"] == "insufficient_votes"
    vote_all(s, {"RUS": "N"})  # a no with 8 yes: not (yet) a veto
    live = s.live(m)
    assert live["p5_no"] == ["RUS"] and live["veto_now"] == []
    assert "not a veto unless the draft reaches 9" in live["veto_state"]
    vote_all(s, {"ECU": "Y", "MOZ": "Y", "SLE": "Y", "CHN": "N", "DZA": "N"})
    live = s.live(m)
    assert (live["yes"], live["no"], live["not_voted"]) == (11, 3, 1)
    assert live["veto_now"] == ["CHN", "RUS"]
    assert live["veto_state"].startswith("Veto: China and the Russian Federation voted no")
    assert live["if_closed_now"]["failure_reason"] == "veto"
    vote_all(s, {"GUY": "A"})
    assert s.live(m)["if_closed_now"]["tally"] == "11-3-1"
    m = s.close_vote(s.chair_token)
    d = m.decision
    assert (d["adopted"], d["failure_reason"], d["vetoed_by"], d["tally"]) == (False, "veto", ["CHN", "RUS"], "11-3-1")
    assert d["explanation"].startswith("Not adopted: vetoed by China and the Russian Federation")
    assert m.president == (
        "The result of the voting is as follows: 11 votes in favour, 3 against and 1 abstention. "
        "The draft resolution has not been adopted, owing to the negative vote of a permanent member of the Council."
    )
    assert m.closing_note is None  # everyone voted
    # the engine, called directly on the same votes, agrees
    direct = decide(Ballot.of("2024-03-22", yes=YES_239, no=["RUS", "CHN", "DZA"], abstain=["GUY"]))
    assert direct.to_dict()["explanation"] == d["explanation"]


def test_1950_ussr_absent_adopts_with_seven():
    s = Session.create(date="1950-07-07", elected=ELECTED_1950)
    assert (s.size, s.threshold) == (11, 7)
    assert {x.code: x.name for x in s.seats}["SUN"] == "USSR"
    assert {x.code: x.name for x in s.seats}["CHN"] == "Republic of China"
    m = s.open_vote(s.chair_token, "Draft resolution S/1588 (unified command in Korea)")
    vote_all(s, dict.fromkeys(["USA", "GBR", "FRA", "CHN", "CUB", "ECU", "NOR"], "Y"))
    vote_all(s, dict.fromkeys(["EGY", "IND", "YUG"], "A"))
    live = s.live(m)
    assert live["not_voted"] == 1 and live["if_closed_now"]["adopted"]
    m = s.close_vote(s.chair_token)
    assert m.votes["SUN"] == "absent"
    assert m.decision["adopted"] and m.decision["vetoed_by"] == [] and m.decision["absent"] == 1
    assert m.decision["tally"] == "7-0-3"
    assert m.closing_note.startswith("The USSR had not voted when the President closed the vote: counted as absent")
    assert "absence is not a veto" in m.closing_note
    assert "1 member did not vote" in m.president and m.president.endswith("has been adopted.")


def test_procedural_vote_with_a_permanent_no_adopts():
    s = council_2024()
    votes = dict.fromkeys(["USA", "GBR", "FRA", "JPN", "KOR", "MLT", "CHE", "SVN", "ECU"], "Y") | {"RUS": "N"}
    m = s.open_vote(s.chair_token, "Motion to adjourn", "procedural")
    vote_all(s, votes)
    live = s.live(m)
    assert live["voting_class"] == "procedural" and not live["veto_applies"] and live["veto_now"] == []
    assert live["veto_state"].startswith("Procedural vote (Art. 27(2)): nobody has a veto")
    m = s.close_vote(s.chair_token)
    assert m.decision["adopted"] and m.decision["p5_negative_votes"] == ["RUS"]
    assert m.president.startswith("The result of the voting is as follows: 9 votes in favour, 1 against")
    assert "The proposal has been adopted" in m.president
    # the same votes on a draft resolution: the Russian no is a veto
    m2 = s.open_vote(s.chair_token, "Draft resolution")
    vote_all(s, votes)
    assert s.live(m2)["veto_now"] == ["RUS"]
    assert s.close_vote(s.chair_token).decision["vetoed_by"] == ["RUS"]
    assert [h["number"] for h in s.view(s.chair_token)["history"]] == [2, 1]


def test_permanent_abstention_is_not_a_veto():
    s = council_2024()
    m = s.open_vote(s.chair_token, "Draft")
    vote_all(s, dict.fromkeys([c for c in [*ELECTED_2024, "CHN", "FRA", "RUS", "GBR"]], "Y") | {"USA": "A"})
    assert s.live(m)["veto_state"].startswith("The draft has the votes")
    assert s.close_vote(s.chair_token).decision["adopted"]


def test_reform_scenario_two_vetoes_needed():
    s = Session.create(scenario="two-vetoes")
    assert (s.size, s.threshold, s.vetoes_needed, s.date) == (15, 9, 2, None)
    assert [x.name for x in s.seats if not x.permanent][:2] == ["Elected seat 1", "Elected seat 2"]
    m = s.open_vote(s.chair_token, "Draft")
    vote_all(s, dict.fromkeys([f"E{i}" for i in range(1, 11)], "Y") | {"RUS": "N"})
    assert "takes the negative votes of 2 veto holders" in s.live(m)["veto_state"]
    vote_all(s, {"CHN": "N"})
    assert s.live(m)["veto_now"] == ["CHN", "RUS"]
    assert s.close_vote(s.chair_token).decision["failure_reason"] == "veto"


# -- delegates and tokens -----------------------------------------------------------------------------------


def test_delegate_changes_vote_until_close_then_final():
    s = council_2024()
    m = s.open_vote(s.chair_token, "Draft")
    t = s.token_of("FRA")
    v0 = s.version
    s.cast(t, None, "Y")  # a delegate's own seat by default
    s.cast(t, "FRA", "abstain")
    s.cast(t, "France", "no")
    assert m.votes["FRA"] == "N" and m.changes == 2 and s.version == v0 + 3
    s.cast(t, "FRA", "N")  # the same vote again changes nothing
    assert m.changes == 2 and s.version == v0 + 3
    assert s.view(t)["you"]["vote"] == "N"
    s.close_vote(s.chair_token)
    with pytest.raises(Conflict, match="votes are final"):
        s.cast(t, "FRA", "Y")
    assert m.votes["FRA"] == "N"


def test_tokens_are_checked():
    s = council_2024()
    usa, rus = s.token_of("USA"), s.token_of("RUS")
    assert len({usa, rus, s.chair_token}) == 3 and len(usa) >= 24
    with pytest.raises(Forbidden):
        s.open_vote(usa, "Draft")
    s.open_vote(s.chair_token, "Draft")
    with pytest.raises(Forbidden, match="votes for the United States only"):
        s.cast(usa, "RUS", "Y")
    with pytest.raises(Forbidden):
        s.cast("not-a-token", "USA", "Y")
    with pytest.raises(Forbidden):
        s.cast(None, "USA", "Y")
    with pytest.raises(Forbidden, match="only the President records a seat as absent"):
        s.cast(usa, "USA", "absent")
    with pytest.raises(Forbidden):
        s.close_vote(rus)
    with pytest.raises(Unprocessable, match="does not sit on this Council"):
        s.cast(s.chair_token, "BRA", "Y")
    with pytest.raises(Unprocessable, match="not a vote"):
        s.cast(usa, "USA", "maybe")
    s.cast(s.chair_token, "RUS", "Y")  # the chair records any seat (a roll call)
    s.cast(s.chair_token, "RUS", None)  # and clears it
    assert "RUS" not in s.current.votes
    assert s.role(rus) == "RUS" and s.role(None) == "public"
    with pytest.raises(Conflict, match="still open"):
        s.open_vote(s.chair_token, "Another")


def test_public_and_delegate_views_hold_no_tokens():
    s = council_2024()
    s.open_vote(s.chair_token, "Draft")
    secrets_ = [s.chair_token, *(s.token_of(x.code) for x in s.seats), *(x.token_hash for x in s.seats)]
    public = json.dumps(s.view(None))
    delegate = json.dumps(s.view(s.token_of("USA")))
    for tok in secrets_:
        assert tok not in public
        assert tok not in delegate or tok == s.token_of("USA")
    chair = s.view(s.chair_token, "http://x")
    assert len(chair["links"]) == 15 and all(s.token_of(link["code"]) in link["url"] for link in chair["links"])


def test_closing_with_no_votes_counts_everyone_absent():
    s = council_2024()
    s.open_vote(s.chair_token, "Draft")
    s.cast(s.chair_token, "GBR", "Y")
    m = s.close_vote(s.chair_token)
    assert m.decision["absent"] == 14 and m.decision["failure_reason"] == "insufficient_votes"
    assert m.decision["shortfall"] == 8
    assert sum(1 for v in m.votes.values() if v == "absent") == 14
    assert m.closing_note.count(",") >= 12 and "counted as absent" in m.closing_note
    with pytest.raises(Conflict, match="no vote is open"):
        s.close_vote(s.chair_token)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"date": "2024-03-22"}, "type its elected members"),
        ({"date": "1940-01-01", "elected": ELECTED_2024}, "no Security Council on 1940-01-01"),
        ({"date": "2024-03-22", "elected": ELECTED_2024[:9]}, "10 elected seats, 9 given"),
        ({"date": "2024-03-22", "elected": [*ELECTED_2024[:9], "Atlantis"]}, "unknown member 'Atlantis'"),
        ({"scenario": "no-such-model"}, "unknown scenario"),
        ({}, "give a date"),
    ],
)
def test_bad_sessions_are_refused(kwargs, message):
    with pytest.raises(Unprocessable, match=message):
        Session.create(**kwargs)


def test_bad_questions_and_kinds():
    s = council_2024()
    with pytest.raises(Unprocessable, match="question"):
        s.open_vote(s.chair_token, "   ")
    with pytest.raises(Unprocessable, match="at most 500"):
        s.open_vote(s.chair_token, "x" * 501)
    with pytest.raises(Unprocessable, match="unknown kind"):
        s.open_vote(s.chair_token, "Draft", "lottery")
    with pytest.raises(Unprocessable, match="not a yes/no vote"):
        s.open_vote(s.chair_token, "Judge", "icj_ballot")
    assert s.motions == []


def test_roll_call_order_is_alphabetical_from_the_lot():
    s = council_2024()
    names = {x.code: x.name for x in s.seats}
    order = roll_call_order(names, "MLT")
    assert order[0] == "MLT" and len(order) == 15 and set(order) == set(names)
    wrapped = order[order.index("DZA") :] + order[: order.index("DZA")]
    assert [names[c] for c in wrapped] == sorted(names.values())


# -- properties ----------------------------------------------------------------------------------------------

VOTES = st.sampled_from(["Y", "N", "A", "absent", "not_participating", None])


@settings(max_examples=60, deadline=None)
@given(st.lists(VOTES, min_size=15, max_size=15), st.sampled_from(["draft_resolution", "procedural", "amendment"]))
def test_preview_is_what_the_close_announces(votes, kind):
    s = council_2024()
    m = s.open_vote(s.chair_token, "Q", kind)
    for seat, v in zip(s.seats, votes, strict=True):
        if v is not None:
            s.cast(s.chair_token, seat.code, v)
    live = s.live(m)
    counted = live["yes"] + live["no"] + live["abstain"] + live["absent"] + live["not_participating"]
    assert counted + live["not_voted"] == 15
    preview = live["if_closed_now"]
    m = s.close_vote(s.chair_token)
    assert (m.decision["adopted"], m.decision["failure_reason"], m.decision["tally"]) == (
        preview["adopted"],
        preview["failure_reason"],
        preview["tally"],
    )
    assert m.president == preview["president"] and m.decision["explanation"] == preview["explanation"]
    assert live["veto_now"] == m.decision["vetoed_by"]
    # and the engine alone, with the roster of the date, decides the same
    lists = {"yes": "Y", "no": "N", "abstain": "A"}
    b = Ballot.of(
        "2024-03-22",
        kind=kind,
        **{k: [x.code for x, v in zip(s.seats, votes, strict=True) if v == code] for k, code in lists.items()},
        not_participating=[x.code for x, v in zip(s.seats, votes, strict=True) if v == "not_participating"],
    )
    engine = decide(b, Council.on("2024-03-22", elected=ELECTED_2024))
    assert engine.adopted == m.decision["adopted"]
    # one announcement: the President's words are the rules' own, and say what the short form says
    assert m.president == engine.statement
    assert ("has been adopted" in m.president) == engine.announcement.startswith("adopted")
    assert ("owing to the negative vote" in m.president) == ("owing to the negative vote" in engine.announcement)


def test_votes_per_session_are_bounded():
    s = council_2024()
    s.max_motions = 3
    for _ in range(3):
        s.open_vote(s.chair_token, "Q")
        s.close_vote(s.chair_token)
    with pytest.raises(LimitReached, match="held 3 votes"):
        s.open_vote(s.chair_token, "Q")


# -- the rules' vocabulary ---------------------------------------------------------------------------------


def test_seat_votes_are_the_rules_votes_and_reasons():
    assert [v.vote for v in SeatVote] == [Vote.YES, Vote.NO, Vote.ABSTAIN, Vote.NON_VOTING, Vote.NON_VOTING]
    assert [v.reason for v in SeatVote] == [None, None, None, NonVoting.ABSENT, NonVoting.NOT_PARTICIPATING]
    # stored and sent as the same strings as before the enum
    assert [str(v) for v in SeatVote] == ["Y", "N", "A", "absent", "not_participating"]


def test_a_closed_vote_is_stored_with_enums_as_plain_strings_and_read_back():
    s = council_2024()
    m = s.open_vote(s.chair_token, "Q", "amendment")
    s.cast(s.token_of("FRA"), "FRA", "present not participating", number=1)
    s.cast(s.chair_token, "USA", "absent")
    s.close_vote(s.chair_token)
    raw = json.loads(json.dumps(s.to_dict()))
    stored = raw["motions"][0]
    assert (stored["state"], stored["kind"], stored["votes"]["FRA"], stored["votes"]["USA"]) == (
        "closed",
        "amendment",
        "not_participating",
        "absent",
    )
    back = Session.from_dict(raw).motions[0]
    assert back.state is MotionState.CLOSED and back.votes["FRA"] is SeatVote.NOT_PARTICIPATING
    assert back.votes == m.votes


def test_a_bad_stored_vote_names_the_field():
    s = council_2024()
    s.open_vote(s.chair_token, "Q")
    raw = s.to_dict()
    raw["motions"][0]["votes"]["FRA"] = "maybe"
    with pytest.raises(ValueError, match="votes: FRA: 'maybe' is not one of Y, N, A, absent, not_participating"):
        Session.from_dict(raw)


def test_viewers_by_token():
    s = council_2024()
    assert s.viewer(s.chair_token) == Viewer(Role.CHAIR)
    assert s.viewer(s.token_of("GUY")) == Viewer(Role.DELEGATE, "GUY")
    assert s.viewer(None) == Viewer(Role.PUBLIC)
    assert [s.view(t)["role"] for t in (s.chair_token, s.token_of("GUY"), None)] == ["chair", "GUY", "public"]
    with pytest.raises(Forbidden):
        s.viewer("not-a-token")
